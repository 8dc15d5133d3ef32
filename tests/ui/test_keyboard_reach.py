"""What a keyboard-only user reaches: Enter presses a focused button on the window's pages
(it did only in dialogs), and Ctrl+1…8 puts the keyboard on the page shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from somestudio.ui.main_window import PAGES, MainWindow
from tests.ui.conftest import MakeWindow


def test_enter_presses_a_focused_button_on_a_page(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(tmp_path)
    window.show()
    window.show_page("accounts")
    accounts = window.accounts
    button = accounts.test_button
    assert button.isEnabled()
    accounts.details.setText("")
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert accounts.details.text() == "Select an account first."
    accounts.details.setText("")
    qtbot.keyClick(button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert accounts.details.text() == "Select an account first."


def test_enter_in_a_dialog_and_a_line_edit_stays_theirs(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(tmp_path)
    window.show()
    dialog = QDialog(window)
    other = QPushButton("Other", dialog)
    default = QPushButton("Default", dialog)
    default.setDefault(True)
    field = QLineEdit(dialog)
    layout = QVBoxLayout(dialog)
    for widget in (other, default, field):
        layout.addWidget(widget)
    pressed: list[str] = []
    other.clicked.connect(lambda: pressed.append("other"))
    default.clicked.connect(lambda: pressed.append("default"))
    field.returnPressed.connect(lambda: pressed.append("field"))
    dialog.show()
    qtbot.waitExposed(dialog)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert pressed == ["field", "default"]  # the line edit says so; the dialog's default goes
    dialog.show()
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert pressed[2:] == ["other"]  # once: pressed by Qt's dialog rule, not twice


def _page_action(window: MainWindow, number: int) -> QAction:
    wanted = QKeySequence(f"Ctrl+{number}")
    found = [a for a in window.findChildren(QAction) if a.shortcut() == wanted]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("key", list(PAGES))
def test_ctrl_number_puts_the_keyboard_on_the_page_shown(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, key: str
) -> None:
    """It stayed in the pages list (or on a control of the page left, out of sight)."""
    window = make_window(tmp_path)
    window.show()
    window.show_page("compose" if key != "compose" else "calendar")
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus)
    _page_action(window, PAGES.index(key) + 1).trigger()
    qtbot.waitUntil(lambda: key in window._pages and window.current_page() == key)
    page = window.page(key)

    def on_page() -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and page.isAncestorOf(focus)

    qtbot.waitUntil(on_page)
    focus = QApplication.focusWidget()
    assert focus is not None and type(focus) is not QScrollArea and focus.isVisible()
    # Pressed again on the page in view, the keyboard comes back to it.
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus)
    _page_action(window, PAGES.index(key) + 1).trigger()
    qtbot.waitUntil(on_page)
