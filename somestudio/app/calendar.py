"""Calendar use cases: which deliveries fall on which local day of a month grid."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from somestudio.app.studio import Studio
from somestudio.domain.month_grid import grid_days
from somestudio.domain.posts import ScheduledEntry


def month_entries(
    studio: Studio, year: int, month: int, *, first_weekday: int, zone: ZoneInfo
) -> tuple[list[date], dict[date, list[ScheduledEntry]]]:
    """The grid's days, and each day's deliveries in local time order."""
    days = grid_days(year, month, first_weekday)
    start = datetime.combine(days[0], time(0), zone)
    end = datetime.combine(days[-1] + timedelta(days=1), time(0), zone)
    by_day: dict[date, list[ScheduledEntry]] = defaultdict(list)
    for entry in studio.entries_between(start, end):
        by_day[entry.scheduled_at.astimezone(zone).date()].append(entry)
    return days, dict(by_day)
