"""X mentions in the inbox, only when the user turns reading on (X bills reads), against a
loopback server whose requests and answers are checked against X's own OpenAPI document
(/work/shared/reference/openapi/x.json: ``GET /2/users/{id}/mentions`` query parameters and
its ``GetUsersMentionsResponse``; ``POST /2/tweets`` for the answer), as the X publishing
tests do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.inbox.service import InboxService
from somestudio.app.workspace import Workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.x.publish import XPublisher
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from tests.networks.openapi import spec

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
MENTIONS = "/2/users/{id}/mentions"


def post(number: int, *, reply_to: str = "", conversation: str = "") -> dict[str, object]:
    body: dict[str, object] = {
        "id": str(1_860_000_000_000_000_000 + number),
        "text": f"@aurinko hei {number}",
        "author_id": f"u{number % 3}",
        "created_at": f"2026-11-20T10:{number % 60:02}:00.000Z",
        "conversation_id": conversation or str(1_860_000_000_000_000_000 + number),
        "edit_history_post_ids": [str(1_860_000_000_000_000_000 + number)],
    }
    if reply_to:
        body["referenced_posts"] = [{"type": "replied_to", "id": reply_to}]
    return body


@dataclass
class X:
    posts: list[dict[str, object]] = field(default_factory=list)  # newest first
    asked: list[dict[str, str]] = field(default_factory=list)
    made: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _serve(httpserver: HTTPServer, state: X) -> None:
    def mentions(request: Request) -> Response:
        query = request.args.to_dict()
        state.asked.append(query)
        state.problems += spec("x.json").query_errors("GET", MENTIONS, query)
        newer = [p for p in state.posts if int(str(p["id"])) > int(query.get("since_id", "0") or 0)]
        start = int(query.get("pagination_token", "0") or 0)
        size = int(query["max_results"])
        page = newer[start : start + size]
        body: dict[str, Any] = {"meta": {"result_count": len(page)}}
        if page:
            body["data"] = page
            users = sorted({str(p["author_id"]) for p in page})
            body["includes"] = {
                "users": [
                    {"id": u, "name": f"Nimi {u}", "username": f"kayttaja_{u}"} for u in users
                ]
            }
            body["meta"] |= {"newest_id": page[0]["id"], "oldest_id": page[-1]["id"]}
        if start + size < len(newer):
            body["meta"]["next_token"] = str(start + size)
        state.problems += spec("x.json").response_errors("GET", MENTIONS, body)
        return Response(json.dumps(body), 200, content_type="application/json")

    def tweets(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/tweets", body)
        state.made.append(body)
        answer = {"data": {"id": f"20{len(state.made)}", "text": body["text"]}}
        return Response(json.dumps(answer), 201, content_type="application/json")

    httpserver.expect_request("/2/users/me").respond_with_json(
        {"data": {"id": "42", "name": "Aurinko", "username": "aurinko"}}
    )
    httpserver.expect_request("/2/users/42/mentions").respond_with_handler(mentions)
    httpserver.expect_request("/2/tweets", method="POST").respond_with_handler(tweets)


@dataclass
class Rig:
    x: X
    collector: InboxCollector
    service: InboxService
    account_id: int
    workspace: Workspace
    clock: list[datetime]

    def later(self) -> None:
        """A quarter hour on: the request budget (three a quarter hour) is whole again."""
        self.clock[0] += timedelta(minutes=15)


@pytest.fixture
def rig(workspace: Workspace, httpserver: HTTPServer) -> Iterator[Rig]:
    state = X()
    _serve(httpserver, state)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_id = account_rows.add_account(
            conn, Network.X, "@aurinko", publish_method=PublishMethod.API,
            options={"client_id": "cid"},
        )  # fmt: skip
    from tests.networks.support import MemoryCredentials  # noqa: PLC0415

    creds = MemoryCredentials(
        {account_id: {"access_token": "x-token", "refresh_token": "r", "expires_at": "9999999999"}}
    )
    publisher = XPublisher(create_session, creds, api=httpserver.url_for(""))
    publishers = PublisherRegistry()
    publishers.register(publisher, method=PublishMethod.API, network=Network.X)
    clock = [T0]
    collector = InboxCollector(
        workspace.writable_connection, publishers, now=lambda: clock[0], pages=2
    )
    service = InboxService(workspace.writable_connection, publishers, collector=collector)
    yield Rig(state, collector, service, account_id, workspace, clock)


def test_nothing_is_read_until_the_user_turns_reading_on(rig: Rig) -> None:
    rig.x.posts = [post(1)]
    report = rig.collector.refresh()
    assert report.outcomes[0].skipped == "not turned on"
    assert rig.x.asked == [] and rig.service.items() == []
    (source,) = rig.service.sources()
    assert not source.reads

    assert rig.service.set_reading(rig.account_id, True)
    assert rig.service.sources()[0].reads
    assert rig.collector.refresh().added == 1
    assert rig.service.set_reading(rig.account_id, False)
    rig.x.posts.insert(0, post(2))
    assert rig.collector.refresh().added == 0 and len(rig.x.asked) == 1


def test_mentions_are_read_once_back_to_the_last_one_and_a_cut_walk_goes_on(rig: Rig) -> None:
    rig.service.set_reading(rig.account_id, True)
    rig.x.posts = [post(n) for n in reversed(range(1, 6))]
    assert rig.collector.refresh().added == 5
    position = cursor_rows.load(rig.workspace.connection(), rig.account_id).cursor.position
    assert position.lstrip("0") == str(post(5)["id"])

    # 250 new mentions: three pages of 100, two pages a round; since_id holds across the cut.
    rig.x.posts = [post(n) for n in reversed(range(6, 256))] + rig.x.posts
    rig.x.asked.clear()
    assert rig.collector.refresh().added == 200
    state = cursor_rows.load(rig.workspace.connection(), rig.account_id)
    assert state.cursor.walking and state.cursor.position == position
    # Three requests this quarter hour: the next round waits (every read is billed).
    assert rig.collector.refresh().outcomes[0].skipped == "over the request budget"
    rig.later()
    assert rig.collector.refresh().added == 50
    state = cursor_rows.load(rig.workspace.connection(), rig.account_id)
    assert not state.cursor.walking
    assert state.cursor.position.lstrip("0") == str(post(255)["id"])
    assert {q.get("since_id") for q in rig.x.asked} == {str(post(5)["id"])}
    assert [q.get("pagination_token") for q in rig.x.asked] == [None, "100", "200"]
    rig.later()
    assert rig.collector.refresh().added == 0
    assert len(rig.service.items(InboxQuery(done=None, limit=500))) == 255
    assert rig.x.problems == []


def test_a_reply_is_answered_once_in_its_thread(rig: Rig) -> None:
    rig.service.set_reading(rig.account_id, True)
    rig.x.posts = [post(7, reply_to="1999", conversation="1999")]
    rig.collector.refresh()
    (item,) = rig.service.items()
    assert item.kind is InboxKind.REPLY
    assert (item.author.handle, item.author.name) == ("@kayttaja_u1", "Nimi u1")
    assert item.incoming.root is not None and item.incoming.root.remote_id == "1999"
    outcome = rig.service.reply(item.id, "Kiitos!")
    assert outcome.state is CommentState.SENT
    assert rig.x.made == [
        {"text": "Kiitos!", "reply": {"in_reply_to_tweet_id": str(post(7)["id"])}}
    ]
    assert rig.x.problems == []


def test_every_collector_spends_one_budget_also_after_a_restart(rig: Rig) -> None:
    """The engine's rounds, the page's refresh and the command line each make their own
    collector: X's three billed requests a quarter hour are counted for all of them."""
    rig.service.set_reading(rig.account_id, True)
    rig.x.posts = [post(n) for n in reversed(range(1, 251))]  # three pages
    assert rig.collector.refresh().added == 200  # two requests (two pages a round)
    other = InboxCollector(
        rig.workspace.writable_connection, rig.collector._publishers, now=lambda: rig.clock[0]
    )
    assert other.refresh().added == 50  # the third request, from another collector
    third = InboxCollector(
        rig.workspace.writable_connection, rig.collector._publishers, now=lambda: rig.clock[0]
    )  # as after a restart: nothing in memory
    rig.x.posts.insert(0, post(251))
    assert third.refresh().outcomes[0].skipped == "over the request budget"
    assert len(rig.x.asked) == 3
    rig.later()
    assert third.refresh().added == 1
    assert len(rig.x.asked) == 4
