"""Post-level edits the planner makes: soft delete and restore, text, and a queue's taken times."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.utc import parse_utc, utc_text


def soft_delete(conn: sqlite3.Connection, post_id: int, now: datetime) -> bool:
    cur = conn.execute(
        "UPDATE posts SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        (utc_text(now), utc_text(now), post_id),
    )
    return cur.rowcount == 1


def restore(conn: sqlite3.Connection, post_id: int, now: datetime) -> bool:
    cur = conn.execute(
        "UPDATE posts SET deleted_at = NULL, updated_at = ?"
        " WHERE id = ? AND deleted_at IS NOT NULL",
        (utc_text(now), post_id),
    )
    return cur.rowcount == 1


def update_text(conn: sqlite3.Connection, post_id: int, text: str, now: datetime) -> bool:
    cur = conn.execute(
        "UPDATE posts SET base_text = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        (text, utc_text(now), post_id),
    )
    return cur.rowcount == 1


def post_exists(conn: sqlite3.Connection, post_id: int) -> bool:
    return conn.execute("SELECT 1 FROM posts WHERE id = ?", (post_id,)).fetchone() is not None


def taken_times(conn: sqlite3.Connection, account_id: int, since: datetime) -> list[datetime]:
    """Times at or after ``since`` already used by this account's live deliveries."""
    rows = conn.execute(
        "SELECT d.scheduled_at FROM deliveries d JOIN posts p ON p.id = d.post_id"
        " WHERE d.account_id = ? AND p.deleted_at IS NULL AND d.scheduled_at >= ?"
        " AND d.state <> 'draft'",
        (account_id, utc_text(since)),
    )
    return [parse_utc(r[0]) for r in rows]


def mark_seen(conn: sqlite3.Connection, delivery_ids: list[int]) -> int:
    total = 0
    for delivery_id in delivery_ids:
        total += conn.execute(
            "UPDATE deliveries SET seen_by_user = 1 WHERE id = ? AND seen_by_user = 0",
            (delivery_id,),
        ).rowcount
    return total
