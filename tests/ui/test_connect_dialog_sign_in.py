"""A browser sign-in under way ends with its dialog, however it is closed, and with the app
(real dialog, real loopback redirect on 127.0.0.1, real worker threads)."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts, SignIn
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.networks.oauth import LoopbackRedirect
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.tasks import Tasks


class _BrowserAccounts:
    """Accounts whose browser sign-in listens on a real loopback port (no network)."""

    def __init__(self) -> None:
        self.redirects: list[LoopbackRedirect] = []

    def begin_browser_sign_in(
        self,
        network: Network,
        values: Mapping[str, object],
        *,
        name: str = "",
        into: int | None = None,
    ) -> SignIn:
        redirect = LoopbackRedirect("state")
        self.redirects.append(redirect)

        def complete(_code: str) -> Account:
            raise AssertionError("no code is ever sent")

        return SignIn(
            f"https://x.invalid/authorize?port={redirect.redirect_uri}", redirect, complete
        )


def _listening(redirect: LoopbackRedirect) -> bool:
    port = int(redirect.redirect_uri.split(":")[2].split("/")[0])
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []

    def open_url(url: object) -> bool:
        opened.append(url.toString())  # type: ignore[attr-defined]
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return opened


def _signing_in(
    qtbot: QtBot, network: Network = Network.X
) -> tuple[ConnectDialog, Tasks, LoopbackRedirect]:
    accounts = _BrowserAccounts()
    tasks = Tasks(max_threads=2)
    dialog = ConnectDialog(network, cast(Accounts, accounts), tasks)
    qtbot.addWidget(dialog)
    dialog.open()
    if network is Network.X:
        dialog.line("client_id").setText("client")
    else:
        dialog.line("service").setText("https://mastodon.invalid")
    assert not dialog.address_row.isVisible()  # no address before the sign-in starts
    dialog.browser_button.click()
    qtbot.waitUntil(
        lambda: bool(accounts.redirects) and tasks.busy() and dialog._sign_in is not None
    )
    redirect = accounts.redirects[0]
    assert _listening(redirect)
    return dialog, tasks, redirect


def test_escape_cancels_the_browser_sign_in(qtbot: QtBot, browser: list[str]) -> None:
    dialog, tasks, redirect = _signing_in(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert tasks.wait(5_000)  # the waiting task ended, not after SIGN_IN_TIMEOUT_S
    assert not _listening(redirect)


def test_closing_the_window_cancels_the_browser_sign_in(qtbot: QtBot, browser: list[str]) -> None:
    dialog, tasks, redirect = _signing_in(qtbot)
    dialog.close()
    assert tasks.wait(5_000)
    assert not _listening(redirect)


def test_quitting_the_app_cancels_the_browser_sign_in(qtbot: QtBot, browser: list[str]) -> None:
    _dialog, tasks, redirect = _signing_in(qtbot)
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what quitting sends before the windows go
    assert tasks.wait(5_000)
    assert not _listening(redirect)


@pytest.mark.parametrize("network", [Network.X, Network.MASTODON])
def test_without_a_browser_the_address_is_shown_to_copy(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, network: Network
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # none to open
    dialog, tasks, redirect = _signing_in(qtbot, network)
    assert dialog.status.text() == (
        "No web browser could be opened. Open this address in a browser to sign in; this "
        "window waits for it."
    )
    assert dialog.address_row.isVisible() and dialog.address.isReadOnly()
    assert dialog._sign_in is not None and dialog.address.text() == dialog._sign_in.url
    assert dialog.address.accessibleName() and dialog.copy_address.accessibleName()
    dialog.copy_address.click()
    assert QGuiApplication.clipboard().text() == dialog.address.text()
    dialog.reject()
    assert tasks.wait(5_000) and not _listening(redirect)


def test_with_a_browser_the_address_is_shown_too(qtbot: QtBot, browser: list[str]) -> None:
    dialog, tasks, redirect = _signing_in(qtbot)
    assert browser == [dialog.address.text()]
    assert dialog.address_row.isVisible()
    assert "If no browser opened, open this address in a browser." in dialog.status.text()
    dialog.reject()
    assert tasks.wait(5_000) and not _listening(redirect)
