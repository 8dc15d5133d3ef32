"""Settings → Workspace (issue 17, point 1): a person chooses a shared PostgreSQL workspace by
its address and password in the window, against a real PostgreSQL and a real keyring (a
private gnome-keyring). A refused password is said in the window's words and kept nowhere;
an accepted one goes to the keyring only, the address to the settings; and back again to
this computer's own file."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from somestudio.app.settings import SETTINGS_FILE, SettingsStore
from somestudio.secrets import SecretStore
from somestudio.store.workspace_url import WorkspaceUrl
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from somestudio.ui.pages.settings_page import path_field_width
from somestudio.ui.pages.workspace_group import IN_USE_MOST, WorkspaceGroup
from tests.postgres_server import PostgresServer

from .conftest import MakeWindow


def _settings_group(window: MainWindow) -> WorkspaceGroup:
    window.show_page("settings")
    return cast(WorkspaceGroup, window.settings_page.workspace_group)  # type: ignore[attr-defined]


def test_a_shared_workspace_is_chosen_in_settings(  # noqa: PLR0917
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,  # set up first, so dropped after the windows' workspaces closed
    keyring_store: SecretStore,
    home: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    window = make_window(home)
    window.show()
    qtbot.waitExposed(window)
    group = _settings_group(window)
    assert "own file" in group.in_use.text()
    assert not group.own_button.isVisible()

    # Nothing typed: said, and the address field gets the keyboard.
    qtbot.mouseClick(group.use_button, Qt.MouseButton.LeftButton)
    assert group.result.text() == "Enter the shared workspace's address first."

    # A wrong password: the server's refusal in the window's words; nothing kept.
    qtbot.keyClicks(group.address, pg_url.display())
    qtbot.keyClicks(group.password, "wrong-pw-42")
    qtbot.keyClick(group.password, Qt.Key.Key_Return)
    qtbot.waitUntil(group.use_button.isEnabled, timeout=30_000)
    said = group.result.text()
    assert "refused the password" in said and "wrong-pw" not in said
    assert group.password.text() == ""
    assert SettingsStore(home).value.workspace_url in (None, "")
    assert keyring_store.load_password(pg_url.keyring_user()) is None

    # The right one: the address recorded, the password in the keyring only.
    qtbot.keyClicks(group.password, postgres.password)
    qtbot.mouseClick(group.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: group.result.text().startswith("Chosen:"), timeout=30_000)
    assert pg_url.display() in group.result.text()
    assert SettingsStore(home).value.workspace_url == pg_url.display()
    assert keyring_store.load_password(pg_url.keyring_user()) == postgres.password
    assert postgres.password not in (home / SETTINGS_FILE).read_text(encoding="utf-8")
    window.close()

    # Next start: the window is on the shared workspace, and can go back to its own file.
    again = make_window(home)
    again.show()
    qtbot.waitExposed(again)
    group = _settings_group(again)
    assert group.in_use.text() == pg_url.display()
    assert group.own_button.isVisible()
    qtbot.mouseClick(group.own_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: group.result.text().startswith("Chosen:"), timeout=30_000)
    assert SettingsStore(home).value.workspace_url in (None, "")
    # Closed once the reload its change feed asked for is done (the test's database is
    # dropped after the test, and Qt events still queued would then run against it).
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not again._reload_soon.isActive())
    again.close()


def test_the_workspace_group_speaks_finnish(
    home: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    installed = install_language("fi")
    try:
        window = make_window(
            home, locale=QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
        )
        group = _settings_group(window)
        assert group.title() == "Työtila"
        qtbot.mouseClick(group.use_button, Qt.MouseButton.LeftButton)
        said = group.result.text()
        window.close()
    finally:
        installed.remove()
    assert said == "Kirjoita ensin yhteisen työtilan osoite."


def test_the_workspace_in_use_is_shown_whole(
    home: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    """The words "This computer's own file (…/.local/share/somestudi" were cut beside empty
    room (a new user's finding): the sentence around a usual path shows whole."""
    window = make_window(home)
    window.resize(1400, 900)
    window.show()
    group = _settings_group(window)
    field = group.in_use
    assert field.minimumWidth() == max(
        field.fontMetrics().averageCharWidth() * 44, path_field_width(field, most=IN_USE_MOST)
    )
    usual = QLineEdit(
        "This computer's own file (/home/maija/.local/share/somestudio/somestudio.db)"
    )
    wide = path_field_width(usual, most=IN_USE_MOST)
    assert wide > usual.fontMetrics().horizontalAdvance(usual.text())
    window.close()
