"""Series of numbers no API gives (a blog's views, event sign-ups): one value per day."""

from __future__ import annotations

from datetime import date, datetime

from somestudio.domain.utc import utc_text
from somestudio.store.sql import Conn, Sql, one_id, run

_FIND = Sql("SELECT id FROM custom_series WHERE name = :name")
_ADD = Sql(
    "INSERT INTO custom_series (name, unit, created_at) VALUES (:name, :unit, :now) RETURNING id"
)
_SET = Sql(
    "INSERT INTO custom_values (series_id, day, value, source, recorded_at)"
    " VALUES (:series, :day, :value, :source, :now) ON CONFLICT (series_id, day) DO UPDATE SET"
    " value = excluded.value, source = excluded.source, recorded_at = excluded.recorded_at"
)
_LIST = Sql("SELECT id, name, unit FROM custom_series ORDER BY name")
_BETWEEN = Sql(
    "SELECT day, value FROM custom_values WHERE series_id = :series AND day >= :start"
    " AND day < :end ORDER BY day"
)


def ensure_series(conn: Conn, name: str, now: datetime, unit: str = "") -> int:
    row = run(conn, _FIND, {"name": name}).fetchone()
    if row is not None:
        return int(row[0])
    return one_id(run(conn, _ADD, {"name": name, "unit": unit, "now": utc_text(now)}))


def set_value(
    conn: Conn,
    series_id: int,
    day: date,
    value: float,
    *,
    now: datetime,
    source: str = "manual",
) -> None:
    params = {
        "series": series_id,
        "day": day.isoformat(),
        "value": float(value),
        "source": source,
        "now": utc_text(now),
    }
    run(conn, _SET, params)


def list_series(conn: Conn) -> list[tuple[int, str, str]]:
    return [(int(r[0]), str(r[1]), str(r[2])) for r in run(conn, _LIST).fetchall()]


def values_between(conn: Conn, series_id: int, start: date, end: date) -> list[tuple[date, float]]:
    """Values of days ``start`` ≤ day < ``end``."""
    params = {"series": series_id, "start": start.isoformat(), "end": end.isoformat()}
    return [(date.fromisoformat(r[0]), float(r[1])) for r in run(conn, _BETWEEN, params).fetchall()]
