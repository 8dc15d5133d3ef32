"""A cadence goal (two posts a week): the count of each week or month since the start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from somestudio.domain.growth.goals import Goal, Per


@dataclass(frozen=True, slots=True)
class PeriodCount:
    first: date  # Monday of the week, or the month's first day
    last: date
    posts: int
    target: int

    @property
    def met(self) -> bool:
        return self.posts >= self.target


@dataclass(frozen=True, slots=True)
class CadenceProgress:
    goal: Goal
    periods: tuple[PeriodCount, ...]  # oldest first; the last one is under way

    @property
    def current(self) -> PeriodCount:
        return self.periods[-1]

    @property
    def fraction(self) -> float:
        return min(1.0, self.current.posts / self.current.target)

    @property
    def finished(self) -> tuple[PeriodCount, ...]:
        return self.periods[:-1]

    @property
    def kept(self) -> int:
        """Finished periods that met the target."""
        return sum(1 for p in self.finished if p.met)

    @property
    def streak(self) -> int:
        """Periods met in a row up to now (the one under way counts once it is met)."""
        count = 1 if self.current.met else 0
        for period in reversed(self.finished):
            if not period.met:
                break
            count += 1
        return count

    def days_left(self, today: date) -> int:
        """Days of the period under way still to come, today included."""
        return (self.current.last - today).days + 1


def period_of(day: date, per: Per) -> tuple[date, date]:
    if per is Per.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def cadence_progress(goal: Goal, post_days: Iterable[date], today: date) -> CadenceProgress:
    """``post_days``: the local day of each post published for the goal's accounts.

    A goal started mid-week (mid-month) is counted from the next whole period: a week of
    one day would count as a week missed. Until that period comes, the part one counts."""
    assert goal.per is not None, "a cadence goal has a period"
    first, last = period_of(min(goal.start, today), goal.per)
    if first < goal.start and last < today:
        first, last = period_of(last + timedelta(days=1), goal.per)
    counts: dict[date, int] = {}
    for day in post_days:
        if max(goal.start, first) <= day <= today:
            start, _ = period_of(day, goal.per)
            counts[start] = counts.get(start, 0) + 1
    periods = []
    while first <= today:
        periods.append(PeriodCount(first, last, counts.get(first, 0), goal.target))
        first, last = period_of(last + timedelta(days=1), goal.per)
    return CadenceProgress(goal, tuple(periods))
