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
    QWidget,
)
from pytestqt.qtbot import QtBot

from somestudio.app.workspace import open_workspace
from somestudio.ui.composer.channel_panel import ChannelPanel
from somestudio.ui.main_window import PAGES, MainWindow
from tests.accounts_setup import add_archive_account
from tests.ui.a11y import describe, tab_chain
from tests.ui.conftest import MakeWindow


def test_enter_presses_a_focused_button_on_a_page(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    workspace = open_workspace(tmp_path)  # an account (with none, the button is off)
    add_archive_account(workspace, archive, "Arkisto")
    workspace.close()
    window = make_window(tmp_path)
    window.show()
    window.show_page("accounts")
    accounts = window.accounts
    button = accounts.test_button
    assert button.isEnabled()  # before a row is chosen: it says what it needs
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


def test_the_composer_tabs_in_the_order_of_the_screen(
    make_window: MakeWindow, qtbot: QtBot, demo_home: Path
) -> None:
    """The channel tab's own controls came after the toolbar and Drafts, and from the tab
    bar Tab jumped to the previews: now toolbar → text → … → channel tabs → that tab's
    controls → previews → Save, Schedule, Publish; Shift+Tab goes back the same way."""
    window = make_window(demo_home)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.show_page("compose")
    page = window.compose
    for row in range(3):
        page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(page.editor, "Kahvila aukeaa kello 8")
    chain = tab_chain(qtbot, page.editor)
    names = [w.objectName() or describe(w) for w in chain]
    tools = page.findChild(QWidget, "ComposerTools")
    assert tools is not None
    tool_buttons = [w for w in chain if tools.isAncestorOf(w)]
    assert tool_buttons and chain[-1] is tool_buttons[-1]  # the toolbar, then the text
    tabs = page.channels.tabBar()
    panel = page.channels.currentWidget()
    assert isinstance(panel, ChannelPanel)
    at = chain.index(tabs)
    assert chain[at + 1 : at + 4] == [panel.override_button, panel.split_button, panel.numbered]
    assert names[at + 4] == "PreviewsSideBySide", names
    previews = page.previews.findChild(QWidget, "PreviewScroll")
    assert previews is not None and chain.index(page.save_button) > chain.index(previews)
    assert chain[chain.index(page.save_button) : chain.index(page.save_button) + 3] == [
        page.save_button, page.schedule_button, page.publish_button
    ]  # fmt: skip
    # Another channel's tab: its own controls, not the first one's.
    page.channels.setCurrentIndex(1)
    other = page.channels.currentWidget()
    assert isinstance(other, ChannelPanel) and other is not panel
    tabs.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tabs, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is other.override_button
    # Shift+Tab back: to the tab bar, and from the text to the toolbar's last control.
    qtbot.keyClick(other.override_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is tabs
    page.editor.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is tool_buttons[-1]
