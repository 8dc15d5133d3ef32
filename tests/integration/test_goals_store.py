"""Goals and timeline actions on a real SQLite file: kept, changed, removed, refused with a
code; measured from follower counts (fetched or entered), posts' numbers and post days; the
before/after comparison over stored counts; the monthly report's wins and goals."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.growth.goals import GoalBook
from somestudio.app.growth.timeline import Timeline
from somestudio.app.metric_entry import enter_account_numbers
from somestudio.app.metrics_dashboard import MetricsDashboard, Period
from somestudio.app.metrics_report import build_report, write_report_csv
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.growth.actions import ActionError, ActionKind
from somestudio.domain.growth.before_after import Verdict
from somestudio.domain.growth.goals import Goal, GoalError, Measure, Per
from somestudio.domain.growth.pace import TargetState
from somestudio.domain.growth.wins import WinKind
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import metric_writes
from somestudio.store.database import transaction
from tests.integration.metric_servers import published

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 3, 1, 8, tzinfo=UTC)
MARCH = date(2026, 3, 1)


def account(conn: sqlite3.Connection, network: Network, handle: str) -> int:
    with transaction(conn):
        return account_rows.add_account(conn, network, handle, publish_method=PublishMethod.API)


def followers(conn: sqlite3.Connection, account_id: int, counts: dict[date, int]) -> None:
    with transaction(conn):
        for day, value in counts.items():
            moment = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
            metric_writes.add_account_snapshot(
                conn, account_id, moment, AccountCounts(followers=value)
            )


def test_goals_are_kept_changed_and_removed(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    book = GoalBook(workspace.writable_connection)
    goal_id = book.add(
        Goal(" 200 contacts ", Measure.FOLLOWERS, 200, MARCH, date(2026, 6, 30), None, linkedin),
        NOW,
    )
    cadence_id = book.add(Goal("Two a week", Measure.POSTS, 2, MARCH, per=Per.WEEK), NOW)
    kept = book.goals()
    assert [(g.id, g.title, g.account_id) for g in kept] == [
        (goal_id, "200 contacts", linkedin),
        (cadence_id, "Two a week", None),
    ]
    assert kept[1].per is Per.WEEK and kept[1].deadline is None
    changed = Goal("250 contacts", Measure.FOLLOWERS, 250, MARCH, date(2026, 7, 31), None,
                   linkedin, goal_id)  # fmt: skip
    assert book.update(changed)
    assert book.goal(goal_id) == changed
    assert book.remove(cadence_id)
    assert not book.remove(cadence_id)
    assert [g.id for g in book.goals()] == [goal_id]


def test_a_goal_that_cannot_be_kept_says_why_and_writes_nothing(workspace: Workspace) -> None:
    book = GoalBook(workspace.writable_connection)
    with pytest.raises(GoalError) as caught:
        book.add(Goal("x", Measure.FOLLOWERS, 10, MARCH, MARCH))
    assert caught.value.code == "goal.deadline_not_after_start"
    with pytest.raises(GoalError) as caught:
        book.add(Goal("x", Measure.FOLLOWERS, 10, MARCH, date(2026, 4, 1), account_id=99))
    assert caught.value.code == "goal.no_such_account"
    assert book.goals() == []
    # The schema refuses what the domain would: a goal with neither deadline nor cadence.
    conn = workspace.writable_connection()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO goals (title, measure, target, start_day, created_at)"
            " VALUES ('x', 'followers', 1, '2026-03-01', '2026-03-01T00:00:00Z')"
        )


def test_follower_goal_measured_from_entered_counts(workspace: Workspace) -> None:
    # A personal LinkedIn profile: counts entered by hand every few days.
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    for offset, value in ((0, 150), (3, 156), (7, 164), (10, 170), (14, 178)):
        moment = datetime(2026, 3, 1 + offset, 18, tzinfo=UTC)
        enter_account_numbers(
            workspace.writable_connection, linkedin, moment, AccountCounts(followers=value)
        )
    book = GoalBook(workspace.writable_connection)
    book.add(Goal("200 contacts", Measure.FOLLOWERS, 200, MARCH, date(2026, 4, 30), None,
                  linkedin), NOW)  # fmt: skip
    (status,) = book.progress(date(2026, 3, 16), HELSINKI)
    progress = status.target
    assert progress is not None
    assert progress.baseline == 150 and progress.current == 178
    assert progress.state is TargetState.ON_TRACK
    assert progress.pace is not None
    assert progress.pace.per_day == pytest.approx(2.0, abs=0.05)
    assert progress.pace.projected == date(2026, 3, 26)
    assert status.account_label == "minna"
    # Two days later, nothing new: the same projection; a day before the third count, thin.
    (early,) = book.progress(date(2026, 3, 5), HELSINKI)
    assert early.target is not None
    assert early.target.state is TargetState.TOO_LITTLE_DATA


def test_views_goal_and_cadence_from_published_posts(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    other = account(conn, Network.BLUESKY, "kahvila.bsky.social")
    with transaction(conn):
        for day in (2, 3, 5, 9, 16, 17):  # Mondays 2, 9, 16 March
            d = published(conn, masto, datetime(2026, 3, day, 10, tzinfo=UTC), f"m{day}")
            metric_writes.add_post_snapshot(
                conn, d, datetime(2026, 3, day, 20, tzinfo=UTC), PostCounts(likes=5, views=100)
            )
        published(conn, other, datetime(2026, 3, 4, 10, tzinfo=UTC), "b1")
        published(conn, masto, datetime(2026, 2, 27, 10, tzinfo=UTC), "before")
    book = GoalBook(workspace.writable_connection)
    book.add(Goal("Views", Measure.VIEWS, 1000, MARCH, date(2026, 3, 31), None, masto), NOW)
    book.add(Goal("Two a week", Measure.POSTS, 2, MARCH, per=Per.WEEK, account_id=masto), NOW)
    book.add(Goal("Three a week, all", Measure.POSTS, 3, MARCH, per=Per.WEEK), NOW)
    views, cadence, everyone = book.progress(date(2026, 3, 18), HELSINKI)
    assert views.target is not None and views.target.current == 600
    assert cadence.cadence is not None
    # From the first whole week (Monday 2 March): 1 March alone would be a week missed.
    assert [p.posts for p in cadence.cadence.periods] == [3, 1, 2]
    assert cadence.reached  # this week's two are out
    assert everyone.cadence is not None
    assert [p.posts for p in everyone.cadence.periods] == [4, 1, 2]


def test_actions_kept_listed_with_posts_and_compared(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    fair = date(2026, 4, 15)
    # +2 a day for two weeks, then +6 a day: the job fair worked (a little noise).
    counts, value = {}, 300
    for offset in range(-16, 17):
        step = 2 if offset <= 0 else 6
        value += step + (offset % 3) - 1
        counts[fair + timedelta(days=offset)] = value
    followers(conn, linkedin, counts)
    with transaction(conn):
        published(conn, linkedin, datetime(2026, 4, 16, 7, tzinfo=UTC), "p1", "After the fair")
    timeline = Timeline(workspace.writable_connection)
    action_id = timeline.add_action(fair, " Job fair ", account_id=linkedin, now=NOW)
    with pytest.raises(ActionError) as caught:
        timeline.add_action(fair, "  ")
    assert caught.value.code == "action.no_note"
    listed = timeline.actions(date(2026, 4, 1), date(2026, 5, 1), HELSINKI)
    assert [(a.kind, a.day, a.note) for a in listed] == [
        (ActionKind.USER, fair, "Job fair"),
        (ActionKind.POST, date(2026, 4, 16), "After the fair"),
    ]
    result = timeline.compare(fair, HELSINKI, account_id=linkedin, window_days=14)
    assert result.verdict is Verdict.UP
    assert (result.before.days, result.after.days) == (14, 14)
    assert result.low is not None and result.low > 2
    # Too few counts around another day: it says so instead of guessing.
    thin = timeline.compare(date(2026, 6, 1), HELSINKI, account_id=linkedin)
    assert thin.verdict is Verdict.CANNOT_TELL
    assert timeline.remove_action(action_id)
    assert timeline.user_actions(date(2026, 1, 1), date(2027, 1, 1)) == []


def test_no_change_around_an_action_claims_nothing(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    day = date(2026, 4, 15)
    pattern = [1, 4, 2, 5, 3]  # the same wobble either side
    counts, value = {}, 300
    for offset in range(-16, 17):
        value += pattern[(offset + 16) % 5]
        counts[day + timedelta(days=offset)] = value
    followers(conn, linkedin, counts)
    result = Timeline(workspace.writable_connection).compare(day, HELSINKI, account_id=linkedin)
    assert result.verdict is Verdict.NO_CLEAR_CHANGE
    assert result.low is not None and result.high is not None and result.low < 0 < result.high


def test_counts_entered_a_week_apart_are_compared(workspace: Workspace) -> None:
    # The tester's LinkedIn counts by hand, the job fair on 11/25: the 11/20 count is the
    # only one before (no growth yet), the three after give two intervals over six days.
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    counts = {date(2026, 11, 20): 150, date(2026, 11, 27): 162, date(2026, 12, 1): 171}
    followers(conn, linkedin, counts | {date(2026, 12, 3): 175})
    timeline = Timeline(workspace.writable_connection)
    result = timeline.compare(date(2026, 11, 25), HELSINKI, account_id=linkedin)
    assert (result.before.counts, result.before.intervals) == (1, 0)
    assert (result.after.counts, result.after.intervals, result.after.days) == (3, 2, 6)
    assert result.after.mean == pytest.approx(13 / 6)
    assert result.verdict is Verdict.CANNOT_TELL
    # A week later, with a count before that too: growth before is measured over 7 days.
    followers(conn, linkedin, {date(2026, 11, 13): 143})
    result = timeline.compare(date(2026, 11, 25), HELSINKI, account_id=linkedin)
    assert (result.before.counts, result.before.intervals, result.before.days) == (2, 1, 7)
    assert result.before.mean == pytest.approx(1.0)


def test_dashboard_load_carries_actions_and_post_markers(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    with transaction(conn):
        published(conn, masto, datetime(2026, 3, 10, 10, tzinfo=UTC), "a", "Hello there")
    Timeline(workspace.writable_connection).add_action(date(2026, 3, 5), "New photo", now=NOW)
    Timeline(workspace.writable_connection).add_action(date(2026, 4, 5), "Later", now=NOW)
    period = Period(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
    data = MetricsDashboard(workspace.connection, HELSINKI).load(MetricsFilter(), period)
    assert [(a.kind, a.note) for a in data.actions] == [(ActionKind.USER, "New photo")]
    # The post is a dot on its account's followers line: that account has no counts yet.
    assert data.post_marks == {}
    ((action, result),) = data.comparisons  # no follower counts: it cannot tell
    assert action.note == "New photo"
    assert result.verdict is Verdict.CANNOT_TELL


def test_dashboard_marks_posts_on_their_followers_line(workspace: Workspace) -> None:
    """Each post is a dot at its account's newest count of the period at or before it (the
    period's first, before that), worked out with the load, not on the GUI thread; at most
    one dot per account and UTC hour, or day in a period longer than 45 days."""
    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    bluesky = account(conn, Network.BLUESKY, "kahvila.bsky.social")  # no counts: no line
    followers(conn, masto, {date(2026, 3, 5): 100, date(2026, 3, 9): 110, date(2026, 3, 20): 130})
    moments = [
        datetime(2026, 3, 3, 10, tzinfo=UTC),
        datetime(2026, 3, 10, 10, tzinfo=UTC),
        datetime(2026, 3, 10, 10, 30, tzinfo=UTC),  # the same hour as the one before
        datetime(2026, 3, 10, 11, tzinfo=UTC),
        datetime(2026, 3, 21, 8, tzinfo=UTC),
    ]
    with transaction(conn):
        for n, moment in enumerate(moments):
            published(conn, masto, moment, f"m{n}")
        published(conn, bluesky, moments[1], "b")
    dashboard = MetricsDashboard(workspace.connection, HELSINKI)
    march = Period(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
    kept = [moments[k].timestamp() for k in (0, 1, 3, 4)]
    assert dashboard.load(MetricsFilter(), march).post_marks == {
        masto: (kept, [100.0, 110.0, 110.0, 130.0])
    }
    year = Period(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    kept = [moments[k].timestamp() for k in (0, 1, 4)]
    assert dashboard.load(MetricsFilter(), year).post_marks == {
        masto: (kept, [100.0, 110.0, 130.0])
    }


def test_monthly_report_opens_with_wins(workspace: Workspace, tmp_path: Path) -> None:
    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    linkedin = account(conn, Network.LINKEDIN, "minna")
    followers(conn, linkedin, {date(2026, 3, d): 180 + 2 * d for d in range(1, 31)})
    followers(conn, masto, {date(2026, 3, 1): 500, date(2026, 3, 30): 520})
    with transaction(conn):
        for day, likes in ((3, 5), (10, 40), (17, 12)):
            d = published(conn, masto, datetime(2026, 3, day, 10, tzinfo=UTC), f"m{day}",
                          f"Post of the {day}th")  # fmt: skip
            metric_writes.add_post_snapshot(
                conn, d, datetime(2026, 3, day, 20, tzinfo=UTC), PostCounts(likes=likes)
            )
    book = GoalBook(workspace.writable_connection)
    book.add(Goal("200 contacts", Measure.FOLLOWERS, 200, date(2026, 2, 1),
                  date(2026, 6, 30), None, linkedin), NOW)  # fmt: skip
    book.add(Goal("Weekly", Measure.POSTS, 1, date(2026, 3, 2), per=Per.WEEK, account_id=masto),
             NOW)  # fmt: skip
    report = build_report(workspace.connection, MARCH, HELSINKI)
    kinds = [(w.kind, w.subject) for w in report.wins]
    assert kinds[0] == (WinKind.GOAL_REACHED, "200 contacts")
    assert report.wins[0].day == date(2026, 3, 10)  # 180 + 20
    # Weeks from 2 March: 23–29 March had no post, so the cadence was not kept all month.
    assert (WinKind.CADENCE_KEPT, "Weekly") not in kinds
    assert (WinKind.BIGGEST_GROWTH, "minna (LinkedIn)") in kinds
    best = [w for w in report.wins if w.kind is WinKind.BEST_POST]
    assert [(w.network, w.subject, w.value) for w in best] == [
        (Network.MASTODON, "Post of the 10th", 40)
    ]
    assert [s.goal.title for s in report.goals] == ["200 contacts", "Weekly"]
    path = tmp_path / "march.csv"
    write_report_csv(report, path)
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert rows[2] == ["win", "subject", "value", "channel", "day"]
    assert rows[3] == ["goal_reached", "200 contacts", "200", "", "2026-03-10"]
    assert ["200 contacts", "followers", "200", "2026-06-30", "", "100.0", "reached"] in rows
    # A byte order mark (a spreadsheet read ä and ö wrong without it); for a spreadsheet in
    # Finnish, ";" between cells and a decimal comma (12.5 became a date there).
    assert path.read_bytes().startswith("\ufeffmonth,".encode())
    finnish = tmp_path / "maaliskuu.csv"
    write_report_csv(report, finnish, delimiter=";", decimal=",")
    text = finnish.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert ["200 contacts", "followers", "200", "2026-06-30", "", "100,0", "reached"] in rows
    assert rows[0][:2] == ["month", "2026-03"]  # dates stay as they are


def test_monthly_report_compares_the_months_actions(workspace: Workspace, tmp_path: Path) -> None:
    conn = workspace.writable_connection()
    linkedin = account(conn, Network.LINKEDIN, "minna")
    fair = date(2026, 3, 15)
    counts, value = {}, 300
    for offset in range(-16, 17):
        value += (2 if offset <= 0 else 6) + (offset % 3) - 1
        counts[fair + timedelta(days=offset)] = value
    followers(conn, linkedin, counts)
    timeline = Timeline(workspace.writable_connection)
    timeline.add_action(fair, "Job fair", account_id=linkedin, now=NOW)
    timeline.add_action(date(2026, 4, 2), "Next month", now=NOW)
    report = build_report(workspace.connection, MARCH, HELSINKI)
    ((action, result),) = report.actions
    assert action.note == "Job fair" and result.verdict is Verdict.UP
    path = tmp_path / "march.csv"
    write_report_csv(report, path)
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    (line,) = [r for r in rows if r and r[0] == "2026-03-15"]
    assert line[1:3] == ["Job fair", "14"] and line[-1] == "up"


def test_studio_hands_out_the_services(workspace: Workspace) -> None:
    studio = Studio(workspace)
    goal_id = studio.goals().add(Goal("Two", Measure.POSTS, 2, MARCH, per=Per.WEEK), NOW)
    assert studio.goals().goal(goal_id) is not None
    assert studio.timeline().add_action(MARCH, "Workshop", now=NOW) > 0


def test_a_post_sent_to_two_accounts_counts_once_for_all_accounts(
    workspace: Workspace,
) -> None:
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.domain.utc import utc_text  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415

    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    other = account(conn, Network.BLUESKY, "kahvila.bsky.social")
    when = datetime(2026, 3, 3, 10, tzinfo=UTC)
    with transaction(conn):
        first = published(conn, masto, when, "m1", "Both")
        post_id = conn.execute("SELECT post_id FROM deliveries WHERE id = ?", (first,)).fetchone()
        second = post_rows.add_delivery(
            conn, post_id[0], other, scheduled_at=when, time_zone="Europe/Helsinki",
            state=DeliveryState.PUBLISHED,
        )  # fmt: skip
        conn.execute(
            "UPDATE deliveries SET published_at = ? WHERE id = ?",
            (utc_text(when + timedelta(minutes=1)), second),
        )
    book = GoalBook(workspace.writable_connection)
    book.add(Goal("All", Measure.POSTS, 2, date(2026, 3, 2), per=Per.WEEK), NOW)
    book.add(Goal("Bluesky", Measure.POSTS, 2, date(2026, 3, 2), per=Per.WEEK, account_id=other))
    everyone, bluesky = book.progress(date(2026, 3, 4), HELSINKI)
    assert everyone.cadence is not None and everyone.cadence.current.posts == 1
    assert bluesky.cadence is not None and bluesky.cadence.current.posts == 1


def test_a_delivered_collaboration_is_an_action_on_the_timeline(workspace: Workspace) -> None:
    """The app marks its own actions: a collaboration delivered on a day is drawn and
    compared like the user's; a step back forgets the day, and the action with it."""
    from decimal import Decimal  # noqa: PLC0415

    from somestudio.app.collab.service import Collaborations, NewCollaboration  # noqa: PLC0415
    from somestudio.domain.collab.states import CollabState  # noqa: PLC0415

    collabs = Collaborations(workspace)
    collab_id = collabs.add(
        NewCollaboration(
            company="Paahtimo Kulma",
            fee=Decimal("650.00"),
            vat_rate=Decimal("25.5"),
            agreed_on=date(2026, 3, 2),
            title="Spring menu",
        )
    )
    collabs.move(collab_id, CollabState.AGREED, date(2026, 3, 2))
    collabs.move(collab_id, CollabState.DELIVERED, date(2026, 3, 12))
    timeline = Timeline(workspace.writable_connection)
    listed = timeline.actions(date(2026, 3, 1), date(2026, 4, 1), HELSINKI)
    assert [(a.kind, a.day, a.note) for a in listed] == [
        (ActionKind.COLLABORATION, date(2026, 3, 12), "Paahtimo Kulma: Spring menu")
    ]
    assert timeline.user_actions(date(2026, 3, 1), date(2026, 4, 1)) == []  # not removable
    period = Period(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
    data = MetricsDashboard(workspace.connection, HELSINKI).load(MetricsFilter(), period)
    assert [(a.kind, a.note) for a in data.actions] == [
        (ActionKind.COLLABORATION, "Paahtimo Kulma: Spring menu")
    ]
    assert [a.kind for a, _result in data.comparisons] == [ActionKind.COLLABORATION]
    collabs.move(collab_id, CollabState.AGREED, date(2026, 3, 13))
    assert timeline.actions(date(2026, 3, 1), date(2026, 4, 1), HELSINKI) == []


def test_the_followers_lines_are_those_of_the_networks_chosen(workspace: Workspace) -> None:
    """A network chosen in the filter, no account: the chart's lines are that network's
    accounts' only, as its actions are."""
    conn = workspace.writable_connection()
    masto = account(conn, Network.MASTODON, "@kahvila")
    linkedin = account(conn, Network.LINKEDIN, "minna")
    followers(conn, masto, {date(2026, 3, 5): 100, date(2026, 3, 20): 130})
    followers(conn, linkedin, {date(2026, 3, 5): 200, date(2026, 3, 20): 210})
    dashboard = MetricsDashboard(workspace.connection, HELSINKI)
    march = Period(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
    assert set(dashboard.load(MetricsFilter(), march).follower_lines) == {masto, linkedin}
    only_mastodon = MetricsFilter(networks=frozenset({Network.MASTODON}))
    assert set(dashboard.load(only_mastodon, march).follower_lines) == {masto}
    both = MetricsFilter(networks=frozenset({Network.MASTODON}), account_ids=frozenset({linkedin}))
    assert set(dashboard.load(both, march).follower_lines) == set()
