"""Writing metrics on both backends: snapshots (an entered one replaces its twin), the
newest-snapshot table kept by triggers (plpgsql on PostgreSQL), the fetch schedule's state,
and which posts are due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.store import deliveries, metric_writes
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run

NOW = datetime(2028, 2, 29, 12, 0, tzinfo=UTC)
_LATEST = Sql("SELECT snapshot_id, likes FROM metric_latest WHERE delivery_id = :d")


def _published(conn: Conn) -> tuple[int, int]:
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "out")
    delivery = add_delivery(
        conn, post, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn,
        delivery,
        DeliveryState.PUBLISHED,
        NOW,
        remote_id="109",
        remote_url="https://example.invalid/@me/109",
        published_at=NOW,
    )
    return account, delivery


def test_snapshots_and_the_newest_kept_by_triggers(conn: Conn) -> None:
    account, delivery = _published(conn)
    first = metric_writes.add_post_snapshot(conn, delivery, NOW, PostCounts(likes=1))
    newer = metric_writes.add_post_snapshot(
        conn, delivery, NOW + timedelta(hours=1), PostCounts(likes=5)
    )
    metric_writes.add_post_snapshot(conn, delivery, NOW - timedelta(hours=1), PostCounts(likes=0))
    assert run(conn, _LATEST, {"d": delivery}).fetchone() == (newer, 5)
    run(conn, Sql("DELETE FROM metric_snapshots WHERE id = :id"), {"id": newer})
    assert run(conn, _LATEST, {"d": delivery}).fetchone() == (first, 1)
    with pytest.raises(Exception, match="not updated"):
        run(conn, Sql("UPDATE metric_snapshots SET likes = 9"))
    # An entered snapshot replaces the one of the same source and moment (a re-import).
    metric_writes.add_post_snapshot(conn, delivery, NOW, PostCounts(likes=7), source="manual")
    metric_writes.add_post_snapshot(conn, delivery, NOW, PostCounts(likes=8), source="manual")
    count = run(conn, Sql("SELECT count(*) FROM metric_snapshots WHERE source = 'manual'"))
    assert count.fetchone()[0] == 1
    metric_writes.add_account_snapshot(conn, account, NOW, AccountCounts(followers=10), "csv")
    metric_writes.add_account_snapshot(conn, account, NOW, AccountCounts(followers=11), "csv")
    rows = run(conn, Sql("SELECT followers FROM account_snapshots")).fetchall()
    assert [tuple(r) for r in rows] == [(11,)]


def test_the_fetch_schedule(conn: Conn) -> None:
    account, delivery = _published(conn)
    due = metric_writes.due_posts(conn, account, NOW, NOW - timedelta(days=30))
    assert [(d.delivery_id, d.remote_id) for d in due] == [(delivery, "109")]
    later = NOW + timedelta(hours=2)
    metric_writes.record_post_fetch(conn, delivery, NOW, later, error="HTTP 503")
    metric_writes.record_post_fetch(conn, delivery, NOW, later, error="HTTP 503")
    assert metric_writes.post_failures(conn, delivery) == 2
    assert metric_writes.due_posts(conn, account, NOW, NOW - timedelta(days=30)) == []
    metric_writes.record_post_fetch(conn, delivery, NOW, later)
    assert metric_writes.post_failures(conn, delivery) == 0
    metric_writes.record_post_fetch(conn, delivery, later, None, gone=True)
    assert metric_writes.due_posts(conn, account, later, NOW - timedelta(days=30)) == []

    assert metric_writes.account_fetch_state(conn, account).failures == 0
    metric_writes.record_account_fetch(conn, account, NOW, later, error="timeout")
    state = metric_writes.account_fetch_state(conn, account)
    assert (state.failures, state.last_error, state.next_fetch_at) == (1, "timeout", later)
    metric_writes.record_account_fetch(conn, account, later, later + timedelta(hours=6))
    assert metric_writes.account_fetch_state(conn, account).failures == 0

    post = deliveries.get(conn, delivery)
    assert post is not None
    assert metric_writes.delivery_by_post_and_account(conn, post.post_id, account) == delivery
    assert metric_writes.delivery_by_remote(conn, "109") == delivery
    assert metric_writes.delivery_by_remote(conn, "https://example.invalid/@me/109") == delivery
    assert metric_writes.delivery_by_remote(conn, "nothing") is None
