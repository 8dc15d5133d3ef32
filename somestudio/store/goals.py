"""Goals: a number by a date or a cadence, per account or overall."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run

_COLUMNS = "id, title, measure, target, start_day, deadline, per, account_id"
_ADD = Sql(
    "INSERT INTO goals (title, measure, target, start_day, deadline, per, account_id,"
    " created_at) VALUES (:title, :measure, :target, :start, :deadline, :per, :account,"
    " :now) RETURNING id"
)
_UPDATE = Sql(
    "UPDATE goals SET title = :title, measure = :measure, target = :target,"
    " start_day = :start, deadline = :deadline, per = :per, account_id = :account"
    " WHERE id = :id RETURNING id"
)
_REMOVE = Sql("DELETE FROM goals WHERE id = :id RETURNING id")
_GET = Sql(f"SELECT {_COLUMNS} FROM goals WHERE id = :id")  # noqa: S608 - column names only
_LIST = Sql(f"SELECT {_COLUMNS} FROM goals ORDER BY id")  # noqa: S608 - column names only
_POST_NUMBERS = Sql(
    "SELECT d.account_id, d.published_at,"
    " CASE WHEN coalesce(m.likes, m.reposts, m.replies, m.quotes, m.bookmarks) IS NOT NULL"
    " THEN coalesce(m.likes,0) + coalesce(m.reposts,0) + coalesce(m.replies,0)"
    " + coalesce(m.quotes,0) + coalesce(m.bookmarks,0) END, m.views"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
    " LEFT JOIN metric_latest m ON m.delivery_id = d.id"
    " WHERE d.state = 'published' AND d.published_at >= :start AND d.published_at < :end"
    " ORDER BY d.published_at, d.id"
)


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


def _values(goal: Goal) -> dict[str, object]:
    return {
        "title": goal.title,
        "measure": goal.measure.value,
        "target": goal.target,
        "start": goal.start.isoformat(),
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
        "per": goal.per.value if goal.per else None,
        "account": goal.account_id,
    }


def add_goal(conn: Conn, goal: Goal, now: datetime) -> int:
    return one_id(run(conn, _ADD, {**_values(goal), "now": utc_text(now)}))


def update_goal(conn: Conn, goal: Goal) -> bool:
    assert goal.id is not None
    return changed(run(conn, _UPDATE, {**_values(goal), "id": goal.id})) == 1


def remove_goal(conn: Conn, goal_id: int) -> bool:
    return changed(run(conn, _REMOVE, {"id": goal_id})) == 1


def get_goal(conn: Conn, goal_id: int) -> Goal | None:
    row = run(conn, _GET, {"id": goal_id}).fetchone()
    return None if row is None else _goal(tuple(row))


def list_goals(conn: Conn) -> list[Goal]:
    rows = run(conn, _LIST).fetchall()
    return [g for g in (_goal(tuple(r)) for r in rows) if g is not None]


def post_numbers(
    conn: Conn, start: datetime, end: datetime
) -> list[tuple[int, datetime, int | None, int | None]]:
    """(account id, published at, engagements, views) of each post published in [start, end)
    with its newest numbers: None for a figure it has none of (never measured, or its network
    reports none of the likes, reposts, replies, quotes and bookmarks engagements add up)."""
    rows = run(conn, _POST_NUMBERS, {"start": utc_text(start), "end": utc_text(end)}).fetchall()
    return [(int(r[0]), parse_utc(r[1]), _count(r[2]), _count(r[3])) for r in rows]


def _count(value: Any) -> int | None:
    return None if value is None else int(value)
