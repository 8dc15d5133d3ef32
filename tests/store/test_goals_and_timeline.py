"""Goals and the timeline's actions on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from somestudio.domain.collab.states import CollabState
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.growth.actions import ActionKind, TimelineAction
from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network
from somestudio.store import collabs, deliveries, goals, metric_writes, timeline_actions
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run

NOW = datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def _published(conn: Conn, account: int, text: str, at: datetime, counts: PostCounts | None) -> int:
    post = create_post(conn, text)
    delivery = add_delivery(
        conn, post, account, scheduled_at=at, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, at)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, at, remote_id=text, published_at=at
    )
    if counts is not None:
        metric_writes.add_post_snapshot(conn, delivery, at + timedelta(hours=1), counts)
    return delivery


def test_goals_are_added_changed_listed_and_removed(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    by_date = Goal("1000 followers", Measure.FOLLOWERS, 1000, date(2027, 1, 1), date(2027, 6, 30))
    cadence = Goal(
        "Three a week", Measure.POSTS, 3, date(2027, 1, 1), per=Per.WEEK, account_id=account
    )
    first = goals.add_goal(conn, by_date, NOW)
    second = goals.add_goal(conn, cadence, NOW)
    assert goals.list_goals(conn) == [replace(by_date, id=first), replace(cadence, id=second)]
    changed = Goal("Four a month", Measure.POSTS, 4, date(2027, 2, 1), per=Per.MONTH, id=second)
    assert goals.update_goal(conn, changed)
    assert goals.get_goal(conn, second) == changed
    assert not goals.update_goal(
        conn, Goal("x", Measure.POSTS, 1, date(2027, 1, 1), per=Per.WEEK, id=10_000)
    )
    # A kind of goal a newer version wrote is left alone, not shown.
    run(conn, Sql("UPDATE goals SET measure = 'minutes' WHERE id = :id"), {"id": first})
    assert goals.get_goal(conn, first) is None
    assert [g.id for g in goals.list_goals(conn)] == [second]
    assert goals.remove_goal(conn, first) and not goals.remove_goal(conn, first)
    assert goals.get_goal(conn, 10_000) is None


def test_post_numbers_are_the_newest_counts_of_posts_out_in_the_period(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    _published(conn, mastodon, "early", NOW - timedelta(days=3), PostCounts(likes=1))
    _published(
        conn,
        mastodon,
        "measured",
        NOW,
        PostCounts(likes=2, reposts=1, replies=1, quotes=1, views=40),
    )
    _published(conn, bluesky, "unmeasured", NOW + timedelta(hours=1), None)
    _published(conn, bluesky, "after", NOW + timedelta(days=1), PostCounts(likes=5))
    found = goals.post_numbers(conn, NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert found == [(mastodon, NOW, 5, 40), (bluesky, NOW + timedelta(hours=1), None, None)]
    assert all(type(n) is int for n in (found[0][0], found[0][2], found[1][0]))


def test_actions_are_stored_listed_by_day_and_removed(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    march = timeline_actions.add_action(conn, date(2027, 3, 27), "Started the newsletter", NOW)
    april = timeline_actions.add_action(
        conn, date(2027, 4, 1), "Ad campaign", NOW, account_id=account
    )
    timeline_actions.add_action(conn, date(2027, 3, 1), "Old", NOW, kind=ActionKind.POST, ref=9)
    run(conn, Sql("UPDATE timeline_actions SET kind = 'future' WHERE day = '2027-03-01'"))
    assert timeline_actions.stored_actions(conn, date(2027, 3, 1), date(2027, 5, 1)) == [
        TimelineAction(ActionKind.USER, date(2027, 3, 27), "Started the newsletter", march),
        TimelineAction(ActionKind.USER, date(2027, 4, 1), "Ad campaign", april, account),
    ]
    assert timeline_actions.stored_actions(conn, date(2027, 3, 28), date(2027, 4, 1)) == []
    assert timeline_actions.remove_action(conn, march)
    assert not timeline_actions.remove_action(conn, march)


def test_delivered_collaborations_and_published_posts_are_actions(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    partner = collabs.save_partner(conn, "Paahtimo", "", "fi")
    collab = collabs.add_collaboration(
        conn, partner, title="Kahvit", fee=Decimal(100), vat_rate=Decimal("25.5"),
        agreed_on=date(2027, 3, 1), payment_due=None, terms="",
    )  # fmt: skip
    untitled = collabs.add_collaboration(
        conn, partner, title="", fee=Decimal(1), vat_rate=Decimal(0),
        agreed_on=date(2027, 3, 1), payment_due=None, terms="",
    )  # fmt: skip
    for c, day in ((collab, date(2027, 3, 20)), (untitled, date(2027, 3, 21))):
        assert collabs.move_state(conn, c, CollabState.OFFERED, CollabState.AGREED, day)
        assert collabs.move_state(conn, c, CollabState.AGREED, CollabState.DELIVERED, day)
    assert timeline_actions.delivered_collaborations(conn, date(2027, 3, 1), date(2027, 4, 1)) == [
        TimelineAction(ActionKind.COLLABORATION, date(2027, 3, 20), "Paahtimo: Kahvit", collab),
        TimelineAction(ActionKind.COLLABORATION, date(2027, 3, 21), "Paahtimo", untitled),
    ]
    first = _published(conn, mastodon, "one", NOW, None)
    second = _published(conn, bluesky, "two", NOW + timedelta(hours=2), None)
    _published(conn, bluesky, "later", NOW + timedelta(days=2), None)
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=1)
    assert timeline_actions.published_moments(conn, start, end) == [
        (first, mastodon, NOW, "one"),
        (second, bluesky, NOW + timedelta(hours=2), "two"),
    ]
    assert timeline_actions.published_moments(conn, start, end, [bluesky]) == [
        (second, bluesky, NOW + timedelta(hours=2), "two")
    ]
    posts = timeline_actions.published_posts(conn, start, end)
    assert [(p[1], p[2]) for p in posts] == [(mastodon, NOW), (bluesky, NOW + timedelta(hours=2))]
