"""The demo's goals and actions (issue 18): a cadence, a follower target and a month's
engagements, and two things the café did, so the Goals and Actions tabs, the charts' markers
and the report's wins have something to show."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.store import goals as goal_rows
from somestudio.store import metric_queries as queries
from somestudio.store import timeline_actions as action_rows
from somestudio.store.sql import Conn


def add_demo_goals(conn: Conn, *, mastodon: int, bluesky: int, now: datetime, today: date) -> None:
    followers = queries.followers_before(conn, mastodon, now) or 0
    month_end = date(today.year + today.month // 12, today.month % 12 + 1, 1) - timedelta(days=1)
    goals = (
        Goal("2 julkaisua viikossa · 2 posts a week", Measure.POSTS, 2, today - timedelta(days=28),
             per=Per.WEEK, account_id=mastodon),
        Goal("Mastodon +60 seuraajaa · followers", Measure.FOLLOWERS, followers + 60,
             today - timedelta(days=30), today + timedelta(days=45), account_id=mastodon),
        Goal("Vuorovaikutuksia kuussa · engagements a month", Measure.ENGAGEMENTS, 1500,
             today.replace(day=1), max(month_end, today.replace(day=1) + timedelta(days=1))),
    )  # fmt: skip
    for goal in goals:
        goal_rows.add_goal(conn, goal, now)
    action_rows.add_action(
        conn, today - timedelta(days=12), "Työpaja kirjastossa · workshop at the library", now
    )
    action_rows.add_action(
        conn,
        today - timedelta(days=5),
        "Uusi profiilikuva · new profile photo",
        now,
        account_id=bluesky,
    )
