"""store.deliveries on both backends: due work, the atomic claim, state moves, attempts and
the outgoing delivery. Each test runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.store import deliveries
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run, write
from tests.store.conftest import Connect

NOW = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


def _scheduled(conn: Conn, at: datetime, *, text: str = "hello", account: int = 0) -> int:
    account_id = account or add_account(conn, Network.MASTODON, f"me{at.timestamp()}")
    post = create_post(conn, text)
    return add_delivery(
        conn,
        post,
        account_id,
        scheduled_at=at,
        time_zone="Europe/Helsinki",
        state=DeliveryState.SCHEDULED,
    )


def test_due_work_is_read_earliest_first(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    late = _scheduled(conn, NOW - timedelta(minutes=1), account=account)
    early = _scheduled(conn, NOW - timedelta(minutes=5), account=account)
    _future = _scheduled(conn, NOW + timedelta(minutes=5), account=account)
    assert [r.id for r in deliveries.scheduled_due_by(conn, NOW)] == [early, late]
    assert deliveries.next_due_at(conn) == (early, NOW - timedelta(minutes=5))
    row = deliveries.get(conn, early)
    assert row is not None
    assert row.state is DeliveryState.SCHEDULED
    assert row.time_zone == "Europe/Helsinki"
    assert row.post_deleted is False
    assert row.last_error == ""
    assert deliveries.get(conn, 10_000) is None
    assert deliveries.account_network(conn, account) == "mastodon"


def test_the_claim_moves_a_due_delivery_once(conn: Conn) -> None:
    delivery = _scheduled(conn, NOW - timedelta(minutes=1))
    future = _scheduled(conn, NOW + timedelta(minutes=1))
    assert deliveries.claim(conn, future, NOW) is False
    assert deliveries.claim(conn, delivery, NOW) is True
    assert deliveries.claim(conn, delivery, NOW) is False
    row = deliveries.get(conn, delivery)
    assert row is not None and row.state is DeliveryState.PUBLISHING
    outgoing = deliveries.load_outgoing(conn, delivery)
    assert outgoing is not None and outgoing.attempt == 1
    assert deliveries.release(conn, delivery, NOW) is True
    assert deliveries.release(conn, delivery, NOW) is False
    outgoing = deliveries.load_outgoing(conn, delivery)
    assert outgoing is not None and outgoing.attempt == 0


def test_a_deleted_post_is_never_claimed(conn: Conn) -> None:
    delivery = _scheduled(conn, NOW - timedelta(minutes=1))
    run(
        conn,
        Sql(
            "UPDATE posts SET deleted_at = :now"
            " WHERE id = (SELECT post_id FROM deliveries WHERE id = :id)"
        ),
        {"now": "2026-03-29T00:00:00Z", "id": delivery},
    )
    assert deliveries.claim(conn, delivery, NOW) is False
    assert deliveries.scheduled_due_by(conn, NOW) == []


def test_two_connections_cannot_both_claim_one_delivery(connect: Connect) -> None:
    """The second claim waits for the first transaction and then finds nothing to take."""
    first = connect()
    delivery = _scheduled(first, NOW - timedelta(minutes=1))
    results: dict[str, bool] = {}
    errors: list[BaseException] = []

    def second_machine() -> None:
        try:
            other = connect()
            try:
                with write(other):
                    results["second"] = deliveries.claim(other, delivery, NOW)
            finally:
                if isinstance(other, sqlite3.Connection):
                    other.close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with write(first):
        results["first"] = deliveries.claim(first, delivery, NOW)
        racer = threading.Thread(target=second_machine)
        racer.start()
        racer.join(0.5)
        assert racer.is_alive(), "the second claim did not wait for the first transaction"
    racer.join(10)
    assert not errors
    assert results == {"first": True, "second": False}


def test_claim_due_takes_a_batch_of_one_account(conn: Conn) -> None:
    mine = add_account(conn, Network.MASTODON, "mine")
    other = add_account(conn, Network.BLUESKY, "other.example")
    a = _scheduled(conn, NOW - timedelta(minutes=3), account=mine)
    b = _scheduled(conn, NOW - timedelta(minutes=2), account=mine)
    _c = _scheduled(conn, NOW - timedelta(minutes=1), account=mine)
    _elsewhere = _scheduled(conn, NOW - timedelta(minutes=2), account=other)
    _too_old = _scheduled(conn, NOW - timedelta(hours=2), account=mine)
    with write(conn):
        taken = deliveries.claim_due(conn, mine, NOW, NOW - timedelta(minutes=30), 2)
    assert taken == [a, b]
    assert {r.id for r in deliveries.in_state(conn, DeliveryState.PUBLISHING)} == {a, b}


def test_moves_follow_the_state_machine(conn: Conn) -> None:
    delivery = _scheduled(conn, NOW - timedelta(minutes=1))
    # Published only from publishing: refused while scheduled.
    assert not deliveries.move(conn, delivery, DeliveryState.PUBLISHED, NOW)
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn,
        delivery,
        DeliveryState.PUBLISHED,
        NOW,
        remote_id="109",
        remote_url="https://example.invalid/109",
        published_at=NOW,
        seen_by_user=False,
        last_error=None,
    )
    outgoing_row = deliveries.get(conn, delivery)
    assert outgoing_row is not None and outgoing_row.state is DeliveryState.PUBLISHED
    assert not deliveries.move(
        conn, delivery, DeliveryState.FAILED, NOW, only_from=[DeliveryState.SCHEDULED]
    )
    # Done is done: no new time for a published delivery.
    assert not deliveries.reschedule(conn, delivery, NOW, "UTC", NOW)


def test_reschedule_and_move_a_draft(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "draft")
    draft = add_delivery(
        conn, post, account, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT
    )
    later = NOW + timedelta(days=2)
    assert deliveries.move_draft(conn, draft, later, "Europe/Helsinki", NOW)
    row = deliveries.get(conn, draft)
    assert row is not None and row.state is DeliveryState.DRAFT and row.scheduled_at == later
    assert deliveries.reschedule(conn, draft, later, "Europe/Helsinki", NOW)
    row = deliveries.get(conn, draft)
    assert row is not None and row.state is DeliveryState.SCHEDULED
    assert not deliveries.move_draft(conn, draft, NOW, "UTC", NOW)  # no longer a draft


def test_attempts_are_an_append_only_log(conn: Conn) -> None:
    delivery = _scheduled(conn, NOW - timedelta(minutes=1))
    for outcome in ("final", "retryable", "retryable"):
        deliveries.append_attempt(
            conn, delivery, started_at=NOW, finished_at=NOW, outcome=outcome, http_status=503
        )
    deliveries.append_attempt(
        conn, delivery, started_at=NOW, finished_at=None, outcome="retryable", subject="comment"
    )
    assert deliveries.retryable_failures_in_a_row(conn, delivery) == 2
    assert deliveries.retryable_failures_in_a_row(conn, delivery, "comment") == 1
    log = deliveries.attempts(conn, delivery)
    assert [(a.outcome, a.subject) for a in log] == [
        ("final", "post"),
        ("retryable", "post"),
        ("retryable", "post"),
        ("retryable", "comment"),
    ]
    assert log[0].finished_at == NOW and log[3].finished_at is None
    with pytest.raises(Exception, match="append-only"):
        run(conn, Sql("UPDATE attempts SET message = 'changed'"))


def test_the_outgoing_delivery_carries_media_thread_card_and_account(conn: Conn) -> None:
    account = add_account(
        conn,
        Network.MASTODON,
        "me",
        display_name="Me",
        instance_url="https://mastodon.example",
        options={"visibility": "unlisted"},
    )
    post = create_post(
        conn,
        "base",
        media=[MediaItem("/a.png", "image/png", "first"), MediaItem("/b.jpg", "image/jpeg", "")],
    )
    delivery = add_delivery(
        conn,
        post,
        account,
        scheduled_at=NOW,
        time_zone="UTC",
        state=DeliveryState.SCHEDULED,
        text_override="override ✓",
    )
    run(
        conn,
        Sql("INSERT INTO thread_parts (delivery_id, position, text) VALUES (:d, :p, :t)"),
        {"d": delivery, "p": 1, "t": "second"},
    )
    run(
        conn,
        Sql("INSERT INTO thread_parts (delivery_id, position, text) VALUES (:d, :p, :t)"),
        {"d": delivery, "p": 0, "t": "first"},
    )
    run(
        conn,
        Sql("INSERT INTO link_cards (post_id, url, title) VALUES (:p, :u, :t)"),
        {"p": post, "u": "https://example.invalid/", "t": "A page"},
    )
    outgoing = deliveries.load_outgoing(conn, delivery)
    assert outgoing is not None
    assert outgoing.text == "override ✓"
    assert [m.path for m in outgoing.media] == ["/a.png", "/b.jpg"]
    assert outgoing.thread == ("first", "second")
    assert outgoing.account.handle == "me" and outgoing.account.options == {
        "visibility": "unlisted"
    }
    assert outgoing.link_card is not None and outgoing.link_card.title == "A page"
    assert outgoing.scheduled_at == NOW and outgoing.attempt == 0
    assert deliveries.load_outgoing(conn, 10_000) is None
