"""Posts with their deliveries, for listings (the command line's ``post list``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class PostLine:
    id: int
    text: str
    deleted_at: str | None
    deliveries: list[DeliveryLine] = field(default_factory=list)


def list_posts(conn: sqlite3.Connection, *, include_deleted: bool = False) -> list[PostLine]:
    """Posts by their first scheduled time (undated drafts last), then id."""
    posts = {
        r[0]: PostLine(r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT p.id, p.base_text, p.deleted_at,"
            " (SELECT min(scheduled_at) FROM deliveries d WHERE d.post_id = p.id) AS first"
            " FROM posts p WHERE ? OR p.deleted_at IS NULL"
            " ORDER BY first IS NULL, first, p.id",
            (int(include_deleted),),
        )
    }
    for r in conn.execute(
        "SELECT d.post_id, d.id, a.id, CASE WHEN a.display_name <> '' THEN a.display_name"
        " ELSE a.handle END, a.network, a.publish_method, d.scheduled_at, d.time_zone, d.state,"
        " d.remote_id, d.remote_url, d.published_at, d.last_error"
        " FROM deliveries d JOIN accounts a ON a.id = d.account_id ORDER BY d.id"
    ):
        post = posts.get(r[0])
        if post is not None:
            post.deliveries.append(DeliveryLine(*r[1:]))
    return list(posts.values())
