"""How far a target goal has come and when it will be reached at the recent pace.

The pace is a straight line fitted (least squares) to the counts of the last four weeks —
for a level (followers) those from before the goal's start too: a goal set today on an
account with a month of counts has a pace at once. Fewer than four days with a count, or
counts spanning less than a week, are too little to tell: the state says so instead of a date
that would only be noise. A sum (views, engagements) counts the posts published from the
goal's start; while none of them has the figure (nothing published yet, or their networks
report no such number), the state says that rather than a pace of zeros.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from somestudio.domain.growth.goals import Goal

PACE_WINDOW_DAYS = 28
MIN_PACE_DAYS = 4
MIN_PACE_SPAN_DAYS = 7
FAR_AWAY_DAYS = 3650  # a projection beyond ten years is "not at this pace"


class TargetState(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"  # reached by the deadline at this pace
    BEHIND = "behind"  # reached, but after the deadline
    NOT_GROWING = "not_growing"  # the pace is flat or falling
    MISSED = "missed"  # the deadline passed without the target
    TOO_LITTLE_DATA = "too_little_data"
    NO_NUMBERS = "no_numbers"  # a sum with no post since the start that has the figure


@dataclass(frozen=True, slots=True)
class Pace:
    per_day: float
    days: int  # days with a count behind the line
    projected: date | None  # the day the target is reached at this pace (None: never)


@dataclass(frozen=True, slots=True)
class TargetProgress:
    goal: Goal
    state: TargetState
    baseline: float | None  # the count when the goal started (0 for a sum)
    current: float | None
    fraction: float  # 0..1 of the way from the baseline to the target
    reached_on: date | None = None
    pace: Pace | None = None
    days_with_data: int = 0


def fitted_slope(points: Mapping[date, float]) -> float:
    """Change per day of the least-squares line through the points (≥ 2 days)."""
    xs = [d.toordinal() for d in points]
    ys = list(points.values())
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def _baseline(goal: Goal, daily: Mapping[date, float]) -> float | None:
    if not goal.measure.is_level:
        return 0.0
    before = [d for d in daily if d <= goal.start]
    if before:
        return daily[max(before)]
    after = [d for d in daily if d > goal.start]
    return daily[min(after)] if after else None


def target_progress(goal: Goal, daily: Mapping[date, float], today: date) -> TargetProgress:
    """``daily``: the measure each day (a level, or for sums the running total since the
    start of the posts that have the figure); days after ``today`` are ignored."""
    assert goal.deadline is not None, "a target goal has a deadline"
    known = {d: v for d, v in daily.items() if d <= today}
    baseline = _baseline(goal, known)
    since = {d: v for d, v in sorted(known.items()) if d >= goal.start}
    current = since[max(since)] if since else baseline
    fraction = _fraction(baseline, current, goal.target)
    reached_on = next((d for d, v in since.items() if v >= goal.target), None)
    paced = known if goal.measure.is_level else since
    state, pace = _state(goal, dict(sorted(paced.items())), current, today, reached_on)
    return TargetProgress(
        goal, state, baseline, current, fraction, reached_on, pace, days_with_data=len(since)
    )


def _fraction(baseline: float | None, current: float | None, target: int) -> float:
    if baseline is None or current is None:
        return 0.0
    if current >= target:
        return 1.0
    if target <= baseline:
        return 0.0  # fell below a target it once passed
    return max(0.0, min(1.0, (current - baseline) / (target - baseline)))


def _state(
    goal: Goal,
    counts: Mapping[date, float],
    current: float | None,
    today: date,
    reached_on: date | None,
) -> tuple[TargetState, Pace | None]:
    assert goal.deadline is not None
    if reached_on is not None and current is not None and current >= goal.target:
        return TargetState.REACHED, None
    if reached_on is not None and reached_on <= goal.deadline and today > goal.deadline:
        return TargetState.REACHED, None  # reached in time; what came after is another story
    if today > goal.deadline:
        return TargetState.MISSED, None
    if not goal.measure.is_level and not counts:
        return TargetState.NO_NUMBERS, None
    return _paced(goal, counts, current, today)


def _paced(
    goal: Goal, counts: Mapping[date, float], current: float | None, today: date
) -> tuple[TargetState, Pace | None]:
    assert goal.deadline is not None
    recent = {d: v for d, v in counts.items() if (today - d).days < PACE_WINDOW_DAYS}
    if len(recent) < MIN_PACE_DAYS or (max(recent) - min(recent)).days < MIN_PACE_SPAN_DAYS:
        return TargetState.TOO_LITTLE_DATA, None
    slope = fitted_slope(recent)
    last = max(recent)
    assert current is not None
    if slope <= 0:
        return TargetState.NOT_GROWING, Pace(slope, len(recent), None)
    # A hair under a whole day is that day (2.0 a day fitted as 1.9999999999999996).
    days = math.ceil((goal.target - current) / slope - 1e-9)
    if days > FAR_AWAY_DAYS:
        return TargetState.NOT_GROWING, Pace(slope, len(recent), None)
    projected = last + timedelta(days=max(days, 0))
    state = TargetState.ON_TRACK if projected <= goal.deadline else TargetState.BEHIND
    return state, Pace(slope, len(recent), projected)
