"""A goal: a number by a date (followers, views, engagements) or a cadence (posts per week
or month), for one account or for all of them together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Measure(StrEnum):
    FOLLOWERS = "followers"  # a level: the count the account has (fetched or entered)
    VIEWS = "views"  # a sum: views of the posts published since the goal's start
    ENGAGEMENTS = "engagements"  # a sum, as views
    POSTS = "posts"  # a cadence: posts published per week or month

    @property
    def is_level(self) -> bool:
        return self is Measure.FOLLOWERS


class Per(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Goal:
    """``per`` set: a cadence goal (``target`` posts per week or month); otherwise a target
    goal (``target`` reached by ``deadline``). ``account_id`` None: all accounts together."""

    title: str
    measure: Measure
    target: int
    start: date
    deadline: date | None = None
    per: Per | None = None
    account_id: int | None = None
    id: int | None = None

    @property
    def is_cadence(self) -> bool:
        return self.per is not None


class GoalError(ValueError):
    """A goal that cannot be kept; ``code`` names what is wrong (the UI and CLI word it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def goal_problem(goal: Goal) -> str | None:
    """The first thing wrong with ``goal`` as a stable code, or None."""
    if not goal.title.strip():
        return "goal.no_title"
    if goal.target <= 0:
        return "goal.target_not_positive"
    if goal.is_cadence:
        return None if goal.measure is Measure.POSTS else "goal.cadence_counts_posts"
    return _target_problem(goal)


def _target_problem(goal: Goal) -> str | None:
    if goal.measure is Measure.POSTS:
        return "goal.posts_need_cadence"
    if goal.deadline is None:
        return "goal.no_deadline"
    if goal.deadline <= goal.start:
        return "goal.deadline_not_after_start"
    return None


def checked(goal: Goal) -> Goal:
    """``goal`` with its title trimmed, or GoalError."""
    problem = goal_problem(goal)
    if problem is not None:
        raise GoalError(problem)
    return Goal(
        goal.title.strip(),
        goal.measure,
        goal.target,
        goal.start,
        goal.deadline,
        goal.per,
        goal.account_id,
        goal.id,
    )
