"""Links, mentions and hashtags coloured as the user types, one paragraph at a time.

A ``QSyntaxHighlighter`` re-highlights only the paragraphs (blocks) a keystroke changed, so
the cost of a key does not grow with the rest of the post. Entities never span a line break
(a link, ``@name`` or ``#tag`` ends at whitespace), so finding them per paragraph gives the
same spans as finding them in the whole text. A long paragraph is cut further at spaces
with plain ASCII on both sides (``text_pieces``), and the marks found in each piece are
kept: a key in a paragraph of 60,000 characters looks for entities in about one piece.

In a paragraph longer than ``LONG_PARAGRAPH`` only the marks near what is shown are set
(``set_window``; the editor moves the window as its view scrolls): every mark splits the
paragraph's text layout, which Qt makes again on every key, so a thousand marks out of
sight cost a key some milliseconds (measured: about 4.5 ms per 1,000 marks).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from somestudio.domain.entities import EntityKind
from somestudio.ui.composer.piece_analysis import analysis_of
from somestudio.ui.composer.positions import Utf16Map
from somestudio.ui.composer.text_pieces import EVERY, Piece, cut_at_spaces
from somestudio.ui.theme import colours

MAX_MARKED_PER_PARAGRAPH = 1000  # a pasted list of links stays responsive
KEPT_PIECES = 4096  # marks kept for this many pieces (about 1 MB of text)
LONG_PARAGRAPH = 8000  # UTF-16 units: a longer paragraph is marked near the view only

Mark = tuple[int, int, EntityKind]  # start, length (UTF-16 units, in the piece), kind


def entity_formats(colour: QColor) -> dict[EntityKind, QTextCharFormat]:
    formats = {}
    for kind in EntityKind:
        fmt = QTextCharFormat()
        fmt.setForeground(colour)
        fmt.setFontUnderline(kind is EntityKind.URL)
        formats[kind] = fmt
    return formats


def marks_of(text: str, lead: str = "", trail: str = "") -> tuple[list[Mark], int]:
    """The entities in ``text`` as it stands between ``lead`` and ``trail`` (a space, or
    nothing), in UTF-16 units of ``text``; and its length in UTF-16 units."""
    positions = Utf16Map(text)
    if not any(c in text for c in ".@＠#＃"):  # no link, mention or tag can be here
        return [], positions.utf16_length
    marks = []
    shift = len(lead)
    for entity in analysis_of(lead + text + trail).entities.all():
        start = positions.to_doc(entity.start - shift)
        marks.append((start, positions.to_doc(entity.end - shift) - start, entity.kind))
    return marks, positions.utf16_length


class EntityHighlighter(QSyntaxHighlighter):
    def __init__(
        self, document: QTextDocument, every: int = EVERY, long: int = LONG_PARAGRAPH
    ) -> None:
        super().__init__(document)
        self._formats = entity_formats(QColor(colours().mention))
        self._every = every
        self._long = long
        self._kept: dict[Piece, tuple[list[Mark], int]] = {}
        self.window = (0, long)  # document positions marked in a long paragraph

    def set_window(self, start: int, end: int) -> None:
        """Mark the long paragraphs from ``start`` to ``end`` (document positions) only;
        those paragraphs are marked again at once."""
        before, self.window = self.window, (start, end)
        document = self.document()
        if document is None or before == self.window:
            return
        block = document.findBlock(max(0, min(before[0], start)))
        last = max(before[1], end)
        while block.isValid() and block.position() <= last:
            if block.length() > self._long:
                self.rehighlightBlock(block)
            block = block.next()

    def set_colour(self, colour: QColor) -> None:
        """A new scheme (light/dark): colour everything again."""
        if self._formats[EntityKind.URL].foreground().color() != colour:
            self._formats = entity_formats(colour)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not any(c in text for c in ".@＠#＃"):  # no link, mention or tag can be here
            return
        if len(text) <= self._every:
            self._mark(marks_of(text)[0], 0, MAX_MARKED_PER_PARAGRAPH)
            return
        if len(self._kept) > KEPT_PIECES:
            self._kept.clear()
        room = MAX_MARKED_PER_PARAGRAPH
        low, high = 0, len(text) * 2  # UTF-16 units in the paragraph
        if len(text) > self._long:
            base = self.currentBlock().position()
            low, high = self.window[0] - base, self.window[1] - base
        offset = 0  # UTF-16 units
        cut = cut_at_spaces(text, self._every)
        last = len(cut) - 1
        for index, part in enumerate(cut):
            key = (" " if index else "", part, " " if index < last else "")
            if offset > high:
                return
            found = self._kept.get(key)
            if found is None and offset + len(part) * 2 < low:  # before the window
                offset += _utf16_length(part) + 1
                continue
            if found is None:
                found = self._kept[key] = marks_of(part, key[0], key[2])
            if offset + found[1] >= low:
                room -= self._mark(found[0], offset, room)
            if room <= 0:
                return
            offset += found[1] + 1  # and the space

    def _mark(self, marks: list[Mark], offset: int, room: int) -> int:
        for start, length, kind in marks[:room]:
            self.setFormat(offset + start, length, self._formats[kind])
        return min(len(marks), room)


def _utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
