"""The metrics view's read models on both backends: totals per channel (whole numbers on
both: PostgreSQL's sum is a numeric), posts most engaged first, filters, series."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.store import deliveries, metric_queries, metric_writes
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)


def _published(conn: Conn, account: int, text: str, likes: int, **kw: object) -> int:
    post = create_post(conn, text, **kw)  # type: ignore[arg-type]
    delivery = add_delivery(
        conn, post, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, NOW, remote_id=text, published_at=NOW
    )
    metric_writes.add_post_snapshot(conn, delivery, NOW, PostCounts(likes=likes, views=10))
    return delivery


def test_totals_posts_and_observations(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    quiet = _published(conn, mastodon, "quiet", 1, labels=["spring"])
    loud = _published(conn, mastodon, "loud", 9, media=[MediaItem("/a.png", "image/png", "")])
    other = _published(conn, bluesky, "other", 4)
    start, end = NOW - timedelta(days=1), NOW + timedelta(days=1)
    everything = MetricsFilter()
    totals = metric_queries.period_totals(conn, everything, start, end)
    assert [(t.network, t.posts) for t in totals] == [(Network.MASTODON, 2), (Network.BLUESKY, 1)]
    assert totals[0].likes == 10 and type(totals[0].likes) is int
    assert [
        p.delivery_id for p in metric_queries.published_posts(conn, everything, start, end)
    ] == [
        loud,
        other,
        quiet,
    ]
    top = metric_queries.published_posts(conn, everything, start, end, limit=1)
    assert [p.delivery_id for p in top] == [loud] and top[0].media_count == 1
    only = MetricsFilter(networks=frozenset({Network.MASTODON}), label="spring")
    assert [p.delivery_id for p in metric_queries.published_posts(conn, only, start, end)] == [
        quiet
    ]
    mine = MetricsFilter(account_ids=frozenset({bluesky}))
    assert [p.delivery_id for p in metric_queries.published_posts(conn, mine, start, end)] == [
        other
    ]
    observed = metric_queries.observation_rows(conn, everything, start, end)
    assert [(r[11], r[4]) for r in observed] == [(loud, 1), (other, 0), (quiet, 0)]
    assert [p.delivery_id for p in metric_queries.posts_by_delivery(conn, [other, loud])] == [
        other,
        loud,
    ]
    assert metric_queries.posts_by_delivery(conn, []) == []
    assert [s.counts.likes for s in metric_queries.post_snapshots(conn, loud)] == [9]
    assert metric_queries.labels_in_use(conn) == ["spring"]


def test_follower_series(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    for hours, followers in ((0, 10), (24, 12), (48, 15)):
        metric_writes.add_account_snapshot(
            conn, account, NOW + timedelta(hours=hours), AccountCounts(followers=followers)
        )
    series = metric_queries.follower_series(conn, [account], NOW, NOW + timedelta(hours=30))
    assert [p.followers for p in series[account]] == [10, 12]
    assert metric_queries.followers_before(conn, account, NOW + timedelta(hours=30)) == 12
    assert metric_queries.followers_before(conn, account, NOW - timedelta(days=1)) == 10
