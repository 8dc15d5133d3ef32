"""Saved replies: rows of ``saved_replies`` (migration 010)."""

from __future__ import annotations

from datetime import datetime

from somestudio.domain.inbox.saved_replies import SavedReply
from somestudio.domain.utc import utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run

# lower(): SQLite's "COLLATE NOCASE" for ASCII, and the same on PostgreSQL.
_LIST = Sql("SELECT id, title, body, language FROM saved_replies ORDER BY lower(title), id")
_ADD = Sql(
    "INSERT INTO saved_replies (title, body, language, created_at, updated_at)"
    " VALUES (:title, :body, :language, :now, :now) RETURNING id"
)
_UPDATE = Sql(
    "UPDATE saved_replies SET title = :title, body = :body, language = :language,"
    " updated_at = :now WHERE id = :id RETURNING id"
)
_DELETE = Sql("DELETE FROM saved_replies WHERE id = :id RETURNING id")


def list_all(conn: Conn) -> list[SavedReply]:
    rows = run(conn, _LIST).fetchall()
    return [SavedReply(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def add(conn: Conn, title: str, body: str, language: str, now: datetime) -> int:
    params = {"title": title, "body": body, "language": language, "now": utc_text(now)}
    return one_id(run(conn, _ADD, params))


def update(  # noqa: PLR0917 - one row's fields
    conn: Conn, reply_id: int, title: str, body: str, language: str, now: datetime
) -> bool:
    params = {
        "title": title,
        "body": body,
        "language": language,
        "now": utc_text(now),
        "id": reply_id,
    }
    return changed(run(conn, _UPDATE, params)) == 1


def delete(conn: Conn, reply_id: int) -> bool:
    return changed(run(conn, _DELETE, {"id": reply_id})) == 1
