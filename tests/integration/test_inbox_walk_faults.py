"""A Bluesky walk back from the newest notification when a page fails: the pages already
stored stay, the position does not move past what was not read, and the next round reads
exactly what was missed. The real reader (networks/bluesky/inbox.py), collector and store;
only the XRPC answers are canned (the live network is tests/integration/
test_inbox_bluesky_appview.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.problems import ReadProblem
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import AuthExpired, PublishError, Retryable
from somestudio.networks.bluesky import inbox as bluesky_inbox
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import items as item_rows

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def like(n: int) -> dict[str, Any]:
    at = (T0 + timedelta(minutes=n)).isoformat().replace("+00:00", ".000Z")
    return {
        "uri": f"at://did:plc:bob/app.bsky.feed.like/{n:04}",
        "cid": f"cid{n}",
        "author": {"did": "did:plc:bob", "handle": "bob.test"},
        "reason": "like",
        "reasonSubject": "at://did:plc:me/app.bsky.feed.post/p1",
        "record": {},
        "indexedAt": at,
    }


@dataclass
class Xrpc:
    """listNotifications over ``notes`` (newest first); ``faults`` per coming call."""

    notes: list[dict[str, Any]] = field(default_factory=list)
    faults: list[PublishError | None] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def call(self, verb: str, method: str, **kw: Any) -> Any:
        params = kw["params"]
        self.calls.append(str(params.get("cursor", "")))
        fault = self.faults.pop(0) if self.faults else None
        if fault is not None:
            raise fault
        start = int(params.get("cursor", "0"))
        end = start + int(params["limit"])
        body: dict[str, Any] = {"notifications": self.notes[start:end]}
        if end < len(self.notes):
            body["cursor"] = str(end)
        return body


@dataclass
class Reader:
    xrpc: Xrpc
    reconcile_is_conclusive: bool = True

    def publish(self, delivery: object) -> object:
        raise NotImplementedError

    def reconcile(self, delivery: object) -> object:
        raise NotImplementedError

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        return bluesky_inbox.read(
            self.xrpc,  # type: ignore[arg-type]
            lambda call: call("access-jwt", "did:plc:me"),
            cursor,
            pages,
        )

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        pass


def _setup(workspace: Workspace, xrpc: Xrpc) -> tuple[InboxCollector, int]:
    conn = workspace.writable_connection()
    with transaction(conn):
        account_id = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", instance_url="http://127.0.0.1:9",
            publish_method=PublishMethod.API,
        )  # fmt: skip
    publishers = PublisherRegistry()
    publishers.register(Reader(xrpc), method=PublishMethod.API, network=Network.BLUESKY)  # type: ignore[arg-type]
    return InboxCollector(workspace.writable_connection, publishers, now=lambda: T0), account_id


def _stored(workspace: Workspace) -> list[str]:
    items = item_rows.find(workspace.connection(), InboxQuery(limit=1000))
    return sorted(i.incoming.network_item_id.rsplit("/", 1)[1] for i in items)


def test_a_failed_page_mid_walk_keeps_what_was_read_and_the_next_round_reads_the_rest(
    workspace: Workspace, monkeypatch: Any
) -> None:
    monkeypatch.setattr(bluesky_inbox, "PAGE_SIZE", 2)
    xrpc = Xrpc(notes=[like(n) for n in (2, 1)])
    collector, account_id = _setup(workspace, xrpc)
    assert collector.refresh().added == 2
    old = cursor_rows.load(workspace.connection(), account_id).cursor.position

    xrpc.notes = [like(n) for n in range(9, 0, -1)]  # 9..3 are new
    xrpc.faults = [None, Retryable("HTTP 502", http_status=502)]  # the second page fails
    failed = collector.refresh()
    assert failed.added == 2 and failed.outcomes[0].problem == ReadProblem.SERVER
    state = cursor_rows.load(workspace.connection(), account_id)
    assert state.cursor.position == old  # not past what was not read
    assert state.cursor.resume == "2" and state.problem == "inbox.server"
    assert _stored(workspace) == ["0001", "0002", "0008", "0009"]

    done = collector.refresh()
    assert done.errors == [] and done.added == 5
    assert _stored(workspace) == [f"{n:04}" for n in range(1, 10)]
    state = cursor_rows.load(workspace.connection(), account_id)
    assert not state.cursor.walking and state.problem == ""
    assert state.cursor.position == like(9)["indexedAt"]
    # The failed page is asked again; the walk stops at the first entry older than the old
    # position (an entry at the position itself is read again: ties are never skipped).
    assert xrpc.calls == ["", "", "2", "2", "4", "6", "8"]


def test_an_expired_sign_in_is_said_by_code_and_loses_nothing(workspace: Workspace) -> None:
    xrpc = Xrpc(notes=[like(1)])
    collector, account_id = _setup(workspace, xrpc)
    collector.refresh()
    xrpc.faults = [AuthExpired("the session expired", http_status=401)]
    report = collector.refresh()
    assert report.outcomes[0].problem == ReadProblem.SIGN_IN
    assert cursor_rows.load(workspace.connection(), account_id).problem == "inbox.sign_in"
    assert _stored(workspace) == ["0001"]
