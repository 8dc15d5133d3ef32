"""A test-only channel over real HTTP, plugged into the same registry as the product's.

The server (http.server on 127.0.0.1) behaves like a network with idempotency keys: a POST
with a key it has seen returns the same post instead of creating another. It can be told
to answer some first tries with 503 + Retry-After, or to create the post and then stall
past the client's timeout (an unknown outcome the engine must reconcile, not resend).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import requests

from somestudio.domain.publish_result import (
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
    UnknownOutcome,
)


@dataclass
class FakeNetwork:
    posts: dict[str, dict[str, object]] = field(default_factory=dict)  # key -> post
    requests_per_key: Counter[str] = field(default_factory=Counter)
    created_per_key: Counter[str] = field(default_factory=Counter)
    busy_first: set[str] = field(default_factory=set)  # keys whose first POST gets 503
    stall_after_create: set[str] = field(default_factory=set)  # keys answered too late
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""


class _Handler(BaseHTTPRequestHandler):
    network: FakeNetwork

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        net = self.network
        key = self.headers.get("Idempotency-Key", "")
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        with net.lock:
            net.requests_per_key[key] += 1
            first = net.requests_per_key[key] == 1
            if first and key in net.busy_first:
                busy = True
            else:
                busy = False
                if key not in net.posts:
                    net.created_per_key[key] += 1
                    net.posts[key] = {"id": f"p{len(net.posts) + 1}", "text": body["status"]}
            post = net.posts.get(key)
        if busy:
            self._reply(503, {"error": "busy"}, {"Retry-After": "1"})
            return
        if key in net.stall_after_create and first:
            time.sleep(1.5)  # past the client's timeout: it cannot know the post exists
        assert post is not None
        self._reply(200, {**post, "url": f"{net.base_url}/@me/{post['id']}"})

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        key = query.get("key", [""])[0]
        with self.network.lock:
            post = self.network.posts.get(key)
        if post is None:
            self._reply(404, {"error": "not found"})
        else:
            self._reply(200, {**post, "url": f"{self.network.base_url}/@me/{post['id']}"})


@contextmanager
def fake_network() -> Iterator[FakeNetwork]:
    network = FakeNetwork()
    handler = type("Handler", (_Handler,), {"network": network})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    network.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="fake-network", daemon=True)
    thread.start()
    try:
        yield network
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class HttpTestPublisher:
    """Publishes over HTTP the way a network client will (issue 5), for tests only."""

    reconcile_is_conclusive = False

    def __init__(self, base_url: str, *, timeout: float = 1.0) -> None:
        self.base_url = base_url
        self.timeout = timeout
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            self._local.session = session
        return session

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        try:
            response = self._session().post(
                f"{self.base_url}/statuses",
                json={"status": delivery.text},
                headers={"Idempotency-Key": delivery.idempotency_key},
                timeout=self.timeout,
            )
        except requests.ConnectionError as exc:
            raise Retryable(f"connection failed: {exc}") from exc
        except requests.Timeout as exc:
            raise UnknownOutcome("no answer in time after sending") from exc
        if response.status_code == 429 or response.status_code >= 500:
            after = response.headers.get("Retry-After")
            raise Retryable(
                f"HTTP {response.status_code}",
                float(after) if after else None,
                http_status=response.status_code,
            )
        if response.status_code >= 400:
            raise Final(f"HTTP {response.status_code}", http_status=response.status_code)
        body = response.json()
        return PublishResult(str(body["id"]), str(body["url"]))

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        response = self._session().get(
            f"{self.base_url}/statuses",
            params={"key": delivery.idempotency_key},
            timeout=self.timeout,
        )
        if response.status_code == 404:
            return None
        response.raise_for_status()
        body = response.json()
        return PublishResult(str(body["id"]), str(body["url"]))
