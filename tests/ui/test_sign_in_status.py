"""Posts that will not go out, said while there is time: a post scheduled to an account whose
sign-in is missing on this computer is counted in the status bar once the composer has read
the sign-ins (the calendar's chip still says "Scheduled"); a click opens Accounts, and once
the account is connected the count goes.

The keyring is a real one: a private gnome-keyring on its own D-Bus (``keyring_store``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.i18n import install_language

from .conftest import MakeWindow

DUE = datetime(2031, 5, 20, 7, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """Mastodon (no sign-in stored here) with two posts scheduled, a Local archive with one."""
    installed = install_language("en", system=QLocale(QLocale.Language.English))
    folder = tmp_path / "home"
    folder.mkdir()
    workspace = open_workspace(folder)
    conn = workspace.writable_connection()
    with transaction(conn):
        mastodon = account_rows.add_account(conn, Network.MASTODON, "@aurinko")
        archive = account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path)},
        )  # fmt: skip
        for text, account in (("Kevätmarkkinat", mastodon), ("Aukioloajat", mastodon),
                              ("Arkistoon", archive)):  # fmt: skip
            post = post_rows.create_post(conn, text)
            post_rows.add_delivery(
                conn, post, account, scheduled_at=DUE, time_zone="Europe/Helsinki",
                state=DeliveryState.SCHEDULED,
            )  # fmt: skip
    workspace.close()
    yield folder
    installed.remove()


def test_posts_to_an_account_without_its_sign_in_are_counted_until_it_is_connected(
    qtbot: QtBot,
    home: Path,
    make_window: MakeWindow,
    keyring_store: SecretStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    window = make_window(home)
    window.show()
    qtbot.waitExposed(window)
    window.attach_planner(Planner(window._studio.workspace, now=window._now))
    badge = window.status.findChild(QToolButton, "SignInBadge")
    # Not read at start by itself (a locked keyring would ask at every start): the composer
    # reads the sign-ins for its "Post to" marks, and the status bar learns from it.
    assert badge is not None and not badge.isVisible()
    window.show_page("compose")
    qtbot.waitUntil(badge.isVisible, timeout=10_000)
    # The two Mastodon posts; the Local archive needs no sign-in.
    assert badge.text() == "🔑 Will not go out: 2 posts"
    assert badge.accessibleName() == badge.text()
    assert "sign-in is missing or was refused" in badge.accessibleDescription()
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert window.current_page() == "accounts"
    # Connected on the Accounts page (here: its sign-in stored), then the page is left.
    mastodon = next(a for a in window._studio.workspace.connection().execute(
        "SELECT id FROM accounts WHERE network = 'mastodon'"
    ))[0]  # fmt: skip
    keyring_store.store(mastodon, {"access_token": "mastodon-token-1"})
    window.show_page("calendar")
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=10_000)
