"""The composer's tool row (Template, Hashtags, Signature / call to action, Tag links,
Labels, Paid collaboration) wraps at 1024 px with the Drafts panel open instead of cutting
its buttons' words ("Signature … to action", seen by a new user)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from somestudio.ui.theme import SPACE
from tests.conftest import FIXED_DAY

from .conftest import clock_on
from .layout_views import make_window


@pytest.mark.parametrize("size", [(1024, 700), (1366, 850)])
def test_every_tool_shows_its_whole_label(
    qtbot: QtBot, demo_home: Path, size: tuple[int, int]
) -> None:
    window = make_window(demo_home, size, now=clock_on(FIXED_DAY))
    qtbot.addWidget(window)
    window.show_page("compose")
    if not window.drafts.action.isChecked():
        window.drafts.action.trigger()
    for _ in range(5):
        QApplication.processEvents()
    paid = window.compose.findChild(QAbstractButton, "PaidCollaboration")
    assert paid is not None
    tools = paid.parentWidget()
    assert tools is not None
    buttons = [b for b in tools.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 6
    cut = [
        f"{b.text()!r}: {b.width()} < {b.sizeHint().width()}"
        for b in buttons
        if b.width() < b.sizeHint().width()
    ]
    assert cut == []
    assert window.width() <= size[0]
    window.close()


def _bounds(first: QImage, second: QImage) -> QRect:
    """The box around the pixels that differ between two pictures of one size."""
    box = QRect()
    for y in range(first.height()):
        for x in range(first.width()):
            if first.pixel(x, y) != second.pixel(x, y):
                box = box.united(QRect(x, y, 1, 1))
    return box


def test_a_menu_buttons_arrow_leaves_its_words_whole(qtbot: QtBot, demo_home: Path) -> None:
    """The drop-down arrow of Template, Hashtags, Signature / call to action and Labels
    was drawn over their last letter ("Tunnisteet", seen by a Finnish new user)."""
    window = make_window(demo_home, (1366, 850), now=clock_on(FIXED_DAY))
    qtbot.addWidget(window)
    window.show_page("compose")
    for _ in range(5):
        QApplication.processEvents()
    paid = window.compose.findChild(QAbstractButton, "PaidCollaboration")
    assert paid is not None
    row = paid.parentWidget()
    assert row is not None
    menu_buttons = [
        b
        for b in row.findChildren(QAbstractButton)
        if b.isVisible() and isinstance(b, QPushButton | QToolButton) and b.menu() is not None
    ]
    assert len(menu_buttons) == 4
    for button in menu_buttons:
        text, menu = button.text(), button.menu()
        shown = button.grab().toImage()
        button.setText("")
        bare = button.grab().toImage()
        button.setMenu(None)  # type: ignore[arg-type]  # Qt takes none: no menu
        plain = button.grab().toImage()
        button.setMenu(menu)
        button.setText(text)
        words, arrow = _bounds(shown, bare), _bounds(bare, plain)
        assert not words.isEmpty() and not arrow.isEmpty(), text
        # a gap between them (it was a pixel in English, none in Finnish)
        assert arrow.left() - words.right() > SPACE.xs, f"{text!r}: words {words}, arrow {arrow}"
    window.close()
