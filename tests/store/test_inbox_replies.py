"""store.inbox.replies on both backends: an answer's text, its claim with one winner between
two connections, its sent state marking the entry done, and its append-only attempts."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest

from somestudio.domain.first_comment import CommentState
from somestudio.domain.networks import Network
from somestudio.store.accounts import add_account
from somestudio.store.inbox import replies
from somestudio.store.sql import Conn, Sql, one_id, run, write
from tests.store.conftest import Connect

NOW = datetime(2028, 2, 29, 12, 0, tzinfo=UTC)
_ITEM = Sql(
    "INSERT INTO inbox_items (account_id, network_item_id, kind, author_handle, item_post_id,"
    " item_post_cid, created_at, fetched_at) VALUES (:account, 'n1', 'reply', 'pat',"
    " 'at://post', 'cid1', :now, :now) RETURNING id"
)
_DONE = Sql("SELECT done_at, read_at FROM inbox_items WHERE id = :id")


def _item(conn: Conn) -> int:
    account = add_account(conn, Network.BLUESKY, "me.example")
    return one_id(run(conn, _ITEM, {"account": account, "now": "2028-02-29T11:00:00Z"}))


def test_an_answer_is_claimed_once_and_marks_the_entry_done(connect: Connect) -> None:
    conn = connect()
    item = _item(conn)
    assert replies.put(conn, item, " thanks! ", NOW)
    assert replies.put(conn, item, "thank you!", NOW)  # still pending: the text may change
    assert replies.due(conn, NOW) == [item]

    results: dict[str, bool] = {}

    def second_machine() -> None:
        other = connect()
        try:
            with write(other):
                results["second"] = replies.claim(other, item, NOW)
        finally:
            if isinstance(other, sqlite3.Connection):
                other.close()

    with write(conn):
        results["first"] = replies.claim(conn, item, NOW)
        racer = threading.Thread(target=second_machine)
        racer.start()
        racer.join(0.5)
        assert racer.is_alive(), "the second claim did not wait for the first transaction"
    racer.join(10)
    assert results == {"first": True, "second": False}
    assert not replies.put(conn, item, "too late", NOW)
    assert replies.in_state(conn, CommentState.SENDING) == [item]

    outgoing = replies.load_outgoing(conn, item)
    assert outgoing is not None and outgoing.text == "thank you!" and outgoing.attempt == 1
    assert outgoing.reply_to is not None and outgoing.reply_to.root_id == "at://post"

    replies.append_attempt(conn, item, started_at=NOW, finished_at=NOW, outcome="retryable")
    replies.append_attempt(conn, item, started_at=NOW, finished_at=NOW, outcome="published")
    assert replies.retryable_failures_in_a_row(conn, item) == 0
    assert [a[1] for a in replies.attempts(conn, item)] == ["retryable", "published"]
    with pytest.raises(Exception, match="append-only"):
        run(conn, Sql("UPDATE inbox_reply_attempts SET message = 'x'"))

    assert run(conn, _DONE, {"id": item}).fetchone() == (None, None)
    assert replies.move(
        conn, item, CommentState.SENT, NOW, only_from=[CommentState.SENDING], remote_id="r"
    )
    done_at, read_at = run(conn, _DONE, {"id": item}).fetchone()
    assert done_at == read_at == "2028-02-29T12:00:00Z"
    row = replies.get(conn, item)
    assert row is not None and (row.state, row.remote_id) == (CommentState.SENT, "r")
