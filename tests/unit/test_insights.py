"""Insights on synthetic data: a planted effect is found, no effect claims nothing."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.domain.insight_columns import ObservedPosts, find_insights_in, heat_grid
from somestudio.domain.insights import (
    MIN_SAMPLE,
    Factor,
    HeatCell,
    Measure,
    PostObservation,
    find_insights,
    holm,
    mann_whitney,
    median,
    suggest_slots,
    superiority_interval,
    weekday_hour_grid,
)
from somestudio.domain.networks import Network
from somestudio.domain.slots import Slot

ZONE = ZoneInfo("Europe/Helsinki")
START = datetime(2026, 1, 5, tzinfo=ZONE)  # a Monday


def synthetic(
    rng: random.Random,
    count: int,
    *,
    network: Network = Network.MASTODON,
    media_lift: float = 1.0,
    tuesday_lift: float = 1.0,
    evening_lift: float = 1.0,
) -> list[PostObservation]:
    posts = []
    for i in range(count):
        when = START + timedelta(days=rng.randrange(120), hours=rng.choice([8, 10, 13, 16, 19]))
        has_media = rng.random() < 0.4
        # Skewed like real engagement: log-normal around 2 %.
        rate = rng.lognormvariate(-3.9, 0.6)
        if has_media:
            rate *= media_lift
        if when.weekday() == 1:
            rate *= tuesday_lift
        if 18 <= when.hour <= 20:
            rate *= evening_lift
        posts.append(
            PostObservation(
                network=network,
                account_id=1,
                posted_local=when,
                length=rng.randint(20, 400),
                hashtags=rng.choice([0, 0, 1, 2, 3, 5]),
                has_media=has_media,
                engagements=int(rate * 1000),
                rate=rate,
            )
        )
        del i
    return posts


def test_a_planted_media_effect_is_found_with_its_numbers() -> None:
    posts = synthetic(random.Random(1), 240, media_lift=1.8)
    insights = find_insights(posts)
    claimed = [i for i in insights if i.claimed]
    media = next(i for i in insights if i.factor is Factor.MEDIA)
    assert media.claimed
    assert media.better
    assert media.measure is Measure.RATE
    assert media.group_size + media.rest_size == 240
    assert media.low is not None and media.high is not None
    assert 0.5 < media.low < media.superiority < media.high  # type: ignore[operator]
    assert media.group_median is not None and media.rest_median is not None
    assert media.group_median > 1.4 * media.rest_median
    assert media.adjusted_p is not None and media.adjusted_p < 0.05
    assert claimed[0] is media  # claims first, strongest first
    # The planted effect is the only one there is: nothing else is claimed.
    assert {(i.factor, i.group) for i in claimed} == {(Factor.MEDIA, "with_media")}


def test_planted_weekday_and_evening_effects_become_posting_slots() -> None:
    posts = synthetic(random.Random(7), 600, tuesday_lift=2.2, evening_lift=2.0)
    insights = find_insights(posts)
    claimed = {(i.factor, i.group) for i in insights if i.claimed and i.better}
    assert (Factor.WEEKDAY, "1") in claimed
    assert (Factor.HOUR, "18-21") in claimed
    slots = suggest_slots(insights, posts, Network.MASTODON)
    assert slots == (Slot(1, datetime(2000, 1, 1, 19).time()),)


@pytest.mark.parametrize("seed", range(3))
def test_no_effect_claims_nothing(seed: int) -> None:
    posts = synthetic(random.Random(100 + seed), 300)
    insights = find_insights(posts)
    assert [i for i in insights if i.claimed] == []
    assert suggest_slots(insights, posts, Network.MASTODON) == ()
    # Every statement still carries its numbers for a reader who wants them.
    tested = [i for i in insights if i.superiority is not None]
    assert len(tested) >= 15


def test_runs_without_an_effect_rarely_claim_anything() -> None:
    """Holm keeps the chance of any false claim per run near 5 %, not near 1 - 0.95^21."""
    runs_with_a_claim = sum(
        any(i.claimed for i in find_insights(synthetic(random.Random(1000 + s), 200)))
        for s in range(40)
    )
    assert runs_with_a_claim <= 5


def test_nothing_is_claimed_below_the_minimum_sample() -> None:
    # A huge effect, but only MIN_SAMPLE - 1 posts with media.
    rng = random.Random(3)
    posts = [
        PostObservation(Network.X, 1, START + timedelta(days=i), 50, 0, i < MIN_SAMPLE - 1, 0, r)
        for i, r in enumerate([10.0] * (MIN_SAMPLE - 1) + [rng.random() / 100 for _ in range(80)])
    ]
    media = next(i for i in find_insights(posts) if i.factor is Factor.MEDIA)
    assert media.group_size == MIN_SAMPLE - 1
    assert not media.enough_posts
    assert media.superiority is None and media.p_value is None
    assert not media.claimed


def test_channels_are_judged_separately() -> None:
    posts = synthetic(random.Random(5), 240, media_lift=2.0) + synthetic(
        random.Random(6), 240, network=Network.BLUESKY
    )
    claimed = {(i.channel, i.factor) for i in find_insights(posts) if i.claimed}
    assert claimed == {(Network.MASTODON, Factor.MEDIA)}


def test_counts_are_compared_when_rates_are_missing() -> None:
    posts = [
        PostObservation(Network.LINKEDIN, 1, START + timedelta(days=i), 50, 0, i % 2 == 0, e, None)
        for i, e in enumerate(range(60))
    ]
    media = next(i for i in find_insights(posts) if i.factor is Factor.MEDIA)
    assert media.measure is Measure.ENGAGEMENTS


def test_mann_whitney_matches_known_values() -> None:
    # Complete separation of two groups of 10: U = 100, exact p ≈ 1.1e-5, normal ≈ 1.8e-4.
    sup, p = mann_whitney(list(range(10, 20)), list(range(10)))
    assert sup == 1.0
    assert 1e-4 < p < 3e-4
    sup, p = mann_whitney([1, 2, 3, 4], [1, 2, 3, 4])
    assert sup == 0.5
    assert p == pytest.approx(1.0)
    sup, p = mann_whitney([5, 5, 5], [5, 5])  # all tied: no evidence at all
    assert (sup, p) == (0.5, 1.0)


def test_holm_adjusts_step_down_and_keeps_order() -> None:
    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert holm([]) == []


def test_interval_contains_the_estimate_and_narrows_with_more_posts() -> None:
    low, high = superiority_interval(0.7, 20, 20)
    wide = high - low
    low2, high2 = superiority_interval(0.7, 200, 200)
    assert low < 0.7 < high
    assert low2 < 0.7 < high2
    assert high2 - low2 < wide / 2
    assert superiority_interval(1.0, 10, 10)[0] < 1.0


def test_median_and_grid() -> None:
    assert median([]) is None
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 2, 3]) == 2.5
    posts = synthetic(random.Random(9), 50)
    grid = weekday_hour_grid(posts)
    assert len(grid) == 7 and all(len(row) == 24 for row in grid)
    assert sum(cell.posts for row in grid for cell in row) == 50
    assert grid[0][3].posts == 0 and grid[0][3].mean_rate is None


def test_the_column_path_sums_a_cells_rates_in_the_posts_order() -> None:
    """The heatmap's mean rate is a float sum: added in another order (pairwise, sorted) it
    would differ here, where 1e17 + 1 rounds back to 1e17."""
    rates = [1e17, 1.0, -1e17, 1.0, None, 0.5]
    posts = [
        PostObservation(Network.X, 1, START + timedelta(minutes=i), 50, 0, False, 1, r)
        for i, r in enumerate(rates)
    ]
    grid = heat_grid(ObservedPosts.of(posts))
    assert grid == weekday_hour_grid(posts)
    assert grid[0][0] == HeatCell(6, ((1e17 + 1.0) - 1e17 + 1.0 + 0.5) / 5)
    assert grid[0][0].mean_rate == 1.5 / 5  # not (1 + 1 + 0.5) / 5: the 1 after 1e17 is lost


@pytest.mark.parametrize("seed", range(6))
def test_the_column_path_finds_what_the_object_path_finds(seed: int) -> None:
    rng = random.Random(seed)
    posts = synthetic(rng, rng.randint(0, 400))
    # Ties in both measures, rates missing on some posts, two channels.
    posts = [
        PostObservation(
            Network.X if i % 3 else Network.MASTODON,
            o.account_id,
            o.posted_local,
            o.length,
            o.hashtags,
            o.has_media,
            o.engagements % 7,
            None if i % 11 == 0 or o.rate is None else round(o.rate, 2),
        )
        for i, o in enumerate(posts)
    ]
    observed = ObservedPosts.of(posts)
    assert find_insights_in(observed) == find_insights(posts)
    assert heat_grid(observed) == weekday_hour_grid(posts)
