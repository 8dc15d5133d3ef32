"""The inbox on the engine's scheduler: answers a crash left 'sending' recovered at start, a
collecting round every two minutes and an answer sweep every minute, through the
engine's own publishers, against the Mastodon loopback (tests/integration/
mastodon_inbox_server.py). Accounts that cannot be read are skipped without a request."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from somestudio.app.inbox.collector import JOB_KEY, InboxCollector
from somestudio.app.inbox.replies import JOB_KEY as REPLIES_KEY
from somestudio.app.inbox.service import InboxService
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.scheduling.events import InboxChanged, InboxReplyChanged
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import items as item_rows
from somestudio.store.inbox import replies as reply_rows
from tests.integration.either_backend import use_backend
from tests.integration.engine_fakes import FakeClock, ManualAlarms
from tests.integration.mastodon_inbox_server import account, mastodon_inbox, notification, status
from tests.networks.support import MemoryCredentials

API = PublishMethod.API
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ZSC = account(971724, "zsc", "Zsc")


def _publishers(
    account_id: int, clock: FakeClock, credentials: MemoryCredentials | None = None
) -> PublisherRegistry:
    publishers = PublisherRegistry()
    if credentials is None:
        credentials = MemoryCredentials({account_id: {"access_token": "tok-inbox"}})
    publisher = MastodonPublisher(create_session, credentials, timeout=(2.0, 2.0), now=clock.now)
    publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
    return publishers


def test_the_engine_collects_the_inbox_and_recovers_an_answer_left_sending(
    either_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On both backends. A shared workspace (PostgreSQL) collects and answers too; its
    engine leaves an answer left 'sending' alone at start (another machine may be sending
    it), so the sweep finds it instead once it is due again."""
    workspace = either_workspace
    shared = workspace.is_shared
    clock = FakeClock(T0)
    alarms = ManualAlarms(clock)
    with mastodon_inbox() as server:
        server.add(
            notification(10, "mention", ZSC, "2026-11-20T10:01:00.000Z",
                         status(501, ZSC, "<p>Hei?</p>", reply_to=("500", "7"))),
        )  # fmt: skip
        conn = workspace.writable_connection()
        with transaction(conn):
            account_id = account_rows.add_account(
                conn, Network.MASTODON, "@me", instance_url=server.url,
                publish_method=PublishMethod.API,
            )  # fmt: skip
        credentials = MemoryCredentials({account_id: {"access_token": "tok-inbox"}})
        publishers = _publishers(account_id, clock, credentials)
        # A shared workspace's engine asks this machine's keyring which accounts it serves.
        monkeypatch.setattr("somestudio.app.accounts.secret_store", lambda: credentials)
        service = InboxService(workspace.writable_connection, publishers, clock=clock)
        assert service.refresh().added == 1
        (item,) = service.items()
        # The last run stopped while sending an answer (claimed; maybe sent, maybe not); on
        # a shared workspace, an answer waiting for its retry.
        with transaction(conn):
            assert reply_rows.put(conn, item.id, "@zsc Kyllä!", clock.now())
            assert shared or reply_rows.claim(conn, item.id, clock.now())
        engine = create_engine(workspace, clock=clock, alarms=alarms, publishers=publishers)
        events: list[object] = []
        engine.add_listener(events.append)
        engine.start()
        try:
            first, _, interval = alarms.timers[JOB_KEY]
            assert (first, interval) == (T0 + timedelta(seconds=120), 120)
            assert alarms.timers[REPLIES_KEY][2] == 60
            asked = len(server.asked)
            row = reply_rows.get(conn, item.id)  # recovered at start, before anything new
            assert row is not None
            assert row.state is (CommentState.PENDING if shared else CommentState.SENT)
            alarms.advance(61)
            row = reply_rows.get(conn, item.id)  # the answer sweep sent it
            assert row is not None and row.state is CommentState.SENT
            server.add(
                notification(11, "favourite", ZSC, "2026-11-20T12:01:00.000Z",
                             status(500, account(7, "me"), "<p>Auki</p>")),
            )  # fmt: skip
            alarms.advance(60)  # the inbox round
            assert len(server.asked) == asked + 1 and server.asked[-1]["min_id"] == ["10"]
            told = [e for e in events if isinstance(e, InboxChanged | InboxReplyChanged)]
            assert told == [
                InboxReplyChanged(item.id, CommentState.SENT, "", "https://example.social/@x/900"),
                InboxChanged(account_id, added=1, answerable=0),  # a like: no notification
            ]
            alarms.advance(600)  # later sweeps and rounds add nothing
            assert len(server.statuses) == 1  # the resend carried the same Idempotency-Key
            assert [i.kind.value for i in service.items()] == ["like"]  # the answered is done
            assert len(service.items(InboxQuery(done=None))) == 2
        finally:
            engine.shutdown()
    assert JOB_KEY not in alarms.timers and REPLIES_KEY not in alarms.timers
    assert server.problems == []


def test_accounts_that_cannot_be_read_are_skipped_without_a_request(
    workspace: Workspace,
) -> None:
    clock = FakeClock(T0)
    with mastodon_inbox() as server:
        conn = workspace.writable_connection()
        with transaction(conn):
            by_hand = account_rows.add_account(
                conn, Network.MASTODON, "@hand", instance_url=server.url,
                publish_method=PublishMethod.MANUAL,
            )  # fmt: skip
            demo = account_rows.add_account(
                conn, Network.MASTODON, "@demo", instance_url="https://demo.example",
                publish_method=PublishMethod.API,
            )  # fmt: skip
            x = account_rows.add_account(conn, Network.X, "@x", publish_method=PublishMethod.API)
            linkedin = account_rows.add_account(
                conn, Network.LINKEDIN, "Kahvila", publish_method=PublishMethod.API
            )
        report = InboxCollector(
            workspace.writable_connection, _publishers(by_hand, clock), now=clock.now
        ).run_due()
        assert report is not None
        assert {o.account_id: o.skipped for o in report.outcomes} == {
            by_hand: "published by hand",
            demo: "example address",
            x: "not turned on",  # X bills reads: only once the user turns reading on
            linkedin: "no inbox",
        }
        assert server.asked == []


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_shared_workspace_reads_only_accounts_whose_token_is_here(
    either_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another machine holds the second account's token: this one neither asks the server
    for it nor records a failure that would push the shared cursor's next read back."""
    workspace = either_workspace
    clock = FakeClock(T0)
    alarms = ManualAlarms(clock)
    with mastodon_inbox() as server:
        server.add(
            notification(10, "mention", ZSC, "2026-11-20T10:01:00.000Z",
                         status(501, ZSC, "<p>Hei?</p>", reply_to=("500", "7"))),
        )  # fmt: skip
        conn = workspace.writable_connection()
        with transaction(conn):
            here, elsewhere = (
                account_rows.add_account(
                    conn, Network.MASTODON, h, instance_url=server.url, publish_method=API
                )
                for h in ("@here", "@elsewhere")
            )
        credentials = MemoryCredentials({here: {"access_token": "tok-inbox"}})
        monkeypatch.setattr("somestudio.app.accounts.secret_store", lambda: credentials)
        engine = create_engine(
            workspace, clock=clock, alarms=alarms, publishers=_publishers(here, clock, credentials)
        )
        engine.start()
        try:
            alarms.advance(121)  # the first inbox round
        finally:
            engine.shutdown()
        assert len(server.asked) == 1  # one account's notifications, once
        service = InboxService(workspace.connection, PublisherRegistry(), clock=clock)
        assert [(i.account_id, i.text) for i in service.items()] == [(here, "Hei?")]
        assert cursor_rows.load(workspace.store_connection(), elsewhere).failures == 0
    assert server.problems == []


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_shared_workspace_leaves_answers_of_accounts_whose_token_is_elsewhere(
    either_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer written on a machine that holds the account's token and waiting for its
    retry is not tried by an engine without the token (it would only record a failure):
    it stays pending for a machine that can send it."""
    workspace = either_workspace
    clock = FakeClock(T0)
    alarms = ManualAlarms(clock)
    with mastodon_inbox() as server:
        server.add(
            notification(10, "mention", ZSC, "2026-11-20T10:01:00.000Z",
                         status(501, ZSC, "<p>Hei?</p>", reply_to=("500", "7"))),
        )  # fmt: skip
        conn = workspace.writable_connection()
        with transaction(conn):
            elsewhere = account_rows.add_account(
                conn, Network.MASTODON, "@elsewhere", instance_url=server.url, publish_method=API
            )
        # The machine with the token read the inbox and wrote an answer that awaits a retry.
        other = _publishers(elsewhere, clock)
        assert InboxService(workspace.writable_connection, other, clock=clock).refresh().added == 1
        (item,) = InboxService(workspace.writable_connection, other, clock=clock).items()
        with transaction(conn):
            assert reply_rows.put(conn, item.id, "@zsc Kyllä!", clock.now())
        here = MemoryCredentials({})
        monkeypatch.setattr("somestudio.app.accounts.secret_store", lambda: here)
        engine = create_engine(
            workspace, clock=clock, alarms=alarms, publishers=_publishers(elsewhere, clock, here)
        )
        engine.start()
        try:
            alarms.advance(61)  # the answer sweep
        finally:
            engine.shutdown()
        row = reply_rows.get(conn, item.id)
        assert row is not None and row.state is CommentState.PENDING
        assert reply_rows.attempts(conn, item.id) == []
        assert len(server.statuses) == 0
    assert server.problems == []


@pytest.fixture
def shared_workspace(
    home: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    """The data folder on a real PostgreSQL (tests/integration/either_backend.py)."""
    use_backend("postgresql", home, request, monkeypatch)
    opened = open_workspace(home)
    yield opened
    opened.close()


def test_a_shared_workspace_reconciles_an_answer_left_sending_once_no_machine_can_send_it(
    shared_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several machines' engines on one PostgreSQL: an answer left 'sending' may be on its
    way out from another machine, so it is reconciled only once it was claimed 15 minutes
    ago (as a delivery's claim), and only by a machine holding the account's token — an
    account this machine cannot sign in for is left to the one that can."""
    workspace = shared_workspace
    clock = FakeClock(T0)
    alarms = ManualAlarms(clock)
    with mastodon_inbox() as server:
        server.add(
            notification(10, "mention", ZSC, "2026-11-20T10:01:00.000Z",
                         status(501, ZSC, "<p>Hei?</p>", reply_to=("500", "7"))),
        )  # fmt: skip
        conn = workspace.writable_connection()
        with transaction(conn):
            here = account_rows.add_account(
                conn, Network.MASTODON, "@me", instance_url=server.url,
                publish_method=PublishMethod.API,
            )  # fmt: skip
            elsewhere = account_rows.add_account(
                conn, Network.MASTODON, "@other", instance_url=server.url,
                publish_method=PublishMethod.API,
            )  # fmt: skip
        credentials = MemoryCredentials({here: {"access_token": "tok-inbox"}})
        publishers = _publishers(here, clock, credentials)
        monkeypatch.setattr("somestudio.app.accounts.secret_store", lambda: credentials)
        service = InboxService(workspace.writable_connection, publishers, clock=clock)
        assert service.refresh().added == 1
        (mine,) = service.items()
        with transaction(conn):
            item_rows.add(conn, elsewhere, [Incoming(
                network_item_id="n-other", kind=InboxKind.MENTION,
                author=Author("@zsc", "Zsc"), created_at=T0, text="Moi?",
                item_post=PostRef("777"),
            )], T0)  # fmt: skip
        theirs = item_rows.id_of(conn, elsewhere, "n-other")
        assert theirs is not None
        with transaction(conn):  # both claimed now: on their way out from some machine
            for item_id, text in ((mine.id, "@zsc Kyllä!"), (theirs, "@zsc Moi!")):
                assert reply_rows.put(conn, item_id, text, clock.now())
                assert reply_rows.claim(conn, item_id, clock.now())
        engine = create_engine(workspace, clock=clock, alarms=alarms, publishers=publishers)
        engine.start()
        try:

            def state(item_id: int) -> CommentState:
                row = reply_rows.get(conn, item_id)
                assert row is not None
                return row.state

            assert state(mine.id) is CommentState.SENDING  # another machine may be sending
            alarms.advance(14 * 60)
            assert state(mine.id) is CommentState.SENDING
            assert len(server.statuses) == 0
            alarms.advance(61)  # claimed 15 minutes ago: nobody can still be sending it
            assert state(mine.id) is CommentState.SENT
            assert len(server.statuses) == 1
            assert state(theirs) is CommentState.SENDING  # left for the machine with its token
        finally:
            engine.shutdown()
    assert server.problems == []
