"""Two people editing one post never silently overwrite each other (issue 17, point 4).

Two windows (two data folders = two machines) on one real PostgreSQL workspace open the same
post; the first saves, the second saves: nothing is overwritten, the second window shows
both texts side by side, and whichever way the user chooses, both texts are kept. On one
machine the same holds when ``somestudio post edit`` (another process) changes the post
the window has open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.shared_workspace import use_workspace
from somestudio.app.studio import Studio
from somestudio.secrets import SecretStore
from somestudio.store.post_overview import list_posts
from somestudio.store.workspace_url import WorkspaceUrl
from somestudio.ui.composer.conflict_dialog import ConflictDialog
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.main_window import MainWindow
from tests.postgres_server import PostgresServer

from .a11y import tab_chain, unnamed
from .conftest import MakeWindow

ORIGINAL = "Open day on Saturday"
LEFT = Qt.MouseButton.LeftButton


def _texts(studio: Studio) -> list[str]:
    """Every live post's text."""
    composer = Composer(studio.workspace)
    return sorted(
        draft.base_text
        for line in list_posts(studio.workspace.store_connection())
        if (draft := composer.load(line.id)) is not None
    )


def _open(window: MainWindow, post_id: int) -> ComposePage:
    window.show()  # a closed window does not follow other machines
    window.show_page("compose")
    page = window.compose
    assert page.open_post(post_id)
    return page


def _type(page: ComposePage, text: str) -> None:
    page.editor.setPlainText(text)


@pytest.fixture
def two_machines(
    tmp_path: Path,
    keyring_store: SecretStore,
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Path]:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    homes = (tmp_path / "laptop", tmp_path / "desktop")
    for home in homes:
        home.mkdir()
        use_workspace(pg_url.display(), home, postgres.password)
    return homes


def test_two_windows_on_one_postgresql_workspace_keep_both_texts(
    two_machines: tuple[Path, Path], make_window: MakeWindow, qtbot: QtBot
) -> None:
    laptop = make_window(two_machines[0])
    desktop = make_window(two_machines[1])
    assert laptop._studio.workspace.is_shared and desktop._studio.workspace.is_shared
    post = laptop._studio.save_draft(ORIGINAL, [])
    first, second = _open(laptop, post), _open(desktop, post)

    for window in (laptop, desktop):  # both windows' change feeds listen
        assert window._studio.workspace._watch.feed.listening.wait(10)  # type: ignore[union-attr]
    _type(second, "Open day moved to Sunday")
    _type(first, "Open day on Saturday, 10–16")
    first.save_draft()
    assert first.feedback.text() == "Changes saved."
    # The other desktop hears of it within a second and says so; its text stays.
    qtbot.waitUntil(lambda: "just saved elsewhere" in second.feedback.text(), timeout=1_000)
    assert second.editor.text() == "Open day moved to Sunday"
    second.save_draft()

    dialog = second.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.theirs_text.toPlainText() == "Open day on Saturday, 10–16"
    assert dialog.mine_text.toPlainText() == "Open day moved to Sunday"
    assert "someone else saved" in second.feedback.text().lower()
    # Nothing was overwritten, and the second window still holds its own text.
    assert _texts(desktop._studio) == ["Open day on Saturday, 10–16"]
    assert second.editor.text() == "Open day moved to Sunday"
    assert unnamed(dialog) == []
    qtbot.mouseClick(dialog.new_draft, LEFT)
    assert second.conflict_dialog is None
    assert _texts(laptop._studio) == ["Open day moved to Sunday", "Open day on Saturday, 10–16"]
    assert second.editing not in (None, post)  # it edits its own new draft now
    assert second.editor.text() == "Open day moved to Sunday"
    for window in (laptop, desktop):  # closed once the reloads their writes asked for ran
        _close(qtbot, window)


def test_an_unchanged_open_post_shows_what_another_desktop_saved(
    two_machines: tuple[Path, Path], make_window: MakeWindow, qtbot: QtBot
) -> None:
    laptop = make_window(two_machines[0])
    desktop = make_window(two_machines[1])
    post = laptop._studio.save_draft(ORIGINAL, [])
    first, second = _open(laptop, post), _open(desktop, post)
    assert desktop._studio.workspace._watch.feed.listening.wait(10)  # type: ignore[union-attr]
    _type(first, "Open day on Saturday, 10–16")
    first.save_draft()
    qtbot.waitUntil(lambda: second.editor.text() == "Open day on Saturday, 10–16", timeout=1_000)
    assert not second.is_dirty() and "just saved elsewhere" in second.feedback.text()
    _type(second, "Open day on Saturday, 10–16, coffee")
    second.save_draft()  # made from the version it was shown: no conflict
    assert _dialog(second) is None and second.feedback.text() == "Changes saved."
    for window in (laptop, desktop):
        _close(qtbot, window)


def _close(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not window._reload_soon.isActive())
    window.close()


def _dialog(page: ComposePage) -> ConflictDialog | None:
    return page.conflict_dialog


def _cli_edit(home: Path, post: int, text: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOMESTUDIO_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "somestudio", "post", "edit", str(post), "--text", text],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def edited_by_cli(tmp_path: Path, make_window: MakeWindow) -> tuple[MainWindow, ComposePage, int]:
    """A window with a post open, and that post edited meanwhile by the CLI (a process)."""
    home = tmp_path / "home"
    home.mkdir()
    window = make_window(home)
    post = window._studio.save_draft(ORIGINAL, [])
    page = _open(window, post)
    done = _cli_edit(home, post, "Edited from a script")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"  # the post's new version
    _type(page, "Edited in the window")
    page.save_draft()
    assert page.conflict_dialog is not None
    assert page.conflict_dialog.theirs_text.toPlainText() == "Edited from a script"
    assert page.conflict_dialog.mine_text.toPlainText() == "Edited in the window"
    assert _texts(window._studio) == ["Edited from a script"]
    return window, page, post


def test_keep_mine_overwrites_on_purpose(
    edited_by_cli: tuple[MainWindow, ComposePage, int], qtbot: QtBot
) -> None:
    window, page, post = edited_by_cli
    assert page.conflict_dialog is not None
    qtbot.mouseClick(page.conflict_dialog.keep_mine, LEFT)
    assert _texts(window._studio) == ["Edited in the window"]
    assert page.editing == post and not page.is_dirty()
    assert page.feedback.text() == "Your text was saved over the other version."
    # The window's next save is made from the version it wrote: no conflict.
    _type(page, "Edited in the window, again")
    page.save_draft()
    assert _dialog(page) is None
    assert _texts(window._studio) == ["Edited in the window, again"]


def test_take_theirs_keeps_mine_as_a_new_draft(
    edited_by_cli: tuple[MainWindow, ComposePage, int], qtbot: QtBot
) -> None:
    window, page, post = edited_by_cli
    assert page.conflict_dialog is not None
    qtbot.mouseClick(page.conflict_dialog.take_theirs, LEFT)
    assert page.editing == post and page.editor.text() == "Edited from a script"
    assert not page.is_dirty()
    assert _texts(window._studio) == ["Edited from a script", "Edited in the window"]


def test_cancel_leaves_my_text_unsaved_in_the_composer(
    edited_by_cli: tuple[MainWindow, ComposePage, int], qtbot: QtBot
) -> None:
    window, page, post = edited_by_cli
    dialog = page.conflict_dialog
    assert dialog is not None
    # Named for a screen reader, every control reached by Tab; Enter keeps both texts.
    assert unnamed(dialog) == []
    assert dialog.new_draft.isDefault()
    dialog.activateWindow()
    chain = tab_chain(qtbot, dialog.theirs_text)
    for control in (dialog.mine_text, dialog.keep_mine, dialog.take_theirs, dialog.cancel):
        assert control in chain
    qtbot.mouseClick(dialog.cancel, LEFT)
    assert _dialog(page) is None
    assert page.editing == post and page.editor.text() == "Edited in the window"
    assert page.is_dirty() and "Not saved" in page.feedback.text()
    assert _texts(window._studio) == ["Edited from a script"]
    # Saving again asks again: the window's text is still made from the old version.
    page.save_draft()
    assert page.conflict_dialog is not None
    assert _texts(window._studio) == ["Edited from a script"]


def test_unsaved_work_kept_when_opening_another_post_never_overwrites(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    """Opening another post saves the open one's unsaved text (as before): when the post
    was saved elsewhere meanwhile, that text becomes a new draft instead."""
    home = tmp_path / "home"
    home.mkdir()
    window = make_window(home)
    studio = window._studio
    post = studio.save_draft(ORIGINAL, [])
    other = studio.save_draft("Another post", [])
    page = _open(window, post)
    assert _cli_edit(home, post, "Edited from a script").returncode == 0
    _type(page, "Edited in the window")
    assert page.open_post(other)
    assert page.conflict_dialog is None
    assert _texts(studio) == ["Another post", "Edited from a script", "Edited in the window"]
    assert "new draft" in page.feedback.text()


def test_crash_recovery_brings_the_text_back_and_saving_it_asks(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    """Work autosaved from version 1, the post saved elsewhere since: after a restart the
    text is back, the page says the post changed, and saving shows the conflict."""
    home = tmp_path / "home"
    home.mkdir()
    window = make_window(home)
    post = window._studio.save_draft(ORIGINAL, [])
    page = _open(window, post)
    _type(page, "Unsaved words")
    page.autosave()
    window.close()
    assert _cli_edit(home, post, "Edited from a script").returncode == 0

    again = make_window(home)
    again.show_page("compose")
    restored = again.compose
    assert restored.editing == post and restored.editor.text() == "Unsaved words"
    assert "saved elsewhere" in restored.feedback.text()
    restored.save_draft()
    assert restored.conflict_dialog is not None
    assert _texts(again._studio) == ["Edited from a script"]
