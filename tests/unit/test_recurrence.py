"""Recurring posts: weekly and monthly rules, problems reported rather than shifted."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from somestudio.domain.recurrence import MonthlyRule, WeeklyRule, expand
from somestudio.domain.timeplan import AmbiguousLocalTimeError, NonexistentLocalTimeError

HKI = "Europe/Helsinki"


def test_weekly_on_chosen_days() -> None:
    rule = WeeklyRule(frozenset({0, 2}), time(9))
    found = expand(rule, HKI, date(2026, 11, 18), count=4)  # a Wednesday
    assert [o.wall for o in found] == [
        datetime(2026, 11, 18, 9),
        datetime(2026, 11, 23, 9),
        datetime(2026, 11, 25, 9),
        datetime(2026, 11, 30, 9),
    ]
    assert found[0].at == datetime(2026, 11, 18, 7, tzinfo=UTC)


def test_every_other_week_until() -> None:
    rule = WeeklyRule(frozenset({4}), time(12), interval=2)
    found = expand(rule, "UTC", date(2026, 1, 1), until=date(2026, 2, 28))
    assert [o.wall.date() for o in found] == [
        date(2026, 1, 2),
        date(2026, 1, 16),
        date(2026, 1, 30),
        date(2026, 2, 13),
        date(2026, 2, 27),
    ]


def test_weekly_across_dst_keeps_the_wall_time() -> None:
    found = expand(WeeklyRule(frozenset({6}), time(10)), HKI, date(2026, 3, 22), count=2)
    assert [o.at for o in found] == [
        datetime(2026, 3, 22, 8, tzinfo=UTC),  # UTC+2
        datetime(2026, 3, 29, 7, tzinfo=UTC),  # UTC+3: same 10:00 on the wall
    ]


def test_problem_occurrences_are_reported() -> None:
    found = expand(WeeklyRule(frozenset({6}), time(3, 30)), HKI, date(2026, 3, 22), count=2)
    assert found[0].problem is None
    assert isinstance(found[1].problem, NonexistentLocalTimeError) and found[1].at is None
    autumn = expand(MonthlyRule(25, time(3, 30)), HKI, date(2026, 10, 1), count=1)
    assert isinstance(autumn[0].problem, AmbiguousLocalTimeError)


def test_monthly_skips_short_months_and_knows_the_last_day() -> None:
    found = expand(MonthlyRule(31, time(9)), "UTC", date(2026, 1, 1), count=4)
    assert [o.wall.date() for o in found] == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
    ]
    last = expand(MonthlyRule(-1, time(9), interval=1), "UTC", date(2026, 1, 15), count=3)
    assert [o.wall.date() for o in last] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    quarterly = expand(MonthlyRule(1, time(9), interval=3), "UTC", date(2026, 2, 1), count=3)
    assert [o.wall.date() for o in quarterly] == [
        date(2026, 2, 1),
        date(2026, 5, 1),
        date(2026, 8, 1),
    ]


def test_rules_need_an_end_and_sane_values() -> None:
    with pytest.raises(ValueError, match="needs an end"):
        expand(WeeklyRule(frozenset({1}), time(9)), "UTC", date(2026, 1, 1))
    with pytest.raises(ValueError):
        WeeklyRule(frozenset(), time(9))
    with pytest.raises(ValueError):
        MonthlyRule(0, time(9))
    assert (
        len(
            expand(
                WeeklyRule(frozenset(range(7)), time(9)),
                "UTC",
                date(2026, 1, 1),
                until=date(2099, 1, 1),
            )
        )
        == 1000
    )
