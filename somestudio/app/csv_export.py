"""Exporting the plan as CSV in the layout the import reads, so an export re-imports to the
same posts.

One row per post, or — where a post's accounts differ in time, zone, text or draft — one
row per group of its deliveries that agree. Published posts are history and left out (a
re-import would publish them twice); a failed, missed or held delivery comes out as a draft
at its time, since it waits for a decision anyway. Per-account thread parts are not in the
CSV: the row carries the text each account posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.export_targets import refuse_inside_data_folder
from somestudio.app.workspace import Workspace
from somestudio.domain.csv_export import ExportRow, account_name, write_csv
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import Account
from somestudio.domain.timeplan import to_local
from somestudio.store import accounts as account_rows
from somestudio.store.plan_rows import PlannedPost, planned_posts


def export_rows(workspace: Workspace, *, account_id: int | None = None) -> list[ExportRow]:
    conn = workspace.connection()
    accounts = account_rows.list_accounts(conn)
    rows: list[ExportRow] = []
    for post in planned_posts(conn, account_id=account_id):
        rows += rows_of(post, accounts)
    return rows


def rows_of(post: PlannedPost, accounts: Sequence[Account]) -> list[ExportRow]:
    by_id = {a.id: a for a in accounts}
    groups: dict[tuple[str, str, str, str, bool], list[str]] = {}
    for d in post.deliveries:
        account = by_id.get(d.account_id)
        if account is None:
            continue  # a removed account: nothing to publish to
        draft = d.state is not DeliveryState.SCHEDULED
        if d.scheduled_at is not None and d.time_zone:
            wall = to_local(d.scheduled_at, d.time_zone)
            day = wall.date().isoformat()
            clock = f"{wall:%H:%M}" if wall.second == 0 else f"{wall:%H:%M:%S}"
            zone = d.time_zone
        else:
            day, clock, zone = "", "", ""
        key = (day, clock, zone, d.text, draft)
        groups.setdefault(key, []).append(account_name(account, accounts))
    return [
        ExportRow(
            text=text,
            accounts=tuple(names),
            date=day,
            time=clock,
            zone=zone,
            media=tuple(path for path, _ in post.media),
            alt_texts=tuple(alt for _, alt in post.media),
            labels=post.labels,
            draft=draft,
        )
        for (day, clock, zone, text, draft), names in groups.items()
    ]


def export_csv(
    workspace: Workspace,
    target: Path,
    *,
    account_id: int | None = None,
    delimiter: str = ",",
) -> int:
    """Write the plan to ``target`` (UTF-8 with a BOM); the number of rows written."""
    refuse_inside_data_folder(target, workspace.home)
    rows = export_rows(workspace, account_id=account_id)
    write_bytes_atomically(target, write_csv(rows, delimiter=delimiter).encode("utf-8"))
    return len(rows)
