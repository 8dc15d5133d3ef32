"""The post editor keeps the glyphs Qt shaped when it laid a paragraph out, so that painting
does not shape the paragraph again (``QTextLayout.setCacheEnabled``): Qt throws them away
by default, and a key in one paragraph of 65,536 characters then cost two shapings of all of
it — over the 16 ms a key may take (``benchmarks/composer_keystroke.py``). Every paragraph
the editor shows must keep them, however it came: typed, split by Enter, brought back by
undo, loaded, or in a document given to the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextDocumentLayout
from pytestqt.qtbot import QtBot

from somestudio.ui.composer.editor import PostEditor


def _without_glyphs(editor: PostEditor) -> list[int]:
    """Numbers of the paragraphs whose layout throws its glyphs away."""
    lost = []
    block = editor.document().firstBlock()
    while block.isValid():
        if not block.layout().cacheEnabled():
            lost.append(block.blockNumber())
        block = block.next()
    return lost


def _editor(qtbot: QtBot) -> PostEditor:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.show()
    editor.setFocus()
    return editor


def test_every_paragraph_typed_loaded_or_undone_keeps_its_glyphs(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    assert _without_glyphs(editor) == []  # the empty first paragraph
    QTest.keyClicks(editor, "Uunista tulee korvapuusteja")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "ja kardemummaa")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "#kahvila")
    assert editor.document().blockCount() == 4
    assert _without_glyphs(editor) == []
    # Backspace at a paragraph's start joins it to the one before; undo splits them again
    # into paragraphs Qt makes anew.
    QTest.keyClick(editor, Qt.Key.Key_Home)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.document().blockCount() == 1
    editor.undo()
    editor.undo()
    assert editor.document().blockCount() == 4
    assert _without_glyphs(editor) == []
    editor.set_text("Tervetuloa!\n\n" * 50 + "☀️ 👩‍👩‍👧‍👦 🇫🇮")
    assert editor.document().blockCount() == 101
    assert _without_glyphs(editor) == []


def test_a_document_given_to_the_editor_keeps_its_glyphs(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    document = QTextDocument(editor)
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setPlainText("Yksi\nKaksi\nKolme")
    editor.setDocument(document)
    assert _without_glyphs(editor) == []
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "Nelja")
    assert editor.document().blockCount() == 4
    assert _without_glyphs(editor) == []


def test_kept_glyphs_paint_the_same_pixels(qtbot: QtBot) -> None:
    """The glyphs kept are the ones Qt would shape again: the text, its emoji sequences and
    its link/tag marks look the same as in a layout that throws them away."""
    sample = (
        "Tervetuloa Kahvila Aurinkoon! ☀️ korvapuusteja 🥐 👩‍👩‍👧‍👦 👍🏽 🇫🇮 𝒜 AV To "
        "https://kahvila-aurinko.fi/blogi #kahvila @aurinko@mastodon.example "
    )
    editor = _editor(qtbot)
    editor.set_text(sample * 6 + "\n\n" + sample)
    kept = editor.viewport().grab().toImage()
    assert _without_glyphs(editor) == []
    document = editor.document()
    document.contentsChange.disconnect(editor._keep_glyphs)
    block = document.firstBlock()
    while block.isValid():
        block.layout().setCacheEnabled(False)
        block = block.next()
    document.markContentsDirty(0, document.characterCount())  # laid out again, as Qt ships
    assert _without_glyphs(editor) == list(range(document.blockCount()))
    thrown_away = editor.viewport().grab().toImage()
    assert kept == thrown_away
