"""Post-level edits the planner makes: soft delete and restore, text, and a queue's taken times."""

from __future__ import annotations

from datetime import datetime

from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, changed, run
from somestudio.store.text_columns import text_columns

_SOFT_DELETE = Sql(
    "UPDATE posts SET deleted_at = :now, updated_at = :now WHERE id = :id"
    " AND deleted_at IS NULL RETURNING id"
)
_RESTORE = Sql(
    "UPDATE posts SET deleted_at = NULL, updated_at = :now"
    " WHERE id = :id AND deleted_at IS NOT NULL RETURNING id"
)
_TEXT = Sql(
    "UPDATE posts SET base_text = :text, text_length = :text_length,"
    " text_hashtags = :text_hashtags, updated_at = :now, version = version + 1"
    " WHERE id = :id AND deleted_at IS NULL RETURNING id"
)
_TEXT_AT = Sql(
    "UPDATE posts SET base_text = :text, text_length = :text_length,"
    " text_hashtags = :text_hashtags, updated_at = :now, version = version + 1"
    " WHERE id = :id AND deleted_at IS NULL AND version = :version RETURNING id"
)
_EXISTS = Sql("SELECT 1 FROM posts WHERE id = :id")
_TAKEN = Sql(
    "SELECT d.scheduled_at FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE d.account_id = :account AND p.deleted_at IS NULL AND d.scheduled_at >= :since"
    " AND d.state <> 'draft'"
)
_SEEN = Sql(
    "UPDATE deliveries SET seen_by_user = 1 WHERE id = :id AND seen_by_user = 0 RETURNING id"
)


def soft_delete(conn: Conn, post_id: int, now: datetime) -> bool:
    return changed(run(conn, _SOFT_DELETE, {"now": utc_text(now), "id": post_id})) == 1


def restore(conn: Conn, post_id: int, now: datetime) -> bool:
    return changed(run(conn, _RESTORE, {"now": utc_text(now), "id": post_id})) == 1


def update_text(
    conn: Conn, post_id: int, text: str, now: datetime, *, version: int | None = None
) -> bool:
    """New base text for a live post (its version bumped). With ``version``, only while the
    post is still at that version (False otherwise: someone saved it since)."""
    params: dict[str, object] = {
        "text": text,
        **text_columns(text),
        "now": utc_text(now),
        "id": post_id,
    }
    if version is None:
        return changed(run(conn, _TEXT, params)) == 1
    params["version"] = version
    return changed(run(conn, _TEXT_AT, params)) == 1


def post_exists(conn: Conn, post_id: int) -> bool:
    return run(conn, _EXISTS, {"id": post_id}).fetchone() is not None


def taken_times(conn: Conn, account_id: int, since: datetime) -> list[datetime]:
    """Times at or after ``since`` already used by this account's live deliveries."""
    rows = run(conn, _TAKEN, {"account": account_id, "since": utc_text(since)}).fetchall()
    return [parse_utc(r[0]) for r in rows]


def mark_seen(conn: Conn, delivery_ids: list[int]) -> int:
    return sum(changed(run(conn, _SEEN, {"id": delivery_id})) for delivery_id in delivery_ids)
