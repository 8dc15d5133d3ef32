"""The inbox's saved replies and collection cursors on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.networks import Network
from somestudio.store.accounts import add_account
from somestudio.store.inbox import cursors, saved_replies
from somestudio.store.sql import Conn

NOW = datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


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
