"""The monthly report: a month's headline numbers with the change from the month before,
totals per channel, followers, top posts, insights and the user's own series; written as
CSV here and as PDF by the window's report painter."""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.growth.goals import GoalStatus, status_of
from somestudio.app.metrics_dashboard import (
    MetricsDashboard,
    Period,
    account_slots,
    local_period,
)
from somestudio.domain.dashboard import MetricsFilter, PostRow, TotalsWithChange
from somestudio.domain.growth.actions import TimelineAction
from somestudio.domain.growth.before_after import BeforeAfter
from somestudio.domain.growth.wins import Growth, Win, month_wins
from somestudio.domain.inbox.community import CommunityNumbers
from somestudio.domain.insights import Insight, find_insights
from somestudio.domain.metrics import AccountPoint, change
from somestudio.domain.posts import Account
from somestudio.domain.spreadsheet_cells import RowWriter, safe_writer
from somestudio.store import custom_series as series_rows
from somestudio.store import goals as goal_rows

TOP = 10


def parse_month(text: str) -> date:
    """``YYYY-MM`` → the month's first day (ValueError with a usable message)."""
    try:
        year, month = text.strip().split("-")
        return date(int(year), int(month), 1)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a month like 2026-03") from exc


def month_period(first: date, zone: ZoneInfo) -> Period:
    """The month from ``first``, compared with the month before (as the Metrics page
    compares a whole month)."""
    return local_period(first, month_period_end(first) - timedelta(days=1), zone)


def previous_month(first: date) -> date:
    return date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)


def last_full_month(today: date) -> date:
    """The first day of the newest month that has ended by ``today`` (the report's default:
    three days into December, November's numbers are the ones worth sending)."""
    return previous_month(today.replace(day=1))


@dataclass(frozen=True, slots=True)
class Headline:
    key: str  # posts, engagements, views, followers
    value: int | None
    previous: int | None

    @property
    def change(self) -> float | None:
        return None if self.value is None else change(self.value, self.previous)


@dataclass(frozen=True, slots=True)
class SeriesLine:
    name: str
    unit: str
    total: float
    previous: float | None


@dataclass
class MonthlyReport:
    month: date
    zone: ZoneInfo
    headline: list[Headline]
    totals: list[TotalsWithChange]
    followers: dict[str, list[AccountPoint]]  # account label → points
    top_posts: list[PostRow]
    insights: list[Insight]  # claimed ones
    statements_tested: int
    series: list[SeriesLine] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    # The inbox's weeks of the month (issue 16): replies received and answered, the median
    # time to a first answer, unanswered after a day at the month's end.
    community: CommunityNumbers | None = None
    # Issue 18: the month's wins (first in the report) and every goal as of the month's end.
    wins: list[Win] = field(default_factory=list)
    goals: list[GoalStatus] = field(default_factory=list)
    # The month's own actions, each with follower growth before and after it.
    actions: list[tuple[TimelineAction, BeforeAfter]] = field(default_factory=list)
    # account label → its place in the series colours (``account_slots``)
    follower_slots: dict[str, int] = field(default_factory=dict)


def _follower_gain(points: dict[int, list[AccountPoint]]) -> int | None:
    gains = [(p[-1].followers or 0) - (p[0].followers or 0) for p in points.values() if len(p) >= 2]
    return sum(gains) if gains else None


def build_report(
    connect: Callable[[], sqlite3.Connection], month: date, zone: ZoneInfo
) -> MonthlyReport:
    conn = connect()
    dashboard = MetricsDashboard(lambda: conn, zone)
    flt = MetricsFilter()
    period = month_period(month, zone)
    before = month_period(previous_month(month), zone)
    earlier = [t.current for t in dashboard.totals(flt, before)]
    # Each channel against the month before, as the headline is and as the Metrics page
    # compares a whole month (``local_period``).
    totals = dashboard.totals(flt, period)
    accounts = dashboard.accounts()
    labels = {a.id: f"{a.label} ({a.network.display_name})" for a in accounts}
    followers_now = dashboard.follower_series([a.id for a in accounts], period)
    followers_before = dashboard.follower_series([a.id for a in accounts], before)
    posts = dashboard.top_posts(flt, period, limit=None)  # type: ignore[arg-type]
    insights = find_insights(dashboard.observe(posts))

    def total(attr: str, previous: bool) -> int | None:
        rows = earlier if previous else [t.current for t in totals]
        known = [v for v in (getattr(r, attr) for r in rows) if v is not None]
        return sum(known) if known else None

    headline = [
        Headline("posts", total("posts", False) or 0, total("posts", True)),
        Headline("engagements", total("engagements", False) or 0, total("engagements", True)),
        Headline("views", total("views", False), total("views", True)),
        Headline("followers", _follower_gain(followers_now), _follower_gain(followers_before)),
    ]
    series = []
    for series_id, name, unit in series_rows.list_series(conn):
        now_values = series_rows.values_between(conn, series_id, month, month_period_end(month))
        before_values = series_rows.values_between(conn, series_id, previous_month(month), month)
        if now_values:
            series.append(
                SeriesLine(
                    name,
                    unit,
                    sum(v for _, v in now_values),
                    sum(v for _, v in before_values) if before_values else None,
                )
            )
    last_day = month_period_end(month) - timedelta(days=1)
    # The goals the month worked on: started by its end, and not over before it began.
    goals = [
        status_of(conn, g, last_day, zone)
        for g in goal_rows.list_goals(conn)
        if g.start <= last_day and (g.deadline is None or g.deadline >= month)
    ]
    growth = [
        Growth(labels.get(a.id, str(a.id)), a.network, points[0].followers, points[-1].followers)
        for a in accounts
        if len(points := followers_now.get(a.id, [])) >= 2
        and points[0].followers is not None
        and points[-1].followers is not None
    ]
    wins = month_wins(
        month,
        last_day,
        targets=[g.target for g in goals if g.target is not None],
        cadences=[g.cadence for g in goals if g.cadence is not None],
        growth=growth,
        posts=[_local(p, zone) for p in posts],
    )
    return MonthlyReport(
        month=month,
        zone=zone,
        headline=headline,
        totals=totals,
        followers={labels.get(k, str(k)): v for k, v in followers_now.items() if v},
        follower_slots={labels[k]: slot for k, slot in account_slots(labels).items()},
        top_posts=posts[:TOP],
        insights=[i for i in insights if i.claimed],
        statements_tested=sum(1 for i in insights if i.p_value is not None),
        series=series,
        accounts=accounts,
        community=_community(conn, month, zone),
        wins=wins,
        goals=goals,
        actions=_actions(conn, month, zone),
    )


def _actions(
    conn: sqlite3.Connection, month: date, zone: ZoneInfo
) -> list[tuple[TimelineAction, BeforeAfter]]:
    from somestudio.app.growth.timeline import Timeline  # noqa: PLC0415

    timeline = Timeline(lambda: conn)
    return [
        (a, timeline.compare(a.day, zone, account_id=a.account_id))
        for a in timeline.user_actions(month, month_period_end(month))
    ]


def _local(post: PostRow, zone: ZoneInfo) -> PostRow:
    """The post with its time in ``zone`` (a win names the local day it went out)."""
    from dataclasses import replace  # noqa: PLC0415

    return replace(post, published_at=post.published_at.astimezone(zone))


def _community(conn: sqlite3.Connection, month: date, zone: ZoneInfo) -> CommunityNumbers:
    """The weeks that start in ``month``, counted up to its last moment."""
    from somestudio.app.inbox.community import load_community  # noqa: PLC0415

    end = datetime.combine(month_period_end(month), time(0), zone) - timedelta(seconds=1)
    mondays = sum(
        1
        for day in range((month_period_end(month) - month).days)
        if (month + timedelta(days=day)).weekday() == 0
    )
    return load_community(conn, end.astimezone(UTC), zone, max(1, mondays))


def month_period_end(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _pct(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio * 100:.1f}"


_DECIMAL_CELL = re.compile(r"-?\d+\.\d+(?:e[+-]?\d+)?")


class _DecimalComma:
    """Writes the rows with a decimal comma in the numbers ("12,5"): with ``;`` between
    cells, what a spreadsheet set to Finnish reads as numbers (12.5 became 12 May)."""

    def __init__(self, out: RowWriter) -> None:
        self._out = out

    def writerow(self, row: Iterable[object]) -> object:
        return self._out.writerow(
            [
                c.replace(".", ",") if isinstance(c, str) and _DECIMAL_CELL.fullmatch(c) else c
                for c in row
            ]
        )


class _Words:
    """Writes the rows with each cell that is one of the report's own words (a heading, a
    state, a network's key) in the reader's language: ``words`` maps the English key to it.
    What the user wrote passes as it is (a cell equal to such a word is said the same)."""

    def __init__(self, out: RowWriter, words: Mapping[str, str]) -> None:
        self._out = out
        self._words = words

    def writerow(self, row: Iterable[object]) -> object:
        return self._out.writerow([self._words.get(c, c) if isinstance(c, str) else c for c in row])


def write_report_csv(
    report: MonthlyReport,
    path: Path,
    *,
    delimiter: str = ",",
    decimal: str = ".",
    words: Mapping[str, str] | None = None,
) -> None:
    """Blocks separated by an empty line, each with its own header row (opens in any
    spreadsheet; numbers plain, changes in percent). UTF-8 with a byte order mark, which a
    spreadsheet needs to read ä and ö; ``delimiter`` ";" and ``decimal`` "," for a spreadsheet
    in a language that writes 12,5 (the window's choice for Finnish). With ``words`` (the
    window's), the headings, states and networks are in the reader's language and times on
    the report zone's clock; without, the keys and UTC a script reads."""
    with io.StringIO(newline="") as handle:  # written in one step at the end (atomically)
        written: RowWriter = safe_writer(handle, delimiter=delimiter)  # formula cells inert
        if words is not None:
            written = _Words(written, words)
        out: RowWriter = written if decimal == "." else _DecimalComma(written)
        out.writerow(["month", report.month.strftime("%Y-%m"), "time zone", report.zone.key])
        out.writerow([])
        _write_wins_and_goals(out, report)
        out.writerow(["headline", "value", "previous month", "change %"])
        for h in report.headline:
            out.writerow([h.key, _n(h.value), _n(h.previous), _pct(h.change)])
        out.writerow([])
        out.writerow(
            [
                "channel",
                "posts",
                "likes",
                "reposts",
                "replies",
                "quotes",
                "bookmarks",
                "views",
                "engagements",
                "engagements previous month",
                "change %",
            ]
        )
        for t in report.totals:
            c = t.current
            previous = t.previous.engagements if t.previous else None
            out.writerow(
                [c.network.value, c.posts]
                + [_n(v) for v in (c.likes, c.reposts, c.replies, c.quotes, c.bookmarks, c.views)]
                + (
                    [c.engagements, _n(previous), _pct(change(c.engagements, previous))]
                    if c.offers_engagements
                    else ["", "", ""]  # not offered: no figure, never a 0 it did not say
                )
            )
        out.writerow([])
        out.writerow(
            [
                "top post",
                "published" if words is not None else "published (UTC)",
                "channel",
                "account",
                "text",
                "likes",
                "reposts",
                "replies",
                "views",
                "engagements",
            ]
        )
        for rank, p in enumerate(report.top_posts, start=1):
            out.writerow(
                [
                    rank,
                    p.published_at.astimezone(report.zone).strftime("%Y-%m-%d %H:%M")
                    if words is not None
                    else p.published_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    p.network.value,
                ]
                + [p.account_label, " ".join(p.text.split())]
                + [_n(v) for v in (p.counts.likes, p.counts.reposts, p.counts.replies)]
                + [_n(p.counts.views), _n(p.counts.engagements_known)]
            )
        out.writerow([])
        out.writerow(
            [
                "insight channel",
                "factor",
                "group",
                "measure",
                "posts in group",
                "other posts",
                "median in group",
                "median others",
                "P(better) %",
                "95% low %",
                "95% high %",
                "adjusted p",
            ]
        )
        for i in report.insights:
            out.writerow(
                [
                    i.channel.value,
                    i.factor.value,
                    i.group,
                    i.measure.value,
                    i.group_size,
                    i.rest_size,
                    _f(i.group_median),
                    _f(i.rest_median),
                    _pct(i.superiority),
                    _pct(i.low),
                    _pct(i.high),
                    _f(i.adjusted_p),
                ]
            )
        _write_actions(out, report)
        if report.series:
            out.writerow([])
            out.writerow(["series", "unit", "total", "previous month", "change %"])
            for s in report.series:
                out.writerow(
                    [s.name, s.unit, _f(s.total), _f(s.previous), _pct(change(s.total, s.previous))]
                )
        text = handle.getvalue()
    write_bytes_atomically(path, ("\ufeff" + text).encode("utf-8"))


def _write_wins_and_goals(out: RowWriter, report: MonthlyReport) -> None:
    """The month's wins first, then each goal as of the month's last day."""
    if report.wins:
        out.writerow(["win", "subject", "value", "channel", "day"])
        for win in report.wins:
            out.writerow(
                [
                    win.kind.value,
                    win.subject,
                    _f(win.value),
                    win.network.value if win.network else "",
                    win.day.isoformat() if win.day else "",
                ]
            )
        out.writerow([])
    if report.goals:
        out.writerow(["goal", "measure", "target", "by", "per", "progress %", "state"])
        for status in report.goals:
            goal = status.goal
            state = status.target.state.value if status.target else ""
            fraction = status.fraction
            cadence = status.cadence
            if cadence is not None:
                # As the PDF says it at the month's end: by the weeks (months) kept so far,
                # not by the week just begun on the month's last day.
                if cadence.finished:
                    fraction = cadence.kept / len(cadence.finished)
                    state = "kept" if cadence.kept == len(cadence.finished) else "missed_some"
                else:
                    state = "met" if cadence.current.met else "under_way"
            out.writerow(
                [
                    goal.title,
                    goal.measure.value,
                    goal.target,
                    goal.deadline.isoformat() if goal.deadline else "",
                    goal.per.value if goal.per else "",
                    _pct(fraction),
                    state,
                ]
            )
        out.writerow([])


def _write_actions(out: RowWriter, report: MonthlyReport) -> None:
    if report.actions:
        out.writerow([])
        out.writerow(
            ["action day", "action", "counts before", "days before", "growth per day before",
             "counts after", "days after", "growth per day after", "difference", "95% low",
             "95% high", "verdict"]
        )  # fmt: skip
        for action, result in report.actions:
            out.writerow(
                [action.day.isoformat(), action.note, result.before.counts, result.before.days,
                 _f(result.before.mean), result.after.counts, result.after.days,
                 _f(result.after.mean),
                 _f(result.difference), _f(result.low), _f(result.high),
                 result.verdict.value]
            )  # fmt: skip


def _n(value: int | None) -> str:
    return "" if value is None else str(value)


def _f(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"
