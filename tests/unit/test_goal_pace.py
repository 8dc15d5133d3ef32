"""Goals: progress and pace on synthetic counts, cadences by week and month, daily series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.domain.growth.cadence import cadence_progress
from somestudio.domain.growth.goals import Goal, GoalError, Measure, Per, checked, goal_problem
from somestudio.domain.growth.pace import TargetState, fitted_slope, target_progress
from somestudio.domain.growth.series import (
    added_levels,
    daily_growth,
    daily_levels,
    running_total,
)

START = date(2026, 3, 1)
CONTACTS = Goal("200 contacts", Measure.FOLLOWERS, 200, START, deadline=date(2026, 6, 30))


def levels(first: date, values: list[float], every: int = 1) -> dict[date, float]:
    return {first + timedelta(days=i * every): v for i, v in enumerate(values)}


def test_a_steady_climb_projects_the_day_the_target_is_reached() -> None:
    # 120 contacts at the start, +2 a day: 200 is 40 days on, on 10 April.
    daily = levels(START, [120 + 2 * i for i in range(15)])
    progress = target_progress(CONTACTS, daily, START + timedelta(days=14))
    assert progress.state is TargetState.ON_TRACK
    assert progress.baseline == 120
    assert progress.current == 148
    assert progress.fraction == pytest.approx(28 / 80)
    assert progress.pace is not None
    assert progress.pace.per_day == pytest.approx(2.0)
    assert progress.pace.projected == date(2026, 4, 10)


def test_too_slow_for_the_deadline_is_behind_and_flat_is_not_growing() -> None:
    slow = levels(START, [120 + 0.1 * i for i in range(20)])
    progress = target_progress(CONTACTS, slow, START + timedelta(days=19))
    assert progress.state is TargetState.BEHIND
    assert progress.pace is not None and progress.pace.projected is not None
    assert progress.pace.projected > CONTACTS.deadline  # type: ignore[operator]
    flat = levels(START, [120, 121, 120, 119, 120, 119, 118, 118])
    assert target_progress(CONTACTS, flat, START + timedelta(days=7)).state is (
        TargetState.NOT_GROWING
    )


def test_a_goal_set_today_is_paced_from_the_counts_before_it() -> None:
    # The tester's LinkedIn counts 11/20, 11/27, 12/1, 12/3 and a goal of 200 from 12/3:
    # four counts over 13 days give a pace at once, though none lies after the start.
    daily = {date(2026, 11, 20): 150.0, date(2026, 11, 27): 162.0, date(2026, 12, 1): 171.0}
    daily[date(2026, 12, 3)] = 175.0
    goal = Goal("200", Measure.FOLLOWERS, 200, date(2026, 12, 3), deadline=date(2027, 3, 1))
    progress = target_progress(goal, daily, date(2026, 12, 3))
    assert progress.state is TargetState.ON_TRACK
    assert (progress.baseline, progress.current, progress.fraction) == (175, 175, 0.0)
    assert progress.pace is not None and progress.pace.days == 4
    assert progress.pace.per_day == pytest.approx(1.9, abs=0.1)


def test_thin_data_is_too_little_to_tell() -> None:
    # Three counts, or counts spanning under a week: no date is promised.
    three = levels(START, [120, 130, 140], every=5)
    assert target_progress(CONTACTS, three, date(2026, 3, 12)).state is (
        TargetState.TOO_LITTLE_DATA
    )
    short = levels(START, [120, 122, 124, 126, 128, 130])
    progress = target_progress(CONTACTS, short, START + timedelta(days=5))
    assert progress.state is TargetState.TOO_LITTLE_DATA
    assert progress.pace is None
    assert target_progress(CONTACTS, {}, START).state is TargetState.TOO_LITTLE_DATA


def test_a_sum_with_no_numbers_since_its_start_says_so_rather_than_too_little_data() -> None:
    month = Goal("Engagements", Measure.ENGAGEMENTS, 1500, START, deadline=date(2026, 3, 31))
    progress = target_progress(month, {}, START + timedelta(days=3))
    assert progress.state is TargetState.NO_NUMBERS
    assert (progress.current, progress.fraction, progress.pace) == (0, 0.0, None)
    # With a few days of numbers: too little to tell the pace, as for a level.
    some = target_progress(month, levels(START, [40, 90]), START + timedelta(days=3))
    assert some.state is TargetState.TOO_LITTLE_DATA
    # Past the deadline it is missed, numbers or not.
    assert target_progress(month, {}, date(2026, 4, 1)).state is TargetState.MISSED


def test_reached_is_a_win_dated_the_first_day_over_the_target() -> None:
    daily = levels(START, [190, 195, 199, 201, 203])
    progress = target_progress(CONTACTS, daily, START + timedelta(days=10))
    assert progress.state is TargetState.REACHED
    assert progress.reached_on == START + timedelta(days=3)
    assert progress.fraction == 1.0


def test_counts_after_today_are_not_seen_and_a_passed_deadline_is_missed() -> None:
    daily = levels(START, [120 + i for i in range(200)])
    seen = target_progress(CONTACTS, daily, START + timedelta(days=9))
    assert seen.current == 129
    after = target_progress(CONTACTS, levels(START, [120, 130]), date(2026, 7, 1))
    assert after.state is TargetState.MISSED


def test_a_sum_goal_starts_from_zero() -> None:
    goal = Goal("Views", Measure.VIEWS, 1000, START, deadline=date(2026, 3, 31))
    totals = running_total([(START + timedelta(days=i), 50.0) for i in range(10)], START)
    progress = target_progress(goal, totals, START + timedelta(days=9))
    assert progress.baseline == 0
    assert progress.current == 500
    assert progress.state is TargetState.ON_TRACK
    assert progress.pace is not None
    assert progress.pace.projected == START + timedelta(days=19)


def test_goal_problems_have_codes() -> None:
    assert goal_problem(CONTACTS) is None
    assert goal_problem(Goal(" ", Measure.FOLLOWERS, 1, START, START)) == "goal.no_title"
    assert goal_problem(Goal("x", Measure.FOLLOWERS, 0, START, START)) == (
        "goal.target_not_positive"
    )
    assert goal_problem(Goal("x", Measure.FOLLOWERS, 5, START)) == "goal.no_deadline"
    assert goal_problem(Goal("x", Measure.FOLLOWERS, 5, START, START)) == (
        "goal.deadline_not_after_start"
    )
    assert goal_problem(Goal("x", Measure.VIEWS, 2, START, per=Per.WEEK)) == (
        "goal.cadence_counts_posts"
    )
    assert goal_problem(Goal("x", Measure.POSTS, 2, START, START)) == "goal.posts_need_cadence"
    with pytest.raises(GoalError) as caught:
        checked(Goal("", Measure.POSTS, 2, START, per=Per.WEEK))
    assert caught.value.code == "goal.no_title"
    assert checked(Goal(" Two a week ", Measure.POSTS, 2, START, per=Per.WEEK)).title == (
        "Two a week"
    )


def test_cadence_counts_monday_weeks_and_the_streak() -> None:
    goal = Goal("Two a week", Measure.POSTS, 2, date(2026, 3, 2), per=Per.WEEK)  # a Monday
    days = [date(2026, 3, 3), date(2026, 3, 8), date(2026, 3, 10), date(2026, 3, 16)]
    days += [date(2026, 3, 17), date(2026, 3, 23), date(2026, 2, 27)]  # the last: before start
    progress = cadence_progress(goal, days, date(2026, 3, 25))
    assert [(p.first.day, p.posts) for p in progress.periods] == [(2, 2), (9, 1), (16, 2), (23, 1)]
    assert progress.kept == 2
    assert progress.streak == 1  # the week of the 16th; this week is not met yet
    assert progress.fraction == 0.5
    assert progress.days_left(date(2026, 3, 25)) == 5  # Wednesday to Sunday
    month = Goal("Three a month", Measure.POSTS, 3, date(2026, 1, 15), per=Per.MONTH)
    monthly = cadence_progress(month, days, date(2026, 3, 25))
    # Started mid-January: counted from February, the first whole month.
    assert [(p.first, p.posts) for p in monthly.periods] == [
        (date(2026, 2, 1), 1),
        (date(2026, 3, 1), 6),
    ]
    assert monthly.current.met and monthly.streak == 1 and monthly.kept == 0


def test_a_cadence_started_mid_week_counts_that_part_until_the_next_week() -> None:
    goal = Goal("Two a week", Measure.POSTS, 2, date(2026, 3, 4), per=Per.WEEK)  # Wednesday
    days = [date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 10)]
    during = cadence_progress(goal, days, date(2026, 3, 6))
    assert [(p.first, p.posts) for p in during.periods] == [(date(2026, 3, 2), 1)]
    after = cadence_progress(goal, days, date(2026, 3, 11))
    assert [(p.first, p.posts) for p in after.periods] == [(date(2026, 3, 9), 1)]


def test_daily_series_from_counts_at_any_moment() -> None:
    helsinki = ZoneInfo("Europe/Helsinki")
    points = [
        (datetime(2026, 3, 1, 21, 30, tzinfo=UTC), 10.0),  # 23:30 in Helsinki: the 1st
        (datetime(2026, 3, 1, 22, 30, tzinfo=UTC), 11.0),  # 00:30 on the 2nd
        (datetime(2026, 3, 2, 8, tzinfo=UTC), None),
        (datetime(2026, 3, 2, 9, tzinfo=UTC), 12.0),
    ]
    assert daily_levels(points, helsinki) == {date(2026, 3, 1): 10.0, date(2026, 3, 2): 12.0}
    one = {date(2026, 3, 1): 10.0, date(2026, 3, 3): 14.0}
    two = {date(2026, 3, 2): 100.0, date(2026, 3, 4): 90.0}
    assert added_levels([one, two]) == {
        date(2026, 3, 2): 110.0,
        date(2026, 3, 3): 114.0,
        date(2026, 3, 4): 104.0,
    }
    assert added_levels([one, {}]) == {}
    growth = daily_growth({date(2026, 3, 1): 10, date(2026, 3, 3): 14, date(2026, 3, 10): 20})
    assert growth == {date(2026, 3, 3): 2.0}  # a week's gap tells nothing about a day


def test_fitted_slope_is_least_squares() -> None:
    assert fitted_slope({date(2026, 1, 1): 0, date(2026, 1, 2): 1, date(2026, 1, 3): 5}) == (
        pytest.approx(2.5)
    )
