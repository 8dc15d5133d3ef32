"""Attaching media through the real Qt file dialog, as a person does: click the button,
type the file's name into the dialog's file-name field, press Enter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.tasks import Tasks


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ws = open_workspace(home)
    yield ws
    ws.close()
    QLocale.setDefault(QLocale.c())


def _open_file_dialog() -> QFileDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


# The dialog's file-name completer pops up while typing; offscreen cannot grab the keyboard.
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_add_images_button_opens_a_file_dialog_that_attaches_the_chosen_png(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    picture = tmp_path / "pictures" / "korvapuusti.png"
    picture.parent.mkdir()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(picture)
    page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.show()

    qtbot.mouseClick(page.media.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _open_file_dialog() is not None)
    dialog = _open_file_dialog()
    assert dialog is not None
    assert dialog.windowTitle() == "Add images or video"
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    name_field = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_field is not None and name_field.accessibleName() == "File name"
    dialog.setDirectory(str(picture.parent))
    name_field.setFocus()
    qtbot.keyClicks(name_field, picture.name)
    qtbot.keyClick(name_field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(page.media.attachments()) == 1)
    assert Path(page.media.attachments()[0].path) == picture
    assert page.media.list.item(0).text().startswith("korvapuusti.png")
    assert page.current_draft().attachments[0].path == str(picture)
    qtbot.waitUntil(lambda: page.media.dialog is None)


def test_cancelling_the_file_dialog_attaches_nothing(qtbot: QtBot, workspace: Workspace) -> None:
    page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.show()
    page.media.add_button.click()
    qtbot.waitUntil(lambda: _open_file_dialog() is not None)
    dialog = _open_file_dialog()
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: page.media.dialog is None)
    assert page.media.attachments() == ()
