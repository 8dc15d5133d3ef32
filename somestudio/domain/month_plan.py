"""A month at a glance: how many posts each account has in each week, and the gaps — an
account with no post in a week of the month that is not over yet (a week gone by cannot be
filled: a month looked at on its 5th counted its first week, all but over, as gaps for
every account, a new user's finding). Weeks are ISO weeks (Monday first, as in Finland),
each shown by its number and clipped to the month's days."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from somestudio.domain.month_grid import add_months, iso_week


@dataclass(frozen=True, slots=True)
class Week:
    number: int  # ISO week number
    first: date  # first day of the week inside the month
    last: date  # last day of the week inside the month


@dataclass(frozen=True, slots=True)
class PlannedItem:
    account_id: int
    day: date  # local day
    labels: tuple[str, ...] = ()
    draft: bool = False  # planned for the day, not scheduled: nothing goes out yet


@dataclass(frozen=True, slots=True)
class Cell:
    count: int = 0
    labels: tuple[str, ...] = ()  # labels of the posts in it, each once, in first-seen order
    drafts: int = 0  # of ``count``, the ones not scheduled yet

    @property
    def is_gap(self) -> bool:
        return self.count == 0


@dataclass(frozen=True, slots=True)
class MonthPlan:
    weeks: tuple[Week, ...]
    account_ids: tuple[int, ...]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (account, week index)
    today: date | None = None  # weeks over before it are no gaps (None: every week counts)

    def cell(self, account_id: int, week: int) -> Cell:
        return self.cells.get((account_id, week), Cell())

    def is_past(self, week: int) -> bool:
        """The week (its days in the month) was over before today."""
        return self.today is not None and self.weeks[week].last < self.today

    def is_gap(self, account_id: int, week: int) -> bool:
        """No post for the account in a week not over yet."""
        return self.cell(account_id, week).is_gap and not self.is_past(week)

    def gaps(self) -> list[tuple[int, Week]]:
        return [
            (account, week)
            for account in self.account_ids
            for index, week in enumerate(self.weeks)
            if self.is_gap(account, index)
        ]


def month_weeks(year: int, month: int) -> tuple[Week, ...]:
    first = date(year, month, 1)
    next_year, next_month = add_months(year, month, 1)
    end = date(next_year, next_month, 1) - timedelta(days=1)
    weeks = []
    start = first
    while start <= end:
        last = min(end, start + timedelta(days=6 - start.weekday()))
        weeks.append(Week(iso_week(start), start, last))
        start = last + timedelta(days=1)
    return tuple(weeks)


def month_plan(
    year: int,
    month: int,
    account_ids: Sequence[int],
    items: Iterable[PlannedItem],
    *,
    today: date | None = None,
) -> MonthPlan:
    weeks = month_weeks(year, month)
    counts: dict[tuple[int, int], int] = {}
    drafts: dict[tuple[int, int], int] = {}
    labels: dict[tuple[int, int], dict[str, None]] = {}
    wanted = set(account_ids)
    for item in items:
        if item.account_id not in wanted:
            continue
        index = next((i for i, w in enumerate(weeks) if w.first <= item.day <= w.last), None)
        if index is None:
            continue
        key = (item.account_id, index)
        counts[key] = counts.get(key, 0) + 1
        drafts[key] = drafts.get(key, 0) + item.draft
        labels.setdefault(key, {}).update(dict.fromkeys(item.labels))
    cells = {key: Cell(count, tuple(labels[key]), drafts[key]) for key, count in counts.items()}
    return MonthPlan(weeks, tuple(account_ids), cells, today)
