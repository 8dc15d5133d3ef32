"""The post listing (``post list``) on both backends: by first time, undated last, deleted
only when asked, read in chunks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import post_edits, post_overview
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_posts_are_listed_by_first_time_and_chunked(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me", display_name="Me")
    undated = create_post(conn, "undated")
    later = create_post(conn, "later")
    add_delivery(
        conn, later, account, scheduled_at=NOW + timedelta(days=1), time_zone="UTC",
        state=DeliveryState.SCHEDULED,
    )  # fmt: skip
    sooner = create_post(conn, "sooner")
    add_delivery(
        conn, sooner, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    gone = create_post(conn, "gone")
    assert post_edits.soft_delete(conn, gone, NOW)
    listed = post_overview.list_posts(conn)
    assert [p.id for p in listed] == [sooner, later, undated]
    assert listed[0].deliveries[0].account == "Me"
    assert listed[0].deliveries[0].scheduled_at == "2026-03-29T01:00:00Z"
    everything = list(post_overview.iter_posts(conn, include_deleted=True, chunk=1))
    assert [p.id for p in everything] == [sooner, later, undated, gone]
    assert everything[-1].deleted_at == "2026-03-29T01:00:00Z"
