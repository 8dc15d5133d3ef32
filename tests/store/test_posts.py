"""store.posts and store.accounts on both backends: posts with media and labels, calendar
entries (the month grid's first posts per day), counts and copies."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.store import accounts, deliveries, posts
from somestudio.store.sql import Conn, Sql, run

DAY = datetime(2026, 10, 25, tzinfo=UTC)


def _post(conn: Conn, account: int, at: datetime | None, text: str = "hi", **kw: object) -> int:
    post = posts.create_post(conn, text, **kw)  # type: ignore[arg-type]
    posts.add_delivery(
        conn,
        post,
        account,
        scheduled_at=at,
        time_zone="Europe/Helsinki" if at else None,
        state=DeliveryState.SCHEDULED if at else DeliveryState.DRAFT,
    )
    return post


def test_accounts_are_added_found_listed_and_removed(conn: Conn) -> None:
    b = accounts.add_account(conn, Network.MASTODON, "Zed", options={"k": "ä"})
    a = accounts.add_account(conn, Network.MASTODON, "anna")
    c = accounts.add_account(
        conn, Network.BLUESKY, "c.example", publish_method=PublishMethod.MANUAL
    )
    assert [x.id for x in accounts.list_accounts(conn)] == [c, a, b]  # network, then handle
    found = accounts.get_account(conn, b)
    assert found is not None and found.options == {"k": "ä"}
    assert accounts.find_account(conn, Network.MASTODON, "anna") == (a, False)
    assert accounts.set_options(conn, a, {"x": 1})
    assert accounts.remove_account(conn, a)
    assert not accounts.remove_account(conn, a)
    assert accounts.find_account(conn, Network.MASTODON, "anna") == (a, True)
    assert accounts.get_account(conn, a) is None
    accounts.update_account(
        conn, a, display_name="Anna", publish_method=PublishMethod.API, options={}
    )
    revived = accounts.get_account(conn, a)
    assert revived is not None and revived.display_name == "Anna"
    accounts.set_limits(conn, a, {"max_characters": 500})
    accounts.set_identity(conn, a, "@anna@example.social", "https://example.social")
    assert accounts.find_account(
        conn, Network.MASTODON, "@anna@example.social", "https://example.social"
    ) == (a, False)
    accounts.delete_unused_account(conn, c)
    assert accounts.get_account(conn, c) is None


def test_hand_off_and_make_due(conn: Conn) -> None:
    account = accounts.add_account(conn, Network.MASTODON, "me")
    _post(conn, account, DAY + timedelta(hours=1))
    second = _post(conn, account, DAY + timedelta(hours=2))
    ids = accounts.hand_off_candidates(
        conn, account, "2026-10-25T00:00:00Z", "2026-10-25T23:59:59Z"
    )
    assert len(ids) == 2
    assert accounts.pending_deliveries(conn, account) == 2
    accounts.make_due(conn, ids, "2026-10-24T00:00:00Z")
    assert [r.post_id for r in deliveries.scheduled_due_by(conn, DAY)][1] == second


def test_calendar_entries_carry_labels_media_and_flags(conn: Conn) -> None:
    account = accounts.add_account(conn, Network.MASTODON, "me", display_name="Me")
    post = _post(
        conn,
        account,
        DAY + timedelta(hours=9),
        "x" * 200,
        media=[MediaItem("/a.gif", "image/gif", ""), MediaItem("/b.mp4", "video/mp4", "")],
        labels=["launch", "autumn"],
    )
    other = _post(conn, account, DAY + timedelta(hours=8), labels=["autumn"])
    _outside = _post(conn, account, DAY + timedelta(days=2))
    entries = posts.entries_between(conn, DAY, DAY + timedelta(days=1))
    assert [e.post_id for e in entries] == [other, post]
    entry = entries[1]
    assert entry.labels == ("autumn", "launch")
    assert entry.media_count == 2 and len(entry.text) == 160
    assert entry.account_label == "Me" and entry.network is Network.MASTODON
    assert entry.first_comment is False and entry.waiting_by_hand is False
    assert posts.first_images(conn, [post, other, post]) == {post: ("/a.gif", None)}
    by_id = posts.entry_by_delivery(conn, entry.delivery_id)
    assert by_id == entry
    assert posts.next_due(conn) == entries[0]
    assert posts.entries_in_states(conn, ["scheduled"])[0] == entries[0]
    assert posts.entries_in_states(conn, []) == []


def test_first_posts_by_day_counts_and_picks_the_first(conn: Conn) -> None:
    me = accounts.add_account(conn, Network.MASTODON, "me")
    you = accounts.add_account(conn, Network.BLUESKY, "you.example")
    first = _post(conn, me, DAY + timedelta(hours=7), labels=["a"])
    second = _post(conn, you, DAY + timedelta(hours=8))
    _third = _post(conn, me, DAY + timedelta(hours=9))
    next_day = _post(conn, you, DAY + timedelta(days=1, hours=1))
    deleted = _post(conn, me, DAY + timedelta(hours=6))
    run(conn, Sql("UPDATE posts SET deleted_at = 'x' WHERE id = :id"), {"id": deleted})
    days = [
        ("d1", DAY, DAY + timedelta(days=1)),
        ("d2", DAY + timedelta(days=1), DAY + timedelta(days=2)),
        ("d3", DAY + timedelta(days=2), DAY + timedelta(days=3)),
    ]
    totals, found = posts.first_posts_by_day(conn, posts.DaysWanted(days, per_day=2))
    assert totals == {"d1": 3, "d2": 1}
    assert [(day, e.post_id) for day, e in found] == [
        ("d1", first),
        ("d1", second),
        ("d2", next_day),
    ]
    filtered = posts.DaysWanted(days, per_day=5, account_ids=[you], states=["scheduled"])
    totals, found = posts.first_posts_by_day(conn, filtered)
    assert totals == {"d1": 1, "d2": 1}
    assert [e.post_id for _d, e in found] == [second, next_day]
    totals, found = posts.first_posts_by_day(conn, posts.DaysWanted(days, per_day=5, label="a"))
    assert totals == {"d1": 1} and [e.post_id for _d, e in found] == [first]


def _statements(conn: Conn) -> list[str]:
    """Every statement the connection runs from now on (SQLite's trace, SQLAlchemy's event)."""
    seen: list[str] = []
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(seen.append)
    else:
        sa.event.listen(conn, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_a_busy_month_on_a_server_is_two_round_trips(conn: Conn, backend: str) -> None:
    """On PostgreSQL every statement is a round trip to the server: a month of 42 busy
    days is read in two (counts and first posts, then their deliveries), not one per day;
    what is found is the same as on SQLite, where a statement per day costs nothing."""
    me = accounts.add_account(conn, Network.MASTODON, "me")
    you = accounts.add_account(conn, Network.BLUESKY, "you.example")
    expected: list[tuple[str, int]] = []
    for day in range(42):
        start = DAY + timedelta(days=day)
        made = [_post(conn, me, start + timedelta(hours=h)) for h in (9, 3, 5)]
        # Another account's delivery of the 9 o'clock post, earlier: that post comes first.
        posts.add_delivery(
            conn, made[0], you, scheduled_at=start + timedelta(hours=1),
            time_zone="UTC", state=DeliveryState.SCHEDULED,
        )  # fmt: skip
        # In time order: the early copy at 1, the 3 o'clock post, the 9 o'clock copy.
        expected += [(f"d{day}", made[0]), (f"d{day}", made[1]), (f"d{day}", made[0])]
    days = [(f"d{i}", DAY + timedelta(days=i), DAY + timedelta(days=i + 1)) for i in range(42)]
    seen = _statements(conn)
    totals, found = posts.first_posts_by_day(conn, posts.DaysWanted(days, per_day=2))
    assert totals == {f"d{i}": 3 for i in range(42)}
    assert [(day, e.post_id) for day, e in found] == expected
    if backend == "postgresql":
        assert len(seen) == 2, seen


def test_counts_copies_and_text(conn: Conn) -> None:
    account = accounts.add_account(conn, Network.MASTODON, "me")
    post = _post(
        conn,
        account,
        DAY,
        "original",
        labels=["l"],
        media=[MediaItem("/a.png", "image/png", "alt")],
    )
    run(
        conn,
        Sql("INSERT INTO link_cards (post_id, url) VALUES (:p, 'https://example.invalid/')"),
        {"p": post},
    )
    assert posts.count_posts(conn) == 1
    assert posts.count_posts_due_by(conn, DAY) == 1
    assert posts.count_posts_due_by(conn, DAY - timedelta(seconds=1)) == 0
    assert posts.count_wanting_user(conn) == 0 and posts.wanting_decision(conn) == []
    assert posts.count_waiting_by_hand(conn) == 0 and posts.waiting_by_hand(conn) == []
    assert posts.count_unseen_missed(conn) == 0
    assert posts.update_post_text(conn, post, "changed")
    assert posts.post_text_and_accounts(conn, post) == ("changed", [account])
    copy = posts.duplicate_post(conn, post)
    assert copy is not None and copy != post
    copied = deliveries.of_post(conn, copy)
    assert [d.state for d in copied] == [DeliveryState.DRAFT]
    assert posts.post_text_and_accounts(conn, copy) == ("changed", [account])
    assert posts.duplicate_post(conn, 10_000) is None
    assert posts.count_posts(conn) == 2
