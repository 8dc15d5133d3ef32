"""The goals and timeline services (app/growth) on both backends: every number they show
comes from the store's reads, so the same rows must give the same progress and verdicts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.growth.goals import GoalBook
from somestudio.app.growth.timeline import Timeline
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.growth.actions import ActionError, ActionKind
from somestudio.domain.growth.before_after import Verdict
from somestudio.domain.growth.goals import Goal, GoalError, Measure, Per
from somestudio.domain.growth.pace import TargetState
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.store import metric_writes
from somestudio.store.accounts import add_account
from somestudio.store.demo_rows import published as mark_published
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn
from tests.store.conftest import Connect

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 3, 1, 8, tzinfo=UTC)
MARCH = date(2026, 3, 1)


def _published(conn: Conn, account: int, when: datetime, text: str = "Hello") -> int:
    post = create_post(conn, text)
    delivery = add_delivery(
        conn, post, account, scheduled_at=when, time_zone="UTC", state=DeliveryState.PUBLISHED
    )
    mark_published(conn, delivery, when, f"r{delivery}")
    return delivery


def test_goals_are_measured_from_posts_and_counts(connect: Connect) -> None:
    conn = connect()
    masto = add_account(conn, Network.MASTODON, "@kahvila")
    other = add_account(conn, Network.BLUESKY, "kahvila.bsky.social")
    linkedin = add_account(conn, Network.LINKEDIN, "minna")
    for day in (2, 3, 5, 9, 16, 17):  # Mondays 2, 9, 16 March
        d = _published(conn, masto, datetime(2026, 3, day, 10, tzinfo=UTC))
        metric_writes.add_post_snapshot(
            conn, d, datetime(2026, 3, day, 20, tzinfo=UTC), PostCounts(likes=5, views=100)
        )
    _published(conn, other, datetime(2026, 3, 4, 10, tzinfo=UTC))
    _published(conn, masto, datetime(2026, 2, 27, 10, tzinfo=UTC))
    for offset, value in ((0, 150), (3, 156), (7, 164), (10, 170), (14, 178)):
        moment = datetime(2026, 3, 1 + offset, 18, tzinfo=UTC)
        metric_writes.add_account_snapshot(
            conn, linkedin, moment, AccountCounts(followers=value), source="manual"
        )
    book = GoalBook(connect)
    with pytest.raises(GoalError) as caught:
        book.add(Goal("x", Measure.FOLLOWERS, 10, MARCH, date(2026, 4, 1), account_id=10_000))
    assert caught.value.code == "goal.no_such_account"
    book.add(Goal("Views", Measure.VIEWS, 1000, MARCH, date(2026, 3, 31), None, masto), NOW)
    book.add(Goal("Two a week", Measure.POSTS, 2, MARCH, per=Per.WEEK, account_id=masto), NOW)
    book.add(Goal("Three a week, all", Measure.POSTS, 3, MARCH, per=Per.WEEK), NOW)
    book.add(Goal("200", Measure.FOLLOWERS, 200, MARCH, date(2026, 4, 30), None, linkedin), NOW)
    views, cadence, everyone, contacts = book.progress(date(2026, 3, 18), HELSINKI)
    assert views.target is not None and views.target.current == 600
    assert cadence.cadence is not None
    assert [p.posts for p in cadence.cadence.periods] == [3, 1, 2]
    assert cadence.reached
    assert everyone.cadence is not None
    assert [p.posts for p in everyone.cadence.periods] == [4, 1, 2]
    progress = contacts.target
    assert progress is not None and (progress.baseline, progress.current) == (150, 178)
    assert progress.state is TargetState.ON_TRACK
    assert progress.pace is not None and progress.pace.projected == date(2026, 3, 26)
    assert contacts.account_label == "minna"
    assert book.latest_followers(linkedin, date(2026, 3, 18), HELSINKI) == (date(2026, 3, 15), 178)


def test_actions_are_listed_with_posts_and_compared(connect: Connect) -> None:
    conn = connect()
    linkedin = add_account(conn, Network.LINKEDIN, "minna")
    fair = date(2026, 4, 15)
    value = 300
    for offset in range(-16, 17):  # +2 a day for two weeks, then +6 a day (a little noise)
        value += (2 if offset <= 0 else 6) + (offset % 3) - 1
        day = fair + timedelta(days=offset)
        moment = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
        metric_writes.add_account_snapshot(conn, linkedin, moment, AccountCounts(followers=value))
    _published(conn, linkedin, datetime(2026, 4, 16, 7, tzinfo=UTC), "After the fair")
    timeline = Timeline(connect)
    action_id = timeline.add_action(fair, " Job fair ", account_id=linkedin, now=NOW)
    with pytest.raises(ActionError):
        timeline.add_action(fair, "x", account_id=10_000)
    listed = timeline.actions(date(2026, 4, 1), date(2026, 5, 1), HELSINKI)
    assert [(a.kind, a.day, a.note) for a in listed] == [
        (ActionKind.USER, fair, "Job fair"),
        (ActionKind.POST, date(2026, 4, 16), "After the fair"),
    ]
    result = timeline.compare(fair, HELSINKI, account_id=linkedin, window_days=14)
    assert result.verdict is Verdict.UP
    assert (result.before.days, result.after.days) == (14, 14)
    assert result.low is not None and result.low > 2
    assert timeline.compare(date(2026, 6, 1), HELSINKI, account_id=linkedin).verdict is (
        Verdict.CANNOT_TELL
    )
    assert timeline.remove_action(action_id)
    assert timeline.user_actions(date(2026, 1, 1), date(2027, 1, 1)) == []
