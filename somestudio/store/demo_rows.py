"""The few rows only the demo writes or reads as it is: what the engine would have left
behind (a publishing time, a held delivery's reason, answers sent long ago) and the posts
the demo's collaborations owe."""

from __future__ import annotations

from datetime import date, datetime

from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, run

_HELD = Sql("UPDATE deliveries SET seen_by_user = :seen, last_error = :reason WHERE id = :id")
_CONFIRMED = Sql("UPDATE deliveries SET published_at = :at, attempt_count = 1 WHERE id = :id")
_PUBLISHED = Sql(
    "UPDATE deliveries SET published_at = :at, remote_id = :remote_id, attempt_count = 1"
    " WHERE id = :id"
)
_RECENT = Sql(
    "SELECT remote_id, published_at FROM deliveries WHERE account_id = :account"
    " AND state = 'published' AND remote_id IS NOT NULL AND published_at <= :now"
    " ORDER BY published_at DESC, id DESC LIMIT :limit"
)
_RECENT_POSTS = Sql(
    "SELECT post_id, published_at FROM deliveries WHERE account_id = :account"
    " AND state = 'published' AND remote_id IS NOT NULL AND published_at <= :now"
    " ORDER BY published_at DESC, id DESC LIMIT :limit"
)
_SENT_ANSWER = Sql(
    "INSERT INTO inbox_replies (item_id, text, state, idempotency_key, attempt_count,"
    " remote_id, sent_at, created_at, updated_at)"
    " VALUES (:item, :text, 'sent', :key, 1, :remote_id, :at, :at, :at)"
)
_FIRST_OUT = Sql(
    "SELECT p.id, min(d.published_at) FROM posts p JOIN deliveries d ON d.post_id = p.id"
    " WHERE lower(p.base_text) LIKE lower(:prefix)"
    " GROUP BY p.id HAVING min(d.published_at) IS NOT NULL ORDER BY p.id"
)
_FIRST_NETWORK = Sql(
    "SELECT a.network FROM deliveries d JOIN accounts a ON a.id = d.account_id"
    " WHERE d.post_id = :post ORDER BY d.id LIMIT 1"
)
_FIRST_FOLLOWERS = Sql(
    "SELECT fetched_at, followers FROM account_snapshots WHERE account_id = :account"
    " ORDER BY fetched_at LIMIT 1"
)


def hold(conn: Conn, delivery_id: int, *, seen: bool, reason: str) -> None:
    """A delivery waiting for the user, with the reason shown (``seen``: out of the badge)."""
    run(conn, _HELD, {"seen": int(seen), "reason": reason, "id": delivery_id})


def confirmed(conn: Conn, delivery_id: int, at: datetime) -> None:
    """Published by hand and confirmed at ``at`` (no remote id: nothing was sent from here)."""
    run(conn, _CONFIRMED, {"at": utc_text(at), "id": delivery_id})


def published(conn: Conn, delivery_id: int, at: datetime, remote_id: str) -> None:
    """Sent at ``at``; the network named it ``remote_id``."""
    run(conn, _PUBLISHED, {"at": utc_text(at), "remote_id": remote_id, "id": delivery_id})


def recent_published(
    conn: Conn, account_id: int, now: datetime, limit: int
) -> list[tuple[str, datetime]]:
    """(remote id, published at) of the account's newest posts out by ``now``."""
    params = {"account": account_id, "now": utc_text(now), "limit": limit}
    return [(str(r[0]), parse_utc(str(r[1]))) for r in run(conn, _RECENT, params)]


def recent_published_posts(
    conn: Conn, account_id: int, now: datetime, limit: int
) -> list[tuple[int, datetime]]:
    """(post id, published at) of the account's newest posts out by ``now``."""
    params = {"account": account_id, "now": utc_text(now), "limit": limit}
    return [(int(r[0]), parse_utc(str(r[1]))) for r in run(conn, _RECENT_POSTS, params)]


def sent_answer(conn: Conn, item_id: int, text: str, at: datetime) -> None:
    """An answer to the inbox entry that went out at ``at``."""
    params = {
        "item": item_id,
        "text": text,
        "key": f"demo-inbox-{item_id}",
        "remote_id": f"demo-answer-{item_id}",
        "at": utc_text(at),
    }
    run(conn, _SENT_ANSWER, params)


def first_out_days(conn: Conn, text_prefix: str) -> list[tuple[int, date]]:
    """(post id, UTC day it first went out) of the posts out whose text begins so (in any
    ASCII case, as SQLite's LIKE; the prefix holds no LIKE wildcards)."""
    rows = run(conn, _FIRST_OUT, {"prefix": text_prefix + "%"}).fetchall()
    return [(int(r[0]), parse_utc(str(r[1])).date()) for r in rows]


def first_network(conn: Conn, post_id: int) -> str:
    """The network of the post's first delivery."""
    return str(run(conn, _FIRST_NETWORK, {"post": post_id}).fetchone()[0])


def first_followers(conn: Conn, account_id: int) -> tuple[datetime, int] | None:
    """(fetched at, followers) of the account's oldest follower count."""
    row = run(conn, _FIRST_FOLLOWERS, {"account": account_id}).fetchone()
    return None if row is None else (parse_utc(str(row[0])), int(row[1]))
