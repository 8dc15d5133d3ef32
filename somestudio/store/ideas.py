"""The ideas board: cards with text, a link and an image, and no date."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from somestudio.domain.utc import utc_now, utc_text


@dataclass(frozen=True, slots=True)
class IdeaRow:
    id: int
    text: str
    link: str
    image_path: str
    post_id: int | None = None


def on_board(conn: sqlite3.Connection) -> list[IdeaRow]:
    rows = conn.execute(
        "SELECT id, text, link, image_path, post_id FROM ideas WHERE used_at IS NULL"
        " ORDER BY position, id"
    )
    return [IdeaRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]


def get(conn: sqlite3.Connection, idea_id: int) -> IdeaRow | None:
    r = conn.execute(
        "SELECT id, text, link, image_path, post_id FROM ideas WHERE id = ?", (idea_id,)
    ).fetchone()
    return None if r is None else IdeaRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4])


def add(conn: sqlite3.Connection, text: str, link: str, image_path: str) -> int:
    now = utc_text(utc_now())
    position = conn.execute("SELECT COALESCE(max(position), 0) + 1 FROM ideas").fetchone()[0]
    cur = conn.execute(
        "INSERT INTO ideas (text, link, image_path, position, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (text, link, image_path, position, now, now),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def update(conn: sqlite3.Connection, idea_id: int, text: str, link: str, image_path: str) -> bool:
    cur = conn.execute(
        "UPDATE ideas SET text = ?, link = ?, image_path = ?, updated_at = ? WHERE id = ?",
        (text, link, image_path, utc_text(utc_now()), idea_id),
    )
    return cur.rowcount == 1


def delete(conn: sqlite3.Connection, idea_id: int) -> bool:
    return conn.execute("DELETE FROM ideas WHERE id = ?", (idea_id,)).rowcount == 1


def mark_used(conn: sqlite3.Connection, idea_id: int, post_id: int | None) -> bool:
    """Off the board (planned as ``post_id``), or back on it with ``post_id=None``."""
    used = utc_text(utc_now()) if post_id is not None else None
    cur = conn.execute(
        "UPDATE ideas SET used_at = ?, post_id = ? WHERE id = ?", (used, post_id, idea_id)
    )
    return cur.rowcount == 1
