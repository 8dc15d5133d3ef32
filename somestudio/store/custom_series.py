"""Series of numbers no API gives (a blog's views, event sign-ups): one value per day."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from somestudio.domain.utc import utc_text


def ensure_series(conn: sqlite3.Connection, name: str, now: datetime, unit: str = "") -> int:
    row = conn.execute("SELECT id FROM custom_series WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO custom_series (name, unit, created_at) VALUES (?, ?, ?)",
        (name, unit, utc_text(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def set_value(
    conn: sqlite3.Connection,
    series_id: int,
    day: date,
    value: float,
    *,
    now: datetime,
    source: str = "manual",
) -> None:
    conn.execute(
        "INSERT INTO custom_values (series_id, day, value, source, recorded_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (series_id, day) DO UPDATE SET"
        " value = excluded.value, source = excluded.source, recorded_at = excluded.recorded_at",
        (series_id, day.isoformat(), value, source, utc_text(now)),
    )


def list_series(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, name, unit FROM custom_series ORDER BY name")
    ]


def values_between(
    conn: sqlite3.Connection, series_id: int, start: date, end: date
) -> list[tuple[date, float]]:
    """Values of days ``start`` ≤ day < ``end``."""
    return [
        (date.fromisoformat(r[0]), float(r[1]))
        for r in conn.execute(
            "SELECT day, value FROM custom_values WHERE series_id = ? AND day >= ? AND day < ?"
            " ORDER BY day",
            (series_id, start.isoformat(), end.isoformat()),
        )
    ]
