"""Saved replies: rows of ``saved_replies`` (migration 009)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.inbox.saved_replies import SavedReply
from somestudio.domain.utc import utc_text


def list_all(conn: sqlite3.Connection) -> list[SavedReply]:
    rows = conn.execute(
        "SELECT id, title, body, language FROM saved_replies ORDER BY title COLLATE NOCASE, id"
    ).fetchall()
    return [SavedReply(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def add(conn: sqlite3.Connection, title: str, body: str, language: str, now: datetime) -> int:
    stamp = utc_text(now)
    cur = conn.execute(
        "INSERT INTO saved_replies (title, body, language, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (title, body, language, stamp, stamp),
    )
    return int(cur.lastrowid or 0)


def update(  # noqa: PLR0917 - one row's fields
    conn: sqlite3.Connection, reply_id: int, title: str, body: str, language: str, now: datetime
) -> bool:
    cur = conn.execute(
        "UPDATE saved_replies SET title = ?, body = ?, language = ?, updated_at = ? WHERE id = ?",
        (title, body, language, utc_text(now), reply_id),
    )
    return cur.rowcount == 1


def delete(conn: sqlite3.Connection, reply_id: int) -> bool:
    return conn.execute("DELETE FROM saved_replies WHERE id = ?", (reply_id,)).rowcount == 1
