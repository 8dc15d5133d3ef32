"""Goals as the window, the report and the command line use them: kept, changed, removed,
and measured against the data on a given day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.app.growth import reading
from somestudio.domain.growth.cadence import CadenceProgress, cadence_progress
from somestudio.domain.growth.goals import Goal, GoalError, checked
from somestudio.domain.growth.pace import TargetProgress, TargetState, target_progress
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store import goals as goal_rows
from somestudio.store.sql import Conn, write

Connect = Callable[[], Conn]


@dataclass(frozen=True, slots=True)
class GoalStatus:
    """A goal measured on a day: exactly one of ``target`` and ``cadence`` is set."""

    goal: Goal
    account_label: str  # "" for all accounts together
    target: TargetProgress | None = None
    cadence: CadenceProgress | None = None
    network: Network | None = None  # the account's network (None for all accounts)
    # A sum (views, engagements): the posts published since the start that are counted, and
    # those left out for want of the figure (never measured, or not reported by the network).
    counted: int = 0
    without: int = 0

    @property
    def fraction(self) -> float:
        if self.target is not None:
            return self.target.fraction
        assert self.cadence is not None
        return self.cadence.fraction

    @property
    def reached(self) -> bool:
        """A win: the target reached, or this week's (month's) posts all out."""
        if self.target is not None:
            return self.target.state is TargetState.REACHED
        assert self.cadence is not None
        return self.cadence.current.met


class GoalBook:
    """``connection``: the calling thread's connection (writable for changes)."""

    def __init__(self, connection: Connect) -> None:
        self._connection = connection

    def goals(self) -> list[Goal]:
        return goal_rows.list_goals(self._connection())

    def goal(self, goal_id: int) -> Goal | None:
        return goal_rows.get_goal(self._connection(), goal_id)

    def _account_exists(self, conn: Conn, goal: Goal) -> None:
        if goal.account_id is not None and account_rows.get_account(conn, goal.account_id) is None:
            raise GoalError("goal.no_such_account")

    def add(self, goal: Goal, now: datetime | None = None) -> int:
        """Keep a new goal; its id. GoalError (with a code) when it cannot be kept."""
        goal = checked(goal)
        conn = self._connection()
        self._account_exists(conn, goal)
        with write(conn):
            return goal_rows.add_goal(conn, goal, now or utc_now())

    def update(self, goal: Goal) -> bool:
        """Change a kept goal (``goal.id``); False when it is gone."""
        goal = checked(goal)
        conn = self._connection()
        self._account_exists(conn, goal)
        with write(conn):
            return goal_rows.update_goal(conn, goal)

    def remove(self, goal_id: int) -> bool:
        conn = self._connection()
        with write(conn):
            return goal_rows.remove_goal(conn, goal_id)

    def latest_followers(
        self, account_id: int | None, today: date, zone: ZoneInfo
    ) -> tuple[date, float] | None:
        """The newest follower (contact) count up to ``today`` — one account's, or all added
        up — and its local day; None without a count in the last months."""
        conn = self._connection()
        first = today - timedelta(days=reading.LOOK_BACK_DAYS)
        levels = reading.follower_levels(
            conn, reading.account_ids(conn, account_id), first, today, zone
        )
        if not levels:
            return None
        day = max(levels)
        return day, levels[day]

    def progress(self, today: date, zone: ZoneInfo) -> list[GoalStatus]:
        """Every goal measured as of ``today`` (a local day in ``zone``)."""
        conn = self._connection()
        return [status_of(conn, goal, today, zone) for goal in goal_rows.list_goals(conn)]


def status_of(conn: Conn, goal: Goal, today: date, zone: ZoneInfo) -> GoalStatus:
    label, network = "", None
    if goal.account_id is not None:
        account = account_rows.get_account(conn, goal.account_id)
        label = account.label if account is not None else str(goal.account_id)
        network = account.network if account is not None else None
    if goal.is_cadence:
        days = reading.post_days(conn, goal.account_id, goal.start, today, zone)
        cadence = cadence_progress(goal, days, today)
        return GoalStatus(goal, label, cadence=cadence, network=network)
    if goal.measure.is_level:
        series = reading.measure_series(
            conn, goal.measure, goal.account_id, goal.start, today, zone=zone
        )
        progress = target_progress(goal, series, today)
        return GoalStatus(goal, label, target=progress, network=network)
    sums = reading.post_sums(conn, goal.measure, goal.account_id, goal.start, today, zone=zone)
    return GoalStatus(
        goal,
        label,
        target=target_progress(goal, sums.totals, today),
        network=network,
        counted=sums.counted,
        without=sums.without,
    )


def load_progress(connect: Connect, today: date, zone: ZoneInfo) -> list[GoalStatus]:
    """Every goal measured, on a connection of its own (for a worker thread)."""
    conn = connect()
    try:
        return GoalBook(lambda: conn).progress(today, zone)
    finally:
        conn.close()
