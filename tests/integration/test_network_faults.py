"""Faults on the wire, through the real engine: the real Mastodon and X clients against an
HTTP server on 127.0.0.1 that fails on cue (500, 503, 429 with Retry-After or a reset
header, a connection reset after the post was made, a stall past the client's timeout,
nothing listening). Each case ends with the post made exactly once, or loudly not."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import parse_utc
from somestudio.networks.http import create_session
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.networks.x.publish import XPublisher
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from tests.integration.scheduling_setup import Rig
from tests.networks.support import MemoryCredentials

S = DeliveryState
TIMEOUT = (2.0, 0.5)  # the client's connect and read timeouts in these tests


@dataclass
class Wire:
    """A Mastodon-like server: statuses deduplicated by Idempotency-Key, faults on cue."""

    faults: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> status
    posts_without_key: list[str] = field(default_factory=list)  # X-like creates
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""


class _Handler(BaseHTTPRequestHandler):
    wire: Wire
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        wire = self.wire
        if self.path.startswith("/2/users/me"):
            self._send(200, {"data": {"id": "42", "username": "me"}})
        elif self.path.startswith("/2/users/42/tweets"):
            with wire.lock:
                data = [{"id": str(i + 1), "text": t} for i, t in enumerate(wire.posts_without_key)]
            self._send(200, {"data": data})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        wire = self.wire
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        key = self.headers.get("Idempotency-Key", "")
        with wire.lock:
            wire.requests += 1
            fault, headers = wire.faults.pop(0) if wire.faults else ("ok", {})
            if fault.isdigit():
                status = None
            elif self.path == "/2/tweets":
                wire.posts_without_key.append(body["text"])
                status = {"id": str(len(wire.posts_without_key)), "text": body["text"]}
            elif "scheduled_at" in body:
                status = wire.statuses.setdefault(
                    key, {"id": f"s{len(wire.statuses)}", "scheduled_at": body["scheduled_at"]}
                )
            else:
                status = wire.statuses.setdefault(
                    key,
                    {
                        "id": str(100 + len(wire.statuses)),
                        "url": f"{wire.url}/@me/{100 + len(wire.statuses)}",
                        "created_at": "2026-11-21T08:00:00Z",
                    },
                )
        if fault.isdigit():
            self._send(int(fault), {"error": f"fault {fault}"}, headers)
            if fault == "500" and self.path == "/2/tweets":
                with wire.lock:  # X made the post, then failed to say so
                    wire.posts_without_key.append(body["text"])
            return
        if fault == "reset":  # made, then the connection dies before any answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if fault == "stall":
            time.sleep(1.2)  # past the client's read timeout
        assert status is not None
        if self.path == "/2/tweets":
            self._send(201, {"data": status})
        else:
            self._send(200, status)


@contextmanager
def wire() -> Iterator[Wire]:
    state = Wire()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("H", (_Handler,), {"wire": state}))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _account(rig: Rig, network: Network, url: str) -> int:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        return account_rows.add_account(
            conn,
            network,
            "@me",
            instance_url=url,
            publish_method=PublishMethod.API,
            options={"client_id": "cid"},
        )


def _mastodon(rig: Rig, url: str) -> int:
    account_id = _account(rig, Network.MASTODON, url)
    credentials = MemoryCredentials({account_id: {"access_token": "tok-123456"}})
    publisher = MastodonPublisher(create_session, credentials, timeout=TIMEOUT, now=rig.clock.now)
    rig.publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
    return account_id


@dataclass(frozen=True)
class Row:
    outcome: str
    error_kind: str | None
    http_status: int | None
    message: str
    retry_at: datetime | None


def _attempts(rig: Rig, delivery: int) -> list[Row]:
    found = run(
        rig.workspace.store_connection(),
        Sql(
            "SELECT outcome, error_kind, http_status, message, retry_at FROM attempts"
            " WHERE delivery_id = :id ORDER BY id"
        ),
        {"id": delivery},
    )
    return [Row(r[0], r[1], r[2], r[3], parse_utc(r[4]) if r[4] else None) for r in found]


def _run_until_settled(rig: Rig, delivery: int) -> None:
    for _ in range(20):
        if rig.state(delivery) is not S.SCHEDULED:
            return
        rig.alarms.advance(60)


@pytest.mark.parametrize(
    ("fault", "headers", "kind", "status"),
    [
        ("500", {}, "server", 500),
        ("503", {"Retry-After": "120"}, "server", 503),
        ("429", {"Retry-After": "300"}, "rate_limit", 429),
        ("reset", {}, "network", None),
        ("stall", {}, "network", None),
    ],
)
def test_a_fault_is_retried_and_the_post_made_once(
    rig: Rig, fault: str, headers: dict[str, str], kind: str, status: int | None
) -> None:
    with wire() as server:
        account_id = _mastodon(rig, server.url)
        server.faults.append((fault, headers))
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="Hei verkko")
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.SCHEDULED  # a retry is due, nothing lost
        first = _attempts(rig, delivery)[0]
        assert (first.outcome, first.error_kind, first.http_status) == ("retryable", kind, status)
        if "Retry-After" in headers:
            assert first.retry_at is not None
            wait = (first.retry_at - rig.clock.now()).total_seconds()
            asked = int(headers["Retry-After"])
            assert asked <= wait <= asked * 1.1 + 2  # never sooner; the policy's jitter on top
        _run_until_settled(rig, delivery)
        time.sleep(0.8 if fault == "stall" else 0)  # let the stalled handler finish
        assert rig.state(delivery) is S.PUBLISHED
        assert rig.outcomes(delivery) == ["retryable", "published"]
        assert len(server.statuses) == 1  # made exactly once, however often it was sent
        made = server.statuses[next(iter(server.statuses))]
        assert rig.column(delivery, "remote_id") == made["id"]


def test_rate_limit_reset_header_sets_the_retry_time(rig: Rig) -> None:
    with wire() as server:
        account_id = _mastodon(rig, server.url)
        reset = datetime.now(UTC) + timedelta(minutes=10)
        server.faults.append(("429", {"X-RateLimit-Reset": reset.isoformat()}))
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id)
        rig.alarms.advance(10)
        first = _attempts(rig, delivery)[0]
        assert first.retry_at is not None
        wait = (first.retry_at - rig.clock.now()).total_seconds()
        assert 590 <= wait <= 600 * 1.1 + 2
        assert "rate limit" in first.message and first.error_kind == "rate_limit"
        last_error = str(rig.column(delivery, "last_error"))
        assert "trying again at" in last_error  # the user sees when


def test_nothing_listening_is_retryable(rig: Rig) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    account_id = _mastodon(rig, f"http://127.0.0.1:{port}")
    rig.engine.start()
    delivery = rig.schedule(10, account=account_id)
    rig.alarms.advance(10)
    first = _attempts(rig, delivery)[0]
    assert (first.outcome, first.error_kind) == ("retryable", "network")
    assert "could not connect" in first.message


def test_x_server_error_after_the_post_is_reconciled_not_resent(rig: Rig) -> None:
    with wire() as server:
        account_id = _account(rig, Network.X, "")
        credentials = MemoryCredentials(
            {account_id: {"access_token": "x-tok-123", "expires_at": "9999999999"}}
        )
        rig.publishers.register(
            XPublisher(create_session, credentials, api=server.url, timeout=TIMEOUT),
            method=PublishMethod.API,
            network=Network.X,
        )
        server.faults.append(("500", {}))
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id, text="Ei kahdesti")
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.PUBLISHED
        assert rig.outcomes(delivery) == ["reconciled"]
        assert server.posts_without_key == ["Ei kahdesti"]  # found, never sent again


def test_auth_expiry_fails_with_reconnect_in_the_attempt_log(rig: Rig) -> None:
    with wire() as server:
        account_id = _mastodon(rig, server.url)
        server.faults.append(("401", {}))
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id)
        rig.alarms.advance(10)
        assert rig.state(delivery) is S.FAILED
        (only,) = _attempts(rig, delivery)
        assert (only.outcome, only.error_kind, only.http_status) == ("final", "auth", 401)
        assert "Reconnect the account" in only.message


def test_validation_names_the_rule(rig: Rig) -> None:
    with wire() as server:
        account_id = _mastodon(rig, server.url)
        server.faults.append(("422", {}))
        rig.engine.start()
        delivery = rig.schedule(10, account=account_id)
        rig.alarms.advance(10)
        (only,) = _attempts(rig, delivery)
        assert (only.outcome, only.error_kind, only.http_status) == ("final", "validation", 422)
        assert "fault 422" in only.message  # the server's own words


def test_server_scheduling_hands_the_post_over_ahead_of_time(rig: Rig) -> None:
    from somestudio.app.handoff import HandOff  # noqa: PLC0415
    from somestudio.store import accounts as rows  # noqa: PLC0415

    with wire() as server:
        account_id = _mastodon(rig, server.url)
        conn = rig.workspace.writable_connection()
        with transaction(conn):
            rows.set_options(conn, account_id, {"server_scheduling": True})
        rig.engine.start()
        later = rig.schedule(3 * 3600, account=account_id, text="Huomenna")
        soon = rig.schedule(5 * 60, account=account_id, text="Pian")  # too soon to hand over
        handed = HandOff(rig.workspace.writable_connection, rig.engine, now=rig.clock.now).run()
        assert handed == [later]
        rig.alarms.advance(1)
        assert rig.state(later) is S.PUBLISHED
        assert str(rig.column(later, "remote_id")).startswith("scheduled:")
        assert rig.column(later, "published_at") == "2026-11-21T11:00:00Z"  # the server's time
        assert rig.state(soon) is S.SCHEDULED  # goes out from here, at its time
        assert len(server.statuses) == 1
        assert HandOff(rig.workspace.writable_connection, rig.engine, now=rig.clock.now).run() == []
