"""A post's text editor: marks the part past the limit and the links, mentions and hashtags,
selects a finding's span, keeps pasted text to a size the window can lay out, and hands
dropped files to the media strip instead of pasting their paths."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from somestudio.domain.entities import Entities, EntityKind
from somestudio.ui.composer.positions import Utf16Map

# No network takes more than 63,206 characters (Facebook); beyond this the text layout of
# one unbroken paragraph gets slow enough to freeze the window (a pasted megabyte).
MAX_TEXT = 65_536
MAX_MARKED_ENTITIES = 1000
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
OVERFLOW_BACKGROUND = QColor(229, 57, 53, 70)  # translucent red: readable on light and dark


def editor_safe(text: str) -> tuple[str, bool]:
    """``text`` as the editor can hold it: a lone surrogate (which Qt would drop silently,
    shifting every offset after it) becomes U+FFFD. True when something was replaced."""
    fixed = _LONE_SURROGATE.sub("\ufffd", text)
    return fixed, fixed != text


class PostEditor(QPlainTextEdit):
    files_dropped = Signal(list)  # local paths
    text_capped = Signal(int)  # characters left out of a paste

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    # -- text
    def text(self) -> str:
        """The exact text (``toPlainText`` turns no-break spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def set_text(self, text: str) -> bool:
        """Replace the text; True when it had to be changed (cut or a broken character)."""
        safe, replaced = editor_safe(text)
        capped = safe[:MAX_TEXT]
        self.setPlainText(capped)
        return replaced or len(capped) < len(safe)

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``start``..``end`` and show them."""
        positions = Utf16Map(self.text())
        cursor = self.textCursor()
        cursor.setPosition(positions.to_doc(start))
        cursor.setPosition(positions.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    # -- marks
    def set_marks(self, text: str, overflow: int | None, entities: Entities | None) -> bool:
        """Mark the text past ``overflow`` and the entities; skipped (False) when ``text`` is
        no longer what the editor holds (a newer check is on its way)."""
        if text != self.text():
            return False
        positions = Utf16Map(text)
        if positions.utf16_length != self.document().characterCount() - 1:
            self.setExtraSelections([])  # Qt holds something Python cannot see: mark nothing
            return False
        selections: list[QTextEdit.ExtraSelection] = []
        link = self.palette().color(QPalette.ColorRole.Link)
        for entity in (entities.all() if entities else ())[:MAX_MARKED_ENTITIES]:
            fmt = QTextCharFormat()
            fmt.setForeground(link)
            if entity.kind is EntityKind.URL:
                fmt.setFontUnderline(True)
            selections.append(self._selection(positions, entity.start, entity.end, fmt))
        if overflow is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(OVERFLOW_BACKGROUND)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(self._selection(positions, overflow, len(text), fmt))
        self.setExtraSelections(selections)
        return True

    def overflow_marked(self) -> tuple[int, int] | None:
        """The marked overflow as document positions (for tests and tools)."""
        for selection in self.extraSelections():
            if selection.format.background().color() == OVERFLOW_BACKGROUND:
                return selection.cursor.selectionStart(), selection.cursor.selectionEnd()
        return None

    def _selection(
        self, positions: Utf16Map, start: int, end: int, fmt: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(positions.to_doc(start))
        cursor.setPosition(positions.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # -- paste and drop
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [u.toLocalFile() for u in source.urls() if u.isLocalFile()]
        if files:
            self.files_dropped.emit(files)
            return
        if not source.hasText():
            return
        selected = len(self.textCursor().selectedText())
        room = max(0, MAX_TEXT - (len(self.text()) - selected))
        incoming, _ = editor_safe(source.text())
        if len(incoming) > room:
            self.text_capped.emit(len(incoming) - room)
            incoming = incoming[:room]
        self.insertPlainText(incoming)
