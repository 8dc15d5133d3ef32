"""Journey (inbox): answer a reply with the keyboard and see it done; like an entry with f
and find hiding off on Mastodon, with the reason.

A Mastodon account on a server at 127.0.0.1 (added from the command line, its token on
standard input into a real gnome-keyring) has two entries in its inbox: a mention and, older,
a reply to our post. Ctrl+7 opens the Inbox; j and k move between the entries; r starts an
answer to the reply, typed with the keyboard, Ctrl+Return sends it. The server gets it once,
as a reply to the person's post naming them, and the entry reads as done.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.app.workspace import open_workspace
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows

from .conftest import StartWorld
from .steps import add_mastodon_account, serve_mastodon_sign_in

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TOKEN = "journey-mastodon-token-inbox-41d2"
ANSWER = "Huomenna 9-17, tervetuloa!"


class Mastodon:
    """Enough of a Mastodon server: an empty notification list, and statuses it makes."""

    def __init__(self, server: HTTPServer) -> None:
        self.statuses: list[dict[str, object]] = []
        self._lock = threading.Lock()
        serve_mastodon_sign_in(server, TOKEN)
        server.expect_request("/api/v1/notifications").respond_with_json([])
        server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(self._status)
        self.favourited: list[str] = []
        server.expect_request(
            "/api/v1/statuses/4402/favourite", method="POST"
        ).respond_with_handler(self._favourite)

    def _favourite(self, request: Request) -> Response:
        with self._lock:
            self.favourited.append(request.path)
        answer = {
            "id": "4402",
            "url": "http://127.0.0.1/@sara/4402",
            "created_at": "2026-01-01T00:00:00.000Z",
            "content": "<p>Kiitos kahvista</p>",
            "favourited": True,
            "favourites_count": 1,
        }
        return Response(json.dumps(answer), status=200, content_type="application/json")

    def _status(self, request: Request) -> Response:
        body = json.loads(request.get_data(as_text=True))
        with self._lock:
            self.statuses.append(body)
        answer = {
            "id": "109000000000000777",
            "url": "http://127.0.0.1/@kahvila/109000000000000777",
            "created_at": "2026-01-01T00:00:00.000Z",
            "content": f"<p>{body['status']}</p>",
            "in_reply_to_id": body.get("in_reply_to_id"),
        }
        return Response(json.dumps(answer), status=200, content_type="application/json")


@pytest.fixture
def mastodon(httpserver: HTTPServer) -> Iterator[Mastodon]:
    yield Mastodon(httpserver)
    httpserver.clear()


def _seed(home: object) -> None:
    """Two entries, as the collector would have stored them an hour ago."""
    workspace = open_workspace(home)  # type: ignore[arg-type]
    try:
        conn = workspace.writable_connection()
        (account_id,) = conn.execute("SELECT id FROM accounts").fetchone()
        at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        with transaction(conn):
            item_rows.add(
                conn,
                account_id,
                [
                    Incoming(
                        "n1",
                        InboxKind.REPLY,
                        Author("@aino@127.0.0.1", "Aino"),
                        at,
                        "Milloin olette auki?",
                        PostRef("4401"),
                        PostRef("4400"),
                    ),
                    Incoming(
                        "n2",
                        InboxKind.MENTION,
                        Author("@sara@127.0.0.1", "Sara"),
                        at + timedelta(minutes=5),
                        "Kiitos kahvista",
                        PostRef("4402"),
                    ),
                ],
                at,
            )
    finally:
        workspace.close()


def test_an_answer_with_the_keyboard_marks_the_entry_done(
    start_world: StartWorld, mastodon: Mastodon, httpserver: HTTPServer
) -> None:
    app = start_world(keyring=True)
    add_mastodon_account(app, httpserver, TOKEN)
    _seed(app.home)
    app.start()

    app.key("ctrl+7")
    entries = app.wait("list", "Inbox entries")
    # The mention, chosen and shown, is read after a moment: "unread, " may have gone.
    app.wait("list item", "Mention, Sara", match="contains", within=entries.ref)
    app.wait("list item", "unread, Reply, Aino", match="startswith", within=entries.ref)
    app.step("the inbox, newest first")

    app.key("j", "k", "j")  # to the reply, back to the mention, to the reply again
    app.key("r")
    editor = app.wait("text", "Your answer")
    app.wait_until(
        "the answer box to have the keyboard", lambda: "focused" in app.refresh(editor).states
    )
    app.type(ANSWER)
    app.wait_until("the answer typed", lambda: app.refresh(editor).text == ANSWER)
    app.step("answer written")
    app.key("ctrl+Return")

    app.wait_until("the server to get the answer", lambda: mastodon.statuses, timeout=60)
    app.wait("list item", "Reply, Aino", match="startswith", within=entries.ref)
    done = app.wait_until(
        "the reply to read as done",
        lambda: any(
            c.name.startswith("Reply, Aino") and c.name.endswith(", done")
            for c in app.children(app.refresh(entries))
        ),
        timeout=30,
    )
    assert done
    app.step("answered and done")
    assert len(mastodon.statuses) == 1, mastodon.statuses
    body = mastodon.statuses[0]
    assert body["status"] == f"@aino@127.0.0.1 {ANSWER}", body
    assert body["in_reply_to_id"] == "4401", body

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()


def test_f_likes_the_mention_once_and_hiding_is_off_on_mastodon_with_why(
    start_world: StartWorld, mastodon: Mastodon, httpserver: HTTPServer
) -> None:
    app = start_world(keyring=True)
    add_mastodon_account(app, httpserver, TOKEN)
    _seed(app.home)
    app.start()

    app.key("ctrl+7")
    entries = app.wait("list", "Inbox entries")
    app.wait("list item", "Mention, Sara", match="contains", within=entries.ref)  # read soon
    hide = app.refresh(app.wait("push button", "Hide"))
    assert not hide.has("enabled"), hide.states
    assert hide.description.startswith("Mastodon has no way to hide"), hide.description
    app.step("the mention chosen; Hide is off on Mastodon")

    app.key("j", "k")  # to the reply and back: the mention is the one chosen
    app.key("f")
    app.wait_until("the server to get the favourite", lambda: mastodon.favourited, timeout=60)
    app.wait("push button", "Liked")
    app.wait_until(
        "the mention to read as liked",
        lambda: any(
            c.name.startswith(("Mention, Sara", "unread, Mention, Sara"))
            and c.name.endswith(", liked")
            for c in app.children(app.refresh(entries))
        ),
        timeout=30,
    )
    app.step("liked")
    app.key("f")  # again: nothing more is sent
    app.key("h")  # Mastodon has no hiding: the reason is said, nothing is sent
    app.wait("label", "Mastodon has no way to hide", match="startswith")
    app.step("hiding refused with the reason")
    assert mastodon.favourited == ["/api/v1/statuses/4402/favourite"], mastodon.favourited

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
