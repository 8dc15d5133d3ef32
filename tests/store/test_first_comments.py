"""store.first_comments (and the shared comment_state move) on both backends: the text per
delivery, the claim only once the post is out, one winner between two connections."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.first_comment import CommentState
from somestudio.domain.networks import Network
from somestudio.store import deliveries, first_comments
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, write
from tests.store.conftest import Connect

NOW = datetime(2027, 3, 28, 0, 59, tzinfo=UTC)


def _delivery(conn: Conn) -> tuple[int, int]:
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "post")
    delivery = add_delivery(
        conn,
        post,
        account,
        scheduled_at=NOW - timedelta(minutes=1),
        time_zone="Europe/Helsinki",
        state=DeliveryState.SCHEDULED,
    )
    return post, delivery


def _publish(conn: Conn, delivery: int) -> None:
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, NOW, remote_id="1", published_at=NOW
    )


def test_the_text_is_set_changed_and_removed_before_the_post_goes(conn: Conn) -> None:
    post, delivery = _delivery(conn)
    assert first_comments.set_text(conn, delivery, "  first  ", NOW)
    row = first_comments.get(conn, delivery)
    assert row is not None and (row.text, row.state) == ("first", CommentState.PENDING)
    assert list(first_comments.texts_of_post(conn, post).values()) == ["first"]
    assert first_comments.set_text(conn, delivery, "second", NOW)
    assert first_comments.get(conn, delivery).text == "second"  # type: ignore[union-attr]
    assert first_comments.set_text(conn, delivery, "", NOW)
    assert first_comments.get(conn, delivery) is None
    _publish(conn, delivery)
    assert not first_comments.set_text(conn, delivery, "too late", NOW)


def test_the_claim_waits_for_the_post_and_has_one_winner(connect: Connect) -> None:
    conn = connect()
    _post, delivery = _delivery(conn)
    assert first_comments.set_text(conn, delivery, "hello", NOW)
    assert first_comments.due(conn, NOW) == []
    assert not first_comments.claim(conn, delivery, NOW)  # the post is not out yet
    _publish(conn, delivery)
    assert first_comments.due(conn, NOW) == [delivery]

    results: dict[str, bool] = {}

    def second_machine() -> None:
        other = connect()
        try:
            with write(other):
                results["second"] = first_comments.claim(other, delivery, NOW)
        finally:
            if isinstance(other, sqlite3.Connection):
                other.close()

    with write(conn):
        results["first"] = first_comments.claim(conn, delivery, NOW)
        racer = threading.Thread(target=second_machine)
        racer.start()
        racer.join(0.5)
        assert racer.is_alive(), "the second claim did not wait for the first transaction"
    racer.join(10)
    assert results == {"first": True, "second": False}
    assert first_comments.in_state(conn, CommentState.SENDING) == [delivery]

    outgoing = first_comments.load_outgoing(conn, delivery)
    assert outgoing is not None
    assert (outgoing.text, outgoing.attempt, outgoing.post_remote_id) == ("hello", 1, "1")
    assert outgoing.first_tried_at == NOW

    assert not first_comments.move(
        conn, delivery, CommentState.SENT, NOW, only_from=[CommentState.PENDING]
    )
    assert first_comments.move(
        conn,
        delivery,
        CommentState.SENT,
        NOW,
        only_from=[CommentState.SENDING],
        remote_id="c1",
        sent_at=NOW,
    )
    row = first_comments.get(conn, delivery)
    assert row is not None and (row.state, row.remote_id) == (CommentState.SENT, "c1")
    first_comments.append_attempt(
        conn, delivery, started_at=NOW, finished_at=NOW, outcome="published"
    )
    assert [a.subject for a in deliveries.attempts(conn, delivery)] == ["comment"]
