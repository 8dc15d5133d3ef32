"""Posts with their deliveries, for listings (the command line's ``post list``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from somestudio.store.sql import Conn, Sql, run

_DELIVERIES = (
    "SELECT d.post_id, d.id, a.id, CASE WHEN a.display_name <> '' THEN a.display_name"
    " ELSE a.handle END, a.network, a.publish_method, d.scheduled_at, d.time_zone,"
    " d.state, d.remote_id, d.remote_url, d.published_at, d.last_error"
    " FROM deliveries d JOIN accounts a ON a.id = d.account_id"
)
CHUNK = 500  # posts read at a time (SQLite allows 32,766 parameters)
# Undated posts last: NULLS LAST (PostgreSQL orders by an output column's bare name only,
# and puts NULLs last by default where SQLite puts them first). The flag is compared as a
# number: PostgreSQL has no "integer OR boolean".
_IDS = Sql(
    "SELECT p.id,"
    " (SELECT min(scheduled_at) FROM deliveries d WHERE d.post_id = p.id) AS first"
    " FROM posts p WHERE :all = 1 OR p.deleted_at IS NULL"
    " ORDER BY first NULLS LAST, p.id"
)
_POSTS = Sql("SELECT id, base_text, deleted_at FROM posts WHERE id IN :ids", expanding=("ids",))
_POST_DELIVERIES = Sql(f"{_DELIVERIES} WHERE d.post_id IN :ids ORDER BY d.id", expanding=("ids",))


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    id: int
    account_id: int
    account: str
    network: str
    publish_method: str
    scheduled_at: str | None  # stored UTC text
    time_zone: str | None
    state: str
    remote_id: str | None
    remote_url: str | None
    published_at: str | None
    last_error: str | None


DELIVERY_FIELDS = tuple(f.name for f in fields(DeliveryLine))


@dataclass(frozen=True, slots=True)
class PostLine:
    id: int
    text: str
    deleted_at: str | None
    deliveries: list[DeliveryLine] = field(default_factory=list)


def list_posts(conn: Conn, *, include_deleted: bool = False) -> list[PostLine]:
    """Posts by their first scheduled time (undated drafts last), then id."""
    return list(iter_posts(conn, include_deleted=include_deleted))


def iter_posts(
    conn: Conn, *, include_deleted: bool = False, chunk: int = CHUNK
) -> Iterator[PostLine]:
    """``list_posts`` one post at a time: only the ids of every post are held at once (the
    texts and deliveries are read ``chunk`` posts at a time), so 100,000 posts stream in a
    few megabytes."""
    ids = [r[0] for r in run(conn, _IDS, {"all": int(include_deleted)}).fetchall()]
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        posts = {
            r[0]: PostLine(r[0], r[1], r[2]) for r in run(conn, _POSTS, {"ids": part}).fetchall()
        }
        for r in run(conn, _POST_DELIVERIES, {"ids": part}).fetchall():
            post = posts.get(r[0])
            if post is not None:
                post.deliveries.append(DeliveryLine(*r[1:]))
        for post_id in part:
            found = posts.get(post_id)
            if found is not None:  # deleted between the two reads: left out
                yield found
