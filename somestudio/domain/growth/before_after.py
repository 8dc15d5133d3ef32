"""Did something change after an action? Daily samples (follower growth per day, a series'
daily value) in a window before the action's day against the same window after it.

The action's own day belongs to neither side (it is not known whether the action came
before or after that day's counts). The difference of the means gets a Welch t interval
(unequal variances, Welch–Satterthwaite degrees of freedom): analytic, so the same data
always gives the same answer. A change is claimed only when the whole interval lies on one
side of zero; fewer than ``MIN_DAYS`` samples on either side is too few to tell at all.
This is a comparison in time, not proof of cause: anything else that changed that week
counts too.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from somestudio.domain.growth.student_t import t_quantile

MIN_DAYS = 5
CONFIDENCE = 0.95


class Verdict(StrEnum):
    UP = "up"
    DOWN = "down"
    NO_CLEAR_CHANGE = "no_clear_change"
    CANNOT_TELL = "cannot_tell"  # too few days with data


@dataclass(frozen=True, slots=True)
class Side:
    days: int  # samples (days with data) in the window
    mean: float | None
    spread: float | None  # sample standard deviation


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


def _side(values: list[float]) -> Side:
    if not values:
        return Side(0, None, None)
    spread = statistics.stdev(values) if len(values) > 1 else None
    return Side(len(values), statistics.fmean(values), spread)


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


def compare_before_after(
    samples: Mapping[date, float],
    action_day: date,
    window_days: int = 14,
    confidence: float = CONFIDENCE,
) -> BeforeAfter:
    first = action_day - timedelta(days=window_days)
    last = action_day + timedelta(days=window_days)
    before = [v for d, v in sorted(samples.items()) if first <= d < action_day]
    after = [v for d, v in sorted(samples.items()) if action_day < d <= last]
    sides = _side(before), _side(after)
    if len(before) < MIN_DAYS or len(after) < MIN_DAYS:
        return BeforeAfter(action_day, window_days, *sides, Verdict.CANNOT_TELL)
    difference, low, high = welch_interval(before, after, confidence)
    if low > 0:
        verdict = Verdict.UP
    elif high < 0:
        verdict = Verdict.DOWN
    else:
        verdict = Verdict.NO_CLEAR_CHANGE
    return BeforeAfter(action_day, window_days, *sides, verdict, difference, low, high, confidence)
