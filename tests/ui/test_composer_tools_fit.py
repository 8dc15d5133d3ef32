"""The composer's tool row (Template, Hashtags, Signature / call to action, Tag links,
Labels, Paid collaboration) wraps at 1024 px with the Drafts panel open instead of cutting
its buttons' words ("Signature … to action", seen by a new user)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from .layout_views import make_window


@pytest.mark.parametrize("size", [(1024, 700), (1366, 850)])
def test_every_tool_shows_its_whole_label(
    qtbot: QtBot, demo_home: Path, size: tuple[int, int]
) -> None:
    window = make_window(demo_home, size)
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
