"""The Mastodon inbox against a loopback server whose every answer and query is checked
against Mastodon's OpenAPI description (tests/integration/mastodon_inbox_server.py): the
notifications are stored once each, paged forward with ``min_id`` across rounds and restarts,
a failed page loses nothing, and an answer goes out once as a reply naming the person."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.inbox.service import InboxError, InboxService
from somestudio.app.workspace import Workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.actions import InboxAction
from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import replies as reply_rows
from tests.integration.mastodon_inbox_server import (
    Server,
    account,
    mastodon_inbox,
    notification,
    status,
)
from tests.networks.support import MemoryCredentials

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ME = account(7, "me")
ZSC = account(971724, "zsc", "Zsc")
HASKAL = account(297420, "haskal@cybre.space", "haskal")


@dataclass
class Clock:
    at: datetime = T0

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - T0).total_seconds()


@dataclass
class Rig:
    server: Server
    workspace: Workspace
    service: InboxService
    collector: InboxCollector
    clock: Clock
    account_id: int


@pytest.fixture
def rig(workspace: Workspace) -> Iterator[Rig]:
    with mastodon_inbox() as server:
        conn = workspace.writable_connection()
        with transaction(conn):
            account_id = account_rows.add_account(
                conn,
                Network.MASTODON,
                "@me@example.social",
                instance_url=server.url,
                publish_method=PublishMethod.API,
                options={"user_id": "7"},
            )
        clock = Clock()
        credentials = MemoryCredentials({account_id: {"access_token": "tok-inbox"}})
        publishers = PublisherRegistry()
        publisher = MastodonPublisher(
            create_session, credentials, timeout=(2.0, 2.0), now=clock.now
        )
        publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
        collector = InboxCollector(workspace.writable_connection, publishers, now=clock.now)
        service = InboxService(
            workspace.writable_connection, publishers, clock=clock, collector=collector
        )
        yield Rig(server, workspace, service, collector, clock, account_id)


def _first_three(server: Server) -> None:
    ours = status(500, ME, "<p>Kirjasto on auki</p>")
    reply = status(
        501, ZSC, '<p><span class="h-card">@<span>me</span></span> Milloin&nbsp;tänään?</p>',
        reply_to=("500", "7"),
    )  # fmt: skip
    server.add(
        notification(10, "mention", ZSC, "2026-11-20T10:01:00.000Z", reply),
        notification(11, "favourite", HASKAL, "2026-11-20T10:02:00.000Z", ours),
        notification(12, "follow", HASKAL, "2026-11-20T10:03:00.000Z", None),
        notification(13, "poll", HASKAL, "2026-11-20T10:04:00.000Z", ours),  # not kept
    )


def test_each_notification_is_stored_once_and_the_next_round_asks_after_the_newest(
    rig: Rig,
) -> None:
    _first_three(rig.server)
    report = rig.service.refresh()
    assert report.errors == [] and report.added == 3
    items = rig.service.items()
    assert [i.kind for i in items] == [InboxKind.FOLLOW, InboxKind.LIKE, InboxKind.REPLY]
    reply = items[-1]
    assert reply.text == "@me Milloin\xa0tänään?"
    assert (reply.author.handle, reply.author.name) == ("@zsc", "Zsc")
    assert reply.incoming.subject is not None and reply.incoming.subject.remote_id == "500"
    assert items[1].incoming.subject is not None and items[1].incoming.subject.remote_id == "500"
    assert rig.service.counts().unread == 3

    assert rig.service.refresh().added == 0  # nothing new: the same three, once each
    assert rig.server.asked[-1]["min_id"] == ["13"]  # after the newest seen, even a skipped one
    assert len(rig.service.items()) == 3
    assert rig.server.problems == []


def test_a_burst_is_paged_forward_and_a_failed_page_loses_nothing(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    burst = [
        notification(100 + n, "mention", ZSC, f"2026-11-20T11:{n // 60:02}:{n % 60:02}.000Z",
                     status(2000 + n, ZSC, f"<p>viesti {n}</p>"))
        for n in range(170)
    ]  # fmt: skip
    rig.server.add(*burst)
    first = len(rig.server.asked)
    rig.server.faults += [None, 503]  # the first page comes back, the second fails
    failed = rig.service.refresh()
    assert failed.added == 80 and "503" in failed.errors[0]
    state = cursor_rows.load(rig.workspace.connection(), rig.account_id)
    assert state.cursor.position == "179" and state.failures == 1  # after the stored page
    assert state.next_read_at is not None and state.next_read_at > rig.clock.at
    assert rig.collector.run_due() is not None  # backing off: not asked
    assert len(rig.server.asked) == first + 2
    rig.clock.at += timedelta(minutes=5)
    report = rig.collector.run_due()
    assert report is not None and report.errors == [] and report.added == 90
    items = rig.service.items(InboxQuery(limit=1000))
    assert len(items) == 3 + 170
    assert len({i.incoming.network_item_id for i in items}) == 173
    assert [q.get("min_id") for q in rig.server.asked[first:]] == [
        ["13"], ["179"], ["179"], ["259"]
    ]  # fmt: skip
    assert rig.server.problems == []


def test_an_answer_goes_out_once_as_a_reply_that_names_the_person(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    outcome = rig.service.reply(reply.id, "Kello 10–18 ☕")
    assert outcome.state is CommentState.SENT
    (body,) = rig.server.posts
    assert body["status"] == "@zsc Kello 10–18 ☕"
    assert body["in_reply_to_id"] == "501"
    with pytest.raises(InboxError) as taken:
        rig.service.reply(reply.id, "Toinen vastaus")
    assert taken.value.code == "reply.taken"
    assert len(rig.server.posts) == 1
    done = rig.service.item(reply.id)
    assert done is not None and done.done and not done.unread and done.reply_state == "sent"
    conversation = rig.service.conversation(reply.id)
    assert conversation is not None and [a[1] for a in conversation.attempts] == ["published"]
    assert rig.service.items() == [i for i in rig.service.items() if i.id != reply.id]
    assert rig.server.problems == []


def test_likes_and_follows_take_no_answer_and_an_empty_answer_is_refused(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    like = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.LIKE})))[0]
    with pytest.raises(InboxError) as refused:
        rig.service.reply(like.id, "Kiitos")
    assert refused.value.code == "reply.not_answerable"
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    with pytest.raises(InboxError) as empty:
        rig.service.reply(reply.id, "   ")
    assert empty.value.code == "reply.empty"
    with pytest.raises(InboxError) as too_long:
        rig.service.reply(reply.id, "x" * 501)
    assert too_long.value.code == "reply.checks"
    assert rig.server.posts == []


def test_a_rate_limit_pauses_the_account_and_the_page_learns_why(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    rig.server.faults.append(429)
    limited = rig.service.refresh()
    assert limited.added == 0 and "429" in limited.errors[0]
    (status,) = rig.service.sources()
    assert (status.network, status.reads) == (Network.MASTODON, True)
    assert "429" in status.last_error and status.next_read_at is not None
    assert status.problem == "inbox.rate_limit"
    assert len(rig.service.items()) == 3  # what was read stays
    asked = len(rig.server.asked)
    assert status.next_read_at == rig.clock.at + timedelta(seconds=600)  # also after a restart
    rig.clock.at += timedelta(minutes=3)  # past the usual back-off, not past Retry-After
    assert rig.collector.run_due() is not None
    assert len(rig.server.asked) == asked
    rig.clock.at += timedelta(minutes=8)
    report = rig.collector.run_due()
    assert report is not None and report.errors == []
    assert len(rig.server.asked) == asked + 1
    (status,) = rig.service.sources()
    assert status.last_error == "" and status.last_read_at == rig.clock.at
    assert status.problem == ""


def test_an_answer_that_may_have_gone_out_is_not_sent_again_blindly(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        assert reply_rows.put(conn, reply.id, "@zsc Hei", rig.clock.at)
        assert reply_rows.claim(conn, reply.id, rig.clock.at)
        assert reply_rows.move(
            conn, reply.id, CommentState.NEEDS_ATTENTION, rig.clock.at,
            only_from=(CommentState.SENDING,), last_error="no answer from the server",
        )  # fmt: skip
    with pytest.raises(InboxError) as unknown:
        rig.service.reply(reply.id, "Hei taas")
    assert unknown.value.code == "reply.unknown" and "no answer from the server" in str(
        unknown.value
    )
    assert rig.server.posts == []
    conversation = rig.service.conversation(reply.id)
    assert conversation is not None and conversation.reply is not None
    assert conversation.reply.state is CommentState.NEEDS_ATTENTION
    assert [i.id for i in conversation.thread] == [reply.id]


def test_a_reply_is_favourited_once_and_liking_again_asks_nothing(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    assert rig.service.act(reply.id, InboxAction.LIKE) is True
    assert rig.server.favourited == {"501": 1}  # the person's status, not ours
    liked = rig.service.item(reply.id)
    assert liked is not None and liked.liked_at == rig.clock.at and liked.problem == ""
    assert rig.service.act(reply.id, InboxAction.LIKE) is False  # already: not asked again
    assert rig.server.favourited == {"501": 1}
    assert rig.server.problems == []


def test_liking_what_is_no_post_or_hiding_on_mastodon_is_refused_without_a_request(
    rig: Rig,
) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    follow = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.FOLLOW})))[0]
    with pytest.raises(InboxError) as no_post:
        rig.service.act(follow.id, InboxAction.LIKE)
    assert no_post.value.code == "action.kind"
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    with pytest.raises(InboxError) as no_hiding:
        rig.service.act(reply.id, InboxAction.HIDE)
    assert no_hiding.value.code == "action.network"
    assert rig.server.favourited == {}


def test_a_deleted_status_is_said_on_the_entry_which_stays(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    rig.server.favourite_faults.append((404, "Record not found"))
    with pytest.raises(InboxError) as gone:
        rig.service.act(reply.id, InboxAction.LIKE)
    assert gone.value.code == "entry.gone"
    kept = rig.service.item(reply.id)
    assert kept is not None and kept.problem == "entry.gone" and kept.liked_at is None
    assert len(rig.service.items()) == 3
    rig.server.favourite_faults.append((401, "The access token was revoked"))
    with pytest.raises(InboxError) as expired:
        rig.service.act(reply.id, InboxAction.LIKE)
    assert expired.value.code == "inbox.sign_in"
    rig.server.favourite_faults.append((429, "Too many requests"))
    with pytest.raises(InboxError) as limited:
        rig.service.act(reply.id, InboxAction.LIKE)
    assert limited.value.code == "inbox.rate_limit"
    assert rig.service.act(reply.id, InboxAction.LIKE) is True  # the next try goes through
    cleared = rig.service.item(reply.id)
    assert cleared is not None and cleared.problem == "" and cleared.liked_at is not None


def test_an_answer_to_a_deleted_status_leaves_the_entry_saying_so(rig: Rig) -> None:
    _first_three(rig.server)
    rig.service.refresh()
    reply = rig.service.items(InboxQuery(kinds=frozenset({InboxKind.REPLY})))[0]
    rig.server.replied_gone.add("501")
    outcome = rig.service.reply(reply.id, "Kello 10–18")
    assert outcome.state is CommentState.FAILED
    kept = rig.service.item(reply.id)
    assert kept is not None and kept.problem == "entry.gone" and not kept.done
    assert reply.id in [i.id for i in rig.service.items()]  # still open, still listed
