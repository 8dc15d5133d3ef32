"""Calendar use cases: which deliveries fall on which local day, through the user's filters."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.month_grid import grid_days
from somestudio.domain.posts import ScheduledEntry
from somestudio.store.posts import DaysWanted


@dataclass(frozen=True, slots=True)
class CalendarFilter:
    """What the calendar shows; an empty set means "all"."""

    account_ids: frozenset[int] = field(default_factory=frozenset)
    states: frozenset[DeliveryState] = field(default_factory=frozenset)
    label: str | None = None
    awaiting_approval: bool = False  # only posts waiting for an editor's approval

    def admits(self, entry: ScheduledEntry) -> bool:
        return (
            (not self.account_ids or entry.account_id in self.account_ids)
            and (not self.states or entry.state in self.states)
            and (self.label is None or self.label in entry.labels)
            and (not self.awaiting_approval or entry.approval == "waiting")
        )

    @property
    def is_active(self) -> bool:
        return bool(
            self.account_ids or self.states or self.label is not None or self.awaiting_approval
        )


NO_FILTER = CalendarFilter()


def days_entries(
    studio: Studio,
    first: date,
    count: int,
    *,
    zone: ZoneInfo,
    where: CalendarFilter = NO_FILTER,
) -> dict[date, list[ScheduledEntry]]:
    """Each local day's deliveries in [first, first + count days), in time order."""
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(first + timedelta(days=count), time(0), zone)
    by_day: dict[date, list[ScheduledEntry]] = defaultdict(list)
    for entry in studio.entries_between(start, end):
        if where.admits(entry):
            by_day[entry.scheduled_at.astimezone(zone).date()].append(entry)
    return dict(by_day)


def month_entries(
    studio: Studio,
    year: int,
    month: int,
    *,
    first_weekday: int,
    zone: ZoneInfo,
    where: CalendarFilter = NO_FILTER,
) -> tuple[list[date], dict[date, list[ScheduledEntry]]]:
    """The month grid's days, and each day's deliveries in local time order."""
    days = grid_days(year, month, first_weekday)
    return days, days_entries(studio, days[0], len(days), zone=zone, where=where)


@dataclass(frozen=True, slots=True)
class MonthOverview:
    """A month grid's days; on each, its first posts' deliveries and how many posts it holds."""

    days: list[date]
    entries: dict[date, list[ScheduledEntry]]  # the first ``per_day`` posts' deliveries
    post_counts: dict[date, int]  # every post on the day

    def complete(self, day: date, per_day: int) -> bool:
        """Whether ``entries`` holds all of the day's deliveries."""
        return self.post_counts.get(day, 0) <= per_day


def month_overview(
    studio: Studio,
    year: int,
    month: int,
    *,
    first_weekday: int,
    zone: ZoneInfo,
    per_day: int,
    where: CalendarFilter = NO_FILTER,
) -> MonthOverview:
    """The month grid's days, each day's post count and its first ``per_day`` posts (all
    their deliveries on the day): the work does not grow with a day's posts past those."""
    days = grid_days(year, month, first_weekday)
    spans = [
        (
            day.isoformat(),
            datetime.combine(day, time(0), zone),
            datetime.combine(day + timedelta(days=1), time(0), zone),
        )
        for day in days
    ]
    counts, found = studio.first_posts_by_day(
        DaysWanted(
            days=spans,
            per_day=per_day,
            account_ids=sorted(where.account_ids),
            states=sorted(s.value for s in where.states),
            label=where.label,
            awaiting_approval=where.awaiting_approval,
        )
    )
    entries: dict[date, list[ScheduledEntry]] = defaultdict(list)
    for key, entry in found:
        entries[date.fromisoformat(key)].append(entry)
    return MonthOverview(
        days=days,
        entries=dict(entries),
        post_counts={date.fromisoformat(k): n for k, n in counts.items()},
    )


def week_start(day: date, first_weekday: int) -> date:
    return day - timedelta(days=(day.isoweekday() - first_weekday) % 7)
