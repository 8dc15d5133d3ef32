"""The inbox's saved replies, collection cursors and community rows on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.networks import Network
from somestudio.store.accounts import add_account
from somestudio.store.inbox import community, cursors, replies, saved_replies
from somestudio.store.sql import Conn, Sql, one_id, run

NOW = datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
_ITEM = Sql(
    "INSERT INTO inbox_items (account_id, network_item_id, kind, created_at, fetched_at)"
    " VALUES (:account, :n, :kind, :at, :at) RETURNING id"
)


def test_saved_replies_are_listed_by_title_ignoring_case(conn: Conn) -> None:
    b = saved_replies.add(conn, "thanks", "Thank you, {name}!", "en", NOW)
    a = saved_replies.add(conn, "Kiitos", "Kiitos, {name}!", "fi", NOW)
    assert [r.id for r in saved_replies.list_all(conn)] == [a, b]
    assert saved_replies.update(conn, b, "Thanks", "Thanks!", "", NOW)
    assert saved_replies.list_all(conn)[1].body == "Thanks!"
    assert saved_replies.delete(conn, a) and not saved_replies.delete(conn, a)


def test_cursors_move_with_pages_and_count_failures(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    assert cursors.load(conn, account).failures == 0
    cursors.record_failure(
        conn, account, "notifications", now=NOW, next_read_at=NOW + timedelta(minutes=4),
        error="HTTP 503", problem="server",
    )  # fmt: skip
    cursors.record_failure(
        conn, account, "notifications", now=NOW, next_read_at=NOW + timedelta(minutes=8),
        error="HTTP 503", problem="server",
    )  # fmt: skip
    state = cursors.load(conn, account)
    assert (state.failures, state.problem, state.next_read_at) == (
        2,
        "server",
        NOW + timedelta(minutes=8),
    )
    cursors.save(conn, InboxCursor(account, "notifications", "p9", "", ""), NOW)
    state = cursors.load(conn, account)
    assert (state.cursor.position, state.failures, state.last_error) == ("p9", 0, "")
    cursors.record_success(conn, account, "notifications", NOW + timedelta(hours=1))
    assert cursors.load(conn, account).last_read_at == NOW + timedelta(hours=1)


def test_community_rows_count_answers_and_open_entries(conn: Conn) -> None:
    account = add_account(conn, Network.BLUESKY, "me.example")

    def item(n: str, kind: str, at: datetime) -> int:
        params = {"account": account, "n": n, "kind": kind, "at": f"{at:%Y-%m-%dT%H:%M:%SZ}"}
        return one_id(run(conn, _ITEM, params))

    answered = item("1", "reply", NOW)
    item("2", "like", NOW)
    old_open = item("3", "mention", NOW - timedelta(days=90))
    assert replies.put(conn, answered, "thanks", NOW)
    assert replies.claim(conn, answered, NOW)
    assert replies.move(
        conn, answered, CommentState.SENT, NOW, only_from=[CommentState.SENDING], sent_at=NOW
    )
    rows = community.received(conn, NOW - timedelta(days=7))
    assert sorted((r.answered_at is not None, r.done_at is not None) for r in rows) == [
        (False, False),
        (True, True),
    ]
    assert old_open
