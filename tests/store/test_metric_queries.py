"""The metrics view's read models on both backends: totals per channel (whole numbers on
both: PostgreSQL's sum is a numeric), posts most engaged first, filters, series."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from somestudio.app.metrics_dashboard import MetricsDashboard, Period, _utc_seconds
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.utc import parse_utc, utc_offsets
from somestudio.store import deliveries, metric_queries, metric_writes
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run, write
from tests.store.conftest import Connect

NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)


def _published(
    conn: Conn, account: int, text: str, likes: int, at: datetime = NOW, **kw: object
) -> int:
    post = create_post(conn, text, **kw)  # type: ignore[arg-type]
    delivery = add_delivery(
        conn, post, account, scheduled_at=at, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, at)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, at, remote_id=text, published_at=at
    )
    metric_writes.add_post_snapshot(conn, delivery, at, PostCounts(likes=likes, views=10))
    return delivery


def test_totals_posts_and_observations(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    quiet = _published(conn, mastodon, "quiet", 1, labels=["spring"])
    loud = _published(
        conn, mastodon, "loud #kevät", 9, media=[MediaItem("/a.png", "image/png", "")]
    )
    other = _published(conn, bluesky, "other ＃tag äö", 4, at=NOW + timedelta(hours=1))
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
    observed = metric_queries.view_rows(conn, everything, start, end)
    # (id, has media, engagements, measured) as plain integers on both backends.
    assert [(r[0], r[5], r[6], r[8]) for r in observed] == [
        (loud, 1, 9, 1),
        (other, 0, 4, 1),
        (quiet, 0, 1, 1),
    ]
    assert {type(r[k]) for r in observed for k in (3, 4, 5, 6, 7, 8)} == {int}
    # The text's length and hashtags as stored with it (no text read), and the views.
    assert [(r[3], r[4], r[7]) for r in observed] == [
        (len("loud #kevät"), 1, 10),
        (len("other ＃tag äö"), 1, 10),
        (len("quiet"), 0, 10),
    ]
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


def test_view_rows_local_time_on_each_side_of_a_change_of_offset(conn: Conn) -> None:
    """The view's local times (``MetricsDashboard._local``, from the rows' stored times)
    on each side of a change of offset, and a label filter's rows in the same order."""
    account = add_account(conn, Network.MASTODON, "me")
    # Helsinki leaves summer time at 2026-10-25 01:00 UTC (+3 h before, +2 h after).
    summer = _published(conn, account, "summer", 1, at=datetime(2026, 10, 24, 22, 30, tzinfo=UTC))
    winter = _published(conn, account, "winter", 2, at=datetime(2026, 10, 25, 1, 0, tzinfo=UTC))
    start, end = NOW - timedelta(days=2), NOW + timedelta(days=1)
    assert len(utc_offsets(ZoneInfo("Europe/Helsinki"), start, end)) == 2
    rows = metric_queries.view_rows(conn, MetricsFilter(), start, end)
    assert [r[0] for r in rows] == [winter, summer]
    dashboard = MetricsDashboard(lambda: conn, ZoneInfo("Europe/Helsinki"))  # type: ignore[arg-type, return-value]
    utc = _utc_seconds([r[2] for r in rows])
    assert utc.tolist() == [int(parse_utc(r[2]).timestamp()) for r in rows]
    local = dict(
        zip([r[0] for r in rows], dashboard._local(utc, Period(start, end)).tolist(), strict=True)
    )
    assert local[summer] == int(datetime(2026, 10, 25, 1, 30, tzinfo=UTC).timestamp())
    assert local[winter] == int(datetime(2026, 10, 25, 3, 0, tzinfo=UTC).timestamp())


_RECOUNT = Sql(
    "SELECT substr(d.published_at, 1, 10), d.account_id, count(*),"
    " coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),"
    " coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0),"
    " count(m.quotes), coalesce(sum(m.bookmarks), 0), count(m.bookmarks),"
    " coalesce(sum(m.views), 0), count(m.views)"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL"
    " LEFT JOIN metric_latest m ON m.delivery_id = d.id"
    " WHERE d.state = 'published' AND d.published_at IS NOT NULL"
    " GROUP BY substr(d.published_at, 1, 10), d.account_id ORDER BY 1, 2"
)
_KEPT = Sql("SELECT * FROM metric_day_totals ORDER BY day, account_id")


def _plain(rows: Sequence[Any]) -> list[tuple[object, ...]]:
    """Rows as str and int (PostgreSQL's sums are numeric)."""
    return [tuple(v if isinstance(v, str) else int(v) for v in r) for r in rows]


def _check_day_totals(conn: Conn) -> None:
    assert _plain(run(conn, _KEPT).fetchall()) == _plain(run(conn, _RECOUNT).fetchall())
    everything = MetricsFilter()
    start, end = datetime(2026, 10, 20, 6, tzinfo=UTC), datetime(2026, 10, 30, 18, tzinfo=UTC)
    assert metric_queries.period_totals(
        conn, everything, start, end
    ) == metric_queries.posts_period_totals(conn, everything, start, end)


def test_day_totals_are_kept_by_the_schema_through_every_change(conn: Conn) -> None:
    """The per-day totals (SQLite's triggers of migration 015, PostgreSQL's plpgsql ones)
    equal a recount from the rows after each change a total depends on."""
    me = add_account(conn, Network.MASTODON, "me")
    other = add_account(conn, Network.BLUESKY, "me.example")
    day = datetime(2026, 10, 22, 9, tzinfo=UTC)
    first = _published(conn, me, "first", 3, at=day)
    second = _published(conn, me, "second", 5, at=day + timedelta(hours=3))
    third = _published(conn, other, "third", 7, at=day + timedelta(days=2))
    assert len(run(conn, _KEPT).fetchall()) == 2
    _check_day_totals(conn)
    metric_writes.add_post_snapshot(conn, first, day + timedelta(days=1), PostCounts(likes=30))
    _check_day_totals(conn)
    of_delivery = "WHERE id = (SELECT post_id FROM deliveries WHERE id = :id)"
    steps = (
        ("UPDATE deliveries SET published_at = :at WHERE id = :id",
         {"at": "2026-10-27T10:00:00Z", "id": second}),
        ("UPDATE deliveries SET account_id = :account WHERE id = :id",
         {"account": other, "id": first}),
        ("UPDATE posts SET deleted_at = :at " + of_delivery,
         {"at": "2026-10-28T00:00:00Z", "id": third}),
        ("UPDATE posts SET deleted_at = NULL " + of_delivery, {"id": third}),
        ("UPDATE deliveries SET state = 'failed' WHERE id = :id", {"id": second}),
        ("UPDATE deliveries SET state = 'published' WHERE id = :id", {"id": second}),
        ("DELETE FROM metric_snapshots WHERE delivery_id = :id", {"id": third}),
        ("DELETE FROM metric_latest WHERE delivery_id = :id", {"id": second}),
        ("DELETE FROM deliveries WHERE id = :id", {"id": first}),
    )  # fmt: skip
    for text, params in steps:
        with write(conn):
            run(conn, Sql(text), params)
        _check_day_totals(conn)
    assert _plain(run(conn, _KEPT).fetchall()) == [
        ("2026-10-24", other, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ("2026-10-27", me, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ]


def _publish_now(conn: Conn, account: int, text: str) -> None:
    """A delivery published at NOW by one statement (the day totals' triggers run inside)."""
    post = create_post(conn, text)
    run(
        conn,
        Sql(
            "INSERT INTO deliveries (post_id, account_id, scheduled_at, time_zone, state,"
            " idempotency_key, published_at, updated_at)"
            " VALUES (:post, :account, :at, 'UTC', 'published', :key, :at, :at)"
        ),
        {"post": post, "account": account, "at": "2026-10-25T12:00:00Z", "key": text},
    )


def test_two_machines_publishing_on_one_day_keep_its_total(connect: Connect) -> None:
    """Two transactions recount the same (day, account) in turn: the second waits for the
    first and counts its post too (on PostgreSQL without the recount's lock, the second
    fails on the totals' key or misses the first one's post)."""
    first = connect()
    account = add_account(first, Network.MASTODON, "me")
    _publish_now(first, account, "before")
    errors: list[BaseException] = []

    def second_machine() -> None:
        try:
            other = connect()
            try:
                with write(other):
                    _publish_now(other, account, "second")
            finally:
                if isinstance(other, sqlite3.Connection):
                    other.close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with write(first):
        _publish_now(first, account, "first")
        racer = threading.Thread(target=second_machine)
        racer.start()
        racer.join(0.5)
        assert racer.is_alive(), "the second machine did not wait for the first transaction"
    racer.join(10)
    assert not errors
    kept = _plain(run(first, _KEPT).fetchall())
    assert kept == _plain(run(first, _RECOUNT).fetchall())
    assert [row[2] for row in kept] == [3]
