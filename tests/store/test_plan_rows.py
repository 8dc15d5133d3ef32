"""Planned posts read whole for the exports, on both backends: unsent only unless asked,
earliest first with undated last, one account's, with media and labels."""

from __future__ import annotations

from datetime import UTC, datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.store import deliveries, plan_rows
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2027, 3, 28, 0, 30, tzinfo=UTC)


def test_planned_posts_for_the_exports(conn: Conn) -> None:
    me = add_account(conn, Network.MASTODON, "me")
    you = add_account(conn, Network.BLUESKY, "you.example")
    undated = create_post(conn, "undated", labels=["b", "A"])
    add_delivery(conn, undated, me, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT)
    dated = create_post(conn, "dated", media=[MediaItem("/a.png", "image/png", "alt")])
    for account in (you, me):
        add_delivery(
            conn, dated, account, scheduled_at=NOW, time_zone="Europe/Helsinki",
            state=DeliveryState.SCHEDULED,
        )  # fmt: skip
    sent_post = create_post(conn, "sent")
    sent = add_delivery(
        conn, sent_post, me, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, sent, NOW)

    planned = plan_rows.planned_posts(conn)
    assert [p.id for p in planned] == [dated, undated]
    assert [d.account_id for d in planned[0].deliveries] == sorted([me, you])
    assert planned[0].media == (("/a.png", "alt"),)
    assert planned[1].labels == ("A", "b")
    assert planned[1].deliveries[0].scheduled_at is None
    assert [p.id for p in plan_rows.planned_posts(conn, account_id=you)] == [dated]
    every = plan_rows.planned_posts(conn, include_sent=True)
    assert {p.id for p in every} == {dated, undated, sent_post}
