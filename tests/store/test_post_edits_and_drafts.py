"""The planner's post edits and the Drafts list on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import deliveries, draft_list, post_edits
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2028, 2, 29, 23, 30, tzinfo=UTC)


def test_soft_delete_restore_text_and_taken_times(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "text")
    delivery = add_delivery(
        conn,
        post,
        account,
        scheduled_at=NOW + timedelta(hours=1),
        time_zone="UTC",
        state=DeliveryState.SCHEDULED,
    )
    assert post_edits.taken_times(conn, account, NOW) == [NOW + timedelta(hours=1)]
    assert post_edits.update_text(conn, post, "new", NOW)
    assert post_edits.soft_delete(conn, post, NOW) and not post_edits.soft_delete(conn, post, NOW)
    assert post_edits.taken_times(conn, account, NOW) == []
    assert not post_edits.update_text(conn, post, "while deleted", NOW)
    assert post_edits.restore(conn, post, NOW) and not post_edits.restore(conn, post, NOW)
    assert post_edits.post_exists(conn, post) and not post_edits.post_exists(conn, 10_000)
    assert deliveries.move(conn, delivery, DeliveryState.MISSED, NOW, seen_by_user=False)
    assert post_edits.mark_seen(conn, [delivery, delivery, 10_000]) == 1


def test_the_drafts_list_and_clearing_times(conn: Conn) -> None:
    account = add_account(conn, Network.BLUESKY, "me.example", display_name="Me")
    undated = create_post(conn, "undated")
    add_delivery(
        conn, undated, account, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT
    )
    alone = create_post(conn, "for no account yet")
    dated = create_post(conn, "dated")
    delivery = add_delivery(
        conn, dated, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    listed = draft_list.undated_posts(conn)
    assert [p.post_id for p in listed] == [alone, undated]  # newest first
    by_id = {p.post_id: p for p in listed}
    assert by_id[undated].accounts == ((account, Network.BLUESKY, "Me"),)
    assert by_id[alone].accounts == ()
    assert draft_list.clear_times(conn, [delivery], NOW) == 1
    assert draft_list.clear_times(conn, [delivery], NOW) == 1  # a draft stays clearable
    assert dated in {p.post_id for p in draft_list.undated_posts(conn)}
