"""A shared workspace's server goes away mid-session (issue 17, bad input): the window says so
in a band above the pages within seconds, stays usable, a save says nothing was saved and
keeps the text (on this computer too), and the band goes once the server is back.

The server is a real PostgreSQL of this test's own (stopped and started with ``pg_ctl``; the
session's server stays up for the rest). The workspace password comes from a stand-in for
the keyring here: the keyring is not what this test is about."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from somestudio.app.composer import AUTOSAVE_FILE
from somestudio.app.settings import SettingsStore
from somestudio.domain.drafts import from_json
from somestudio.store.workspace_url import parse
from somestudio.ui.launch import storage_hook
from tests.postgres_server import PostgresServer, admin_engine, migrated_template, postgres_server

from .conftest import MakeWindow

AWAY_S = 15  # the feed's connection drops at once on a shutdown; retries are ≤ 5 s apart


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        template = migrated_template(server)
        admin = admin_engine(server)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE away TEMPLATE {template}")
        admin.dispose()
        yield server


@pytest.mark.qt_no_exception_capture  # the app's own hook below sees them, as in the app
def test_the_window_says_the_server_is_away_and_keeps_what_was_typed(  # noqa: PLR0917
    own_server: PostgresServer,
    home: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(
        "somestudio.app.shared_workspace.keyring_password",
        lambda _url: lambda: own_server.password,
    )
    url = parse(own_server.url("away"))
    SettingsStore(home).update(workspace_url=url.display())
    window = make_window(home)
    others: list[BaseException] = []  # what the hook would hand on (a traceback): nothing
    monkeypatch.setattr(
        sys,
        "excepthook",
        storage_hook(
            window._studio.workspace,
            [window],
            others.append,
            lambda _kind, value, _trace: others.append(value),
        ),
    )
    window.show()
    qtbot.waitExposed(window)
    banner = window.server_banner
    feed = window._studio.workspace._watch.feed  # type: ignore[union-attr]
    assert feed.listening.wait(10)
    assert not banner.isVisible()
    window.show_page("compose")
    page = window.compose
    page.editor.setPlainText("Kirjoitettu, kun palvelin katosi")

    own_server.pg_ctl("stop", "-m", "fast", "-w", "-t", "60")
    qtbot.waitUntil(banner.isVisible, timeout=AWAY_S * 1000)
    assert "cannot be reached" in banner.label.text()
    assert url.host in banner.label.text()
    assert banner.accessibleName() == "Shared workspace connection"

    with caplog.at_level(logging.WARNING):
        page.save_draft()
    assert page.feedback.text().startswith("Nothing was saved: the shared workspace cannot be")
    assert page.editor.text() == "Kirjoitettu, kun palvelin katosi"
    kept = (home / AUTOSAVE_FILE).read_text(encoding="utf-8")
    assert from_json(json.loads(kept)["draft"]).base_text == "Kirjoitettu, kun palvelin katosi"
    # No error and no traceback (a page's read ahead may note it failed, as a warning).
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    window.show_page("calendar")  # the window still answers: another page opens
    assert window.current_page() == "calendar"

    own_server.restart()  # back (pg_ctl restart starts a stopped server with its options)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=AWAY_S * 1000)
    window.show_page("compose")
    page.save_draft()
    assert page.feedback.text() == "Draft saved to Drafts."
    assert not (home / AUTOSAVE_FILE).exists()
    qtbot.wait(200)
    assert others == []
    window.close()
