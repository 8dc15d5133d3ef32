"""Workspace-wide planning options, each a JSON value under a key (``planning_options``)."""

from __future__ import annotations

import json
import sqlite3

from somestudio.domain.utc import utc_now, utc_text


def get(conn: sqlite3.Connection, key: str) -> object | None:
    row = conn.execute("SELECT value_json FROM planning_options WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(str(row[0]))


def put(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute(
        "INSERT INTO planning_options (key, value_json, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,"
        " updated_at = excluded.updated_at",
        (key, json.dumps(value, ensure_ascii=False), utc_text(utc_now())),
    )


def delete(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM planning_options WHERE key = ?", (key,))
