# ruff: noqa: F811 - the rig fixture is the Inbox page tests' own, imported
"""How the Inbox page's right side holds its shape: a time in the conversation never wraps
("10:36" / "PM"), and the answer box keeps its place whatever the conversation above it
holds."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.ui.inbox.delegate import when_text
from tests.ui.test_inbox_page import HELSINKI, Rig, _current, rig  # noqa: F401


def _lines_of(document: QTextDocument, text: str) -> set[int]:
    """The layout lines the characters of ``text`` (found in ``document``) fall on."""
    found = document.find(text)
    if found.isNull():  # Qt's HTML reading makes a narrow no-break space a plain space
        found = document.find(text.replace("\u202f", " ").replace("\u00a0", " "))
    assert not found.isNull(), (text, document.toPlainText())
    block = found.block()
    layout = block.layout()
    start = found.selectionStart() - block.position()
    return {
        layout.lineForTextPosition(position).lineNumber()
        for position in range(start, found.selectionEnd() - block.position())
    }


def test_a_time_in_the_conversation_never_wraps(rig: Rig, qtbot: QtBot) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    page = rig.page
    item = _current(page)
    page.show_conversation()
    when = when_text(item.created_at, HELSINKI)
    assert " " in when or "\u202f" in when  # "11/20/26 11:04 AM": somewhere it could break
    for width in range(page.conversation.minimumWidth(), 520, 4):
        document = page.conversation.document().clone()
        document.setTextWidth(width)
        document.documentLayout().documentSize()  # laid out at this width
        assert len(_lines_of(document, when)) == 1, width


def test_the_answer_box_keeps_its_place_as_entries_and_messages_change(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    page.resize(1100, 700)
    qtbot.waitUntil(lambda: not page.model.loading)

    def where() -> tuple[int, int, int]:
        QApplication.processEvents()
        box = page.editor.editor
        top = box.mapTo(page, QPoint(0, 0)).y()
        send = page.editor.send.mapTo(page, QPoint(0, 0)).y()
        return top, box.height(), send

    first = where()
    seen = {first}
    for _ in range(page.model.rowCount()):
        page.next_item()
        page.show_conversation()
        seen.add(where())
    page.editor.show_problem("⚠ Rate limited · " + "The network asked to slow down. " * 6)
    seen.add(where())
    page.editor.show_problem("Sent.")
    seen.add(where())
    page.previous_item()
    seen.add(where())
    assert seen == {first}
