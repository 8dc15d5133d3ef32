"""Helpers for metric fetcher tests: a loopback HTTP server and published posts to measure."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.utc import utc_text
from somestudio.store import posts as post_rows


def published(
    conn: sqlite3.Connection,
    account_id: int,
    when: datetime,
    remote_id: str,
    text: str = "Hello",
) -> int:
    """A delivery published at ``when`` with ``remote_id`` on the network; its id."""
    post_id = post_rows.create_post(conn, text)
    delivery_id = post_rows.add_delivery(
        conn,
        post_id,
        account_id,
        scheduled_at=when,
        time_zone="Europe/Helsinki",
        state=DeliveryState.PUBLISHED,
    )
    conn.execute(
        "UPDATE deliveries SET published_at = ?, remote_id = ? WHERE id = ?",
        (utc_text(when), remote_id, delivery_id),
    )
    return delivery_id
