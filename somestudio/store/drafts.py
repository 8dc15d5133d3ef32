"""The composer's autosave: unsaved work, one row per composer slot."""

from __future__ import annotations

import sqlite3

from somestudio.domain.utc import utc_now, utc_text

MAIN_SLOT = "main"  # the window's one composer


def put(conn: sqlite3.Connection, slot: str, post_id: int | None, state_json: str) -> None:
    """Keep ``state_json`` for ``slot`` (a post id that no longer exists is dropped)."""
    conn.execute(
        "INSERT INTO composer_autosave (slot, post_id, state_json, updated_at)"
        " VALUES (?, (SELECT id FROM posts WHERE id = ?), ?, ?)"
        " ON CONFLICT (slot) DO UPDATE SET post_id = excluded.post_id,"
        " state_json = excluded.state_json, updated_at = excluded.updated_at",
        (slot, post_id, state_json, utc_text(utc_now())),
    )


def get(conn: sqlite3.Connection, slot: str) -> str | None:
    row = conn.execute(
        "SELECT state_json FROM composer_autosave WHERE slot = ?", (slot,)
    ).fetchone()
    return None if row is None else str(row[0])


def clear(conn: sqlite3.Connection, slot: str) -> None:
    conn.execute("DELETE FROM composer_autosave WHERE slot = ?", (slot,))
