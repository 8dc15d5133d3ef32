"""Daily series from counts taken at any moment: the last count of each local day, several
accounts' levels added up, posts' numbers summed into a running total."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

Daily = dict[date, float]


def daily_levels(points: Iterable[tuple[datetime, float | None]], zone: ZoneInfo) -> Daily:
    """The last known count of each local day (points in time order)."""
    found: Daily = {}
    for moment, value in points:
        if value is not None:
            found[moment.astimezone(zone).date()] = float(value)
    return found


def added_levels(series: Sequence[Mapping[date, float]]) -> Daily:
    """Several accounts' levels as one: from the first day every account has a count, each
    day's sum, an account without a count that day counting with its latest one."""
    if not series or any(not s for s in series):
        return {}
    start = max(min(s) for s in series)
    days = sorted({d for s in series for d in s if d >= start})
    latest = [s[max(d for d in s if d <= start)] for s in series]
    total: Daily = {}
    for day in days:
        for index, one in enumerate(series):
            if day in one:
                latest[index] = one[day]
        total[day] = sum(latest)
    return total


def running_total(amounts: Iterable[tuple[date, float]], start: date) -> Daily:
    """Each day's total of the amounts dated from ``start`` up to that day."""
    per_day: Daily = {}
    for day, amount in amounts:
        if day >= start:
            per_day[day] = per_day.get(day, 0.0) + amount
    total = 0.0
    found: Daily = {}
    for day in sorted(per_day):
        total += per_day[day]
        found[day] = total
    return found


def daily_growth(levels: Mapping[date, float], max_gap: int = 3) -> Daily:
    """Growth per day between counts at most ``max_gap`` days apart, dated on the later day
    (two counts a week apart say little about any one day: no sample)."""
    days = sorted(levels)
    found: Daily = {}
    for earlier, later in itertools.pairwise(days):
        gap = (later - earlier).days
        if gap <= max_gap:
            found[later] = (levels[later] - levels[earlier]) / gap
    return found
