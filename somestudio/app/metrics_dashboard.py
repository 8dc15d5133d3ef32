"""What the metrics view and the monthly report ask of the data, in one place.

``load`` gathers everything the view shows for a filter and period in one call, so the
window runs it once on a worker thread. Periods are half-open UTC ranges; the previous
period is the same length just before.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache, partial
from itertools import groupby
from operator import itemgetter
from zoneinfo import ZoneInfo

import numpy as np

from somestudio.domain.dashboard import MetricsFilter, PostRow, TotalsWithChange
from somestudio.domain.entities import find_hashtags
from somestudio.domain.growth.actions import ActionKind, TimelineAction
from somestudio.domain.growth.before_after import BeforeAfter
from somestudio.domain.insight_columns import (
    ObservedPosts,
    find_insights_in,
    heat_grid,
    slots_in,
)
from somestudio.domain.insights import HeatCell, Insight, PostObservation
from somestudio.domain.metrics import AccountPoint, Snapshot, engagement_rate
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.domain.slots import Slot
from somestudio.domain.utc import parse_utc, utc_offsets, utc_text
from somestudio.store import accounts as account_rows
from somestudio.store import metric_queries as queries
from somestudio.store import timeline_actions as action_rows

TOP_POSTS = 200
CACHED_LOADS = 16  # filter and period combinations remembered while the data is unchanged
COMPARED_ACTIONS = 10  # the newest actions of a period compared in the insights
# A period's posts are marked on the followers chart at most once per account in each UTC
# hour, or in each day for a period longer than this: a year's 25,000 posts would be 25,000
# dots on a chart a few hundred pixels wide, painted again at every repaint; a day of a
# year is about two pixels of a wide chart, closer than a dot is wide.
POST_MARKS_BY_HOUR = timedelta(days=45)
MARGIN_DAYS = 30  # follower counts read around a period, for rates at its edges


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime
    end: datetime
    # What a change is measured against, when not the same length just before: whole
    # calendar months are compared with as many whole months before (November with
    # October, as the monthly report does), not with the 30 days before November.
    before: Period | None = None

    def previous(self) -> Period:
        if self.before is not None:
            return self.before
        return Period(self.start - (self.end - self.start), self.start)


def local_period(first: date, last: date, zone: ZoneInfo) -> Period:
    """The days ``first``..``last`` (inclusive) in ``zone`` as a UTC half-open period.
    Whole calendar months are compared with as many whole months before them (the
    monthly report's comparison: November with October); other periods with the same
    number of days before them."""
    following = last + timedelta(days=1)
    start = datetime.combine(first, time(), zone).astimezone(UTC)
    end = datetime.combine(following, time(), zone).astimezone(UTC)
    if first.day != 1 or following.day != 1:
        return Period(start, end)
    months = (following.year - first.year) * 12 + following.month - first.month
    index = first.year * 12 + first.month - 1 - months
    earlier = date(index // 12, index % 12 + 1, 1)
    before = Period(datetime.combine(earlier, time(), zone).astimezone(UTC), start)
    return Period(start, end, before)


def account_slots(account_ids: Iterable[int]) -> dict[int, int]:
    """Each account's place in the series colours: by the order accounts were added, so an
    account keeps its colour whatever else a period or a filter shows, on the Metrics page
    and in the monthly report alike (Mastodon was pink on one, green in the other)."""
    return {account_id: slot for slot, account_id in enumerate(sorted(set(account_ids)))}


@dataclass
class DashboardData:
    period: Period
    totals: list[TotalsWithChange]
    top_posts: list[PostRow]
    # Account id → its follower counts in the period, oldest first (the view itself draws
    # ``follower_lines``; ``FollowerPoints`` makes these when asked).
    followers: Mapping[int, list[AccountPoint]]
    grid: list[list[HeatCell]]
    insights: list[Insight]
    slots: dict[int, tuple[Slot, ...]] = field(default_factory=dict)  # account id → slots
    posts_in_period: int = 0
    # The timeline's markers (issue 18): the user's actions (and collaborations delivered),
    # oldest first ...
    actions: list[TimelineAction] = field(default_factory=list)
    # ... and the period's posts as dots on their account's followers line: account id →
    # (instants as seconds since 1970 UTC, the follower count drawn at each), ready to plot.
    post_marks: dict[int, tuple[list[float], list[float]]] = field(default_factory=dict)
    # ``followers`` as the chart draws them: account id → (instants as seconds since 1970
    # UTC, counts), made here rather than on the GUI thread (a year is 14,600 points).
    follower_lines: dict[int, tuple[list[float], list[float]]] = field(default_factory=dict)
    # Follower growth before and after each of the user's actions in the period.
    comparisons: list[tuple[TimelineAction, BeforeAfter]] = field(default_factory=list)


class FollowerPoints(Mapping[int, list[AccountPoint]]):
    """Follower counts as ``AccountPoint`` lists, each account's made when first asked for
    from its instants (seconds since 1970 UTC) and counts: the view draws the lines from
    plain numbers, and a year's 14,600 points as objects cost 10-20 ms of each load."""

    def __init__(self, counts: dict[int, tuple[list[float], list[int]]]) -> None:
        self._counts = counts
        self._made: dict[int, list[AccountPoint]] = {}

    def __getitem__(self, account_id: int) -> list[AccountPoint]:
        made = self._made.get(account_id)
        if made is None:
            seconds, counts = self._counts[account_id]
            # The same instants as parse_utc gives: whole seconds, UTC.
            instants = map(partial(datetime.fromtimestamp, tz=UTC), seconds)
            made = self._made[account_id] = list(map(AccountPoint, instants, counts))
        return made

    def __iter__(self) -> Iterator[int]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


_NETWORKS = {n.value: n for n in Network}


@lru_cache(maxsize=65_536)
def hashtag_count(text: str) -> int:
    """Hashtags in a post's text (one with a hashtag sign); remembered, since the
    view re-reads the same posts at every change of filter and a post often goes to several
    accounts."""
    return len(find_hashtags(text))


class MetricsDashboard:
    def __init__(
        self,
        connection: Callable[[], sqlite3.Connection],
        zone: ZoneInfo,
        connect: Callable[[], sqlite3.Connection] | None = None,
    ) -> None:
        """``connect``: opens a connection of its own, for ``load`` to read the totals on a
        second thread while this one works through the posts (SQLite lets go of Python's
        lock while it reads)."""
        self._connection = connection
        self._connect = connect
        self.zone = zone

    def _totals_aside(self, flt: MetricsFilter, period: Period) -> list[TotalsWithChange]:
        assert self._connect is not None
        conn = self._connect()
        try:
            return MetricsDashboard(lambda: conn, self.zone).totals(flt, period)
        finally:
            conn.close()

    def accounts(self) -> list[Account]:
        return account_rows.list_accounts(self._connection())

    def labels(self) -> list[str]:
        return queries.labels_in_use(self._connection())

    def totals(self, flt: MetricsFilter, period: Period) -> list[TotalsWithChange]:
        conn = self._connection()
        current = queries.period_totals(conn, flt, period.start, period.end)
        before = period.previous()
        previous = {
            t.network: t for t in queries.period_totals(conn, flt, before.start, before.end)
        }
        return [TotalsWithChange(t, previous.get(t.network)) for t in current]

    def top_posts(
        self, flt: MetricsFilter, period: Period, limit: int = TOP_POSTS
    ) -> list[PostRow]:
        return queries.published_posts(
            self._connection(), flt, period.start, period.end, limit=limit
        )

    def follower_series(
        self, account_ids: Iterable[int], period: Period
    ) -> dict[int, list[AccountPoint]]:
        return queries.follower_series(self._connection(), account_ids, period.start, period.end)

    def post_lifetime(self, delivery_id: int) -> list[Snapshot]:
        return queries.post_snapshots(self._connection(), delivery_id)

    def observations(self, flt: MetricsFilter, period: Period) -> list[PostObservation]:
        posts = queries.published_posts(self._connection(), flt, period.start, period.end)
        return self.observe(posts)

    def observe(
        self, posts: list[PostRow], series: dict[int, list[AccountPoint]] | None = None
    ) -> list[PostObservation]:
        """Posts as insights see them: local time, length, hashtags, media, rate.

        ``series``: follower counts already read (around the posts' times), if any."""
        followers = self._follower_lookup(
            {p.account_id for p in posts}, [p.published_at for p in posts], series
        )
        observations = []
        for post in posts:
            if not post.counts.offers_anything():
                continue  # never measured: no evidence either way
            observations.append(
                PostObservation(
                    network=post.network,
                    account_id=post.account_id,
                    posted_local=post.published_at.astimezone(self.zone),
                    length=len(post.text),
                    hashtags=hashtag_count(post.text),
                    has_media=post.media_count > 0,
                    engagements=post.engagements,
                    rate=engagement_rate(
                        post.counts, followers(post.account_id, post.published_at)
                    ),
                )
            )
        return observations

    def observed(self, flt: MetricsFilter, period: Period) -> tuple[ObservedPosts, int]:
        """(the period's measured posts as insights see them, the count of all its published
        posts): ``observe`` without an object per post, read as the whole view's load reads
        them."""
        conn = self._connection()
        view = _ViewColumns.read(conn, flt, period).in_view_order()
        margin = timedelta(days=MARGIN_DAYS)
        series = _follower_counts(
            conn, set(view.account.tolist()), period.start - margin, period.end + margin
        )
        networks = {a.id: a.network for a in self.accounts()}
        local = self._local(view.utc, period)
        return _observe_view(view, local, networks, series), len(view)

    def heatmap(self, flt: MetricsFilter, period: Period) -> list[list[HeatCell]]:
        return heat_grid(self.observed(flt, period)[0])

    def insights(self, flt: MetricsFilter, period: Period) -> list[Insight]:
        return find_insights_in(self.observed(flt, period)[0])

    def _follower_lookup(
        self,
        account_ids: set[int],
        moments: list[datetime],
        series: dict[int, list[AccountPoint]] | None = None,
    ) -> Callable[[int, datetime], int | None]:
        if not moments:
            return lambda _a, _t: None
        if series is None:
            start = min(moments)
            end = max(moments)
            # A little either side: the count just before the first post, or just after.
            series = queries.follower_series(
                self._connection(),
                account_ids,
                start - timedelta(days=MARGIN_DAYS),
                end + timedelta(days=MARGIN_DAYS),
            )
        times = {a: [p.fetched_at for p in points] for a, points in series.items()}

        def followers(account_id: int, moment: datetime) -> int | None:
            points = series.get(account_id) or []
            if not points:
                return None
            index = bisect.bisect_right(times[account_id], moment) - 1
            return points[max(index, 0)].followers

        return followers

    def _local(self, utc: np.ndarray, period: Period) -> np.ndarray:
        """Instants (seconds since 1970 UTC) as seconds since 1970-01-01 00:00 on the
        user's clock: each plus the zone's offset at that instant, from the offsets over the
        period (``domain.utc.utc_offsets``: a list of changes), with no datetime per post."""
        offsets = utc_offsets(self.zone, period.start, period.end)
        changes = np.array([int(at.timestamp()) for at, _ in offsets[1:] if at is not None])
        added = np.array([offset for _, offset in offsets], dtype=np.int64)
        return utc + added[np.searchsorted(changes, utc, side="right")]

    def load(self, flt: MetricsFilter, period: Period) -> DashboardData:
        if self._connect is None:
            return self._load(flt, period, None)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="metrics-totals") as aside:
            return self._load(flt, period, aside.submit(self._totals_aside, flt, period))

    def _load(
        self,
        flt: MetricsFilter,
        period: Period,
        totals: Future[list[TotalsWithChange]] | None,
    ) -> DashboardData:
        conn = self._connection()
        accounts = self.accounts()
        # Every account whose posts the filter lets through (the rows' accounts among them),
        # by account and by network: the followers chart draws their lines only, as it draws
        # only their actions (a network chosen alone drew every account's line).
        shown = _shown_accounts(flt, accounts)
        account_ids = shown if shown is not None else frozenset(a.id for a in accounts)
        margin = timedelta(days=MARGIN_DAYS)
        around = _follower_counts(conn, account_ids, period.start - margin, period.end + margin)
        inside = {a: _inside(around.get(a), period) for a in account_ids}
        points: dict[int, tuple[list[float], list[int]]] = {}
        lines: dict[int, tuple[list[float], list[float]]] = {}
        for account_id in account_ids:
            known = around.get(account_id)
            low, high = inside[account_id]
            times: np.ndarray = known[0][low:high] if known else np.zeros(0, dtype="S20")
            counts: list[int] = known[1][low:high] if known else []
            seconds = _utc_seconds(times).astype(np.float64).tolist()
            points[account_id] = (seconds, counts)
            lines[account_id] = (seconds, list(map(float, counts)))
        view = _ViewColumns.read(conn, flt, period)
        utc = view.utc
        moments = _first_moments(
            view.account, utc, by_hour=period.end - period.start <= POST_MARKS_BY_HOUR
        )
        view = view.in_view_order()
        observed = _observe_view(
            view, self._local(view.utc, period), {a.id: a.network for a in accounts}, around
        )
        insights = find_insights_in(observed)
        slots: dict[int, tuple[Slot, ...]] = {}
        for account_id, indices in _each_account(observed.account_id):
            found = slots_in(insights, observed, indices, observed.network[indices[0]])
            if found:
                slots[account_id] = found
        return DashboardData(
            period=period,
            totals=self.totals(flt, period) if totals is None else totals.result(),
            # The rows come most engaged first: the top posts are the first of them.
            top_posts=queries.posts_by_delivery(conn, view.delivery[:TOP_POSTS].tolist()),
            followers=FollowerPoints(points),
            follower_lines=lines,
            grid=heat_grid(observed),
            insights=insights,
            slots=slots,
            posts_in_period=len(view),
            actions=(actions := self._actions(conn, period, shown)),
            post_marks=_post_marks(moments, lines),
            comparisons=self._comparisons(conn, actions),
        )

    def _comparisons(
        self, conn: sqlite3.Connection, actions: list[TimelineAction]
    ) -> list[tuple[TimelineAction, BeforeAfter]]:
        """Each kept action's before/after (its own account, or all together), newest
        first, at most ``COMPARED_ACTIONS`` of them."""
        from somestudio.app.growth.timeline import Timeline  # noqa: PLC0415

        timeline = Timeline(lambda: conn)
        kept = [a for a in actions if a.kind is not ActionKind.POST]
        return [
            (a, timeline.compare(a.day, self.zone, account_id=a.account_id))
            for a in reversed(kept[-COMPARED_ACTIONS:])
        ]

    def _actions(
        self, conn: sqlite3.Connection, period: Period, account_ids: frozenset[int] | None
    ) -> list[TimelineAction]:
        """The actions the Actions tab lists (the user's, and the collaborations delivered)
        of the period's local days, oldest first: those tied to an account only when the
        filter lets the account through (``account_ids``; None: every account). Its posts
        are ``DashboardData.post_marks``."""
        first = period.start.astimezone(self.zone).date()
        last = (period.end - timedelta(microseconds=1)).astimezone(self.zone).date()
        return action_rows.marked_actions(conn, first, last + timedelta(days=1), account_ids)


def _shown_accounts(flt: MetricsFilter, accounts: Sequence[Account]) -> frozenset[int] | None:
    """The accounts whose actions the filter shows (None: all of them)."""
    if not flt.account_ids and not flt.networks:
        return None
    return frozenset(
        a.id
        for a in accounts
        if (not flt.account_ids or a.id in flt.account_ids)
        and (not flt.networks or a.network in flt.networks)
    )


def _each_account(account_ids: list[int]) -> list[tuple[int, list[int]]]:
    """Each account among ``account_ids`` (in the order first seen) with its indices there."""
    if not account_ids:
        return []
    column = np.array(account_ids, dtype=np.int64)
    found, first = np.unique(column, return_index=True)
    return [
        (int(a), np.flatnonzero(column == a).tolist())
        for a, _ in sorted(zip(found.tolist(), first.tolist(), strict=True), key=itemgetter(1))
    ]


def _stored_times(joined: str, count: int) -> np.ndarray | None:
    """``count`` stored UTC times ('YYYY-MM-DDTHH:MM:SSZ') joined with nothing between them,
    as numpy's 20-byte strings; None unless each is one (length, ASCII, its T and Z)."""
    if len(joined) != 20 * count or not joined.isascii():
        return None
    times = np.frombuffer(joined.encode("ascii"), dtype="S20")
    letters = times.view(np.uint8).reshape(-1, 20)
    if not ((letters[:, 10] == ord("T")) & (letters[:, 19] == ord("Z"))).all():
        return None
    return times


def _integers(joined: str, count: int) -> np.ndarray | None:
    """``count`` integers joined by commas, as int64; None when they are not."""
    if not count:
        return np.zeros(0, dtype=np.int64)
    if not joined.isascii() or joined.count(",") != count - 1:
        return None
    try:
        values = np.fromstring(joined, dtype=np.int64, sep=",")
    except (ValueError, DeprecationWarning):
        return None
    return values if len(values) == count else None


# Per account, (fetched_at texts as bytes, numpy's "S20"; follower counts), oldest first.
Counts = tuple[np.ndarray, list[int]]


def _follower_counts(
    conn: sqlite3.Connection, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, Counts]:
    """``queries.follower_counts`` with the times as an array: on SQLite read as two texts
    per account (``queries.follower_counts_packed``), no tuple, str or int made per count."""
    ids = list(account_ids)
    packed = queries.follower_counts_packed(conn, ids, start, end)
    found: dict[int, Counts] = {}
    if packed is not None:
        for account_id, (count, times, counts) in packed.items():
            at = _stored_times(times, count)
            values = _integers(counts, count)
            # Every time stored as 20 characters, and ascending: else row by row.
            if at is not None and values is not None and bool((at[1:] >= at[:-1]).all()):
                found[account_id] = (at, values.tolist())
    rest = [a for a in ids if a not in found]
    if rest:
        for account_id, (texts, counts_) in queries.follower_counts(conn, rest, start, end).items():
            found[account_id] = (np.array(texts, dtype="S20"), counts_)
    return found


def _inside(series: Counts | None, period: Period) -> tuple[int, int]:
    """Where the follower counts of ``series`` (read around the period) inside the period
    start and end: (first index, index after the last)."""
    if series is None:
        return (0, 0)
    times = series[0]
    # Stored times are whole seconds; the period's ends may not be: the texts narrow the
    # range, the instants decide.
    low = int(np.searchsorted(times, utc_text(period.start).encode("ascii"), side="left"))
    high = int(np.searchsorted(times, utc_text(period.end).encode("ascii"), side="right"))
    while low < high and parse_utc(times[low].decode("ascii")) < period.start:
        low += 1
    while high > low and parse_utc(times[high - 1].decode("ascii")) >= period.end:
        high -= 1
    return (low, high)


def _first_moments(
    accounts: np.ndarray, utc: np.ndarray, *, by_hour: bool
) -> list[tuple[int, int]]:
    """The first post of each account in each UTC hour (or day) among the posts of
    ``accounts`` (their account ids, in the order published; ``utc`` their instants as
    seconds since 1970): (account id, its instant), by account and time; by array
    operations, no Python code per post."""
    if not len(accounts):
        return []
    # By account, each account's posts still in the order published (a stable sort): the
    # posts of one hour (day) are then a run, and its first post opens it.
    order = np.argsort(accounts, kind="stable")
    accounts, moments = accounts[order], utc[order]
    keys = moments // (3600 if by_hour else 86_400)
    opens = np.ones(len(accounts), dtype=bool)
    opens[1:] = (accounts[1:] != accounts[:-1]) | (keys[1:] != keys[:-1])
    return list(zip(accounts[opens].tolist(), moments[opens].tolist(), strict=True))


def _post_marks(
    moments: list[tuple[int, int]], lines: dict[int, tuple[list[float], list[float]]]
) -> dict[int, tuple[list[float], list[float]]]:
    """The posts of ``moments`` (``_first_moments``: at most one per account in each hour or
    day) as dots on their account's followers line (``lines``: the period's counts as
    instants and counts): the newest count of the period at or before each, else the
    period's first; accounts without counts in the period have no line to put dots on."""
    marks: dict[int, tuple[list[float], list[float]]] = {}
    for account_id, group in groupby(moments, key=itemgetter(0)):
        line = lines.get(account_id)
        if line is None or not line[0]:
            continue
        seconds = np.array([moment for _, moment in group], dtype=np.float64)
        at = np.searchsorted(np.array(line[0]), seconds, side="right") - 1
        counts = np.array(line[1], dtype=np.float64)
        marks[account_id] = (seconds.tolist(), counts[np.maximum(at, 0)].tolist())
    return marks


# Where the digits of a stored UTC time 'YYYY-MM-DDTHH:MM:SSZ' are.
_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]


def _utc_seconds(texts: Sequence[str] | np.ndarray) -> np.ndarray:
    """Stored UTC times as seconds since 1970 (``parse_utc(t).timestamp()``, as int64) by
    array arithmetic on their digits: several times cheaper than a date function per text,
    in SQL or numpy's own parsing."""
    if not len(texts):
        return np.zeros(0, dtype=np.int64)
    digits = (np.asarray(texts, dtype="S20").view(np.uint8).reshape(-1, 20)[:, _DIGITS] - 48).T
    d = digits.astype(np.int64)  # one row per digit
    year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
    month, day = d[4] * 10 + d[5], d[6] * 10 + d[7]
    hour, minute, second = d[8] * 10 + d[9], d[10] * 10 + d[11], d[12] * 10 + d[13]
    # Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's
    # days_from_civil: years from March, so the leap day ends a year).
    year = year - (month <= 2)
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    days = era * 146_097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year - 719_468
    seconds: np.ndarray = days * 86_400 + hour * 3600 + minute * 60 + second
    return seconds


@dataclass(frozen=True, slots=True)
class _ViewColumns:
    """``queries.view_rows`` column by column (index ``i`` is one post): arrays of int64
    (``views`` -1 where ``no_views``), booleans and the instants as seconds since 1970 UTC."""

    delivery: np.ndarray
    account: np.ndarray
    utc: np.ndarray
    published: np.ndarray  # the stored times, as bytes (numpy's "S20")
    length: np.ndarray
    hashtags: np.ndarray
    media: np.ndarray
    engagements: np.ndarray
    views: np.ndarray
    no_views: np.ndarray
    measured: np.ndarray

    def __len__(self) -> int:
        return len(self.delivery)

    def taken(self, indices: np.ndarray) -> _ViewColumns:
        return _ViewColumns(*(getattr(self, f)[indices] for f in self.__slots__))

    def in_view_order(self) -> _ViewColumns:
        """From the order published into the view's (``queries.in_view_order``: most engaged
        first, then newest first, then as published), by one sort of two integer columns."""
        return self.taken(np.lexsort((np.arange(len(self)), -self.utc, -self.engagements)))

    @classmethod
    def read(cls, conn: sqlite3.Connection, flt: MetricsFilter, period: Period) -> _ViewColumns:
        """The period's posts in the order published (published_at, then id): on SQLite as
        two texts (``queries.view_packed``), otherwise (or where a text is to be read) row
        by row."""
        packed = queries.view_packed(conn, flt, period.start, period.end)
        if packed is not None:
            count, numbers, times = packed
            published = _stored_times(times, count)
            ints = _integers(numbers, count * queries.VIEW_PACKED_WIDTH)
            # A time not stored as 20 characters, or a text to read: row by row.
            if published is not None and ints is not None:
                found = cls._of(ints.reshape(-1, queries.VIEW_PACKED_WIDTH).T, published)
                if not (found.length < 0).any() and not (found.hashtags < 0).any():
                    # Group_concat's order is SQLite's to choose: put in the order published.
                    return found.taken(np.lexsort((found.delivery, found.utc)))
        rows = queries.view_rows(conn, flt, period.start, period.end, ordered=False)
        if not rows:
            return cls._of(np.zeros((9, 0), dtype=np.int64), np.zeros(0, dtype="S20"))
        ints = np.array(
            [
                (
                    r[0],
                    r[1],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    -1 if r[7] is None else r[7],
                    r[7] is None,
                    r[8],
                )
                for r in rows
            ],
            dtype=np.int64,
        ).T
        return cls._of(ints, np.array([r[2] for r in rows], dtype="S20"))

    @classmethod
    def _of(cls, ints: np.ndarray, published: np.ndarray) -> _ViewColumns:
        return cls(
            delivery=ints[0],
            account=ints[1],
            utc=_utc_seconds(published),
            published=published,
            length=ints[2],
            hashtags=ints[3],
            media=ints[4] != 0,
            engagements=ints[5],
            views=ints[6],
            no_views=ints[7] != 0,
            measured=ints[8] != 0,
        )


def _observe_view(
    view: _ViewColumns,
    local_seconds: np.ndarray,
    networks: dict[int, Network],
    series: dict[int, Counts],
) -> ObservedPosts:
    """``MetricsDashboard.observe`` for the view's columns (``_ViewColumns``; ``local_seconds``:
    their local times, ``MetricsDashboard._local``): array operations per feature instead of
    objects (or Python code) per post."""
    if not view.measured.all():  # never measured: no evidence
        kept = np.flatnonzero(view.measured)
        view, local_seconds = view.taken(kept), local_seconds[kept]
    if not len(view):
        return ObservedPosts()
    account: list[int] = view.account.tolist()
    # Engagements per view where views were counted: the same float as Python's int / int
    # (both exact below 2**53 as floats, one rounding).
    has_rate = (view.views != 0) & ~view.no_views
    rate = np.divide(view.engagements, view.views, where=has_rate, out=np.zeros(len(view)))
    local = local_seconds
    seconds = local % 86_400
    uncounted = np.flatnonzero(~has_rate)
    if len(uncounted):  # no views counted: engagements per follower at the time, if known
        published = view.published
        missing: dict[int, list[int]] = {}
        for i in uncounted.tolist():
            missing.setdefault(account[i], []).append(i)
        engagements = view.engagements
        for account_id, indices in missing.items():
            known = series.get(account_id)
            if not known or not len(known[0]):
                continue
            times, counts = known
            at = np.searchsorted(np.asarray(times, dtype="S20"), published[indices], side="right")
            for i, index in zip(indices, np.maximum(at - 1, 0).tolist(), strict=True):
                count = counts[index]
                if count:
                    rate[i] = int(engagements[i]) / count
                    has_rate[i] = True
    return ObservedPosts.of_arrays(
        network=list(map(networks.__getitem__, account)),
        account_id=account,
        # 1970-01-01 was a Thursday
        weekday=(local // 86_400 + 3) % 7,
        hour=seconds // 3600,
        minute=seconds % 3600 // 60,
        # As stored with each text (store/text_columns.py): no text is read.
        length=view.length,
        hashtags=view.hashtags,
        has_media=view.media,
        engagements=view.engagements,
        rate=rate,
        has_rate=has_rate,
    )


@dataclass
class DashboardLoad:
    accounts: list[Account]
    labels: list[str]
    data: DashboardData


LoadKey = tuple[str, MetricsFilter, Period]  # zone, filter, period


class DashboardCache:
    """Loads of the view remembered while the data has not changed, so that going back to a
    filter or period seen before shows at once. ``version`` tells whether anything has been
    committed since (``Workspace.data_version``): then every load is read afresh. Safe to
    use from the worker threads."""

    def __init__(self, version: Callable[[], Hashable], size: int = CACHED_LOADS) -> None:
        self.version = version
        self._size = size
        self._version: Hashable | None = None
        self._loads: OrderedDict[tuple[str, MetricsFilter, Period], DashboardLoad] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: LoadKey, version: Hashable) -> DashboardLoad | None:
        with self._lock:
            if version != self._version:
                return None
            found = self._loads.get(key)
            if found is not None:
                self._loads.move_to_end(key)
            return found

    def put(self, key: LoadKey, version: Hashable, load: DashboardLoad) -> None:
        """``version``: the one read *before* the load, so a change during it is not hidden."""
        with self._lock:
            if version != self._version:
                self._loads.clear()
                self._version = version
            self._loads[key] = load
            self._loads.move_to_end(key)
            while len(self._loads) > self._size:
                self._loads.popitem(last=False)


def load_dashboard(
    connect: Callable[[], sqlite3.Connection],
    zone: ZoneInfo,
    flt: MetricsFilter,
    period: Period,
    cache: DashboardCache | None = None,
) -> DashboardLoad:
    """Everything the view shows, on a connection of its own (for a worker thread); from
    ``cache`` when the data has not changed since the same load."""
    key = (zone.key, flt, period)
    version = cache.version() if cache is not None else 0
    if cache is not None and (found := cache.get(key, version)) is not None:
        return found
    conn = connect()
    try:
        dashboard = MetricsDashboard(lambda: conn, zone, connect)
        loaded = DashboardLoad(
            dashboard.accounts(), dashboard.labels(), dashboard.load(flt, period)
        )
    finally:
        conn.close()
    if cache is not None:
        cache.put(key, version, loaded)
    return loaded
