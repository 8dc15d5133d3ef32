"""Threads replies in the inbox, against a loopback Graph server whose answers are shaped by
Meta's documented example for ``GET /{media-id}/conversation`` (Threads docs, "Retrieve Media
Replies and Conversations", https://developers.facebook.com/docs/threads/retrieve-and-manage-
replies/replies-and-conversations/ — the example answer is

    {"data": [{"id": "1234567890", "text": "First Reply",
               "timestamp": "2024-01-01T18:20:00+0000", "media_product_type": "THREADS",
               "media_type": "TEXT_POST", "shortcode": "abcdefg", "has_replies": true,
               "root_post": {"id": "1234567890"}, "replied_to": {"id": "1234567890"},
               "is_reply": true, "hide_status": "NOT_HUSHED"}, ...],
     "paging": {"cursors": {"before": "BEFORE_CURSOR", "after": "AFTER_CURSOR"}}}

with ``username`` and ``permalink`` as further fields). The recent posts are walked one by
one, each back to the stored position, a walk cut short by the budget goes on next round,
our own replies are not entries, and an answer goes out once as ``reply_to_id``.

Hiding a reply: ``POST /{threads-reply-id}/manage_reply`` with ``hide=true``, answered as the
documented example does, ``{"success": true}`` (Threads docs, "Reply Management", Hide
Replies: https://developers.facebook.com/documentation/threads/reply-management). Read back,
``hide_status`` is ``HIDDEN``, and ``UNHUSHED`` once shown again (values ``NOT_HUSHED,
UNHUSHED, HIDDEN`` in Meta's Threads Postman collection, mirrored in api-evangelist/threads-api;
``COVERED`` too, as answers carry it, see ``networks.meta.threads_inbox``)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.inbox.service import InboxService
from somestudio.app.workspace import Workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.actions import InboxAction
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.meta.publish import ThreadsPublisher
from somestudio.networks.meta.threads_inbox import FIELDS
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from tests.networks.support import MemoryCredentials

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def reply(
    number: int, post: str, minute: int, *, mine: bool = False, status: str = "NOT_HUSHED"
) -> dict[str, object]:
    """A reply as the documented example shows one (plus username, permalink)."""
    return {
        "id": str(number),
        "text": f"Vastaus {number}",
        "username": "kahvila" if mine else f"asiakas{number}",
        "permalink": f"https://www.threads.net/@x/post/r{number}",
        "timestamp": f"2026-11-20T10:{minute:02}:00+0000",
        "media_product_type": "THREADS",
        "media_type": "TEXT_POST",
        "shortcode": f"r{number}",
        "has_replies": False,
        "root_post": {"id": post},
        "replied_to": {"id": post},
        "is_reply": True,
        "is_reply_owned_by_me": mine,
        "hide_status": status,
    }


@dataclass
class Graph:
    posts: list[str] = field(default_factory=lambda: ["P2", "P1"])  # newest first
    replies: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # oldest first
    asked: list[str] = field(default_factory=list)
    published: list[dict[str, list[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hidden: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)
    url: str = ""


def _handler(state: Graph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            path = parts.path.removeprefix("/v1.0/")
            state.asked.append(path + ("@" + query["after"] if "after" in query else ""))
            if self.headers.get("Authorization") != "Bearer threads-token":
                state.problems.append(f"no token on {path}")
            if path == "me/threads":
                self._send({"data": [{"id": p} for p in state.posts]})
            elif path.endswith("/conversation"):
                if query.get("fields") != FIELDS or query.get("reverse") != "true":
                    state.problems.append(f"asked {query}")
                newest = state.replies.get(path.split("/")[0], [])[::-1]
                start = int(query.get("after", "0"))
                size = int(query["limit"])
                page = newest[start : start + size]
                body: dict[str, object] = {"data": page}
                cursors = {"before": str(start), "after": str(start + size)}
                body["paging"] = {"cursors": cursors}
                if start + size < len(newest):
                    body["paging"] = {"cursors": cursors, "next": f"{state.url}/next"}
                self._send(body)
            else:  # the reply container's status
                self._send({"id": path, "status": "FINISHED"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = parse_qs(self.rfile.read(length).decode())
            path = urlsplit(self.path).path.removeprefix("/v1.0/")
            if path.endswith("/manage_reply"):
                state.hidden.append((path, form))
                self._send({"success": True})
            elif path == "me/threads":
                state.published.append(form)
                self._send({"id": f"C{len(state.published)}"})
            else:
                self._send({"id": f"R{len(state.published)}"})

    return Handler


@dataclass
class Rig:
    graph: Graph
    collector: InboxCollector
    service: InboxService
    account_id: int
    workspace: Workspace
    publishers: PublisherRegistry


class Clock:
    """Ten minutes before the collector's read (``T0``): a hide made before it."""

    def now(self) -> datetime:
        return T0 - timedelta(minutes=10)

    def monotonic(self) -> float:
        return 0.0


@pytest.fixture
def rig(workspace: Workspace) -> Iterator[Rig]:
    state = Graph()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account_id = account_rows.add_account(
                conn, Network.THREADS, "@kahvila", publish_method=PublishMethod.API
            )
        publisher = ThreadsPublisher(
            create_session,
            MemoryCredentials({account_id: {"access_token": "threads-token"}}),
            base=f"{state.url}/v1.0",
            clock=T0.timestamp,
        )
        publisher.comment_sleep = lambda _s: None
        publishers = PublisherRegistry()
        publishers.register(publisher, method=PublishMethod.API, network=Network.THREADS)
        collector = InboxCollector(
            workspace.writable_connection, publishers, now=lambda: T0, pages=3
        )
        service = InboxService(workspace.writable_connection, publishers, collector=collector)
        yield Rig(state, collector, service, account_id, workspace, publishers)
    finally:
        server.shutdown()
        server.server_close()


def _ids(rig: Rig) -> list[str]:
    return sorted(
        i.incoming.network_item_id for i in rig.service.items(InboxQuery(done=None, limit=500))
    )


def test_replies_under_recent_posts_are_read_once_and_a_cut_short_walk_goes_on(rig: Rig) -> None:
    rig.graph.replies = {
        "P1": [reply(1, "P1", 1), reply(2, "P1", 2, mine=True)],
        "P2": [reply(3, "P2", 3)],
    }
    first = rig.collector.refresh()
    assert first.errors == [] and first.added == 2
    assert _ids(rig) == ["1", "3"]  # our own reply is not an entry
    position = cursor_rows.load(rig.workspace.connection(), rig.account_id).cursor.position
    assert position == "2026-11-20T10:03:00Z"

    # 30 new replies under P2 (two pages) and one under P1: three requests a round.
    rig.graph.replies["P2"] += [reply(100 + n, "P2", 10 + n) for n in range(30)]
    rig.graph.replies["P1"].append(reply(200, "P1", 45))
    rig.graph.asked.clear()
    cut = rig.collector.refresh()
    assert cut.added == 30
    state = cursor_rows.load(rig.workspace.connection(), rig.account_id)
    assert state.cursor.walking and state.cursor.position == position
    ended = rig.collector.refresh()
    assert ended.added == 1
    state = cursor_rows.load(rig.workspace.connection(), rig.account_id)
    assert not state.cursor.walking and state.cursor.position == "2026-11-20T10:45:00Z"
    assert rig.graph.asked == [
        "me/threads", "P2/conversation", "P2/conversation@25",
        "me/threads", "P1/conversation",
    ]  # fmt: skip
    assert len(_ids(rig)) == 2 + 31
    assert rig.collector.refresh().added == 0
    assert rig.graph.problems == []


def test_an_answer_goes_out_once_as_a_reply_to_the_reply(rig: Rig) -> None:
    rig.graph.replies = {"P1": [reply(1, "P1", 1)]}
    rig.collector.refresh()
    (item,) = rig.service.items()
    assert (item.author.handle, item.text) == ("@asiakas1", "Vastaus 1")
    assert item.incoming.root is not None and item.incoming.root.remote_id == "P1"
    outcome = rig.service.reply(item.id, "Kiitos!")
    assert outcome.state is CommentState.SENT
    (sent,) = rig.graph.published
    assert (sent["reply_to_id"], sent["text"]) == (["1"], ["Kiitos!"])
    assert rig.service.items() == []


def test_a_reply_is_hidden_once_through_manage_reply(rig: Rig) -> None:
    rig.graph.replies = {"P1": [reply(1, "P1", 1)]}
    rig.collector.refresh()
    (item,) = rig.service.items()
    assert rig.service.act(item.id, InboxAction.HIDE) is True
    assert rig.service.act(item.id, InboxAction.HIDE) is False  # hidden: not asked again
    assert rig.graph.hidden == [("1/manage_reply", {"hide": ["true"]})]
    hidden = rig.service.item(item.id)
    assert hidden is not None and hidden.hidden_at is not None and not hidden.done
    assert rig.graph.published == [] and rig.graph.problems == []


def test_a_reply_hidden_on_threads_says_so_and_follows_what_threads_says(rig: Rig) -> None:
    rig.graph.replies = {
        "P1": [
            reply(1, "P1", 1),
            reply(2, "P1", 2, status="HIDDEN"),  # hidden on Threads, not from here
            reply(3, "P1", 3, status="COVERED"),
            reply(4, "P1", 4),
        ]
    }
    assert rig.collector.refresh().added == 4
    items = {i.incoming.network_item_id: i for i in rig.service.items(InboxQuery(done=None))}
    assert items["2"].problem == items["3"].problem == "entry.hidden_elsewhere"
    assert items["1"].problem == items["4"].problem == ""
    assert items["2"].hidden_at is None

    # We hide 4 from here (before the next read); on Threads 2 is shown again, 1 hidden.
    hider = InboxService(rig.workspace.writable_connection, rig.publishers, clock=Clock())
    assert hider.act(items["4"].id, InboxAction.HIDE) is True
    rig.graph.replies["P1"] = [
        reply(1, "P1", 1, status="HIDDEN"),
        reply(2, "P1", 2, status="UNHUSHED"),
        reply(3, "P1", 3, status="COVERED"),
        reply(4, "P1", 4, status="HIDDEN"),
    ]
    assert rig.collector.refresh().added == 0
    again = {i.incoming.network_item_id: i for i in rig.service.items(InboxQuery(done=None))}
    assert sorted(again) == ["1", "2", "3", "4"]  # nothing added twice, nothing dropped
    assert again["1"].problem == "entry.hidden_elsewhere"
    assert again["2"].problem == ""
    assert again["3"].problem == "entry.hidden_elsewhere"
    assert again["4"].problem == "" and again["4"].hidden_at is not None  # ours, not theirs

    # Someone shows 4 again on Threads: it is no longer hidden here either.
    rig.graph.replies["P1"][3] = reply(4, "P1", 4, status="UNHUSHED")
    rig.collector.refresh()
    shown = rig.service.item(again["4"].id)
    assert shown is not None and shown.hidden_at is None and shown.problem == ""
    assert rig.graph.hidden == [("4/manage_reply", {"hide": ["true"]})]
    assert rig.graph.problems == []
