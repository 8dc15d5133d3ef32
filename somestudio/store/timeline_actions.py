"""The timeline's actions: the user's own (stored) and published posts (read from the
deliveries), as markers on the charts and subjects of a before/after comparison."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date, datetime

from somestudio.domain.growth.actions import ActionKind, TimelineAction
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run

_ADD = Sql(
    "INSERT INTO timeline_actions (day, note, kind, ref, account_id, created_at)"
    " VALUES (:day, :note, :kind, :ref, :account, :now) RETURNING id"
)
_REMOVE = Sql("DELETE FROM timeline_actions WHERE id = :id RETURNING id")
_STORED = Sql(
    "SELECT id, day, note, kind, account_id FROM timeline_actions"
    " WHERE day >= :start AND day < :end ORDER BY day, id"
)
_DELIVERED = Sql(
    "SELECT c.id, c.delivered_on, p.company, c.title FROM collaborations c"
    " JOIN partners p ON p.id = c.partner_id"
    " WHERE c.delivered_on >= :start AND c.delivered_on < :end ORDER BY c.delivered_on, c.id"
)
_MOMENTS = Sql(
    "SELECT d.id, d.account_id, d.published_at, coalesce(d.text_override, p.base_text)"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
    " WHERE d.state = 'published' AND d.published_at >= :start AND d.published_at < :end"
    " ORDER BY d.published_at, d.id"
)
_PUBLISHED = Sql(
    "SELECT d.post_id, d.account_id, d.published_at FROM deliveries d"
    " JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
    " WHERE d.state = 'published' AND d.published_at >= :start AND d.published_at < :end"
    " ORDER BY d.published_at, d.id"
)


def _days(start: date, end: date) -> dict[str, str]:
    return {"start": start.isoformat(), "end": end.isoformat()}


def _times(start: datetime, end: datetime) -> dict[str, str]:
    return {"start": utc_text(start), "end": utc_text(end)}


def add_action(
    conn: Conn,
    day: date,
    note: str,
    now: datetime,
    *,
    account_id: int | None = None,
    kind: ActionKind = ActionKind.USER,
    ref: int | None = None,
) -> int:
    params = {
        "day": day.isoformat(),
        "note": note,
        "kind": kind.value,
        "ref": ref,
        "account": account_id,
        "now": utc_text(now),
    }
    return one_id(run(conn, _ADD, params))


def remove_action(conn: Conn, action_id: int) -> bool:
    return changed(run(conn, _REMOVE, {"id": action_id})) == 1


def stored_actions(conn: Conn, start: date, end: date) -> list[TimelineAction]:
    """Stored actions of days ``start`` ≤ day < ``end``, oldest first."""
    found = []
    for row in run(conn, _STORED, _days(start, end)):
        try:
            kind = ActionKind(row[3])
        except ValueError:
            continue
        found.append(
            TimelineAction(
                kind, date.fromisoformat(row[1]), str(row[2]), int(row[0]), row[4] and int(row[4])
            )
        )
    return found


def delivered_collaborations(conn: Conn, start: date, end: date) -> list[TimelineAction]:
    """Collaborations marked delivered on days ``start`` ≤ day < ``end`` (the app's own
    actions: a step back forgets the day, so the action goes with it), oldest first."""
    return [
        TimelineAction(
            ActionKind.COLLABORATION,
            date.fromisoformat(row[1]),
            f"{row[2]}: {row[3]}" if row[3] else str(row[2]),
            int(row[0]),
        )
        for row in run(conn, _DELIVERED, _days(start, end))
    ]


def marked_actions(
    conn: Conn, start: date, end: date, account_ids: AbstractSet[int] | None = None
) -> list[TimelineAction]:
    """What the followers chart marks on days ``start`` ≤ day < ``end`` and the Actions tab
    lists: the stored actions and the collaborations delivered, by day. ``account_ids``:
    only actions tied to one of these accounts or to none (None: every action)."""
    found = [*stored_actions(conn, start, end), *delivered_collaborations(conn, start, end)]
    return sorted(
        (
            a
            for a in found
            if account_ids is None or a.account_id is None or a.account_id in account_ids
        ),
        key=lambda a: a.day,
    )


def published_moments(
    conn: Conn, start: datetime, end: datetime, account_ids: Iterable[int] = ()
) -> list[tuple[int, int, datetime, str]]:
    """(delivery id, account id, published at, text) of posts published in [start, end)
    (of ``account_ids`` only, when given), oldest first."""
    wanted = set(account_ids)
    rows = run(conn, _MOMENTS, _times(start, end)).fetchall()
    return [
        (int(r[0]), int(r[1]), parse_utc(r[2]), str(r[3]))
        for r in rows
        if not wanted or int(r[1]) in wanted
    ]


def published_posts(conn: Conn, start: datetime, end: datetime) -> list[tuple[int, int, datetime]]:
    """(post id, account id, published at) of each delivery published in [start, end)."""
    rows = run(conn, _PUBLISHED, _times(start, end)).fetchall()
    return [(int(r[0]), int(r[1]), parse_utc(r[2])) for r in rows]
