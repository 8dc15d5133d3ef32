"""The daily series goals and comparisons read: followers (one account or all added up),
posts' views or engagements as a running total, the days posts went out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from somestudio.domain.growth.goals import Measure
from somestudio.domain.growth.series import Daily, added_levels, daily_levels, running_total
from somestudio.store import accounts as account_rows
from somestudio.store import goals as goal_rows
from somestudio.store import metric_queries as queries
from somestudio.store import timeline_actions as action_rows
from somestudio.store.sql import Conn

LOOK_BACK_DAYS = 90  # followers read before a start, for the count the goal began from


def day_start(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)


def account_ids(conn: Conn, account_id: int | None) -> list[int]:
    if account_id is not None:
        return [account_id]
    return [a.id for a in account_rows.list_accounts(conn)]


def follower_levels(
    conn: Conn, ids: Sequence[int], first: date, last: date, zone: ZoneInfo
) -> Daily:
    """Each local day's follower count from ``first`` to ``last`` (both included), the
    accounts' counts added up; no day before every account has a count."""
    series = queries.follower_series(
        conn, ids, day_start(first, zone), day_start(last + timedelta(days=1), zone)
    )
    levels = [
        daily_levels(((p.fetched_at, p.followers) for p in points), zone)
        for points in series.values()
    ]
    return added_levels([s for s in levels if s]) if levels else {}


def measure_series(
    conn: Conn,
    measure: Measure,
    account_id: int | None,
    start: date,
    today: date,
    *,
    zone: ZoneInfo,
) -> Daily:
    """What a target goal is measured by, day by day up to ``today``."""
    ids = account_ids(conn, account_id)
    if measure is Measure.FOLLOWERS:
        return follower_levels(conn, ids, start - timedelta(days=LOOK_BACK_DAYS), today, zone)
    return post_sums(conn, measure, account_id, start, today, zone=zone).totals


@dataclass(frozen=True, slots=True)
class PostSums:
    """A sum goal's reading: the running total of the posts published since its start that
    have the figure, and how many posts of those days were counted and were not (never
    measured, or their network reports no such number)."""

    totals: Daily
    counted: int
    without: int


def post_sums(
    conn: Conn,
    measure: Measure,
    account_id: int | None,
    start: date,
    today: date,
    *,
    zone: ZoneInfo,
) -> PostSums:
    """Views or engagements of the accounts' posts published from ``start`` to ``today``
    (local days in ``zone``), each post's newest numbers, as a running total by the day it
    went out. A post without the figure is left out of the total (its number is not known
    to be 0) and counted in ``without``."""
    wanted = set(account_ids(conn, account_id))
    amounts: list[tuple[date, float]] = []
    without = 0
    for account, moment, engagements, views in goal_rows.post_numbers(
        conn, day_start(start, zone), day_start(today + timedelta(days=1), zone)
    ):
        if account not in wanted:
            continue
        figure = views if measure is Measure.VIEWS else engagements
        if figure is None:
            without += 1
        else:
            amounts.append((moment.astimezone(zone).date(), float(figure)))
    return PostSums(running_total(amounts, start), len(amounts), without)


def post_days(
    conn: Conn, account_id: int | None, start: date, today: date, zone: ZoneInfo
) -> list[date]:
    """The local day each post went out for the accounts from ``start`` to ``today``: a post
    sent to several of them counts once (on the day it first went out)."""
    wanted = set(account_ids(conn, account_id))
    first: dict[int, datetime] = {}
    for post_id, account, moment in action_rows.published_posts(
        conn, day_start(start, zone), day_start(today + timedelta(days=1), zone)
    ):
        if account in wanted and post_id not in first:
            first[post_id] = moment
    return [moment.astimezone(zone).date() for moment in first.values()]
