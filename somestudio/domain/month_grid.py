"""Calendar arithmetic: the six-week grid a month view shows, and ISO week numbers."""

from __future__ import annotations

from datetime import date, timedelta

GRID_WEEKS = 6


def grid_start(year: int, month: int, first_weekday: int) -> date:
    """First day shown for a month; ``first_weekday`` is ISO (1 = Monday … 7 = Sunday)."""
    first = date(year, month, 1)
    back = (first.isoweekday() - first_weekday) % 7
    return first - timedelta(days=back)


def grid_days(year: int, month: int, first_weekday: int) -> list[date]:
    start = grid_start(year, month, first_weekday)
    return [start + timedelta(days=i) for i in range(GRID_WEEKS * 7)]


def iso_week(day: date) -> int:
    return day.isocalendar().week


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
