"""Journey (d): a post the server refuses stays visible, with the reason, until handled.

A Mastodon account on a server at 127.0.0.1 (added from the command line, its token on
standard input into a real gnome-keyring) refuses the post with 422. The status bar counts
it, the attention dialog shows the server's reason; closing and reopening the dialog does
not make it go away. Once the server accepts again, Retry publishes it and the count drops.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from .conftest import StartWorld
from .program import Program
from .steps import add_mastodon_account, choose_account, serve_mastodon_sign_in

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TOKEN = "journey-mastodon-token-8c1f2e"
REASON = "Validation failed: Text contains a word this server does not allow"
TEXT = "Joulumarkkinat lauantaina! Tule maistamaan piparit."


class Mastodon:
    """Just enough of a Mastodon server: it refuses statuses until told to accept them."""

    def __init__(self, server: HTTPServer) -> None:
        self.accepting = False
        self.statuses: list[dict[str, object]] = []
        self._lock = threading.Lock()
        serve_mastodon_sign_in(server, TOKEN)
        server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(self._status)

    def _status(self, request: Request) -> Response:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return Response('{"error": "The access token is invalid"}', status=401)
        body = json.loads(request.get_data(as_text=True))
        with self._lock:
            self.statuses.append(body)
            accepting = self.accepting
        if not accepting:
            return Response(
                json.dumps({"error": REASON}), status=422, content_type="application/json"
            )
        answer = {
            "id": "109000000000000001",
            "url": "http://127.0.0.1/@kahvila/109000000000000001",
            "created_at": "2026-01-01T00:00:00.000Z",
            "content": f"<p>{body['status']}</p>",
        }
        return Response(json.dumps(answer), status=200, content_type="application/json")


@pytest.fixture
def mastodon(httpserver: HTTPServer) -> Iterator[Mastodon]:
    yield Mastodon(httpserver)
    httpserver.clear()


def attention_button(app: Program, count: int) -> None:
    app.wait("push button", f"Needs attention: {count}", match="contains")


def test_refused_post_shows_its_reason_until_retried(
    start_world: StartWorld, mastodon: Mastodon, httpserver: HTTPServer
) -> None:
    app = start_world(keyring=True)
    add_mastodon_account(app, httpserver, TOKEN)
    app.start()

    app.key("ctrl+1")
    app.type_into(app.wait("text", "Post text"), TEXT)
    choose_account(app, "Mastodon · Kahvila")
    app.key("ctrl+shift+Return")  # Publish now
    app.step("published now")

    app.wait_until("the server to be asked", lambda: mastodon.statuses, timeout=60)
    attention_button(app, 1)
    app.step("the status bar counts it")

    def open_attention() -> None:
        if app.find("dialog", "Posts waiting for you", match="startswith") is None:
            app.click(app.wait("push button", "Needs attention: 1", match="contains"))
        dialog = app.wait("dialog", "Posts waiting for you", match="startswith")
        app.wait("panel", "Failed · ", match="startswith", within=dialog.ref)
        why = app.wait("label", "Why: ", match="startswith", within=dialog.ref)
        assert REASON in why.name, why.name

    open_attention()
    app.step("the reason in the attention dialog")

    # Looking is not handling: closed and reopened, the post and its reason are still there.
    app.click(
        app.wait(
            "push button",
            "Close",
            within=app.wait("dialog", "Posts waiting for you", match="startswith").ref,
        )
    )
    app.wait_gone("dialog", "Posts waiting for you", match="startswith")
    attention_button(app, 1)
    open_attention()
    app.step("still there after closing")

    assert len(mastodon.statuses) == 1  # a refusal is final: nothing was sent again by itself
    mastodon.accepting = True
    dialog = app.wait("dialog", "Posts waiting for you", match="startswith")
    app.click(app.wait("push button", "Retry", within=dialog.ref))
    app.wait_until("the retry to reach the server", lambda: len(mastodon.statuses) == 2, 60)
    app.wait("label", "Nothing is waiting for you.", within=dialog.ref, timeout=60)
    app.step("retried")
    app.click(app.wait("push button", "Close", within=dialog.ref))
    app.wait_gone("dialog", "Posts waiting for you", match="startswith")
    app.wait_gone("push button", "Needs attention: 1", match="contains")
    app.step("count dropped")

    posts = json.loads(app.cli("post", "list", "--json"))
    states = [d["state"] for p in posts for d in p["deliveries"]]
    assert states == ["published"], posts

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
