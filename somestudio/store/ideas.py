"""The ideas board: cards with text, a link and an image, and no date."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run


@dataclass(frozen=True, slots=True)
class IdeaRow:
    id: int
    text: str
    link: str
    image_path: str
    post_id: int | None = None


_ON_BOARD = Sql(
    "SELECT id, text, link, image_path, post_id FROM ideas WHERE used_at IS NULL"
    " ORDER BY position, id"
)
_GET = Sql("SELECT id, text, link, image_path, post_id FROM ideas WHERE id = :id")
_ADD = Sql(
    "INSERT INTO ideas (text, link, image_path, position, created_at, updated_at)"
    " VALUES (:text, :link, :image, (SELECT COALESCE(max(position), 0) + 1 FROM ideas),"
    " :now, :now) RETURNING id"
)
_UPDATE = Sql(
    "UPDATE ideas SET text = :text, link = :link, image_path = :image, updated_at = :now"
    " WHERE id = :id RETURNING id"
)
_DELETE = Sql("DELETE FROM ideas WHERE id = :id RETURNING id")
_MARK = Sql("UPDATE ideas SET used_at = :used, post_id = :post WHERE id = :id RETURNING id")


def on_board(conn: Conn) -> list[IdeaRow]:
    rows = run(conn, _ON_BOARD).fetchall()
    return [IdeaRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]


def get(conn: Conn, idea_id: int) -> IdeaRow | None:
    r = run(conn, _GET, {"id": idea_id}).fetchone()
    return None if r is None else IdeaRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4])


def add(conn: Conn, text: str, link: str, image_path: str) -> int:
    params = {"text": text, "link": link, "image": image_path, "now": utc_text(utc_now())}
    return one_id(run(conn, _ADD, params))


def update(conn: Conn, idea_id: int, text: str, link: str, image_path: str) -> bool:
    params = {
        "text": text,
        "link": link,
        "image": image_path,
        "now": utc_text(utc_now()),
        "id": idea_id,
    }
    return changed(run(conn, _UPDATE, params)) == 1


def delete(conn: Conn, idea_id: int) -> bool:
    return changed(run(conn, _DELETE, {"id": idea_id})) == 1


def mark_used(conn: Conn, idea_id: int, post_id: int | None) -> bool:
    """Off the board (planned as ``post_id``), or back on it with ``post_id=None``."""
    used = utc_text(utc_now()) if post_id is not None else None
    return changed(run(conn, _MARK, {"used": used, "post": post_id, "id": idea_id})) == 1
