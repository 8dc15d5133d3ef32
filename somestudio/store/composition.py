"""A post as the composer reads and writes it: variants and threads per delivery, media."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.posts import new_idempotency_key
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store import post_edits
from somestudio.store.sql import Conn, Sql, run, run_many
from somestudio.store.text_columns import override_columns, text_columns

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
    sha256: str | None = None  # its bytes are in ``media_blobs`` (a shared workspace)


@dataclass(frozen=True, slots=True)
class ComposedPost:
    base_text: str
    account_ids: tuple[int, ...]
    variants: dict[int, str]
    threads: dict[int, tuple[str, ...]]
    media: tuple[MediaRow, ...]
    language: str = ""
    link_card: LinkCard | None = None
    version: int = 1  # posts.version as read: a save names it (see ``write``)


@dataclass(frozen=True, slots=True)
class Written:
    """What ``write`` did. ``version``: the post's version after the write; on a conflict,
    the newer version someone else saved (nothing was written); None: the post is gone."""

    written: bool
    version: int | None

    @property
    def conflict(self) -> bool:
        return not self.written and self.version is not None

    def __bool__(self) -> bool:
        return self.written


_LIMITS = Sql("SELECT id, limits_json FROM accounts WHERE removed_at IS NULL")
_POST = Sql(
    "SELECT base_text, language, version FROM posts WHERE id = :post AND deleted_at IS NULL"
)
_DELIVERIES = Sql(
    "SELECT id, account_id, text_override FROM deliveries WHERE post_id = :post ORDER BY account_id"
)
_THREAD = Sql("SELECT text FROM thread_parts WHERE delivery_id = :delivery ORDER BY position")
_MEDIA = Sql(
    "SELECT path, mime_type, alt_text, width, height, byte_size, duration_ms, frame_count,"
    " original_path, sha256 FROM media WHERE post_id = :post ORDER BY position"
)


def account_limits(conn: Conn) -> dict[int, dict[str, object]]:
    """Each live account's limits read from its server (``limits_json``), by account id."""
    out: dict[int, dict[str, object]] = {}
    for account_id, text in run(conn, _LIMITS).fetchall():
        try:
            value = json.loads(text)
        except ValueError:
            continue
        if isinstance(value, dict):
            out[int(account_id)] = value
    return out


def load(conn: Conn, post_id: int) -> ComposedPost | None:
    row = run(conn, _POST, {"post": post_id}).fetchone()
    if row is None:
        return None
    deliveries = run(conn, _DELIVERIES, {"post": post_id}).fetchall()
    threads: dict[int, tuple[str, ...]] = {}
    for delivery_id, account_id, _ in deliveries:
        parts = run(conn, _THREAD, {"delivery": delivery_id}).fetchall()
        if parts:
            threads[int(account_id)] = tuple(str(p[0]) for p in parts)
    media = run(conn, _MEDIA, {"post": post_id}).fetchall()
    return ComposedPost(
        base_text=str(row[0]),
        account_ids=tuple(int(d[1]) for d in deliveries),
        variants={int(d[1]): str(d[2]) for d in deliveries if d[2] is not None},
        threads=threads,
        media=tuple(MediaRow(*m) for m in media),
        language=str(row[1]),
        link_card=link_card(conn, post_id),
        version=int(row[2]),
    )


_LINK_CARD = Sql(
    "SELECT url, title, description, image_url, thumb_path, hidden, thumb_sha256"
    " FROM link_cards WHERE post_id = :post"
)


def link_card(conn: Conn, post_id: int) -> LinkCard | None:
    row = run(conn, _LINK_CARD, {"post": post_id}).fetchone()
    if row is None:
        return None
    return LinkCard(
        str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), bool(row[5]), row[6]
    )


_DELETE_CARD = Sql("DELETE FROM link_cards WHERE post_id = :post")
_INSERT_CARD = Sql(
    "INSERT INTO link_cards (post_id, url, title, description, image_url, thumb_path, hidden,"
    " thumb_sha256) VALUES (:post, :url, :title, :description, :image_url, :thumb_path,"
    " :hidden, :thumb_sha256)"
)
_UPDATE_POST = Sql(
    "UPDATE posts SET base_text = :text, text_length = :text_length,"
    " text_hashtags = :text_hashtags, has_media = :has_media, language = :language,"
    " updated_at = :now,"
    " version = version + 1 WHERE id = :post AND deleted_at IS NULL RETURNING version"
)
# The version check: a save made from version N writes only while the post is still at N.
_UPDATE_POST_AT = Sql(
    "UPDATE posts SET base_text = :text, text_length = :text_length,"
    " text_hashtags = :text_hashtags, has_media = :has_media, language = :language,"
    " updated_at = :now,"
    " version = version + 1 WHERE id = :post AND deleted_at IS NULL AND version = :version"
    " RETURNING version"
)
_VERSION = Sql("SELECT version FROM posts WHERE id = :post AND deleted_at IS NULL")
_OPEN_DELIVERIES = Sql(
    "SELECT id, account_id FROM deliveries WHERE post_id = :post AND state NOT IN :frozen",
    expanding=("frozen",),
)
_SET_VARIANT = Sql(
    "UPDATE deliveries SET text_override = :text, override_length = :override_length,"
    " override_hashtags = :override_hashtags, updated_at = :now WHERE id = :id"
)
_BASE_TEXT = Sql("SELECT base_text FROM posts WHERE id = :post")
# A delivery that went out with the post's text keeps that text as its own when the post's
# text changes: what the app says was published is what was published.
_KEEP_SENT_TEXT = Sql(
    "UPDATE deliveries SET text_override = :text, override_length = :override_length,"
    " override_hashtags = :override_hashtags, updated_at = :now"
    " WHERE post_id = :post AND state IN :frozen AND text_override IS NULL",
    expanding=("frozen",),
)
_CLEAR_THREAD = Sql("DELETE FROM thread_parts WHERE delivery_id = :delivery")


def open_deliveries(conn: Conn, post_id: int) -> list[tuple[int, int]]:
    """(delivery id, account id) of the post's deliveries not being sent or sent: the ones a
    change of text reaches."""
    found = run(conn, _OPEN_DELIVERIES, {"post": post_id, "frozen": list(_FROZEN_STATES)})
    return [(int(d), int(a)) for d, a in found.fetchall()]


def set_variant(conn: Conn, delivery_id: int, text: str | None, now: str) -> None:
    """The delivery's own text (None: it sends the post's), ``now`` as stored."""
    run(conn, _SET_VARIANT, {"text": text, **override_columns(text), "now": now, "id": delivery_id})


def keep_sent_text(conn: Conn, post_id: int, sent: str) -> None:
    """The post's deliveries that went out with its text ``sent`` keep it as their own (in
    the caller's transaction, before the post's text changes): what the app says was
    published stays what was published, whichever way the text is changed."""
    run(
        conn,
        _KEEP_SENT_TEXT,
        {
            "post": post_id,
            "frozen": list(_FROZEN_STATES),
            "text": sent,
            **override_columns(sent),
            "now": utc_text(utc_now()),
        },
    )


_ADD_PART = Sql(
    "INSERT INTO thread_parts (delivery_id, position, text) VALUES (:delivery, :position, :text)"
)
_CLEAR_MEDIA = Sql("DELETE FROM media WHERE post_id = :post")
_ADD_MEDIA = Sql(
    "INSERT INTO media (post_id, position, path, mime_type, alt_text, width, height,"
    " byte_size, duration_ms, frame_count, original_path, sha256) VALUES (:post, :position,"
    " :path, :mime_type, :alt_text, :width, :height, :byte_size, :duration_ms, :frame_count,"
    " :original_path, :sha256)"
)


def write_link_card(conn: Conn, post_id: int, card: LinkCard | None) -> None:
    """Replace the post's link card (in the caller's transaction); None removes it."""
    run(conn, _DELETE_CARD, {"post": post_id})
    if card is not None and card.url:
        params = {
            "post": post_id,
            "url": card.url,
            "title": card.title,
            "description": card.description,
            "image_url": card.image_url,
            "thumb_path": card.thumb_path,
            "hidden": int(card.hidden),
            "thumb_sha256": card.thumb_sha256,
        }
        run(conn, _INSERT_CARD, params)


def write(
    conn: Conn,
    post_id: int,
    *,
    base_text: str,
    variants: Mapping[int, str],
    threads: Mapping[int, Sequence[str]],
    media: Sequence[MediaRow],
    language: str = "",
    link_card: LinkCard | None = None,
    version: int | None = None,
) -> Written:
    """Replace the post's text, its deliveries' variants and threads, and its media (in the
    caller's transaction). Deliveries publishing or published are left as they went out.

    ``version`` is the post's version the text was made from: when the post has moved on
    since (another machine or window saved it), nothing is written and the result is a
    conflict. None writes whatever the version (a caller with no notion of it)."""
    now = utc_text(utc_now())
    params: dict[str, object] = {
        "text": base_text,
        **text_columns(base_text),
        # Whether the post has media (the view's "with media"), as the media below.
        "has_media": int(bool(media)),
        "language": language,
        "now": now,
        "post": post_id,
    }
    if version is not None:
        params["version"] = version
    before = run(conn, _BASE_TEXT, {"post": post_id}).fetchone()
    row = run(conn, _UPDATE_POST if version is None else _UPDATE_POST_AT, params).fetchone()
    if row is None:
        return Written(False, current_version(conn, post_id))
    write_link_card(conn, post_id, link_card)
    if before is not None and before[0] != base_text:
        keep_sent_text(conn, post_id, str(before[0]))
    for delivery_id, account_id in open_deliveries(conn, post_id):
        set_variant(conn, delivery_id, variants.get(account_id), now)
        run(conn, _CLEAR_THREAD, {"delivery": delivery_id})
        parts = threads.get(account_id, ())
        rows = [{"delivery": delivery_id, "position": i, "text": p} for i, p in enumerate(parts)]
        run_many(conn, _ADD_PART, rows)
    run(conn, _CLEAR_MEDIA, {"post": post_id})
    run_many(
        conn,
        _ADD_MEDIA,
        [
            {
                "post": post_id,
                "position": i,
                "path": m.path,
                "mime_type": m.mime_type,
                "alt_text": m.alt_text,
                "width": m.width,
                "height": m.height,
                "byte_size": m.byte_size,
                "duration_ms": m.duration_ms,
                "frame_count": m.frame_count,
                "original_path": m.original_path,
                "sha256": m.sha256,
            }
            for i, m in enumerate(media)
        ],
    )
    return Written(True, int(row[0]))


def replace_text(
    conn: Conn, post_id: int, text: str, now: datetime, *, version: int | None = None
) -> bool:
    """The live post's new text (``post_edits.update_text``: False when it is deleted, or
    at another version than ``version``), its deliveries that went out keeping the text they
    went with (``keep_sent_text``)."""
    before = base_text(conn, post_id)
    if before is not None and before != text:
        keep_sent_text(conn, post_id, before)
    return post_edits.update_text(conn, post_id, text, now, version=version)


def base_text(conn: Conn, post_id: int) -> str | None:
    """The post's text as saved (None: no such post)."""
    row = run(conn, _BASE_TEXT, {"post": post_id}).fetchone()
    return None if row is None else str(row[0])


def current_version(conn: Conn, post_id: int) -> int | None:
    """The live post's version; None when it is deleted or was never there."""
    row = run(conn, _VERSION, {"post": post_id}).fetchone()
    return None if row is None else int(row[0])


# A count of booleans is a sum of CASE, not of the comparison (PostgreSQL has no sum(bool)).
_DRAFT_ONLY = Sql(
    "SELECT count(*), sum(CASE WHEN state = 'draft' AND scheduled_at IS NULL THEN 1 ELSE 0 END)"
    " FROM deliveries WHERE post_id = :post"
)
_EXISTING = Sql("SELECT account_id, id, state, scheduled_at FROM deliveries WHERE post_id = :post")
_NEW_DRAFT = Sql(
    "INSERT INTO deliveries (post_id, account_id, state, idempotency_key, updated_at)"
    " VALUES (:post, :account, 'draft', :key, :now)"
)
_DROP_DRAFT = Sql(
    "DELETE FROM deliveries WHERE id = :id"
    " AND NOT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = :id)"
)


def draft_only(conn: Conn, post_id: int) -> bool:
    """Whether every delivery of the post is an undated draft (where it goes may change)."""
    row = run(conn, _DRAFT_ONLY, {"post": post_id}).fetchone()
    return bool(row) and int(row[0]) == int(row[1] or 0)


def set_draft_accounts(conn: Conn, post_id: int, account_ids: Sequence[int]) -> None:
    """Where an undated draft goes (in the caller's transaction): a draft delivery for each
    newly chosen account; an unchosen account's delivery is removed only while it is an
    undated draft with no attempt (anything else stays as it is)."""
    existing = {
        int(r[0]): (int(r[1]), str(r[2]), r[3])
        for r in run(conn, _EXISTING, {"post": post_id}).fetchall()
    }
    for account_id in account_ids:
        if account_id not in existing:
            params = {
                "post": post_id,
                "account": account_id,
                "key": new_idempotency_key(),
                "now": utc_text(utc_now()),
            }
            run(conn, _NEW_DRAFT, params)
    for account_id, (delivery_id, state, scheduled_at) in existing.items():
        if account_id in account_ids or state != "draft" or scheduled_at is not None:
            continue
        run(conn, _DROP_DRAFT, {"id": delivery_id})
