"""The tapering fetch schedule and the per-network request window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.metric_schedule import (
    BUDGETS,
    FINAL_AGE,
    Budget,
    Due,
    RequestWindow,
    fetch_interval,
    next_account_fetch,
    next_post_fetch,
    plan_round,
)
from somestudio.domain.metrics import PostCounts, change, engagement_rate
from somestudio.domain.networks import Network

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_fresh_posts_are_fetched_often_old_ones_rarely_then_never() -> None:
    steps = [fetch_interval(timedelta(hours=h)) for h in (0, 1, 3, 30, 24 * 10, 24 * 60)]
    assert steps == [
        timedelta(minutes=15),
        timedelta(minutes=15),
        timedelta(hours=1),
        timedelta(hours=6),
        timedelta(days=1),
        timedelta(days=7),
    ]
    assert steps == sorted(steps)  # type: ignore[type-var]
    assert fetch_interval(FINAL_AGE) is None
    assert next_post_fetch(T0, T0 + timedelta(minutes=5)) == T0 + timedelta(minutes=20)
    assert next_post_fetch(T0, T0 + FINAL_AGE) is None


def test_failures_back_off_but_not_forever() -> None:
    first = next_post_fetch(T0, T0, failures=1)
    later = next_post_fetch(T0, T0, failures=3)
    assert first is not None and later is not None
    assert T0 + timedelta(minutes=15) < first < later
    assert next_post_fetch(T0, T0, failures=40) == T0 + timedelta(days=1)
    assert next_account_fetch(T0) == T0 + timedelta(hours=6)
    assert next_account_fetch(T0, failures=9) == T0 + timedelta(days=1)


def test_a_round_spends_at_most_the_share_of_the_budget_freshest_first() -> None:
    budget = Budget(requests=10, window=timedelta(minutes=15), batch=2, share=0.5)
    due = [Due(i, str(i), T0 + timedelta(hours=i), None) for i in range(9)]
    window = RequestWindow(budget)
    batches = plan_round(due, budget, window.remaining(T0))
    assert [[d.delivery_id for d in b] for b in batches] == [[8, 7], [6, 5], [4, 3], [2, 1], [0]]
    window.spend(T0, 4)
    assert window.remaining(T0) == 1
    assert plan_round(due, budget, window.remaining(T0)) == [due[8:6:-1]]
    assert window.remaining(T0 + timedelta(minutes=15)) == 5
    window.pause(T0 + timedelta(hours=1))
    assert window.remaining(T0 + timedelta(minutes=30)) == 0
    assert window.remaining(T0 + timedelta(hours=1)) == 5


def test_every_network_with_metrics_has_a_budget() -> None:
    assert {Network.X, Network.MASTODON, Network.BLUESKY} <= set(BUDGETS)
    assert all(b.allowance >= 1 for b in BUDGETS.values())


def test_engagement_and_rate() -> None:
    counts = PostCounts(likes=10, reposts=2, replies=3, quotes=None, bookmarks=1, views=400)
    assert counts.engagements == 16
    assert engagement_rate(counts, 1000) == 16 / 400  # views first
    assert engagement_rate(PostCounts(likes=5), 50) == 0.1  # then followers
    assert engagement_rate(PostCounts(likes=5), None) is None
    assert change(150, 100) == 0.5
    assert change(1, 0) is None and change(1, None) is None
    assert not PostCounts().offers_anything()
