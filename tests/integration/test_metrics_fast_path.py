"""The metrics view's fast path (plain rows, posts held column by column, insights from rank
sums) gives exactly what the object-per-post path gives: the same insights with the same
numbers, heatmap, posting slots, top posts and counts, on generated data sets."""

from __future__ import annotations

import bisect
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.metrics_dashboard import (
    MARGIN_DAYS,
    POST_MARKS_BY_HOUR,
    TOP_POSTS,
    DashboardCache,
    DashboardData,
    DashboardLoad,
    MetricsDashboard,
    Period,
    _integers,
    _stored_times,
    _utc_seconds,
    load_dashboard,
)
from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter, TotalsWithChange
from somestudio.domain.entities import text_facts
from somestudio.domain.insights import find_insights, suggest_slots, weekday_hour_grid
from somestudio.domain.networks import Network
from somestudio.domain.slots import Slot
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store import metric_queries as queries

ZONE = ZoneInfo("Europe/Helsinki")
START = datetime(2026, 2, 1, tzinfo=UTC)  # the period spans the spring DST change
PERIOD = Period(START, START + timedelta(days=120))
NETWORKS = (Network.MASTODON, Network.X, Network.BLUESKY, Network.LINKEDIN)


def _fill(
    workspace: Workspace, rng: random.Random, posts: int, days: int = 120, *, every: bool = False
) -> None:
    conn = workspace.writable_connection()
    created = utc_text(START - timedelta(days=60))
    with conn:
        for a, network in enumerate(NETWORKS, start=1):
            conn.execute(
                "INSERT INTO accounts (id, network, handle, created_at) VALUES (?, ?, ?, ?)",
                (a, network.value, f"a{a}", created),
            )
            if a != len(NETWORKS):  # the last account never had its followers read
                count = 500 * a
                for step in range(0, int((days + 80) * 1.2), rng.choice([1, 3, 7])):
                    count += rng.randint(-5, 20)
                    at = START - timedelta(days=40) + timedelta(days=step) / 1.2
                    conn.execute(
                        "INSERT INTO account_snapshots (account_id, fetched_at, followers)"
                        " VALUES (?, ?, ?)",
                        (a, utc_text(at), count),
                    )
        conn.execute("INSERT INTO labels (id, name) VALUES (1, 'Campaign')")
        for p in range(1, posts + 1):
            # A few posts just outside the period, to see the edges are kept.
            if p == 1 or rng.random() < 0.7:
                when = START + timedelta(minutes=rng.randint(-3000, days * 1440 + 3000))
            # else: the same moment as the post before (one post sent to several accounts)
            account = rng.randint(1, len(NETWORKS))
            text = "x" * rng.choice([5, 80, 100, 101, 240, 251, 400]) + rng.choice(
                [
                    "",
                    " ＃kevät ＃ｔａｇ",
                    " #one",
                    " #one #two",
                    " #a #b #c #d",
                    " #1",
                    " https://e.example/#x",
                ]
            )
            conn.execute(
                "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (p, text, created, created),
            )
            override = "#own words" if rng.random() < 0.1 else None
            conn.execute(
                "INSERT INTO deliveries (id, post_id, account_id, scheduled_at, time_zone,"
                " state, idempotency_key, published_at, updated_at, text_override)"
                " VALUES (?, ?, ?, ?, 'Europe/Helsinki', 'published', ?, ?, ?, ?)",
                (p, p, account, utc_text(when), f"k{p}", utc_text(when), created, override),
            )
            for position in range(rng.choice([0, 0, 1, 3])):
                conn.execute(
                    "INSERT INTO media (post_id, position, path) VALUES (?, ?, ?)",
                    (p, position, f"m{p}-{position}.jpg"),
                )
            if rng.random() < 0.2:
                conn.execute("INSERT INTO post_labels VALUES (?, 1)", (p,))
            if rng.random() < 0.1:
                continue  # never measured
            local = when.astimezone(ZONE)
            # Small counts (many ties); a planted lift on Tuesday evenings, so claims and
            # posting slots appear as well.
            lift = 6 if local.weekday() == 1 or 18 <= local.hour <= 20 else 1
            likes = rng.randint(0, 6) * lift
            views = rng.choice([None, None, rng.randint(1, 400) * 10, 0])
            reposts = rng.choice([None, rng.randint(0, 3)])
            conn.execute(
                "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts,"
                " replies, views) VALUES (?, ?, ?, ?, ?, ?)",
                (p, utc_text(when + timedelta(hours=2)), likes, reposts, None, views),
            )
    _store_facts(workspace, every=every)


def _store_facts(workspace: Workspace, *, every: bool = False) -> None:
    """Two posts in three (``every``: all of them, as a workspace written by this build is:
    then the view reads its rows as two texts, ``queries.view_packed``) get their text's
    length and hashtags and whether they have media stored as the app writes them
    (store/text_columns.py, create_post, composition.write); the others stay as rows written
    without them, whose texts and media the view reads."""
    some = "1" if every else "id % 3 != 0"
    conn = workspace.writable_connection()
    with conn:
        posts = conn.execute(
            "SELECT id, base_text, EXISTS (SELECT 1 FROM media m WHERE m.post_id = posts.id)"
            f" FROM posts WHERE {some}"
        ).fetchall()
        for post, text, media in posts:
            conn.execute(
                "UPDATE posts SET text_length = ?, text_hashtags = ?, has_media = ? WHERE id = ?",
                (*text_facts(text), media, post),
            )
        variants = conn.execute(
            "SELECT id, text_override FROM deliveries WHERE"
            f" {some.replace('id', 'post_id')} AND text_override IS NOT NULL"
        ).fetchall()
        for delivery, text in variants:
            conn.execute(
                "UPDATE deliveries SET override_length = ?, override_hashtags = ? WHERE id = ?",
                (*text_facts(text), delivery),
            )


def _old_load(dashboard: MetricsDashboard, flt: MetricsFilter, period: Period) -> DashboardData:
    """The view's data as it was computed before the fast path: a PostRow and a
    PostObservation per post, then the object-based insights, heatmap and slots; totals
    summed from the posts (not the day totals)."""
    conn = dashboard._connection()
    posts = queries.published_posts(conn, flt, period.start, period.end)
    # The followers chart's accounts: those the filter lets through, by account and network.
    account_ids = frozenset(
        a.id
        for a in dashboard.accounts()
        if (not flt.account_ids or a.id in flt.account_ids)
        and (not flt.networks or a.network in flt.networks)
    )
    margin = timedelta(days=MARGIN_DAYS)
    around = queries.follower_series(
        conn,
        account_ids | {p.account_id for p in posts},
        period.start - margin,
        period.end + margin,
    )
    observations = dashboard.observe(posts, around)
    previous = period.previous()
    before = {
        t.network: t for t in queries.posts_period_totals(conn, flt, previous.start, previous.end)
    }
    insights = find_insights(observations)
    slots: dict[int, tuple[Slot, ...]] = {}
    for account_id in {o.account_id for o in observations}:
        own = [o for o in observations if o.account_id == account_id]
        found = suggest_slots(insights, own, own[0].network)
        if found:
            slots[account_id] = found
    followers = {
        a: [p for p in around.get(a, []) if period.start <= p.fetched_at < period.end]
        for a in account_ids
    }
    # The chart's dots as the GUI thread worked them out before: each post (oldest first) at
    # its account's newest count of the period at or before it, else the period's first;
    # now thinned to the first post of each account and UTC hour (day, past 45 days).
    width = 13 if period.end - period.start <= POST_MARKS_BY_HOUR else 10
    marks: dict[int, tuple[list[float], list[float]]] = {}
    seen: set[tuple[int, str]] = set()
    for p in sorted(posts, key=lambda p: (p.published_at, p.delivery_id)):
        known = followers.get(p.account_id) or []
        key = (p.account_id, utc_text(p.published_at)[:width])
        if not known or key in seen:
            continue
        seen.add(key)
        at = bisect.bisect_right([k.fetched_at for k in known], p.published_at) - 1
        xs, ys = marks.setdefault(p.account_id, ([], []))
        xs.append(p.published_at.timestamp())
        ys.append(float(known[max(at, 0)].followers or 0))
    return DashboardData(
        period=period,
        post_marks=marks,
        totals=[
            TotalsWithChange(t, before.get(t.network))
            for t in queries.posts_period_totals(conn, flt, period.start, period.end)
        ],
        top_posts=posts[:TOP_POSTS],
        followers=followers,
        follower_lines={
            a: (
                [p.fetched_at.timestamp() for p in points],
                [float(p.followers or 0) for p in points],
            )
            for a, points in followers.items()
        },
        grid=weekday_hour_grid(observations),
        insights=insights,
        slots=slots,
        posts_in_period=len(posts),
    )


FILTERS = (
    MetricsFilter(),
    MetricsFilter(networks=frozenset({Network.MASTODON, Network.X})),
    MetricsFilter(account_ids=frozenset({4})),
    MetricsFilter(label="Campaign"),
)


@pytest.mark.parametrize("every", [False, True], ids=["some facts stored", "all stored"])
@pytest.mark.parametrize("seed", range(4))
def test_the_fast_path_gives_what_the_object_path_gave(
    workspace: Workspace, seed: int, every: bool
) -> None:
    rng = random.Random(seed)
    _fill(workspace, rng, rng.randint(250, 450), every=every)
    dashboard = MetricsDashboard(workspace.connection, ZONE)
    # As the view's worker has it: the totals read on a second thread and connection.
    aside = MetricsDashboard(workspace.connection, ZONE, workspace.database.connect)
    claims = slots = marks = 0
    for flt in FILTERS:
        for period in (PERIOD, Period(START + timedelta(days=50), START + timedelta(days=51))):
            fast, old = dashboard.load(flt, period), _old_load(dashboard, flt, period)
            assert fast.insights == old.insights  # every number, in the same order
            assert fast.grid == old.grid
            assert fast.slots == old.slots
            assert fast.top_posts == old.top_posts
            assert fast.posts_in_period == old.posts_in_period
            assert fast.totals == old.totals
            assert fast.followers == old.followers
            assert fast.post_marks == old.post_marks
            assert fast.follower_lines == old.follower_lines
            assert fast.actions == old.actions == []  # posts are marks, not actions
            marks += sum(len(xs) for xs, _ys in old.post_marks.values())
            assert aside.load(flt, period) == fast
            assert dashboard.heatmap(flt, period) == old.grid
            assert dashboard.insights(flt, period) == old.insights
            claims += sum(i.claimed for i in old.insights)
            slots += len(old.slots)
    # The planted lift is found: claimed statements and posting slots are compared too.
    assert claims > 0
    assert slots > 0
    assert marks > 0


YEAR = Period(START, START + timedelta(days=365))  # both of a year's clock changes


@pytest.mark.parametrize("every", [False, True], ids=["some facts stored", "all stored"])
@pytest.mark.parametrize(
    ("seed", "zone"),
    [(5, "Europe/Helsinki"), (6, "America/St_Johns"), (7, "Asia/Kathmandu"), (8, "UTC")],
)
def test_the_year_view_gives_what_the_object_path_gave(
    workspace: Workspace, seed: int, zone: str, every: bool
) -> None:
    """A year in zones with summer time (Helsinki; St John's, half an hour off), none at
    all, and a quarter-hour offset (Kathmandu): local weekdays, hours and minutes come from
    the zone's offsets added to each instant, exactly as ``astimezone`` gives them."""
    rng = random.Random(seed)
    _fill(workspace, rng, rng.randint(500, 650), days=365, every=every)
    local = ZoneInfo(zone)
    dashboard = MetricsDashboard(workspace.connection, local)
    aside = MetricsDashboard(workspace.connection, local, workspace.database.connect)
    # Ends between whole seconds, on a follower count's second: the count at the start is
    # before the period, the one at the end inside it.
    fetched = [
        r[0]
        for r in workspace.connection().execute(
            "SELECT fetched_at FROM account_snapshots WHERE account_id = 1 ORDER BY fetched_at"
        )
    ]
    start, end = (parse_utc(fetched[k]) + timedelta(microseconds=500_000) for k in (20, -40))
    claims = marks = 0
    for flt in FILTERS:
        for period in (YEAR, Period(start, end)):
            old = _old_load(dashboard, flt, period)
            assert aside.load(flt, period) == old  # every number, in the same order
            assert dashboard.load(flt, period) == old
            assert dashboard.insights(flt, period) == old.insights
            claims += sum(i.claimed for i in old.insights)
            # A year has a dot per account and day at most: fewer than its posts.
            dots = sum(len(xs) for xs, _ys in old.post_marks.values())
            assert dots < old.posts_in_period or period != YEAR
            marks += dots
    assert claims > 0
    assert marks > 0
    edge = parse_utc(fetched[20])
    assert all(p.fetched_at != edge for p in old.followers[1])
    assert parse_utc(fetched[-40]) in [p.fetched_at for p in old.followers[1]]


def test_a_load_is_remembered_until_anything_is_committed(workspace: Workspace) -> None:
    _fill(workspace, random.Random(9), 120)
    cache = DashboardCache(workspace.data_version)
    everything, label = MetricsFilter(), MetricsFilter(label="Campaign")

    def load(flt: MetricsFilter) -> DashboardLoad:
        return load_dashboard(workspace.database.connect, ZONE, flt, PERIOD, cache)

    first, labelled = load(everything), load(label)
    assert load(everything) is first  # switched back: the same load, not read again
    assert load(label) is labelled
    assert load_dashboard(workspace.database.connect, ZONE, everything, PERIOD) == first
    # New numbers arrive (another connection commits): the next load reads them.
    conn = workspace.database.connect()
    with conn:
        conn.execute(
            "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, views)"
            " SELECT d.id, ?, 100000, NULL FROM deliveries d WHERE d.published_at >= ?"
            " AND d.published_at < ? ORDER BY d.id LIMIT 1",
            (utc_text(PERIOD.end + timedelta(days=1)), utc_text(START), utc_text(PERIOD.end)),
        )
    conn.close()
    fresh = load(everything)
    assert fresh is not first
    assert fresh.data.top_posts[0].counts.likes == 100000
    assert load(label) is not labelled
    assert load(everything) is fresh


def test_the_data_version_moves_on_commits_and_when_its_watch_is_reopened(
    workspace: Workspace,
) -> None:
    first = workspace.data_version()
    assert workspace.data_version() == first  # nothing committed
    with workspace.writable_connection() as conn:
        conn.execute("INSERT INTO labels (name) VALUES ('New')")
    second = workspace.data_version()
    assert second != first
    # A reopened watch counts afresh; its numbers are never taken for the old ones.
    workspace.close()
    assert workspace.data_version()[0] != second[0]


def test_stored_times_become_the_same_seconds_as_parse_utc() -> None:
    """``_utc_seconds`` reads the digits of stored times: the same instants as
    ``parse_utc``, across leap days, century years and the ends of months and days."""
    moments = [
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(2000, 2, 29, 23, 59, 59, tzinfo=UTC),
        datetime(2100, 3, 1, tzinfo=UTC),
        datetime(2024, 12, 31, 12, 30, 5, tzinfo=UTC),
    ]
    step = timedelta(days=3, hours=7, minutes=13, seconds=11)
    moments += [datetime(2023, 1, 1, tzinfo=UTC) + k * step for k in range(1000)]
    texts = [utc_text(m) for m in moments]
    assert _utc_seconds(texts).tolist() == [int(parse_utc(t).timestamp()) for t in texts]
    assert _utc_seconds([]).tolist() == []


def test_the_packed_texts_are_read_only_when_whole() -> None:
    """The view's two texts (``queries.view_packed``) become arrays only when every time is
    a stored one of 20 characters and every integer is there; otherwise None (the caller
    then reads the rows)."""
    times = "2026-01-01T00:00:00Z2026-07-01T12:30:05Z"
    read = _stored_times(times, 2)
    assert read is not None
    assert read.tolist() == [b"2026-01-01T00:00:00Z", b"2026-07-01T12:30:05Z"]
    assert _stored_times(times, 3) is None
    assert _stored_times("2026-01-01 00:00:00Z", 1) is None  # no T
    assert _stored_times("2026-01-01T00:00:00+0", 1) is None  # 21 characters
    assert _stored_times("", 0) is not None
    numbers = _integers("1,-1,40", 3)
    assert numbers is not None
    assert numbers.tolist() == [1, -1, 40]
    assert _integers("1,2", 3) is None
    none = _integers("", 0)
    assert none is not None
    assert none.tolist() == []
