"""A Mastodon-like server on 127.0.0.1 for the first comment's tests: statuses deduplicated
by Idempotency-Key, bodies checked against Mastodon's OpenAPI description, faults on cue per
kind (post or reply), and a reply that can be held (to kill the app while it waits)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.networks.openapi import spec


@dataclass
class Server:
    """Statuses by Idempotency-Key, in the order they were made; faults on cue per kind."""

    statuses: dict[str, dict[str, object]] = field(default_factory=dict)
    made: list[dict[str, object]] = field(default_factory=list)
    faults: dict[str, list[int]] = field(default_factory=lambda: {"post": [], "reply": []})
    problems: list[str] = field(default_factory=list)
    requests: dict[str, int] = field(default_factory=lambda: {"post": 0, "reply": 0})
    # Hold the first reply: ``reply_seen`` is set when it arrives, then the handler waits
    # for ``release`` (made first when ``create_held`` is set, else only afterwards).
    hold_first_reply: bool = False
    create_held: bool = False
    reply_seen: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def posts(self) -> list[dict[str, object]]:
        return [s for s in self.made if s["in_reply_to_id"] is None]

    def replies(self) -> list[dict[str, object]]:
        return [s for s in self.made if s["in_reply_to_id"] is not None]


class _Handler(BaseHTTPRequestHandler):
    server_state: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        state = self.server_state
        context = re.fullmatch(r"/api/v1/statuses/(\w+)/context", self.path)
        if self.path == "/api/v1/accounts/verify_credentials":
            self._send(200, {"id": "7", "username": "me", "acct": "me"})
        elif self.path == "/api/v2/instance":
            self._send(200, {"configuration": {"statuses": {"max_characters": 500}}})
        elif context:
            with state.lock:
                below = [s for s in state.made if s["in_reply_to_id"] == context.group(1)]
            self._send(200, {"ancestors": [], "descendants": below})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        state = self.server_state
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        key = self.headers.get("Idempotency-Key", "")
        problems = spec("mastodon.json").errors("POST", "/api/v1/statuses", body)
        kind = "reply" if "in_reply_to_id" in body else "post"
        with state.lock:
            state.problems += problems
            state.requests[kind] += 1
            held = kind == "reply" and state.hold_first_reply and state.requests["reply"] == 1
        if held and not state.create_held:
            state.reply_seen.set()
            state.release.wait(60)
            return  # the app is gone: nothing was made
        with state.lock:
            fault = state.faults[kind].pop(0) if state.faults[kind] else None
            if fault is None and key not in state.statuses:
                number = 100 + len(state.statuses)
                made: dict[str, object] = {
                    "id": str(number),
                    "url": f"{state.url}/@me/{number}",
                    "created_at": "2026-11-21T08:00:00Z",
                    "content": f"<p>{body['status']}</p>",
                    "in_reply_to_id": body.get("in_reply_to_id"),
                    "language": body.get("language"),
                    "account": {"id": "7"},
                }
                state.statuses[key] = made
                state.made.append(made)
            status = state.statuses.get(key)
        if held:  # made, but the answer never reaches the app
            state.reply_seen.set()
            state.release.wait(60)
            return
        if fault is not None:
            self._send(fault, {"error": f"fault {fault}"})
        else:
            self._send(200, status)


@contextmanager
def mastodon() -> Iterator[Server]:
    state = Server()
    handler = type("H", (_Handler,), {"server_state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
