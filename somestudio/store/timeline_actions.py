"""The timeline's actions: the user's own (stored) and published posts (read from the
deliveries), as markers on the charts and subjects of a before/after comparison."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime

from somestudio.domain.growth.actions import ActionKind, TimelineAction
from somestudio.domain.utc import parse_utc, utc_text


def add_action(
    conn: sqlite3.Connection,
    day: date,
    note: str,
    now: datetime,
    *,
    account_id: int | None = None,
    kind: ActionKind = ActionKind.USER,
    ref: int | None = None,
) -> int:
    cursor = conn.execute(
        "INSERT INTO timeline_actions (day, note, kind, ref, account_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (day.isoformat(), note, kind.value, ref, account_id, utc_text(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def remove_action(conn: sqlite3.Connection, action_id: int) -> bool:
    return conn.execute("DELETE FROM timeline_actions WHERE id = ?", (action_id,)).rowcount == 1


def stored_actions(conn: sqlite3.Connection, start: date, end: date) -> list[TimelineAction]:
    """Stored actions of days ``start`` ≤ day < ``end``, oldest first."""
    found = []
    for row in conn.execute(
        "SELECT id, day, note, kind, account_id FROM timeline_actions"
        " WHERE day >= ? AND day < ? ORDER BY day, id",
        (start.isoformat(), end.isoformat()),
    ):
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


def delivered_collaborations(
    conn: sqlite3.Connection, start: date, end: date
) -> list[TimelineAction]:
    """Collaborations marked delivered on days ``start`` ≤ day < ``end`` (the app's own
    actions: a step back forgets the day, so the action goes with it), oldest first."""
    return [
        TimelineAction(
            ActionKind.COLLABORATION,
            date.fromisoformat(row[1]),
            f"{row[2]}: {row[3]}" if row[3] else str(row[2]),
            int(row[0]),
        )
        for row in conn.execute(
            "SELECT c.id, c.delivered_on, p.company, c.title FROM collaborations c"
            " JOIN partners p ON p.id = c.partner_id"
            " WHERE c.delivered_on >= ? AND c.delivered_on < ? ORDER BY c.delivered_on, c.id",
            (start.isoformat(), end.isoformat()),
        )
    ]


def published_moments(
    conn: sqlite3.Connection, start: datetime, end: datetime, account_ids: Iterable[int] = ()
) -> list[tuple[int, int, datetime, str]]:
    """(delivery id, account id, published at, text) of posts published in [start, end)
    (of ``account_ids`` only, when given), oldest first."""
    wanted = set(account_ids)
    rows = conn.execute(
        "SELECT d.id, d.account_id, d.published_at, coalesce(d.text_override, p.base_text)"
        " FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
        " WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ?"
        " ORDER BY d.published_at, d.id",
        (utc_text(start), utc_text(end)),
    ).fetchall()
    return [
        (int(r[0]), int(r[1]), parse_utc(r[2]), str(r[3]))
        for r in rows
        if not wanted or int(r[1]) in wanted
    ]


def published_posts(
    conn: sqlite3.Connection, start: datetime, end: datetime
) -> list[tuple[int, int, datetime]]:
    """(post id, account id, published at) of each delivery published in [start, end)."""
    rows = conn.execute(
        "SELECT d.post_id, d.account_id, d.published_at FROM deliveries d"
        " JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
        " WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ?"
        " ORDER BY d.published_at, d.id",
        (utc_text(start), utc_text(end)),
    ).fetchall()
    return [(int(r[0]), int(r[1]), parse_utc(r[2])) for r in rows]
