"""The composer's store on both backends: a post written whole (variants, threads, media,
language, link card) and read back, and where an undated draft goes."""

from __future__ import annotations

from datetime import UTC, datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.networks import Network
from somestudio.store import composition, deliveries
from somestudio.store.accounts import add_account, set_limits
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_post_is_written_and_read_back_whole(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    set_limits(conn, mastodon, {"max_characters": 500})
    post = create_post(conn, "draft")
    for account in (mastodon, bluesky):
        add_delivery(
            conn, post, account, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT
        )
    card = LinkCard("https://example.invalid/", "Title", "Words", "", "/thumb.png", False)
    media = [
        composition.MediaRow("/a.png", "image/png", "alt", 10, 20, 300, None, 1, "/orig.png"),
        composition.MediaRow("/b.mp4", "video/mp4", "", None, None, None, 1500),
    ]
    assert composition.write(
        conn,
        post,
        base_text="base ✓",
        variants={bluesky: "short"},
        threads={mastodon: ["one", "two"]},
        media=media,
        language="fi",
        link_card=card,
    )
    loaded = composition.load(conn, post)
    assert loaded is not None
    assert loaded.base_text == "base ✓" and loaded.language == "fi"
    assert loaded.account_ids == (mastodon, bluesky)
    assert loaded.variants == {bluesky: "short"}
    assert loaded.threads == {mastodon: ("one", "two")}
    assert loaded.media == tuple(media)
    assert loaded.link_card == card
    assert composition.account_limits(conn) == {mastodon: {"max_characters": 500}, bluesky: {}}
    assert not composition.write(conn, 10_000, base_text="", variants={}, threads={}, media=[])


def test_a_published_delivery_keeps_what_went_out(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "out")
    delivery = add_delivery(
        conn, post, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, NOW)
    composition.write(
        conn, post, base_text="edited", variants={account: "new"}, threads={}, media=[]
    )
    loaded = composition.load(conn, post)
    # The publishing one kept its text: not the variant given now, nor the post's new text
    # (it went out with "out", and keeps it as its own once the post's text changes).
    assert loaded is not None and loaded.base_text == "edited"
    assert loaded.variants == {account: "out"}


def test_where_an_undated_draft_goes(conn: Conn) -> None:
    a = add_account(conn, Network.MASTODON, "a")
    b = add_account(conn, Network.BLUESKY, "b.example")
    post = create_post(conn, "draft")
    assert composition.draft_only(conn, post)  # no deliveries at all
    composition.set_draft_accounts(conn, post, [a, b])
    assert {d.account_id for d in deliveries.of_post(conn, post)} == {a, b}
    assert composition.draft_only(conn, post)
    composition.set_draft_accounts(conn, post, [b])
    assert [d.account_id for d in deliveries.of_post(conn, post)] == [b]
    only = deliveries.of_post(conn, post)[0].id
    assert deliveries.reschedule(conn, only, NOW, "UTC", NOW)
    assert not composition.draft_only(conn, post)
