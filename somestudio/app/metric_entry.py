"""Numbers entered by hand or imported from CSV: a post's counts, an account's followers,
series of their own (a blog's views, event sign-ups). Imports are all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.domain.metric_csv import MetricTable, Problem, parse_metric_csv
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store import custom_series as series_rows
from somestudio.store import metric_writes as rows
from somestudio.store.sql import Conn, write

Connect = Callable[[], Conn]


def enter_post_numbers(
    connect: Connect, delivery_id: int, at: datetime, counts: PostCounts
) -> None:
    conn = connect()
    with write(conn):
        rows.add_post_snapshot(conn, delivery_id, at, counts, "manual")


def enter_account_numbers(
    connect: Connect, account_id: int, at: datetime, counts: AccountCounts
) -> None:
    conn = connect()
    with write(conn):
        rows.add_account_snapshot(conn, account_id, at, counts, "manual")


def enter_series_value(connect: Connect, name: str, day: date, value: float) -> None:
    if not name.strip():
        raise ValueError("give the series a name, e.g. 'Blog views'")
    conn = connect()
    now = utc_now()
    with write(conn):
        series_id = series_rows.ensure_series(conn, name.strip(), now)
        series_rows.set_value(conn, series_id, day, value, now=now)


@dataclass
class ImportResult:
    posts: int = 0
    accounts: int = 0
    series: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _delivery_id(conn: Conn, post: str, account: str) -> int | str:
    """The delivery meant, or a problem's message."""
    if not post.isdigit():
        found = rows.delivery_by_remote(conn, post)
        return found if found is not None else "no published post has this link or id"
    account_id = account_rows.account_by_ref(conn, account) if account else None
    if account and account_id is None:
        return "no such account"
    if account_id is not None:
        found = rows.delivery_by_post_and_account(conn, int(post), account_id)
        return found if found is not None else "the post did not go to this account"
    ids = rows.deliveries_of_post(conn, int(post))
    if not ids:
        return "no post with this number"
    if len(ids) > 1:
        return "the post went to several accounts: add an account column"
    return ids[0]


def import_metric_csv(
    connect: Connect, path: Path, zone: ZoneInfo, *, dry_run: bool = False
) -> ImportResult:
    from somestudio.app.input_files import CSV_LIMIT, InputError, read_file  # noqa: PLC0415

    try:
        text = read_file(path, CSV_LIMIT).decode("utf-8-sig")
    except InputError as exc:
        return ImportResult(problems=[Problem(0, str(path), str(exc))])
    except (OSError, UnicodeDecodeError) as exc:
        return ImportResult(problems=[Problem(0, str(path), f"cannot be read as UTF-8: {exc}")])
    return import_metric_table(connect, parse_metric_csv(text, zone), dry_run=dry_run)


def import_metric_table(
    connect: Connect, table: MetricTable, *, dry_run: bool = False
) -> ImportResult:
    result = ImportResult(problems=list(table.problems))
    conn = connect()
    deliveries: dict[int, int] = {}
    for item in table.posts:
        found = _delivery_id(conn, item.post, item.account)
        if isinstance(found, str):
            result.problems.append(Problem(item.line, "post", found))
        else:
            deliveries[item.line] = found
    accounts: dict[int, int] = {}
    for entry in table.accounts:
        account_id = account_rows.account_by_ref(conn, entry.account)
        if account_id is None:
            result.problems.append(Problem(entry.line, "account", "no such account"))
        else:
            accounts[entry.line] = account_id
    if result.problems or dry_run:
        result.problems.sort(key=lambda p: p.line)
        if not result.problems:
            result.posts, result.accounts = len(table.posts), len(table.accounts)
            result.series = len(table.series)
        return result
    now = utc_now()
    with write(conn):
        for item in table.posts:
            rows.add_post_snapshot(conn, deliveries[item.line], item.at, item.counts, "csv")
        for entry in table.accounts:
            rows.add_account_snapshot(conn, accounts[entry.line], entry.at, entry.counts, "csv")
        for value in table.series:
            series_id = series_rows.ensure_series(conn, value.series, now)
            series_rows.set_value(conn, series_id, value.day, value.value, now=now, source="csv")
    result.posts, result.accounts, result.series = (
        len(table.posts),
        len(table.accounts),
        len(table.series),
    )
    return result
