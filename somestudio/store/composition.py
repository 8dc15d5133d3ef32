"""A post as the composer reads and writes it: variants and threads per delivery, media."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.posts import new_idempotency_key
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, run

# A delivery on its way out or out already keeps the text it went with.
_FROZEN_STATES = (DeliveryState.PUBLISHING.value, DeliveryState.PUBLISHED.value)


@dataclass(frozen=True, slots=True)
class MediaRow:
    path: str
    mime_type: str = ""
    alt_text: str = ""
    width: int | None = None
    height: int | None = None
    byte_size: int | None = None
    duration_ms: int | None = None
    frame_count: int | None = None
    original_path: str | None = None


@dataclass(frozen=True, slots=True)
class ComposedPost:
    base_text: str
    account_ids: tuple[int, ...]
    variants: dict[int, str]
    threads: dict[int, tuple[str, ...]]
    media: tuple[MediaRow, ...]
    language: str = ""
    link_card: LinkCard | None = None


def account_limits(conn: sqlite3.Connection) -> dict[int, dict[str, object]]:
    """Each live account's limits read from its server (``limits_json``), by account id."""
    out: dict[int, dict[str, object]] = {}
    for account_id, text in conn.execute(
        "SELECT id, limits_json FROM accounts WHERE removed_at IS NULL"
    ):
        try:
            value = json.loads(text)
        except ValueError:
            continue
        if isinstance(value, dict):
            out[int(account_id)] = value
    return out


def load(conn: sqlite3.Connection, post_id: int) -> ComposedPost | None:
    row = conn.execute(
        "SELECT base_text, language FROM posts WHERE id = ? AND deleted_at IS NULL", (post_id,)
    ).fetchone()
    if row is None:
        return None
    deliveries = conn.execute(
        "SELECT id, account_id, text_override FROM deliveries WHERE post_id = ?"
        " ORDER BY account_id",
        (post_id,),
    ).fetchall()
    threads: dict[int, tuple[str, ...]] = {}
    for delivery_id, account_id, _ in deliveries:
        parts = conn.execute(
            "SELECT text FROM thread_parts WHERE delivery_id = ? ORDER BY position",
            (delivery_id,),
        ).fetchall()
        if parts:
            threads[int(account_id)] = tuple(str(p[0]) for p in parts)
    media = conn.execute(
        "SELECT path, mime_type, alt_text, width, height, byte_size, duration_ms, frame_count,"
        " original_path FROM media WHERE post_id = ? ORDER BY position",
        (post_id,),
    ).fetchall()
    return ComposedPost(
        base_text=str(row[0]),
        account_ids=tuple(int(d[1]) for d in deliveries),
        variants={int(d[1]): str(d[2]) for d in deliveries if d[2] is not None},
        threads=threads,
        media=tuple(MediaRow(*m) for m in media),
        language=str(row[1]),
        link_card=link_card(conn, post_id),
    )


_LINK_CARD = Sql(
    "SELECT url, title, description, image_url, thumb_path, hidden FROM link_cards"
    " WHERE post_id = :post"
)


def link_card(conn: Conn, post_id: int) -> LinkCard | None:
    row = run(conn, _LINK_CARD, {"post": post_id}).fetchone()
    if row is None:
        return None
    return LinkCard(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), bool(row[5]))


def write_link_card(conn: sqlite3.Connection, post_id: int, card: LinkCard | None) -> None:
    """Replace the post's link card (in the caller's transaction); None removes it."""
    conn.execute("DELETE FROM link_cards WHERE post_id = ?", (post_id,))
    if card is not None and card.url:
        conn.execute(
            "INSERT INTO link_cards (post_id, url, title, description, image_url, thumb_path,"
            " hidden) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                post_id,
                card.url,
                card.title,
                card.description,
                card.image_url,
                card.thumb_path,
                int(card.hidden),
            ),
        )


def write(
    conn: sqlite3.Connection,
    post_id: int,
    *,
    base_text: str,
    variants: Mapping[int, str],
    threads: Mapping[int, Sequence[str]],
    media: Sequence[MediaRow],
    language: str = "",
    link_card: LinkCard | None = None,
) -> bool:
    """Replace the post's text, its deliveries' variants and threads, and its media (in the
    caller's transaction). Deliveries publishing or published are left as they went out."""
    cur = conn.execute(
        "UPDATE posts SET base_text = ?, language = ?, updated_at = ?"
        " WHERE id = ? AND deleted_at IS NULL",
        (base_text, language, utc_text(utc_now()), post_id),
    )
    if cur.rowcount != 1:
        return False
    write_link_card(conn, post_id, link_card)
    deliveries = conn.execute(
        "SELECT id, account_id FROM deliveries WHERE post_id = ? AND state NOT IN (?, ?)",
        (post_id, *_FROZEN_STATES),
    ).fetchall()
    for delivery_id, account_id in deliveries:
        conn.execute(
            "UPDATE deliveries SET text_override = ?, updated_at = ? WHERE id = ?",
            (variants.get(account_id), utc_text(utc_now()), delivery_id),
        )
        conn.execute("DELETE FROM thread_parts WHERE delivery_id = ?", (delivery_id,))
        conn.executemany(
            "INSERT INTO thread_parts (delivery_id, position, text) VALUES (?, ?, ?)",
            [(delivery_id, i, part) for i, part in enumerate(threads.get(account_id, ()))],
        )
    conn.execute("DELETE FROM media WHERE post_id = ?", (post_id,))
    conn.executemany(
        "INSERT INTO media (post_id, position, path, mime_type, alt_text, width, height,"
        " byte_size, duration_ms, frame_count, original_path)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                post_id,
                i,
                m.path,
                m.mime_type,
                m.alt_text,
                m.width,
                m.height,
                m.byte_size,
                m.duration_ms,
                m.frame_count,
                m.original_path,
            )
            for i, m in enumerate(media)
        ],
    )
    return True


def draft_only(conn: sqlite3.Connection, post_id: int) -> bool:
    """Whether every delivery of the post is an undated draft (where it goes may change)."""
    row = conn.execute(
        "SELECT count(*), sum(state = 'draft' AND scheduled_at IS NULL) FROM deliveries"
        " WHERE post_id = ?",
        (post_id,),
    ).fetchone()
    return bool(row) and int(row[0]) == int(row[1] or 0)


def set_draft_accounts(conn: sqlite3.Connection, post_id: int, account_ids: Sequence[int]) -> None:
    """Where an undated draft goes (in the caller's transaction): a draft delivery for each
    newly chosen account; an unchosen account's delivery is removed only while it is an
    undated draft with no attempt (anything else stays as it is)."""
    existing = {
        int(r[0]): (int(r[1]), str(r[2]), r[3])
        for r in conn.execute(
            "SELECT account_id, id, state, scheduled_at FROM deliveries WHERE post_id = ?",
            (post_id,),
        )
    }
    for account_id in account_ids:
        if account_id not in existing:
            conn.execute(
                "INSERT INTO deliveries (post_id, account_id, state, idempotency_key, updated_at)"
                " VALUES (?, ?, 'draft', ?, ?)",
                (post_id, account_id, new_idempotency_key(), utc_text(utc_now())),
            )
    for account_id, (delivery_id, state, scheduled_at) in existing.items():
        if account_id in account_ids or state != "draft" or scheduled_at is not None:
            continue
        conn.execute(
            "DELETE FROM deliveries WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = ?)",
            (delivery_id, delivery_id),
        )
