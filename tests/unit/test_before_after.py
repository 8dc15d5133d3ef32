"""Before/after an action: a planted change is found with its interval, no change claims
nothing, thin data says it cannot tell; the t quantiles behind the interval are exact."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from somestudio.domain.growth.before_after import (
    MIN_DAYS,
    Verdict,
    compare_before_after,
    welch_interval,
)
from somestudio.domain.growth.student_t import t_cdf, t_quantile

ACTION = date(2026, 4, 15)


def samples(
    before_mean: float, after_mean: float, seed: int, noise: float = 1.5
) -> dict[date, float]:
    rng = random.Random(seed)
    found = {}
    for offset in range(-20, 21):
        if offset == 0:
            continue
        mean = before_mean if offset < 0 else after_mean
        found[ACTION + timedelta(days=offset)] = rng.gauss(mean, noise)
    return found


def test_a_planted_jump_in_growth_is_found() -> None:
    # 2 new followers a day before the job fair, 6 after.
    result = compare_before_after(samples(2.0, 6.0, seed=1), ACTION, 14)
    assert result.verdict is Verdict.UP
    assert result.before.days == 14 and result.after.days == 14
    assert result.low is not None and result.high is not None
    assert 0 < result.low < 4 < result.high
    assert result.difference == pytest.approx(4, abs=1.5)


def test_a_drop_is_found_as_a_drop() -> None:
    assert compare_before_after(samples(5.0, 1.0, seed=2), ACTION, 14).verdict is Verdict.DOWN


def test_no_change_claims_nothing() -> None:
    result = compare_before_after(samples(3.0, 3.0, seed=7), ACTION, 14)
    assert result.verdict is Verdict.NO_CLEAR_CHANGE
    assert result.low is not None and result.high is not None
    assert result.low < 0 < result.high


def test_no_change_is_rarely_claimed_across_many_seeds() -> None:
    claimed = sum(
        compare_before_after(samples(3.0, 3.0, seed=s), ACTION, 14).verdict
        in {Verdict.UP, Verdict.DOWN}
        for s in range(400)
    )
    assert claimed <= 400 * 0.08  # 5 % expected


def test_thin_data_cannot_tell() -> None:
    few = {ACTION - timedelta(days=d): 2.0 for d in range(1, MIN_DAYS)}
    few |= {ACTION + timedelta(days=d): 9.0 for d in range(1, 15)}
    result = compare_before_after(few, ACTION, 14)
    assert result.verdict is Verdict.CANNOT_TELL
    assert result.before.days == MIN_DAYS - 1
    assert result.low is None


def test_the_action_day_and_days_outside_the_window_do_not_count() -> None:
    data = {ACTION + timedelta(days=d): float(d) for d in range(-30, 31)}
    result = compare_before_after(data, ACTION, 7)
    assert (result.before.days, result.after.days) == (7, 7)
    assert result.before.mean == -4.0 and result.after.mean == 4.0


def test_welch_interval_matches_a_worked_example() -> None:
    # By hand: variances 2.5 and 5, standard error √(0.5 + 1) = 1.2247, Welch df =
    # 1.5² / (0.5²/4 + 1²/4) = 7.2; t(0.975; 7.2) = 2.3516 (between the table's 2.3646 at
    # 7 and 2.3060 at 8, interpolated in 1/df): half-width 2.880.
    before = [1.0, 2.0, 3.0, 4.0, 5.0]
    after = [2.0, 4.0, 5.0, 6.0, 8.0]
    difference, low, high = welch_interval(before, after)
    assert difference == pytest.approx(2.0)
    assert low == pytest.approx(-0.880, abs=2e-3)
    assert high == pytest.approx(4.880, abs=2e-3)


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.7062), (2, 4.3027), (5, 2.5706), (10, 2.2281), (30, 2.0423), (1000, 1.9623)],
)
def test_t_quantiles_match_the_tables(df: float, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-3)
    assert t_cdf(expected, df) == pytest.approx(0.975, abs=1e-4)
    assert t_quantile(0.025, df) == pytest.approx(-expected, abs=1e-3)
