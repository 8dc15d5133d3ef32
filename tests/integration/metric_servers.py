"""Helpers for metric fetcher tests: a loopback HTTP server and published posts to measure."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.utc import utc_text
from somestudio.store import posts as post_rows
from somestudio.store.sql import Sql, run


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
    run(
        conn,
        Sql("UPDATE deliveries SET published_at = :at, remote_id = :remote WHERE id = :id"),
        {"at": utc_text(when), "remote": remote_id, "id": delivery_id},
    )
    return delivery_id
