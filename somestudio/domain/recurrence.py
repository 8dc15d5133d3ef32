"""Recurring posts: weekly and monthly rules expanded into the instants of their deliveries.

Each occurrence is a wall time in the rule's zone. One that does not exist or happens twice
that day is returned with its problem (``Occurrence.problem``) rather than shifted, so the
caller asks the user, exactly as for a single post. A monthly rule on a day a month lacks
(the 31st in April) skips that month, as RFC 5545 does; ``day=-1`` means the last day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from somestudio.domain.timeplan import LocalTimeError, to_utc, zone_for

MAX_OCCURRENCES = 1000


@dataclass(frozen=True, slots=True)
class WeeklyRule:
    weekdays: frozenset[int]  # 0 = Monday
    at: time
    interval: int = 1  # every n-th week, counted from the week of the start date

    def __post_init__(self) -> None:
        if not self.weekdays or not all(0 <= d <= 6 for d in self.weekdays):
            raise ValueError("a weekly rule needs one or more weekdays 0 (Mon) … 6 (Sun)")
        if self.interval < 1:
            raise ValueError("the interval is a whole number of weeks, at least 1")


@dataclass(frozen=True, slots=True)
class MonthlyRule:
    day: int  # 1 … 31, or -1 for the month's last day
    at: time
    interval: int = 1  # every n-th month, counted from the start date's month

    def __post_init__(self) -> None:
        if not (1 <= self.day <= 31 or self.day == -1):
            raise ValueError("a monthly rule's day is 1 … 31, or -1 for the last day")
        if self.interval < 1:
            raise ValueError("the interval is a whole number of months, at least 1")


Rule = WeeklyRule | MonthlyRule


@dataclass(frozen=True, slots=True)
class Occurrence:
    wall: datetime  # naive, in the rule's zone
    at: datetime | None  # UTC; None when the wall time is a problem
    problem: LocalTimeError | None = None


def expand(
    rule: Rule,
    zone: str,
    start: date,
    *,
    count: int | None = None,
    until: date | None = None,
) -> list[Occurrence]:
    """Occurrences on or after ``start``: ``count`` of them, or up to ``until`` (inclusive).

    At least one bound is required; at most ``MAX_OCCURRENCES`` are produced.
    """
    if count is None and until is None:
        raise ValueError("a recurrence needs an end: a count or an until date")
    if count is not None and count < 0:
        raise ValueError("count cannot be negative")
    zone_for(zone)
    limit = min(count if count is not None else MAX_OCCURRENCES, MAX_OCCURRENCES)
    found: list[Occurrence] = []
    days = _weekly_days(rule, start) if isinstance(rule, WeeklyRule) else _monthly_days(rule, start)
    for day in days:
        if len(found) >= limit or (until is not None and day > until):
            break
        wall = datetime.combine(day, rule.at)
        try:
            found.append(Occurrence(wall, to_utc(wall, zone)))
        except LocalTimeError as exc:
            found.append(Occurrence(wall, None, exc))
    return found


def _weekly_days(rule: WeeklyRule, start: date) -> Iterator[date]:
    week = start - timedelta(days=start.weekday())
    while True:
        for weekday in sorted(rule.weekdays):
            day = week + timedelta(days=weekday)
            if day >= start:
                yield day
        week += timedelta(weeks=rule.interval)
        if week.year > 9998:
            return


def _monthly_days(rule: MonthlyRule, start: date) -> Iterator[date]:
    year, month = start.year, start.month
    while year < 9999:
        last = calendar.monthrange(year, month)[1]
        wanted = last if rule.day == -1 else rule.day
        if wanted <= last:
            day = date(year, month, wanted)
            if day >= start:
                yield day
        month += rule.interval
        year += (month - 1) // 12
        month = (month - 1) % 12 + 1


def rule_spec(rule: Rule) -> str:
    """The rule as stored with a series: ``weekly 0,2 09:00 1`` or ``monthly -1 09:00 1``
    (days, wall time, interval)."""
    if isinstance(rule, WeeklyRule):
        days = ",".join(str(d) for d in sorted(rule.weekdays))
        return f"weekly {days} {rule.at:%H:%M} {rule.interval}"
    return f"monthly {rule.day} {rule.at:%H:%M} {rule.interval}"


def rule_from_spec(spec: str) -> Rule | None:
    """The rule of ``rule_spec``; None for a text it did not write."""
    parts = spec.split()
    if len(parts) != 4:
        return None
    kind, days, at, interval = parts
    try:
        wall = time.fromisoformat(at)
        if kind == "weekly":
            return WeeklyRule(frozenset(int(d) for d in days.split(",")), wall, int(interval))
        if kind == "monthly":
            return MonthlyRule(int(days), wall, int(interval))
    except ValueError:
        return None
    return None
