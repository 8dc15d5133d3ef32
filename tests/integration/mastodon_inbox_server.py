"""A Mastodon-like server on 127.0.0.1 for the inbox: ``GET /api/v1/notifications`` paged with
``min_id`` / ``max_id`` and a ``Link`` header as Mastodon sends it, every answer checked
against the response schema of Mastodon's OpenAPI description (and every query parameter
against the documented ones), ``POST /api/v1/statuses`` deduplicated by Idempotency-Key with
its body checked, ``POST /api/v1/statuses/{id}/favourite`` (a favourite per account: a
repeat leaves one; the spec defines no request body, so none may be sent, and the answer is
checked against its Status schema), and faults on cue."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.networks.openapi import spec

NOTIFICATIONS = "/api/v1/notifications"
FAVOURITE = "/api/v1/statuses/{id}/favourite"


def account(number: int, acct: str, name: str = "") -> dict[str, object]:
    """An Account entity with every field the schema requires."""
    return {
        "id": str(number),
        "username": acct.split("@", maxsplit=1)[0],
        "acct": acct,
        "display_name": name,
        "locked": False,
        "bot": False,
        "group": False,
        "indexable": True,
        "created_at": "2024-01-01T00:00:00.000Z",
        "note": "",
        "uri": f"https://example.social/users/{number}",
        "avatar": "https://example.social/a.png",
        "avatar_static": "https://example.social/a.png",
        "header": "https://example.social/h.png",
        "header_static": "https://example.social/h.png",
        "followers_count": 1,
        "following_count": 1,
        "statuses_count": 1,
        "emojis": [],
        "fields": [],
    }


def status(
    number: int, author: dict[str, object], html: str, *, reply_to: tuple[str, str] | None = None
) -> dict[str, object]:
    """A Status entity; ``reply_to`` is (status id, account id) it answers."""
    return {
        "id": str(number),
        "uri": f"https://example.social/statuses/{number}",
        "url": f"https://example.social/@x/{number}",
        "created_at": "2026-11-20T10:00:00.000Z",
        "account": author,
        "content": html,
        "visibility": "public",
        "sensitive": False,
        "spoiler_text": "",
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "reblogs_count": 0,
        "favourites_count": 0,
        "replies_count": 0,
        "in_reply_to_id": reply_to[0] if reply_to else None,
        "in_reply_to_account_id": reply_to[1] if reply_to else None,
    }


def notification(
    number: int, kind: str, who: dict[str, object], when: str, about: dict[str, object] | None
) -> dict[str, object]:
    found: dict[str, object] = {
        "id": str(number),
        "type": kind,
        "group_key": f"ungrouped-{number}",
        "created_at": when,
        "account": who,
    }
    if about is not None:
        found["status"] = about
    return found


@dataclass
class Server:
    notifications: list[dict[str, object]] = field(default_factory=list)  # any order
    # One per coming GET: an error status to answer with, or None to answer properly.
    faults: list[int | None] = field(default_factory=list)
    asked: list[dict[str, list[str]]] = field(default_factory=list)
    statuses: dict[str, dict[str, object]] = field(default_factory=dict)  # by Idempotency-Key
    posts: list[dict[str, object]] = field(default_factory=list)  # each body received
    problems: list[str] = field(default_factory=list)
    favourited: dict[str, int] = field(default_factory=dict)  # status id -> favourite requests
    replied_gone: set[str] = field(default_factory=set)  # statuses deleted: a reply gets 404
    # One per coming favourite: an error (status, Mastodon's error text) or None to answer.
    favourite_faults: list[tuple[int, str] | None] = field(default_factory=list)
    # Hold the first status: ``post_seen`` is set when it arrives, then the handler waits for
    # ``release`` and never answers (made first when ``create_held`` is set).
    hold_first_post: bool = False
    create_held: bool = False
    post_seen: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def add(self, *found: dict[str, object]) -> None:
        with self.lock:
            self.notifications.extend(found)


def _number(value: object) -> int:
    return int(str(value))


class _Handler(BaseHTTPRequestHandler):
    state: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, code: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        state = self.state
        parts = urlsplit(self.path)
        if parts.path == "/api/v1/accounts/verify_credentials":  # connecting the account
            self._send(200, account(7, "me", "Kahvila"))
            return
        if parts.path == "/api/v2/instance":
            self._send(200, {"configuration": {"statuses": {"max_characters": 500}}})
            return
        if parts.path != NOTIFICATIONS:
            self._send(404, {"error": "Record not found"})
            return
        query = parse_qs(parts.query)
        api = spec("mastodon.json")
        with state.lock:
            state.asked.append(query)
            state.problems += api.query_errors("GET", NOTIFICATIONS, query)
            if self.headers.get("Authorization") != "Bearer tok-inbox":
                self._send(401, {"error": "The access token is invalid"})
                return
            code = state.faults.pop(0) if state.faults else None
            if code is not None:
                wait = {"Retry-After": "600"} if code == 429 else {}
                self._send(code, {"error": f"fault {code}"}, wait)
                return
            limit = min(80, int(query.get("limit", ["40"])[0]))
            ordered = sorted(state.notifications, key=lambda n: _number(n["id"]))
            if "min_id" in query:  # the page right after min_id, newest first
                low = int(query["min_id"][0])
                page = [n for n in ordered if _number(n["id"]) > low][:limit][::-1]
            else:
                high = int(query["max_id"][0]) if "max_id" in query else None
                older = [n for n in ordered if high is None or _number(n["id"]) < high]
                page = older[::-1][:limit]
        state.problems += api.response_errors("GET", NOTIFICATIONS, page)
        headers = {}
        if page:
            base = f"{state.url}{NOTIFICATIONS}"
            headers["Link"] = (
                f'<{base}?max_id={page[-1]["id"]}>; rel="next", '
                f'<{base}?min_id={page[0]["id"]}>; rel="prev"'
            )
        self._send(200, page, headers)

    def _favourite(self, status_id: str) -> None:
        """Mastodon's favourite: the same Status answered however often it is asked, its
        ``favourited`` true and ``favourites_count`` counting the account once."""
        state = self.state
        api = spec("mastodon.json")
        length = int(self.headers.get("Content-Length", "0"))
        sent = self.rfile.read(length) if length else b""
        with state.lock:
            if "post" not in api.spec["paths"].get(FAVOURITE, {}):
                state.problems.append(f"POST {FAVOURITE} is not in the spec")
            if "requestBody" in api.spec["paths"][FAVOURITE]["post"] or sent:
                state.problems.append(f"a body was sent to {FAVOURITE}: {sent!r}")
            if self.headers.get("Authorization") != "Bearer tok-inbox":
                self._send(401, {"error": "The access token is invalid"})
                return
            fault = state.favourite_faults.pop(0) if state.favourite_faults else None
            if fault is not None:
                self._send(fault[0], {"error": fault[1]})
                return
            state.favourited[status_id] = state.favourited.get(status_id, 0) + 1
        made = status(int(status_id), account(971724, "zsc", "Zsc"), "<p>liked</p>")
        made["favourited"] = True
        made["favourites_count"] = 1  # one account's favourite, however often asked
        state.problems += api.response_errors("POST", FAVOURITE, made)
        self._send(200, made)

    def do_POST(self) -> None:
        state = self.state
        path = urlsplit(self.path).path
        if path.startswith("/api/v1/statuses/") and path.endswith("/favourite"):
            self._favourite(path.split("/")[4])
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        key = self.headers.get("Idempotency-Key", "")
        with state.lock:
            state.problems += spec("mastodon.json").errors("POST", "/api/v1/statuses", body)
            state.posts.append(body)
            held = state.hold_first_post and len(state.posts) == 1
            gone = body.get("in_reply_to_id") in state.replied_gone
        if gone:  # Mastodon's answer to a reply whose status was deleted
            error = "The post you are trying to reply to does not appear to exist."
            self._send(404, {"error": error})
            return
        if held and not state.create_held:
            state.post_seen.set()
            state.release.wait(60)
            return  # the app is gone: nothing was made
        with state.lock:
            if key not in state.statuses:
                number = 900 + len(state.statuses)
                me = account(7, "me")
                made = status(number, me, f"<p>{body['status']}</p>")
                made["in_reply_to_id"] = body.get("in_reply_to_id")
                state.statuses[key] = made
            found = state.statuses[key]
        if held:  # made, but the answer never reaches the app
            state.post_seen.set()
            state.release.wait(60)
            return
        self._send(200, found)


@contextmanager
def mastodon_inbox() -> Iterator[Server]:
    state = Server()
    handler = type("H", (_Handler,), {"state": state})
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
