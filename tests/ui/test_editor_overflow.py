"""The part of a post past the limit, painted under the text by the editor itself: the same
pixels as Qt's own drawing of it as a selection (which drew every line in view three times
on each key's repaint), and Qt's drawing kept for right-to-left text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QTextCursor
from pytestqt.qtbot import QtBot

from somestudio.ui.composer.editor import PostEditor
from somestudio.ui.composer.positions import Utf16Map

SAMPLE = (
    "Tervetuloa Kahvila Aurinkoon! ☀️ Tänään uunista tulee korvapuusteja 🥐 ja kardemummaa. "
    "Lue lisää: https://kahvila-aurinko.fi/blogi #kahvila @aurinko@mastodon.example 👩‍👩‍👧‍👦 𝒜 "
)


def _shown(editor: PostEditor, text: str, overflow: int, *, by_qt: bool) -> QImage:
    positions = Utf16Map(text)
    editor._show_overflow(None, by_qt=False)
    span = (positions.to_doc(overflow), positions.utf16_length)
    editor._show_overflow(span, by_qt=by_qt)
    assert editor.overflow_marked() == span
    assert len(editor.extraSelections()) == by_qt
    return editor.viewport().grab().toImage()


def _differing(one: QImage, other: QImage) -> int:
    assert one.size() == other.size()
    return sum(
        one.pixel(x, y) != other.pixel(x, y)
        for y in range(0, one.height())
        for x in range(0, one.width())
    )


@pytest.mark.parametrize(
    ("text", "overflow", "where"),
    [
        ((SAMPLE * 20)[:3000], 280, "start"),  # one paragraph, marked from mid-line
        ((SAMPLE * 20)[:3000], 280, "end"),
        (((SAMPLE + "\n\n") * 20)[:3000], 500, "start"),  # paragraphs and empty lines
        (((SAMPLE + "\n") * 20)[:3000], 1000, "end"),
    ],
)
def test_the_painted_overflow_is_the_one_qt_draws(
    qtbot: QtBot, text: str, overflow: int, where: str
) -> None:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.resize(631, 503)
    editor.show()
    editor.setPlainText(text)
    cursor = editor.textCursor()
    if where == "end":
        cursor.movePosition(QTextCursor.MoveOperation.End)
    else:  # a selection across the start of the mark: drawn over it
        cursor.setPosition(250)
        cursor.setPosition(320, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    qtbot.waitExposed(editor)
    editor._show_overflow(None, by_qt=False)
    unmarked = editor.viewport().grab().toImage()
    by_qt = _shown(editor, text, overflow, by_qt=True)
    painted = _shown(editor, text, overflow, by_qt=False)
    assert _differing(painted, unmarked) > 10_000  # the mark is there
    # Qt clips the text beside a selection to the paragraph's box: a glyph's edge reaching
    # a pixel into the margin (the first letter of a paragraph) is drawn only without it.
    assert _differing(painted, by_qt) <= 2 * text.count("\n") + 2


def test_right_to_left_text_keeps_qts_drawing(qtbot: QtBot) -> None:
    editor = PostEditor()
    qtbot.addWidget(editor)
    text = "שלום עולם " * 40 + "hello " * 20
    editor.setPlainText(text)
    assert editor.set_marks(text, 280)
    assert editor.overflow_marked() == (280, len(text))
    assert len(editor.extraSelections()) == 1  # Qt draws it
    latin = "hello world " * 40
    editor.setPlainText(latin)
    assert editor.set_marks(latin, 280)
    assert editor.overflow_marked() == (280, len(latin))
    assert editor.extraSelections() == []  # painted by the editor
    assert editor.set_marks(latin, None)
    assert editor.overflow_marked() is None
