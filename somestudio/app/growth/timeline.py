"""The timeline's actions: the user's own kept and removed, posts read from the deliveries,
and the before/after comparison of follower growth around an action's day."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.app.growth import reading
from somestudio.domain.growth.actions import (
    ActionError,
    ActionKind,
    TimelineAction,
    action_problem,
)
from somestudio.domain.growth.before_after import BeforeAfter, compare_levels
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store import timeline_actions as action_rows
from somestudio.store.sql import Conn, write

Connect = Callable[[], Conn]
POST_NOTE = 80  # characters of a post's text shown with its marker
MARGIN_DAYS = 31


def post_actions(
    conn: Conn,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    account_ids: Iterable[int] = (),
) -> list[TimelineAction]:
    """Posts published in [start, end) as the app's own actions."""
    found = []
    for delivery_id, account_id, moment, text in action_rows.published_moments(
        conn, start, end, account_ids
    ):
        note = " ".join(text.split())
        found.append(
            TimelineAction(
                ActionKind.POST,
                moment.astimezone(zone).date(),
                note if len(note) <= POST_NOTE else note[: POST_NOTE - 1] + "…",
                delivery_id,
                account_id,
                moment,
            )
        )
    return found


class Timeline:
    """``connection``: the calling thread's connection (writable for changes)."""

    def __init__(self, connection: Connect) -> None:
        self._connection = connection

    def add_action(
        self,
        day: date,
        note: str,
        *,
        account_id: int | None = None,
        now: datetime | None = None,
    ) -> int:
        """Keep what the user did on ``day``; its id. ActionError (with a code) otherwise."""
        problem = action_problem(day, note)
        if problem is not None:
            raise ActionError(problem)
        conn = self._connection()
        if account_id is not None and account_rows.get_account(conn, account_id) is None:
            raise ActionError("action.no_such_account")
        with write(conn):
            return action_rows.add_action(
                conn, day, note.strip(), now or utc_now(), account_id=account_id
            )

    def remove_action(self, action_id: int) -> bool:
        conn = self._connection()
        with write(conn):
            return action_rows.remove_action(conn, action_id)

    def user_actions(self, start: date, end: date) -> list[TimelineAction]:
        """Kept actions of days ``start`` ≤ day < ``end``, oldest first."""
        return action_rows.stored_actions(self._connection(), start, end)

    def marked_actions(self, start: date, end: date) -> list[TimelineAction]:
        """What the Actions tab lists and the followers chart marks (of its period and
        accounts): kept actions and collaborations delivered on days ``start`` ≤ day <
        ``end``, oldest first."""
        return action_rows.marked_actions(self._connection(), start, end)

    def actions(
        self, start: date, end: date, zone: ZoneInfo, account_ids: Iterable[int] = ()
    ) -> list[TimelineAction]:
        """Kept actions and published posts of days ``start`` ≤ day < ``end``, by day."""
        conn = self._connection()
        posts = post_actions(
            conn, reading.day_start(start, zone), reading.day_start(end, zone), zone, account_ids
        )
        kept = [
            *action_rows.stored_actions(conn, start, end),
            *action_rows.delivered_collaborations(conn, start, end),
        ]
        return sorted([*kept, *posts], key=lambda a: (a.day, a.kind != ActionKind.USER))

    def compare(
        self,
        action_day: date,
        zone: ZoneInfo,
        *,
        account_id: int | None = None,
        window_days: int = 14,
    ) -> BeforeAfter:
        """Follower growth per day in the ``window_days`` before ``action_day`` against
        those after it (one account, or all added up)."""
        conn = self._connection()
        # a count a few weeks outside still gives the interval reaching into the window
        margin = timedelta(days=window_days + MARGIN_DAYS)
        levels = reading.follower_levels(
            conn,
            reading.account_ids(conn, account_id),
            action_day - margin,
            action_day + margin,
            zone,
        )
        return compare_levels(levels, action_day, window_days)
