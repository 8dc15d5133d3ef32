"""The metrics view's whole load on both backends gives what the object-per-post path gives:
the posts query's plain rows (text, engagements and views read once, rates divided in
Python, local times from the zone's offsets added in the database) on PostgreSQL as on
SQLite, across a change of summer time and in a zone a quarter-hour off."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.metrics_dashboard import MetricsDashboard, Period
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.insights import find_insights, weekday_hour_grid
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.store import deliveries, metric_queries, metric_writes
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

START = datetime(2026, 3, 1, tzinfo=UTC)  # the period spans the spring change of clocks
PERIOD = Period(START, START + timedelta(days=60))
TEXTS = ("plain", "two #one #two", "full-width ＃kevät ＃ｔａｇ", "link https://e.example/#x", "#1")


def _fill(conn: Conn, rng: random.Random) -> None:
    accounts = [
        add_account(conn, network, f"a{k}")
        for k, network in enumerate((Network.MASTODON, Network.X, Network.BLUESKY))
    ]
    for account in accounts[:2]:  # the last account never had its followers read
        for day in range(-40, 100, 2):
            metric_writes.add_account_snapshot(
                conn,
                account,
                START + timedelta(days=day, hours=rng.randint(0, 23)),
                AccountCounts(followers=500 + day * rng.randint(1, 4)),
            )
    for p in range(220):
        at = START + timedelta(minutes=rng.randint(-2000, 60 * 1440 + 2000))
        account = rng.choice(accounts)
        media = [MediaItem(f"/m{p}.png", "image/png", "")] if rng.random() < 0.3 else []
        text = "x" * rng.choice([5, 120, 300]) + " " + rng.choice(TEXTS)
        post = create_post(conn, text, media=media)
        delivery = add_delivery(
            conn, post, account, scheduled_at=at, time_zone="UTC", state=DeliveryState.SCHEDULED
        )
        assert deliveries.claim(conn, delivery, at)
        assert deliveries.move(
            conn, delivery, DeliveryState.PUBLISHED, at, remote_id=f"r{p}", published_at=at
        )
        if rng.random() < 0.1:
            continue  # never measured
        # Small counts (ties); a lift for posts with media, so that claims are made too.
        likes = rng.randint(0, 4) + (9 if media else 0)
        views = rng.choice([None, 0, 100, 100, 100, rng.randint(1, 90) * 10])
        counts = PostCounts(likes=likes, reposts=rng.choice([None, 1]), views=views)
        metric_writes.add_post_snapshot(conn, delivery, at + timedelta(hours=2), counts)


@pytest.mark.parametrize("zone", ["Europe/Helsinki", "Asia/Kathmandu"])
def test_the_whole_load_gives_what_the_object_path_gave(conn: Conn, zone: str) -> None:
    _fill(conn, random.Random(3))
    dashboard = MetricsDashboard(lambda: conn, ZoneInfo(zone))  # type: ignore[arg-type, return-value]
    claims = 0
    for flt in (MetricsFilter(), MetricsFilter(networks=frozenset({Network.X}))):
        data = dashboard.load(flt, PERIOD)
        posts = metric_queries.published_posts(conn, flt, PERIOD.start, PERIOD.end)
        observations = dashboard.observe(posts)
        assert data.insights == find_insights(observations)
        assert data.grid == weekday_hour_grid(observations)
        assert data.top_posts == posts[: len(data.top_posts)]
        assert data.posts_in_period == len(posts) > 0
        claims += sum(i.claimed for i in data.insights)
    assert claims > 0  # claimed statements are compared too
