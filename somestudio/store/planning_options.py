"""Workspace-wide planning options, each a JSON value under a key (``planning_options``)."""

from __future__ import annotations

import json

from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, run

_GET = Sql("SELECT value_json FROM planning_options WHERE key = :key")
_PUT = Sql(
    "INSERT INTO planning_options (key, value_json, updated_at) VALUES (:key, :value, :now)"
    " ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,"
    " updated_at = excluded.updated_at"
)
_DELETE = Sql("DELETE FROM planning_options WHERE key = :key")


def get(conn: Conn, key: str) -> object | None:
    row = run(conn, _GET, {"key": key}).fetchone()
    return None if row is None else json.loads(str(row[0]))


def put(conn: Conn, key: str, value: object) -> None:
    params = {
        "key": key,
        "value": json.dumps(value, ensure_ascii=False),
        "now": utc_text(utc_now()),
    }
    run(conn, _PUT, params)


def delete(conn: Conn, key: str) -> None:
    run(conn, _DELETE, {"key": key})
