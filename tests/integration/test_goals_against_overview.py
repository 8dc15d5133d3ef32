"""What a new user saw in the demo on 4 December (a month only begun): the Goals tab's
engagement goal at "0 of 1,500, too little data" beside the Overview's engagements of the
last 30 days. Both count the same thing — the newest numbers of the posts published in their
days — over different days: the goal's month had no post with numbers yet (the demo's
Mastodon numbers stop four days before today; December's posts went to accounts whose
networks give none). The goal now says so instead of speaking of a pace. On a real SQLite
file, the demo built around a fixed day, the zone given."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.growth import reading
from somestudio.app.growth.goals import GoalBook, status_of
from somestudio.app.metrics_dashboard import MetricsDashboard, Period
from somestudio.app.workspace import open_workspace
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.growth.goals import Goal, Measure
from somestudio.domain.growth.pace import TargetState
from tests.conftest import demo_folder

HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 12, 4)  # a Friday, four days into the goal's month


def test_the_demo_months_engagement_goal_says_it_has_no_numbers_yet(tmp_path: Path) -> None:
    workspace = open_workspace(demo_folder(tmp_path, TODAY))
    try:
        workspace.verified.result(timeout=60)
        conn = workspace.writable_connection()
        statuses = GoalBook(lambda: conn).progress(TODAY, HELSINKI)
        (month,) = [s for s in statuses if s.goal.measure is Measure.ENGAGEMENTS]
        assert month.goal.start == date(2026, 12, 1) and month.goal.account_id is None
        assert month.target is not None and month.target.current == 0
        # Not "too little data to tell the pace": nothing of the month has numbers.
        assert month.target.state is TargetState.NO_NUMBERS
        assert (month.counted, month.without) == (0, 6)

        # The same goal over the Overview's 30 days counts what the Overview shows.
        first = TODAY - timedelta(days=29)
        end = reading.day_start(TODAY + timedelta(days=1), HELSINKI)
        period = Period(reading.day_start(first, HELSINKI), end)
        totals = MetricsDashboard(lambda: conn, HELSINKI).totals(MetricsFilter(), period)
        shown = sum(t.current.engagements for t in totals)
        assert shown > 1000  # Mastodon's, the one demo account with numbers in the period
        thirty = Goal("30 days", Measure.ENGAGEMENTS, 1500, first, TODAY + timedelta(days=26))
        status = status_of(conn, thirty, TODAY, HELSINKI)
        assert status.target is not None and status.target.current == shown
        assert status.counted == sum(t.current.posts for t in totals if t.current.likes)
    finally:
        workspace.close()
