"""The demo tells the truth: numbers only where a network reports them, counts that grow,
failures only where the publishing method can fail, a queue that works, texts of the season."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.demo import DEMO_ZONE, build_demo_home
from somestudio.app.demo_texts import DEMO_ALT_TEXTS, EVERYDAY, SEASONAL
from somestudio.app.metrics import MetricsCollector, is_reserved_address
from somestudio.app.planning import Planner
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

HELSINKI = ZoneInfo(DEMO_ZONE)
DATES = [
    date(2026, 12, 3),
    date(2027, 6, 15),
    date(2027, 3, 28),
    date(2028, 2, 29),
    date(2027, 1, 1),
]
METRICS = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
# Words that have no place in a Finnish café's December (stems, matched case-insensitively).
OUT_OF_SEASON = (
    "kevä",
    "spring",
    "terassi",
    "terrace",
    "kesä",
    "summer",
    "juhannus",
    "midsummer",
    "mansikka",
    "strawberr",
    "vappu",
    "pääsiäi",
    "easter",
    "iced latte",
    "jäätelö",
    "ice cream",
    "kantarelli",
)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), HELSINKI)


@pytest.fixture(params=DATES, ids=str)
def demo(request: pytest.FixtureRequest, home: Path) -> Iterator[tuple[Workspace, date]]:
    day: date = request.param
    build_demo_home(home, today=day)
    workspace = open_workspace(home)
    yield workspace, day
    workspace.close()


def methods(conn: sqlite3.Connection) -> dict[int, tuple[Network, PublishMethod]]:
    return {a.id: (a.network, a.publish_method) for a in account_rows.list_accounts(conn)}


def snapshots(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    return conn.execute(
        "SELECT s.*, d.account_id, d.published_at FROM metric_snapshots s"
        " JOIN deliveries d ON d.id = s.delivery_id ORDER BY s.delivery_id, s.fetched_at"
    ).fetchall()


def test_numbers_only_where_a_network_reports_them(demo: tuple[Workspace, date]) -> None:
    conn = demo[0].connection()
    how = methods(conn)
    rows = snapshots(conn)
    assert rows, "the API account has numbers to show"
    for row in rows:
        network, method = how[row["account_id"]]
        # The Local archive and accounts published by hand have no likes or views to fetch.
        assert method is PublishMethod.API, (network, method)
        if network is Network.MASTODON:
            assert row["views"] is None
    manual_followers = conn.execute("SELECT account_id, source FROM account_snapshots").fetchall()
    for account_id, source in manual_followers:
        network, method = how[account_id]
        assert network is not Network.LOCAL
        assert source == ("api" if method is PublishMethod.API else "manual")


def test_counts_grow_over_a_posts_life_and_none_is_from_the_future(
    demo: tuple[Workspace, date],
) -> None:
    workspace, day = demo
    now = noon(day).astimezone(UTC)
    by_delivery: dict[int, list[sqlite3.Row]] = {}
    for row in snapshots(workspace.connection()):
        by_delivery.setdefault(row["delivery_id"], []).append(row)
        fetched = datetime.fromisoformat(row["fetched_at"])
        assert datetime.fromisoformat(row["published_at"]) <= fetched <= now
    assert len(by_delivery) > 20
    for rows in by_delivery.values():
        for metric in METRICS:
            values = [r[metric] for r in rows if r[metric] is not None]
            assert values == sorted(values), metric
        likes = [r["likes"] for r in rows]
        if len(likes) >= 6:  # fast at first, then flattening
            assert likes[-1] > 0 and likes[3] >= likes[-1] / 2


def test_a_post_in_its_first_hour_has_small_numbers(demo: tuple[Workspace, date]) -> None:
    young = [
        r
        for r in snapshots(demo[0].connection())
        if datetime.fromisoformat(r["fetched_at"]) - datetime.fromisoformat(r["published_at"])
        <= timedelta(hours=1)
    ]
    assert young
    for row in young:
        assert row["likes"] <= 40
        assert row["views"] is None or row["views"] <= 600


def test_every_account_has_slots_and_add_to_queue_works(demo: tuple[Workspace, date]) -> None:
    workspace, day = demo
    planner = Planner(workspace, now=lambda: noon(day).astimezone(UTC))
    image = workspace.home / "media" / "korvapuusti.jpg"
    conn = workspace.writable_connection()
    accounts = account_rows.list_accounts(conn)
    assert len(accounts) >= 5
    for account in accounts:
        assert planner.posting_slots(account.id), account.label
        with transaction(conn):
            post_id = post_rows.create_post(
                conn,
                "Korvapuusteja tiskillä koko päivän ☕",
                media=[MediaItem(str(image), "image/jpeg", DEMO_ALT_TEXTS["korvapuusti.jpg"])],
            )
            delivery_id = post_rows.add_delivery(
                conn,
                post_id,
                account.id,
                scheduled_at=None,
                time_zone=None,
                state=DeliveryState.DRAFT,
            )
        at = planner.add_to_queue(delivery_id)
        assert noon(day) < at < noon(day) + timedelta(days=30), account.label


def test_every_failure_is_one_the_publishing_method_can_meet(
    demo: tuple[Workspace, date],
) -> None:
    conn = demo[0].connection()
    how = methods(conn)
    rows = conn.execute(
        "SELECT d.id, d.account_id, d.state, d.last_error,"
        " (SELECT error_kind FROM attempts t WHERE t.delivery_id = d.id ORDER BY t.id DESC"
        "  LIMIT 1) FROM deliveries d WHERE d.state IN ('failed', 'needs_attention', 'missed')"
    ).fetchall()
    states = {DeliveryState(r[2]) for r in rows}
    assert {DeliveryState.FAILED, DeliveryState.NEEDS_ATTENTION} <= states
    for _id, account_id, state, error, kind in rows:
        network, method = how[account_id]
        if state == "missed":
            assert "computer was off" in error
        elif method is PublishMethod.MANUAL:
            # A due reminder: listed under Publish by hand, never shown as a failure.
            assert (state, kind) == ("needs_attention", "manual"), error
        else:
            assert method is PublishMethod.API, (network, method, error)
            assert "HTTP 503" not in error and "too long" not in error
            assert kind in {"auth", "unknown"}
            if state == "failed":
                # the network named with the account (one name can be on five networks)
                assert f"no sign-in is stored for {network.display_name} · " in error, error


def test_the_api_account_is_never_asked_for_numbers(demo: tuple[Workspace, date]) -> None:
    """Its address (Mastodon's instance, the others' API address) is a reserved name: a
    round skips it without opening a session."""
    workspace, day = demo
    api = [
        a
        for a in account_rows.list_accounts(workspace.connection())
        if a.publish_method is PublishMethod.API
    ]
    assert api and all(is_reserved_address(a.instance_url) for a in api)

    def no_session() -> object:
        raise AssertionError("the demo must not go to the network")

    collector = MetricsCollector(
        workspace.writable_connection,
        now=lambda: noon(day).astimezone(UTC),
        # Even signed in (a token in the keyring), every demo API account is skipped.
        token_for=lambda _account: "demo-token",
        session_factory=no_session,  # type: ignore[arg-type]
    )
    report = collector.refresh()
    skipped = {o.account_id: o.skipped for o in report.outcomes}
    assert all(skipped[a.id] == "example address" for a in api)


def test_december_texts_are_of_december(home: Path) -> None:
    build_demo_home(home, today=date(2026, 12, 3))
    workspace = open_workspace(home)
    try:
        rows = (
            workspace.connection()
            .execute(
                "SELECT p.base_text, d.scheduled_at, (SELECT group_concat(m.path || ' ' ||"
                " m.alt_text) FROM media m WHERE m.post_id = p.id) FROM posts p"
                " JOIN deliveries d ON d.post_id = p.id"
            )
            .fetchall()
        )
    finally:
        workspace.close()
    december = [
        f"{body} {media or ''}"
        for body, at, media in rows
        if datetime.fromisoformat(at).astimezone(HELSINKI).month == 12
    ]
    assert len(december) > 20
    seasonal = " ".join(december).lower()
    for word in OUT_OF_SEASON:
        assert not re.search(word, seasonal), word
    for word in ("glögi", "joulupöytä", "lucia", "pikkujoulu", "lahjakortti", "gift card"):
        assert word in seasonal, word
    assert "aukioloajat" in seasonal and "opening hours" in seasonal


def test_a_june_demo_is_not_about_christmas(home: Path) -> None:
    build_demo_home(home, today=date(2027, 6, 15))
    workspace = open_workspace(home)
    try:
        rows = (
            workspace.connection()
            .execute(
                "SELECT p.base_text, d.scheduled_at FROM posts p"
                " JOIN deliveries d ON d.post_id = p.id"
            )
            .fetchall()
        )
    finally:
        workspace.close()
    june = " ".join(
        body for body, at in rows if datetime.fromisoformat(at).astimezone(HELSINKI).month == 6
    ).lower()
    assert "terrace" in june or "terassi" in june
    for word in ("glögi", "joulu", "christmas", "lucia"):
        assert word not in june, word


def test_a_due_reminder_is_marked_as_one_in_the_calendar(home: Path) -> None:
    day = date(2026, 12, 3)
    build_demo_home(home, today=day)
    workspace = open_workspace(home)
    try:
        conn = workspace.connection()
        how = methods(conn)
        entries = post_rows.entries_between(
            conn, noon(day - timedelta(days=40)), noon(day + timedelta(days=40))
        )
    finally:
        workspace.close()
    waiting = [e for e in entries if e.waiting_by_hand]
    assert waiting
    assert all(
        e.state is DeliveryState.NEEDS_ATTENTION and how[e.account_id][1] is PublishMethod.MANUAL
        for e in waiting
    )
    held = [e for e in entries if e.state is DeliveryState.NEEDS_ATTENTION]
    assert any(not e.waiting_by_hand for e in held)  # the API account's unknown outcome


def test_every_link_in_the_demo_texts_is_a_link_to_the_networks() -> None:
    # twitter-text knows only real top-level domains: ".example" would count as plain text
    # (Links 0, X counting the whole address). example.com is reserved and recognised.
    texts = {t for month in SEASONAL.values() for t in month} | set(EVERYDAY)
    with_links = [t for t in texts if "kahvila-aurinko" in t and "/" in t]
    assert len(with_links) >= 10
    for text in with_links:
        urls = [text[u.start : u.end] for u in extract_urls(text)]
        assert urls and all("example.com/kahvila-aurinko" in u for u in urls), text


def test_the_inbox_has_entries_on_each_connected_network_about_our_posts(
    demo: tuple[Workspace, date],
) -> None:
    """Not only Mastodon: Bluesky, Threads and a Facebook Page too, each entry of a kind its
    network has, the answerable ones about a post of ours there; every account they came
    from publishes through the network's connection and has a reserved address."""
    from somestudio.domain.inbox.queries import InboxQuery  # noqa: PLC0415
    from somestudio.store.inbox import items as item_rows  # noqa: PLC0415

    conn = demo[0].connection()
    entries = item_rows.find(conn, InboxQuery(done=None, limit=1000))
    by_network: dict[Network, int] = {}
    for entry in entries:
        by_network[entry.network] = by_network.get(entry.network, 0) + 1
        capability = entry.network.descriptor.inbox
        assert capability is not None and entry.kind.value in capability.kinds, entry
        account = account_rows.get_account(conn, entry.account_id)
        assert account is not None and account.publish_method is PublishMethod.API
        assert is_reserved_address(account.instance_url)
        if entry.kind.answerable:
            assert entry.delivery_id is not None, entry
            assert item_rows.our_post(conn, entry.delivery_id) is not None
    wanted = {Network.MASTODON, Network.BLUESKY, Network.THREADS, Network.FACEBOOK}
    assert wanted <= set(by_network)
    assert all(by_network[n] >= 5 for n in wanted), by_network


def _wall_hours(home: Path, day: date, zone: ZoneInfo) -> tuple[set[int], set[str]]:
    """The local hours (in ``zone``) of the demo's posts around ``day``, and the zones the
    accounts' posting slots are in."""
    workspace = open_workspace(home)
    try:
        conn = workspace.connection()
        entries = post_rows.entries_between(
            conn, noon(day - timedelta(days=20)), noon(day + timedelta(days=20))
        )
        planner = Planner(workspace)
        slot_zones = set()
        for account in account_rows.list_accounts(conn):
            slots = planner.posting_slots(account.id)
            if slots is not None:
                slot_zones.add(slots[1])
    finally:
        workspace.close()
    return {e.scheduled_at.astimezone(zone).hour for e in entries}, slot_zones


def test_the_demo_is_at_the_cafes_wall_times_where_the_user_is(tmp_path: Path) -> None:
    """Built in Helsinki's zone for a user in Chicago, the café's 10.00 post showed at 3:00 AM
    and the heatmap's busy hours were the night's (a new user's run): the app builds it in
    the user's zone, its posts at the same wall times there."""
    day = date(2026, 12, 3)
    chicago = ZoneInfo("America/Chicago")
    (tmp_path / "helsinki").mkdir()
    (tmp_path / "chicago").mkdir()
    build_demo_home(tmp_path / "helsinki", today=day)
    build_demo_home(tmp_path / "chicago", today=day, zone_name="America/Chicago")
    helsinki_hours, helsinki_slots = _wall_hours(tmp_path / "helsinki", day, HELSINKI)
    chicago_hours, chicago_slots = _wall_hours(tmp_path / "chicago", day, chicago)
    assert chicago_hours == helsinki_hours
    assert all(7 <= hour <= 21 for hour in chicago_hours), chicago_hours
    assert helsinki_slots == {DEMO_ZONE} and chicago_slots == {"America/Chicago"}
