"""The first comment through the real engine: the real Mastodon client against a Mastodon-
like server on 127.0.0.1 (statuses deduplicated by Idempotency-Key, bodies checked against
Mastodon's OpenAPI description). The comment goes out once, right after its post, as a reply
to it; a failing comment is retried on its own and never makes the post again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.findings import Severity
from somestudio.domain.first_comment import CommentState, OutgoingComment
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.publish_result import Final, PublishResult, Retryable
from somestudio.domain.redaction import register_secret
from somestudio.networks.http import create_session
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.scheduling.events import CommentChanged
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import first_comments as comment_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from somestudio.ui.composer.post_status import failure_entries
from tests.integration.mastodon_server import mastodon
from tests.integration.scheduling_setup import Rig
from tests.networks.support import MemoryCredentials

S = DeliveryState
C = CommentState
TIMEOUT = (2.0, 2.0)


def _account(rig: Rig, url: str) -> int:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        account_id = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url=url, publish_method=PublishMethod.API
        )
    credentials = MemoryCredentials({account_id: {"access_token": "tok-123456"}})
    publisher = MastodonPublisher(create_session, credentials, timeout=TIMEOUT, now=rig.clock.now)
    rig.publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
    return account_id


def _with_comment(rig: Rig, delivery: int, text: str) -> None:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        assert comment_rows.set_text(conn, delivery, text, rig.clock.now())


def _comment(rig: Rig, delivery: int) -> comment_rows.CommentRow:
    row = comment_rows.get(rig.workspace.connection(), delivery)
    assert row is not None
    return row


def _log(rig: Rig, delivery: int) -> list[tuple[str, str]]:
    attempts = delivery_rows.attempts(rig.workspace.connection(), delivery)
    return [(a.subject, a.outcome) for a in attempts]


def test_the_comment_goes_out_once_right_after_the_post_as_its_reply(rig: Rig) -> None:
    with mastodon() as server:
        account_id = _account(rig, server.url)
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="Uusi kirja ilmestyi")
        _with_comment(rig, delivery, "Tilaa se täältä: https://example.com/kirja")
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.PUBLISHED
        (post,) = server.posts()
        (reply,) = server.replies()
        assert server.made == [post, reply]  # the post first, then its comment
        assert reply["in_reply_to_id"] == post["id"]
        assert "Tilaa se" in str(reply["content"])
        assert server.problems == []  # both bodies fit Mastodon's OpenAPI description
        row = _comment(rig, delivery)
        assert (row.state, row.remote_id, row.attempt_count) == (C.SENT, reply["id"], 1)
        assert _log(rig, delivery) == [("post", "published"), ("comment", "published")]
        rig.alarms.advance(300)  # later sweeps find nothing more to send
        assert len(server.made) == 2
        assert [e.state for e in rig.of_type(CommentChanged)] == [C.SENT]


def test_the_comment_is_in_the_posts_language_not_the_accounts(rig: Rig) -> None:
    with mastodon() as server:
        account_id = _account(rig, server.url)
        conn = rig.workspace.writable_connection()
        with transaction(conn):  # the account usually writes Finnish
            account_rows.set_options(conn, account_id, {"language": "fi"})
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="New book out")
        with transaction(conn):  # this post is in English
            run(
                conn,
                Sql(
                    "UPDATE posts SET language = 'en'"
                    " WHERE id = (SELECT post_id FROM deliveries WHERE id = :id)"
                ),
                {"id": delivery},
            )
        _with_comment(rig, delivery, "Order it here: https://example.com/book")
        rig.alarms.advance(10)
        (post,) = server.posts()
        (reply,) = server.replies()
        assert (post["language"], reply["language"]) == ("en", "en")
        assert server.problems == []


def test_a_500_on_the_comment_is_retried_without_posting_again(rig: Rig) -> None:
    with mastodon() as server:
        account_id = _account(rig, server.url)
        server.faults["reply"] += [500, 502]
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="Hei")
        _with_comment(rig, delivery, "Lisää kommenteissa")
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.PUBLISHED  # the post stands, whatever the comment does
        row = _comment(rig, delivery)
        assert row.state is C.PENDING and row.next_attempt_at is not None
        assert "trying again at" in row.last_error
        for _ in range(30):
            if _comment(rig, delivery).state is not C.PENDING:
                break
            rig.alarms.advance(60)
        row = _comment(rig, delivery)
        assert row.state is C.SENT
        assert len(server.posts()) == 1 and len(server.replies()) == 1
        assert _log(rig, delivery) == [
            ("post", "published"),
            ("comment", "retryable"),
            ("comment", "retryable"),
            ("comment", "published"),
        ]
        assert rig.outcomes(delivery).count("published") == 2  # one post, one comment


def test_a_refused_comment_fails_alone_and_the_post_stays_published(rig: Rig) -> None:
    with mastodon() as server:
        account_id = _account(rig, server.url)
        server.faults["reply"].append(422)
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id)
        _with_comment(rig, delivery, "Liian pitkä")
        rig.alarms.advance(10)
        rig.alarms.advance(600)
        row = _comment(rig, delivery)
        assert row.state is C.FAILED and "HTTP 422" in row.last_error
        assert rig.state(delivery) is S.PUBLISHED
        assert len(server.posts()) == 1 and server.replies() == []
        # What the composer shows above the opened post: the post is out, its comment not.
        found = delivery_rows.get(rig.workspace.connection(), delivery)
        assert found is not None
        (status,) = Studio(rig.workspace).post_deliveries(found.post_id)
        assert (status.state, status.attempts, status.comment_state) == (S.PUBLISHED, 1, "failed")
        (entry,) = failure_entries([status])
        assert "first comment not posted" in entry.message and "HTTP 422" in entry.message
        assert entry.severity is Severity.WARNING


def test_a_comment_left_after_its_post_by_a_crash_goes_out_at_start(rig: Rig) -> None:
    """The post went out and was recorded, then the app stopped before the comment: the next
    start sends the comment only."""
    with mastodon() as server:
        account_id = _account(rig, server.url)
        delivery = rig.schedule(10, account=account_id, text="Ennen kaatumista")
        _with_comment(rig, delivery, "Kommentti kaatumisen jälkeen")
        rig.clock.move(10)
        conn = rig.workspace.writable_connection()
        with transaction(conn):  # what the crashed run left: the post out, the comment not
            assert delivery_rows.claim(conn, delivery, rig.clock.now())
            assert delivery_rows.move(conn, delivery, S.PUBLISHED, rig.clock.now(), remote_id="55")
        rig.engine.start()
        rig.alarms.run_due()
        assert server.posts() == []  # the post is never made again
        (reply,) = server.replies()
        assert reply["in_reply_to_id"] == "55"
        assert _comment(rig, delivery).state is C.SENT


def test_a_comment_cut_off_mid_send_is_reconciled_not_resent(rig: Rig) -> None:
    with mastodon() as server:
        account_id = _account(rig, server.url)
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="Postaus")
        _with_comment(rig, delivery, "Jo lähetetty kommentti")
        rig.alarms.advance(10)
        assert _comment(rig, delivery).state is C.SENT
        reply_id = _comment(rig, delivery).remote_id
        conn = rig.workspace.writable_connection()
        with transaction(conn):  # as if the app died before recording the comment's answer
            run(
                conn,
                Sql(
                    "UPDATE first_comments SET state = 'sending', remote_id = NULL"
                    " WHERE delivery_id = :id"
                ),
                {"id": delivery},
            )
        rig.engine.shutdown()
        rig.clock.move(2 * 3600)  # past the hour the server remembers the comment's key
        # A new run (a new client: nothing in memory) finds the reply in the post's thread.
        rig.publishers.register(
            MastodonPublisher(
                create_session,
                MemoryCredentials({account_id: {"access_token": "tok-123456"}}),
                timeout=TIMEOUT,
                now=rig.clock.now,
            ),
            method=PublishMethod.API,
            network=Network.MASTODON,
        )
        rig.make_engine().start()
        rig.alarms.run_due()
        row = _comment(rig, delivery)
        assert (row.state, row.remote_id) == (C.SENT, reply_id)
        assert len(server.replies()) == 1 and len(server.posts()) == 1
        assert _log(rig, delivery)[-1] == ("comment", "reconciled")


def test_a_channel_without_comments_says_so_and_keeps_the_post(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(10)  # the Local archive: no first comment there
    _with_comment(rig, delivery, "Ei tänne")
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.PUBLISHED
    row = _comment(rig, delivery)
    assert row.state is C.FAILED and "first comment" in row.last_error
    assert len(rig.folders()) == 1


def test_the_comment_row_claims_once_and_keeps_what_went_out(rig: Rig) -> None:
    """Two writers racing for one pending comment: one claim wins. A sent comment keeps its
    text; a failed one is sent again only when its text is changed."""
    delivery = rig.schedule(10)
    now = rig.clock.now() + timedelta(seconds=10)  # its time
    first = rig.workspace.writable_connection()
    with transaction(first):
        assert comment_rows.set_text(first, delivery, "  Kommentti  ", now)
        assert not comment_rows.claim(first, delivery, now)  # its post is not out yet
        assert delivery_rows.claim(first, delivery, now)
        delivery_rows.move(first, delivery, S.PUBLISHED, now, remote_id="1")
    second = rig.workspace.database.connect()  # another writer's own connection
    try:
        with transaction(first):
            assert comment_rows.claim(first, delivery, now)
        with transaction(second):
            assert not comment_rows.claim(second, delivery, now)  # taken: rowcount 0
    finally:
        second.close()
    with transaction(first):
        assert comment_rows.move(first, delivery, C.FAILED, now, only_from=(C.SENDING,))
        assert comment_rows.set_text(first, delivery, "Kommentti", now)  # unchanged
        assert _comment(rig, delivery).state is C.FAILED  # saving again does not resend it
        assert comment_rows.set_text(first, delivery, "Korjattu kommentti", now)
        assert _comment(rig, delivery).state is C.PENDING
        assert comment_rows.claim(first, delivery, now)
        comment_rows.move(first, delivery, C.SENT, now, only_from=(C.SENDING,), remote_id="2")
        assert not comment_rows.set_text(first, delivery, "Muutettu", now)
    assert _comment(rig, delivery).text == "Korjattu kommentti"
    other = rig.schedule(20)
    with transaction(first):
        assert delivery_rows.claim(first, other, now + timedelta(seconds=10))
        assert not comment_rows.set_text(first, other, "Liian myöhään", now)  # post in flight
    assert comment_rows.get(rig.workspace.connection(), other) is None


def test_a_post_with_a_first_comment_is_not_handed_to_the_servers_scheduler(rig: Rig) -> None:
    """The server would post it alone, with no comment: it stays here and goes at its time."""
    from somestudio.app.handoff import HandOff  # noqa: PLC0415

    with mastodon() as server:
        account_id = _account(rig, server.url)
        conn = rig.workspace.writable_connection()
        with transaction(conn):
            account_rows.set_options(conn, account_id, {"server_scheduling": True})
        rig.engine.start()
        plain = rig.schedule(3 * 3600, account=account_id, text="Ilman kommenttia")
        commented = rig.schedule(3 * 3600 + 60, account=account_id, text="Kommentin kanssa")
        _with_comment(rig, commented, "Lisätietoa")
        handed = HandOff(rig.workspace.writable_connection, rig.engine, now=rig.clock.now).run()
        assert handed == [plain]
        rig.alarms.advance(3 * 3600 + 60)
        assert rig.state(commented) is S.PUBLISHED
        assert not str(rig.column(commented, "remote_id")).startswith("scheduled:")
        assert _comment(rig, commented).state is C.SENT
        assert len(server.replies()) == 1


# A refresh token the keyring holds for the account: registered as a secret, as the app does for
# every secret it loads. The echo below is no bearer header and no key=value pair, and it is
# not the token the request carried, so the HTTP layer's own redaction (which knows only the
# token it sent, plus the registered ones at the time it ran) is bypassed: the publisher raises
# straight from ``comment`` with the secret in its message. Only the comment sender's own
# redaction stands between that text and first_comments.last_error / attempts.message.
REFRESH = "Rf7Kq2Wm9Tz4Lp8Xc3Vb6Nd1"


class _Leaky(MastodonPublisher):
    def __init__(self, error: Exception, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.error = error

    def comment(self, comment: OutgoingComment) -> PublishResult:
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        Final(f"credential {REFRESH} may not reply here", http_status=403),
        Retryable(f"credential {REFRESH} is throttled", http_status=503),
        RuntimeError(f"broken reply with credential {REFRESH}"),  # the raw `{exc}` path
    ],
    ids=["final", "retryable", "unexpected"],
)
def test_a_comment_error_is_redacted_before_it_is_stored(rig: Rig, error: Exception) -> None:
    register_secret(REFRESH)
    with mastodon() as server:
        conn = rig.workspace.writable_connection()
        with transaction(conn):
            account_id = account_rows.add_account(
                conn,
                Network.MASTODON,
                "@me2",
                instance_url=server.url,
                publish_method=PublishMethod.API,
            )
        credentials = MemoryCredentials({account_id: {"access_token": "tok-123456"}})
        publisher = _Leaky(error, create_session, credentials, timeout=TIMEOUT, now=rig.clock.now)
        rig.publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id)
        _with_comment(rig, delivery, "Lisää kommenteissa")
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.PUBLISHED
    row = _comment(rig, delivery)
    assert row.state is not C.SENT
    messages = [
        a.message or "" for a in delivery_rows.attempts(rig.workspace.connection(), delivery)
    ]
    stored = [row.last_error or "", *messages]
    assert any("credential [redacted]" in text for text in stored), stored
    for text in stored:
        assert REFRESH not in text
    for event in rig.of_type(CommentChanged):
        assert REFRESH not in (event.reason or "")
