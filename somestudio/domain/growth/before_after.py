"""Did something change after an action? Growth per day in a window before the action's day
against the same window after it, from counts taken on any days (a count a week, entered by
hand, counts as much as a daily fetch).

Two counts in a row make an *interval*: its change spread evenly over the days between them
is a rate per day, weighing as many days as it covers inside the window (an interval reaching
past the window's edge weighs only its days inside). The action's own day belongs to neither
side (it is not known whether the action came before or after that day's counts), so an
interval whose days include it mixes both sides and is left out of both.

Each side's mean is its intervals' rates weighted by their days (its total change over its
days). The uncertainty is honest about spreading: an interval of seven days is one sample, not
seven, so a side's sample size is its number of intervals — the rates are taken to vary as
σ²/days — and the difference of the means gets a Welch t interval with those sizes (unequal
variances, Welch–Satterthwaite degrees of freedom; analytic, so the same data always gives the
same answer). With daily counts every interval is one day and this is the plain Welch test on
daily growth. A change is claimed only when the whole interval lies on one side of zero; fewer
than ``MIN_INTERVALS`` intervals on either side is too few to tell at all. This is a comparison
in time, not proof of cause: anything else that changed that week counts too.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from somestudio.domain.growth.student_t import t_quantile

MIN_INTERVALS = 3
CONFIDENCE = 0.95


class Verdict(StrEnum):
    UP = "up"
    DOWN = "down"
    NO_CLEAR_CHANGE = "no_clear_change"
    CANNOT_TELL = "cannot_tell"  # too few days with data


@dataclass(frozen=True, slots=True)
class Side:
    intervals: int  # samples: spans between two counts, inside the window on this side
    days: int  # days those intervals cover
    mean: float | None  # growth per day over those days
    spread: float | None  # standard deviation of one day's growth (weighted estimate)
    counts: int = 0  # counts taken in the window on this side (the action day not included)


@dataclass(frozen=True, slots=True)
class Rate:
    """Growth per day over ``days`` days (an interval between two counts)."""

    per_day: float
    days: float


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    action_day: date
    window_days: int
    before: Side
    after: Side
    verdict: Verdict
    difference: float | None = None  # after − before, per day
    low: float | None = None
    high: float | None = None
    confidence: float = CONFIDENCE


def _weighted(rates: list[Rate]) -> tuple[float, float | None]:
    """(weighted mean, estimated variance of one day's growth) of ``rates``."""
    total = sum(r.days for r in rates)
    mean = sum(r.per_day * r.days for r in rates) / total
    if len(rates) < 2:
        return mean, None
    return mean, sum(r.days * (r.per_day - mean) ** 2 for r in rates) / (len(rates) - 1)


def _side(rates: list[Rate], counts: int) -> Side:
    if not rates:
        return Side(0, 0, None, None, counts)
    mean, variance = _weighted(rates)
    spread = None if variance is None else math.sqrt(variance)
    return Side(len(rates), round(sum(r.days for r in rates)), mean, spread, counts)


def weighted_welch_interval(
    before: list[Rate], after: list[Rate], confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """(after − before, low, high) of the day-weighted means; each side at least two rates,
    each side's sample size its number of rates."""
    m1, var1 = _weighted(before)
    m2, var2 = _weighted(after)
    assert var1 is not None and var2 is not None
    v1 = var1 / sum(r.days for r in before)
    v2 = var2 / sum(r.days for r in after)
    difference = m2 - m1
    error = math.sqrt(v1 + v2)
    if error == 0.0:
        return difference, difference, difference
    df = (v1 + v2) ** 2 / (v1**2 / (len(before) - 1) + v2**2 / (len(after) - 1))
    half = t_quantile(0.5 + confidence / 2.0, df) * error
    return difference, difference - half, difference + half


def welch_interval(
    before: list[float], after: list[float], confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """(mean(after) − mean(before), low, high); each side at least two values."""
    m1, m2 = statistics.fmean(before), statistics.fmean(after)
    v1 = statistics.variance(before) / len(before)
    v2 = statistics.variance(after) / len(after)
    difference = m2 - m1
    error = math.sqrt(v1 + v2)
    if error == 0.0:
        return difference, difference, difference
    df = (v1 + v2) ** 2 / (v1**2 / (len(before) - 1) + v2**2 / (len(after) - 1))
    half = t_quantile(0.5 + confidence / 2.0, df) * error
    return difference, difference - half, difference + half


def interval_rates(levels: Mapping[date, float], first: date, last: date) -> tuple[list[Rate], int]:
    """The rates of the intervals between consecutive counts, each clipped to its days in
    ``first`` ≤ day ≤ ``last`` (an interval's change is dated on the days after its first
    count up to its second), and how many counts fall in those days."""
    days = sorted(levels)
    rates = []
    for earlier, later in itertools.pairwise(days):
        if later < first or earlier >= last:
            continue
        gap = (later - earlier).days
        inside = (min(later, last) - max(earlier + timedelta(days=1), first)).days + 1
        if inside > 0:
            rates.append(Rate((levels[later] - levels[earlier]) / gap, inside))
    return rates, sum(first <= d <= last for d in days)


def _compare(
    action_day: date,
    window_days: int,
    before: tuple[list[Rate], int],
    after: tuple[list[Rate], int],
    confidence: float,
) -> BeforeAfter:
    sides = _side(*before), _side(*after)
    if len(before[0]) < MIN_INTERVALS or len(after[0]) < MIN_INTERVALS:
        return BeforeAfter(action_day, window_days, *sides, Verdict.CANNOT_TELL)
    difference, low, high = weighted_welch_interval(before[0], after[0], confidence)
    if low > 0:
        verdict = Verdict.UP
    elif high < 0:
        verdict = Verdict.DOWN
    else:
        verdict = Verdict.NO_CLEAR_CHANGE
    return BeforeAfter(action_day, window_days, *sides, verdict, difference, low, high, confidence)


def compare_levels(
    levels: Mapping[date, float],
    action_day: date,
    window_days: int = 14,
    confidence: float = CONFIDENCE,
) -> BeforeAfter:
    """Growth per day around ``action_day`` from counts (a level by day) taken on any days;
    counts outside the window still give the intervals reaching into it. An interval whose
    days include the action day is left out of both sides."""
    day = timedelta(days=1)
    first = action_day - timedelta(days=window_days)
    last = action_day + timedelta(days=window_days)
    before_levels = {d: v for d, v in levels.items() if d < action_day}
    after_levels = {d: v for d, v in levels.items() if d >= action_day}
    return _compare(
        action_day,
        window_days,
        interval_rates(before_levels, first, action_day - day),
        interval_rates(after_levels, action_day + day, last),
        confidence,
    )


def compare_before_after(
    samples: Mapping[date, float],
    action_day: date,
    window_days: int = 14,
    confidence: float = CONFIDENCE,
) -> BeforeAfter:
    """Daily samples (a series' value of each day) before against after: each day one
    interval of one day."""
    first = action_day - timedelta(days=window_days)
    last = action_day + timedelta(days=window_days)
    before = [Rate(v, 1) for d, v in sorted(samples.items()) if first <= d < action_day]
    after = [Rate(v, 1) for d, v in sorted(samples.items()) if action_day < d <= last]
    return _compare(action_day, window_days, (before, len(before)), (after, len(after)), confidence)
