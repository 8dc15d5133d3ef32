from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.month_grid import add_months, grid_days, grid_start, iso_week

months = st.tuples(st.integers(1900, 2200), st.integers(1, 12))


@given(months, st.integers(1, 7))
def test_grid_covers_the_month_and_starts_on_the_first_weekday(
    year_month: tuple[int, int], first_weekday: int
) -> None:
    year, month = year_month
    days = grid_days(year, month, first_weekday)
    assert len(days) == 42
    assert days[0].isoweekday() == first_weekday
    assert all(b - a == timedelta(days=1) for a, b in itertools.pairwise(days))
    assert date(year, month, 1) in days
    next_year, next_month = add_months(year, month, 1)
    assert date(next_year, next_month, 1) - timedelta(days=1) in days
    assert days[0] <= date(year, month, 1) < days[0] + timedelta(days=7)


def test_finnish_grid_for_november_2026_starts_on_monday_26_october() -> None:
    assert grid_start(2026, 11, 1) == date(2026, 10, 26)


def test_us_grid_starts_on_sunday() -> None:
    assert grid_start(2026, 11, 7) == date(2026, 11, 1)


def test_iso_weeks_at_year_boundaries() -> None:
    assert iso_week(date(2026, 12, 31)) == 53
    assert iso_week(date(2027, 1, 3)) == 53
    assert iso_week(date(2027, 1, 4)) == 1
    assert iso_week(date(2025, 12, 29)) == 1


@given(months, st.integers(-500, 500))
def test_add_months_round_trips(year_month: tuple[int, int], delta: int) -> None:
    year, month = year_month
    there = add_months(year, month, delta)
    assert 1 <= there[1] <= 12
    assert add_months(*there, -delta) == (year, month)
