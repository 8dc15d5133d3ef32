"""The Bluesky inbox end to end on the real @atproto/dev-env network with its AppView
(PLC, PDS, AppView on PostgreSQL and Redis, all on 127.0.0.1; tests/appview). Alice is our
account; Bob replies to her post, mentions her, likes, quotes and follows. Collected through
Alice's PDS (``listNotifications``), each shows once, also after more rounds; our answer is a
reply record whose root and parent are the thread's, made exactly once, also when the app
stopped mid-send; ``updateSeen`` moves the network's own unread mark."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.inbox.replies import InboxReplies
from somestudio.app.inbox.service import InboxError, InboxService
from somestudio.app.workspace import Workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.items import InboxItem, InboxKind
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.bluesky import inbox as bluesky_inbox
from somestudio.networks.bluesky.publish import BlueskyClient, BlueskyPublisher, bundle_of
from somestudio.networks.http import Http, create_session
from somestudio.scheduling.clock import SYSTEM_CLOCK
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import replies as reply_rows
from tests.appview.network import AppViewNetwork, running_appview
from tests.networks.support import MemoryCredentials
from tests.pds.bluesky import get_record
from tests.pds.server import Pds, create_account, list_posts

pytestmark = pytest.mark.slow
POST = "app.bsky.feed.post"


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppViewNetwork]:
    with running_appview(tmp_path_factory.mktemp("appview")) as running:
        yield running


def _session(pds: str, handle: str, password: str) -> tuple[str, str]:
    answer = requests.post(
        f"{pds}/xrpc/com.atproto.server.createSession",
        json={"identifier": handle, "password": password},
        timeout=30,
    )
    answer.raise_for_status()
    return str(answer.json()["accessJwt"]), str(answer.json()["did"])


def _create(
    pds: str, jwt: str, did: str, collection: str, record: dict[str, Any]
) -> dict[str, str]:
    answer = requests.post(
        f"{pds}/xrpc/com.atproto.repo.createRecord",
        json={"repo": did, "collection": collection, "record": {"$type": collection, **record}},
        headers={"Authorization": f"Bearer {jwt}"},
        timeout=30,
    )
    answer.raise_for_status()
    made: dict[str, str] = answer.json()
    return {"uri": made["uri"], "cid": made["cid"]}


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _settled(network: AppViewNetwork, jwt: str, count: int) -> None:
    """Index what the PDS has, then wait until the AppView lists ``count`` notifications
    (it writes some of them from a background queue after indexing)."""
    network.process()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        listed = requests.get(
            f"{network.pds}/xrpc/app.bsky.notification.listNotifications",
            headers={"Authorization": f"Bearer {jwt}"},
            timeout=30,
        )
        listed.raise_for_status()
        if len(listed.json()["notifications"]) >= count:
            return
        time.sleep(0.2)
    reasons = [n["reason"] for n in listed.json()["notifications"]]
    pytest.fail(f"the AppView did not list {count} notifications: {reasons}")


def _kinds(items: list[InboxItem]) -> list[str]:
    return sorted(i.kind.value for i in items)


def test_bob_s_replies_mentions_likes_and_quotes_reach_alice_s_inbox_once_and_she_answers(
    network: AppViewNetwork, workspace: Workspace
) -> None:
    pds = Pds(network.pds, network.plc)
    alice, bob = create_account(pds, "alice"), create_account(pds, "bob")
    alice_jwt, alice_did = _session(network.pds, alice.handle, alice.app_password)
    bob_jwt, bob_did = _session(network.pds, bob.handle, bob.app_password)
    ours = _create(
        network.pds, alice_jwt, alice_did, POST, {"text": "Kirjasto on auki", "createdAt": _now()}
    )
    # Alice's post indexed first: the AppView indexes repos side by side, and a reply whose
    # parent it has not seen yet gets no notification (about half the runs, before this).
    network.process()
    thread = {"root": ours, "parent": ours}
    reply = _create(network.pds, bob_jwt, bob_did, POST,
                    {"text": "Milloin tänään?", "reply": thread, "createdAt": _now()})  # fmt: skip
    text = f"Hei @{alice.handle}, katso tämä"
    start = len(b"Hei ")
    mention_facet = {
        "index": {"byteStart": start, "byteEnd": start + len(f"@{alice.handle}".encode())},
        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": alice_did}],
    }
    mention = _create(network.pds, bob_jwt, bob_did, POST,
                      {"text": text, "facets": [mention_facet], "createdAt": _now()})  # fmt: skip
    _create(
        network.pds, bob_jwt, bob_did, "app.bsky.feed.like", {"subject": ours, "createdAt": _now()}
    )
    _create(network.pds, bob_jwt, bob_did, POST, {
        "text": "Lainaan tätä", "createdAt": _now(),
        "embed": {"$type": "app.bsky.embed.record", "record": ours},
    })  # fmt: skip
    _create(
        network.pds,
        bob_jwt,
        bob_did,
        "app.bsky.graph.follow",
        {"subject": alice_did, "createdAt": _now()},
    )
    _settled(network, alice_jwt, 5)

    conn = workspace.writable_connection()
    with transaction(conn):
        account_id = account_rows.add_account(
            conn, Network.BLUESKY, f"@{alice.handle}", instance_url=network.pds,
            publish_method=PublishMethod.API, options={"did": alice_did},
        )  # fmt: skip
    client = BlueskyClient(Http(create_session(), "Bluesky"), network.pds)
    session = client.create_session(alice.handle, alice.app_password)
    credentials = MemoryCredentials({account_id: bundle_of(session)})
    publisher = BlueskyPublisher(create_session, credentials)
    publishers = PublisherRegistry()
    publishers.register(publisher, method=PublishMethod.API, network=Network.BLUESKY)
    service = InboxService(workspace.writable_connection, publishers, clock=SYSTEM_CLOCK)

    first = service.refresh()
    assert first.errors == []
    items = service.items()
    assert _kinds(items) == ["follow", "like", "mention", "quote", "reply"]
    assert service.refresh().added == 0  # a second round: each still once
    assert _kinds(service.items()) == ["follow", "like", "mention", "quote", "reply"]

    # One more reply in the thread: the next round adds exactly that one.
    again = {"root": ours, "parent": reply}
    _create(network.pds, bob_jwt, bob_did, POST,
            {"text": "Ja huomenna?", "reply": again, "createdAt": _now()})  # fmt: skip
    _settled(network, alice_jwt, 6)
    assert service.refresh().added == 1
    assert _kinds(service.items()) == ["follow", "like", "mention", "quote", "reply", "reply"]

    # Alice answers Bob's first reply: root is her post, parent Bob's reply; exactly once.
    (asked,) = [i for i in service.items() if i.text == "Milloin tänään?"]
    before = len(list_posts(pds, alice_did))
    outcome = service.reply(asked.id, "Kello 10–18 ☕")
    assert outcome.state is CommentState.SENT, outcome.reason
    made = get_record(pds, reply_rows.get(conn, asked.id).remote_id)  # type: ignore[union-attr]
    assert made["value"]["reply"] == {"root": ours, "parent": reply}
    assert made["value"]["text"] == "Kello 10–18 ☕"
    with pytest.raises(InboxError) as taken:
        service.reply(asked.id, "Uudestaan")
    assert taken.value.code == "reply.taken"
    assert len(list_posts(pds, alice_did)) == before + 1

    # The answer to the mention (a post of its own thread) names it as root and parent.
    (mentioned,) = [i for i in service.items() if i.kind is InboxKind.MENTION]
    # The app stops after the record was made, before the outcome was written: the
    # recovery finds the record by its key and sends nothing more.
    with transaction(conn):
        assert reply_rows.put(conn, mentioned.id, "Kiitos vinkistä!", datetime.now(UTC))
        assert reply_rows.claim(conn, mentioned.id, datetime.now(UTC))
    outgoing = reply_rows.load_outgoing(conn, mentioned.id)
    assert outgoing is not None
    publisher.comment(outgoing)
    replies = InboxReplies(workspace.writable_connection, publishers)
    assert replies.recover() == 1
    row = reply_rows.get(conn, mentioned.id)
    assert row is not None and row.state is CommentState.SENT
    assert get_record(pds, row.remote_id)["value"]["reply"] == {"root": mention, "parent": mention}
    assert len(list_posts(pds, alice_did)) == before + 2
    assert [a[1] for a in reply_rows.attempts(conn, mentioned.id)] == ["reconciled"]

    # The app stops after the claim, before anything was sent: sent once on recovery.
    (quote,) = [i for i in service.items() if i.kind is InboxKind.QUOTE]
    with transaction(conn):
        assert reply_rows.put(conn, quote.id, "Kiitos jaosta!", datetime.now(UTC))
        assert reply_rows.claim(conn, quote.id, datetime.now(UTC))
    replies.recover()
    assert replies.sweep() == 1
    row = reply_rows.get(conn, quote.id)
    assert row is not None and row.state is CommentState.SENT
    assert len(list_posts(pds, alice_did)) == before + 3

    # Read in the app: the network's own unread mark follows (updateSeen).
    assert service.tell_seen(account_id)
    listed = requests.get(
        f"{network.pds}/xrpc/app.bsky.notification.listNotifications",
        headers={
            "Authorization": f"Bearer {_session(network.pds, alice.handle, alice.app_password)[0]}"
        },
        timeout=30,
    )
    listed.raise_for_status()
    assert all(n["isRead"] for n in listed.json()["notifications"])
    # Answered entries are done and read; the like, the follow and Bob's second reply are not.
    counts = service.counts()
    assert (counts.unread, counts.open, counts.unread_answerable) == (3, 3, 1)
    assert len(service.items(InboxQuery(done=None))) == 6


def test_a_walk_back_cut_short_by_the_budget_goes_on_next_round_and_misses_nothing(
    network: AppViewNetwork, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bluesky_inbox, "PAGE_SIZE", 2)
    pds = Pds(network.pds, network.plc)
    carol, dave = create_account(pds, "carol"), create_account(pds, "dave")
    carol_jwt, carol_did = _session(network.pds, carol.handle, carol.app_password)
    dave_jwt, dave_did = _session(network.pds, dave.handle, dave.app_password)
    posts = [
        _create(
            network.pds, carol_jwt, carol_did, POST, {"text": f"Postaus {n}", "createdAt": _now()}
        )
        for n in range(8)
    ]

    def like(n: int) -> None:
        record = {"subject": posts[n], "createdAt": _now()}
        _create(network.pds, dave_jwt, dave_did, "app.bsky.feed.like", record)

    for n in range(3):
        like(n)
    _settled(network, carol_jwt, 3)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_id = account_rows.add_account(
            conn, Network.BLUESKY, f"@{carol.handle}", instance_url=network.pds,
            publish_method=PublishMethod.API,
        )  # fmt: skip
    client = BlueskyClient(Http(create_session(), "Bluesky"), network.pds)
    session = client.create_session(carol.handle, carol.app_password)
    publishers = PublisherRegistry()
    publisher = BlueskyPublisher(
        create_session, MemoryCredentials({account_id: bundle_of(session)})
    )
    publishers.register(publisher, method=PublishMethod.API, network=Network.BLUESKY)
    collector = InboxCollector(workspace.writable_connection, publishers, pages=2)

    assert collector.refresh().added == 2  # the first read starts at the newest page
    for n in range(3, 8):
        like(n)
    _settled(network, carol_jwt, 8)
    cut = collector.refresh()  # two pages of two: the walk has not reached the old mark
    assert (cut.added, cut.errors) == (4, [])
    state = cursor_rows.load(conn, account_id)
    assert state.cursor.walking and state.cursor.resume_top
    top = state.cursor.resume_top  # the newest entry of the walk
    ended = collector.refresh()  # goes on where it stopped, down to the old mark
    assert ended.added == 1
    state = cursor_rows.load(conn, account_id)
    assert not state.cursor.walking and state.cursor.position == top
    subjects = [
        i.incoming.subject.remote_id
        for i in InboxService(workspace.writable_connection, publishers).items()
        if i.account_id == account_id and i.incoming.subject is not None
    ]
    assert sorted(subjects) == sorted(p["uri"] for p in posts[1:])  # each once, none missed
    assert collector.refresh().added == 0
