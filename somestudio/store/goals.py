"""Goals: a number by a date or a cadence, per account or overall."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any

from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.utc import parse_utc, utc_text

_SELECT = "SELECT id, title, measure, target, start_day, deadline, per, account_id FROM goals"


def _goal(row: tuple[Any, ...]) -> Goal | None:
    try:
        measure = Measure(row[2])
        per = Per(row[6]) if row[6] else None
    except ValueError:
        return None  # a kind of goal a newer version wrote: left alone
    return Goal(
        title=str(row[1]),
        measure=measure,
        target=int(row[3]),
        start=date.fromisoformat(row[4]),
        deadline=date.fromisoformat(row[5]) if row[5] else None,
        per=per,
        account_id=None if row[7] is None else int(row[7]),
        id=int(row[0]),
    )


def _values(goal: Goal) -> tuple[object, ...]:
    return (
        goal.title,
        goal.measure.value,
        goal.target,
        goal.start.isoformat(),
        goal.deadline.isoformat() if goal.deadline else None,
        goal.per.value if goal.per else None,
        goal.account_id,
    )


def add_goal(conn: sqlite3.Connection, goal: Goal, now: datetime) -> int:
    cursor = conn.execute(
        "INSERT INTO goals (title, measure, target, start_day, deadline, per, account_id,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*_values(goal), utc_text(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_goal(conn: sqlite3.Connection, goal: Goal) -> bool:
    assert goal.id is not None
    cursor = conn.execute(
        "UPDATE goals SET title = ?, measure = ?, target = ?, start_day = ?, deadline = ?,"
        " per = ?, account_id = ? WHERE id = ?",
        (*_values(goal), goal.id),
    )
    return cursor.rowcount == 1


def remove_goal(conn: sqlite3.Connection, goal_id: int) -> bool:
    return conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount == 1


def get_goal(conn: sqlite3.Connection, goal_id: int) -> Goal | None:
    row = conn.execute(_SELECT + " WHERE id = ?", (goal_id,)).fetchone()
    return None if row is None else _goal(row)


def list_goals(conn: sqlite3.Connection) -> list[Goal]:
    rows = conn.execute(_SELECT + " ORDER BY id").fetchall()
    return [g for g in map(_goal, rows) if g is not None]


def post_numbers(
    conn: sqlite3.Connection, start: datetime, end: datetime
) -> list[tuple[int, datetime, int, int | None]]:
    """(account id, published at, engagements, views) of each post published in [start, end)
    with its newest numbers (a post never measured counts nothing)."""
    rows = conn.execute(
        "SELECT d.account_id, d.published_at,"
        " coalesce(m.likes,0) + coalesce(m.reposts,0) + coalesce(m.replies,0)"
        " + coalesce(m.quotes,0) + coalesce(m.bookmarks,0), m.views"
        " FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
        " LEFT JOIN metric_latest m ON m.delivery_id = d.id"
        " WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ?"
        " ORDER BY d.published_at, d.id",
        (utc_text(start), utc_text(end)),
    ).fetchall()
    return [
        (int(r[0]), parse_utc(r[1]), int(r[2]), None if r[3] is None else int(r[3])) for r in rows
    ]
