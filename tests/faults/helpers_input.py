"""What the input-side fault tests share: a hand-made HTTP server on 127.0.0.1 that can
answer, trickle one byte at a time, say nothing, or echo the bearer token it was sent; and a
way to run ``python -m somestudio`` as a real process."""

from __future__ import annotations

import json
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.conftest import isolated_environ


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Answer:
    """``kind``: "json" (status, payload), "trickle" (one byte each ``period`` seconds, at
    most ``limit`` bytes, then the connection closes) or "silent" (never a byte)."""

    kind: str = "json"
    status: int = 200
    payload: object = field(default_factory=dict)
    period: float = 1.0
    limit: int = 30


Route = Callable[[Seen], Answer]


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        line = self.rfile.readline().decode("latin-1").strip()
        if not line:
            return
        method, path, _ = line.split(" ", 2)
        headers: dict[str, str] = {}
        while True:
            header = self.rfile.readline().decode("latin-1")
            if header in ("\r\n", "\n", ""):
                break
            name, _, value = header.partition(":")
            headers[name.strip().lower()] = value.strip()
        body = self.rfile.read(int(headers.get("content-length", "0") or 0))
        seen = Seen(method, path, headers, body)
        self.server.seen.append(seen)
        answer = self.server.route(seen)
        if answer.kind == "silent":
            self.server.stop.wait(answer.limit)
            return
        if answer.kind == "trickle":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
            self.wfile.write(f"Content-Length: {answer.limit + 100}\r\n\r\n".encode())
            for _ in range(answer.limit):
                if self.server.stop.wait(answer.period):
                    return
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
            return
        data = json.dumps(answer.payload).encode()
        head = (
            f"HTTP/1.1 {answer.status} X\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        )
        self.wfile.write(head.encode() + data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, route: Route) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.route = route
        self.seen: list[Seen] = []
        self.stop = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def wait_for(self, path: str, timeout: float = 30) -> Seen:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for seen in list(self.seen):
                if seen.path.startswith(path):
                    return seen
            time.sleep(0.05)
        raise AssertionError(f"the server never saw {path}; it saw {self.seen}")


@contextmanager
def loopback_server(route: Route) -> Iterator[_Server]:
    server = _Server(route)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()


def mastodon_route(statuses: Answer, *, token: str = "") -> Route:
    """A Mastodon instance that accepts ``token`` and answers a new status with ``statuses``."""

    def route(seen: Seen) -> Answer:
        if seen.path.startswith("/api/v1/accounts/verify_credentials"):
            if token and seen.headers.get("authorization") != f"Bearer {token}":
                return Answer(status=401, payload={"error": "The access token is invalid"})
            return Answer(payload={"id": "1", "acct": "kahvila", "display_name": "Kahvila"})
        if seen.path.startswith("/api/v2/instance"):
            return Answer(payload={"configuration": {"statuses": {"max_characters": 500}}})
        if seen.path.startswith("/api/v1/statuses") and seen.method == "POST":
            return statuses
        return Answer(status=404, payload={"error": "Record not found"})

    return route


def cli_environ(base: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = isolated_environ(base)
    env.update(extra or {})
    return env


def run_cli(
    env: dict[str, str],
    *args: str | bytes,
    stdin: str | bytes = b"",
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``python -m somestudio ARGS`` as a real process (``bytes`` arguments stay raw)."""
    done = subprocess.run(
        [sys.executable, "-m", "somestudio", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
