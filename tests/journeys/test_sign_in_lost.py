"""Journey: an account whose sign-in the network stopped accepting is named before the next
post to it is scheduled, not only when that post fails.

A Mastodon account on a server at 127.0.0.1 (added from the command line, its token on
standard input into a real gnome-keyring) answers 401 to the first post: the token was
revoked on the server. The café then writes its next post and opens Schedule: the dialog
lists, by the account, that the network no longer accepts its sign-in and where to put it
right, and the Schedule button still works (the account may be reconnected before then).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from .conftest import StartWorld
from .steps import (
    add_mastodon_account,
    choose_account,
    open_schedule_dialog,
    serve_mastodon_sign_in,
)

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TOKEN = "journey-mastodon-token-revoked-5d2a"
ACCOUNT = "Mastodon · Kahvila"


class RevokingMastodon:
    """Just enough of a Mastodon server: it knows the token when the account is added, and
    answers 401 to every status after that (the token was revoked on the server)."""

    def __init__(self, server: HTTPServer) -> None:
        self.refused = 0
        self._lock = threading.Lock()
        serve_mastodon_sign_in(server, TOKEN)
        server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(self._status)

    def _status(self, request: Request) -> Response:
        del request
        with self._lock:
            self.refused += 1
        return Response(
            '{"error": "The access token was revoked"}',
            status=401,
            content_type="application/json",
        )


@pytest.fixture
def mastodon(httpserver: HTTPServer) -> Iterator[RevokingMastodon]:
    yield RevokingMastodon(httpserver)
    httpserver.clear()


def test_a_revoked_sign_in_is_named_when_the_next_post_is_scheduled(
    start_world: StartWorld, mastodon: RevokingMastodon, httpserver: HTTPServer
) -> None:
    app = start_world(keyring=True)
    add_mastodon_account(app, httpserver, TOKEN)
    app.start()

    app.key("ctrl+1")
    app.type_into(app.wait("text", "Post text"), "Glögiä tänään kello 14 alkaen.")
    choose_account(app, ACCOUNT)
    app.key("ctrl+shift+Return")  # Publish now
    app.wait_until("the server to refuse it", lambda: mastodon.refused >= 1, timeout=60)
    app.wait("push button", "Needs attention: 1", match="contains", timeout=60)
    app.step("the first post was refused")

    app.key("ctrl+n")
    app.type_into(app.wait("text", "Post text"), "Lauantaina joulumarkkinat pihalla!")
    choose_account(app, ACCOUNT)
    dialog = open_schedule_dialog(app)
    listed = app.wait("list", "Problems that stop scheduling", within=dialog.ref)
    line = app.wait(
        "list item",
        "no longer accepts this account's sign-in",
        match="contains",
        within=listed.ref,
        timeout=30,
    )
    assert line.name.startswith(ACCOUNT), line.name
    assert "reconnect the account in Accounts" in line.name, line.name
    app.wait("label", "Will not go out unless you act first:", within=dialog.ref)
    schedule = app.wait("push button", "Schedule", within=dialog.ref)
    assert schedule.has("enabled"), schedule.states  # a warning, not a block
    app.step("the schedule dialog names the account")

    app.click(app.wait("push button", "Cancel", within=dialog.ref))
    app.wait_gone("dialog", "Schedule post", match="startswith")
    assert mastodon.refused == 1  # nothing was sent again by itself
    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
