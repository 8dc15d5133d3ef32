"""The composer's autosave: unsaved work, one row per composer slot."""

from __future__ import annotations

from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, run

MAIN_SLOT = "main"  # the window's one composer

_PUT = Sql(
    "INSERT INTO composer_autosave (slot, post_id, state_json, updated_at)"
    " VALUES (:slot, (SELECT id FROM posts WHERE id = :post), :state, :now)"
    " ON CONFLICT (slot) DO UPDATE SET post_id = excluded.post_id,"
    " state_json = excluded.state_json, updated_at = excluded.updated_at"
)
_GET = Sql("SELECT state_json FROM composer_autosave WHERE slot = :slot")
_CLEAR = Sql("DELETE FROM composer_autosave WHERE slot = :slot")


def put(conn: Conn, slot: str, post_id: int | None, state_json: str) -> None:
    """Keep ``state_json`` for ``slot`` (a post id that no longer exists is dropped)."""
    params = {"slot": slot, "post": post_id, "state": state_json, "now": utc_text(utc_now())}
    run(conn, _PUT, params)


def get(conn: Conn, slot: str) -> str | None:
    row = run(conn, _GET, {"slot": slot}).fetchone()
    return None if row is None else str(row[0])


def clear(conn: Conn, slot: str) -> None:
    run(conn, _CLEAR, {"slot": slot})
