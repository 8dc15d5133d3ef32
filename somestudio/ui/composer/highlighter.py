"""Links, mentions and hashtags coloured as the user types, one paragraph at a time.

Only the paragraphs (blocks) a keystroke changed are marked again, so the cost of a key
does not grow with the rest of the post. Entities never span a line break
(a link, ``@name`` or ``#tag`` ends at whitespace), so finding them per paragraph gives the
same spans as finding them in the whole text. A long paragraph is cut further at spaces
with plain ASCII on both sides (``text_pieces``), and the marks found in each piece are
kept: a key in a paragraph of 60,000 characters looks for entities in about one piece.

In a paragraph longer than ``LONG_PARAGRAPH`` only the marks near what is shown are set
(``set_window``; the editor moves the window as its view scrolls): every mark splits the
paragraph's text layout, which Qt makes again on every key, so a thousand marks out of
sight cost a key some milliseconds (measured: about 4.5 ms per 1,000 marks).

Typing in such a paragraph (a change of at most ``TYPED`` characters) moves the marks it has
with the text instead of finding them again, and they are found again once the keys pause
for ``REMARK_MS``: finding them cost each key 0.3–0.7 ms (measured at 65,536 characters,
where a key may take 16 ms and Qt alone takes about 14), and setting them then lays the
paragraph out again only when they differ — a link or tag typed there is coloured at the
pause.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from somestudio.domain.entities import EntityKind
from somestudio.ui.composer.piece_analysis import analysis_of
from somestudio.ui.composer.positions import Utf16Map
from somestudio.ui.composer.text_pieces import EVERY, Piece, cut_at_spaces
from somestudio.ui.theme import colours

MAX_MARKED_PER_PARAGRAPH = 1000  # a pasted list of links stays responsive
KEPT_PIECES = 4096  # marks kept for this many pieces (about 1 MB of text)
KEPT_RANGES = 8192  # format ranges kept for reuse
LONG_PARAGRAPH = 8000  # UTF-16 units: a longer paragraph is marked near the view only
TYPED = 64  # a change of at most this many characters in a long paragraph: marks moved
REMARK_MS = 250  # ... and found again when the keys pause this long

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


class EntityHighlighter(QObject):
    """Sets each changed paragraph's marks as its text layout's formats, as
    ``QSyntaxHighlighter`` does, on ``contentsChange`` (before Qt lays the paragraph out
    again, so once per key). Not a ``QSyntaxHighlighter``: that one fills and compares a
    format for every character of the changed paragraph on each key, 0.5–1 ms in a
    paragraph of 65,536 characters, to set the same few dozen ranges."""

    def __init__(
        self,
        document: QTextDocument | None,
        every: int = EVERY,
        long: int = LONG_PARAGRAPH,
        *,
        typed: int = TYPED,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else document)
        self._formats = entity_formats(QColor(colours().mention))
        self._every = every
        self._long = long
        self._typed = typed  # a change of at most this many characters is typing (-1: none)
        self._kept: dict[Piece, tuple[list[Mark], int]] = {}
        self._ranges: dict[Mark, QTextLayout.FormatRange] = {}  # made before: reused
        self._units: dict[str, int] = {}  # pieces' lengths in UTF-16 units
        self._whole_text: str | None = None  # see ``take_whole_text``
        self.window = (0, long)  # document positions marked in a long paragraph
        # The document is asked of the parent each time (the editor, or the document
        # itself): a Python object kept for a document Qt made (an editor's) was once marked
        # dead by PySide, the document alive, and every key failed (the cause, a walk round
        # the focus chain, is mended in ``keyboard.focus_ring``; asking costs nothing).
        self._attached = False
        self._via_parent = False
        self._given: QTextDocument | None = None  # one not reached through the parent
        self._remark = QTimer(self)  # marks moved by typing in a long paragraph: found again
        self._remark.setSingleShot(True)
        self._remark.setInterval(REMARK_MS)
        self._remark.timeout.connect(self.remark_long_paragraphs)
        self.setDocument(document)

    def _parents_document(self) -> QTextDocument | None:
        parent = self.parent()
        if isinstance(parent, QTextDocument):
            return parent
        if isinstance(parent, QPlainTextEdit):
            return parent.document()
        return None

    def document(self) -> QTextDocument | None:
        if not self._attached:
            return None
        return self._parents_document() if self._via_parent else self._given

    def setDocument(self, document: QTextDocument | None) -> None:
        """Colour ``document`` (None: none); the marks leave the one before."""
        before = self.document()
        if before is not None and shiboken6.isValid(before):
            before.contentsChange.disconnect(self._changed)
            block = before.begin()
            while block.isValid():
                self._set_marks(block, [])
                block = block.next()
        self._attached, self._given = document is not None, None
        self._remark.stop()
        if document is None:
            return
        through_parent = self._parents_document()
        self._via_parent = through_parent is not None and shiboken6.getCppPointer(
            through_parent
        ) == shiboken6.getCppPointer(document)
        if not self._via_parent:
            self._given = document
        document.contentsChange.connect(self._changed)
        self.rehighlight()

    def rehighlight(self) -> None:
        """Mark every paragraph again."""
        document = self.document()
        block = document.begin() if document is not None else None
        while block is not None and block.isValid():
            self.rehighlightBlock(block)
            block = block.next()

    def rehighlightBlock(self, block: QTextBlock, *, edited: bool = False) -> None:
        text = block.text()
        if edited and block.position() == 0 and not block.next().isValid():
            self._whole_text = text  # the document's one paragraph, as it now stands
        self._set_marks(block, self.paragraph_marks(text, block.position()), edited=edited)

    def take_whole_text(self) -> str | None:
        """The document's text when it is one paragraph and this change was marked (read
        once for the marks, not again for the editor's ``text()``); None otherwise."""
        text, self._whole_text = self._whole_text, None
        return text

    def _changed(self, position: int, removed: int, added: int) -> None:
        """The paragraphs the change touched (the one it ends in too), marked again; typing
        in a long paragraph moves its marks, found again at a pause (``_typed_in_long``)."""
        document = self.document()
        if document is None:
            return
        block = document.findBlock(position)
        last = document.findBlock(position + max(added - 1, 0))
        if (
            max(removed, added) <= self._typed
            and block == last
            and block.isValid()
            and block.length() > self._long
        ):
            self._typed_in_long(block, position - block.position(), removed, added)
            return
        end = last.position() if last.isValid() else document.lastBlock().position()
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block, edited=True)
            block = block.next()

    def _typed_in_long(self, block: QTextBlock, at: int, removed: int, added: int) -> None:
        """A few characters typed or deleted at ``at`` in the long paragraph ``block``: the
        marks after them move with the text (one the change is inside grows or shrinks),
        and all are found again when the keys pause."""
        if block.position() == 0 and not block.next().isValid():
            self._whole_text = block.text()  # (read here for the editor, as when marking)
        if removed != added:
            layout = block.layout()
            moved = _moved(layout.formats(), at, removed, added)
            if moved is not None:
                layout.setFormats(moved)  # laid out with the change, next
        self._remark.start()

    def remark_long_paragraphs(self) -> None:
        """Find the marks of the long paragraphs again (after typing moved them); a paragraph
        whose marks are the same is not laid out again."""
        document = self.document()
        block = document.begin() if document is not None else None
        while block is not None and block.isValid():
            if block.length() > self._long:
                self.rehighlightBlock(block)
            block = block.next()

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
            self._ranges.clear()
            self.rehighlight()

    def paragraph_marks(self, text: str, position: int) -> list[Mark]:
        """The marks of the paragraph ``text`` at document ``position``, in UTF-16 units of
        the paragraph; at most ``MAX_MARKED_PER_PARAGRAPH``, and in a long paragraph only
        those in the window."""
        if not any(c in text for c in ".@＠#＃"):  # no link, mention or tag can be here
            return []
        if len(text) <= self._every:
            return marks_of(text)[0][:MAX_MARKED_PER_PARAGRAPH]
        if len(self._kept) > KEPT_PIECES:
            self._kept.clear()
        cut = cut_at_spaces(text, self._every)
        last = len(cut) - 1
        first, offset, high = 0, 0, len(text) * 2  # pieces from ``first`` at ``offset``
        if len(text) > self._long:  # (UTF-16 units)
            low, high = self.window[0] - position, self.window[1] - position
            # where each piece ends, with its space: the first piece reaching the window
            # is found without a step of Python for each piece before it
            ends = list(accumulate(map((1).__add__, self._utf16_lengths(cut))))
            first = bisect_left(ends, low + 1)
            offset = ends[first - 1] if first else 0
        marks: list[Mark] = []
        for index in range(first, last + 1):
            if offset > high:
                break
            part = cut[index]
            key = (" " if index else "", part, " " if index < last else "")
            found = self._kept.get(key)
            if found is None:
                found = self._kept[key] = marks_of(part, key[0], key[2])
            marks += [(offset + start, length, kind) for start, length, kind in found[0]]
            if len(marks) >= MAX_MARKED_PER_PARAGRAPH:
                return marks[:MAX_MARKED_PER_PARAGRAPH]
            offset += found[1] + 1  # and the space
        return marks

    def _utf16_lengths(self, cut: list[str]) -> list[int]:
        """Each piece's length in UTF-16 units, kept per piece (most are the same strings
        from key to key)."""
        units = self._units
        try:
            return list(map(units.__getitem__, cut))
        except KeyError:
            if len(units) > KEPT_PIECES:
                units.clear()
            for part in cut:
                if part not in units:
                    units[part] = _utf16_length(part)
            return list(map(units.__getitem__, cut))

    def _set_marks(self, block: QTextBlock, marks: list[Mark], *, edited: bool = False) -> None:
        """``marks`` as the formats of ``block``'s layout; an input method's text being
        composed keeps its own formats (as ``QSyntaxHighlighter`` keeps them). ``edited``:
        the paragraph's text changed, so Qt lays it out again anyway and the marks are set
        without comparing them with the ones before (most of them moved)."""
        layout = block.layout()
        preedit_start = layout.preeditAreaPosition()
        preedit_length = len(layout.preeditAreaText())
        old = layout.formats() if not edited or preedit_length or not marks else None
        ranges = []
        if preedit_length and old:  # (Qt's own rule, ``QSyntaxHighlighter``)
            end = preedit_start + preedit_length
            ranges = [r for r in old if preedit_start <= r.start and r.start + r.length <= end]
        made = self._ranges
        if len(made) > KEPT_RANGES:
            made.clear()
        for mark in marks:
            key = _around_preedit(mark, preedit_start, preedit_length) if preedit_length else mark
            found = made.get(key)
            if found is None:
                found = made[key] = _format_range(key[0], key[1], self._formats[key[2]])
            ranges.append(found)
        if old is not None and _same(old, ranges):
            return  # nothing to lay out again
        layout.setFormats(ranges)
        document = block.document()
        # Inside ``contentsChange`` this joins the change Qt lays out next; else it lays
        # the paragraph out now.
        document.markContentsDirty(block.position(), block.length())


def _around_preedit(mark: Mark, start: int, length: int) -> Mark:
    """``mark`` in a paragraph whose layout holds an input method's ``length`` characters
    at ``start`` (which the paragraph's text does not): moved or widened by them."""
    begin, size, kind = mark
    if begin >= start:
        return (begin + length, size, kind)
    if begin + size >= start:
        return (begin, size + length, kind)
    return mark


def _moved(
    ranges: list[QTextLayout.FormatRange], at: int, removed: int, added: int
) -> list[QTextLayout.FormatRange] | None:
    """``ranges`` after ``removed`` characters at ``at`` became ``added`` ones: those after
    the change moved, one holding it resized, one the change cut into kept in part; None
    when none of them changes (typing at the end, the usual case)."""
    if not ranges or ranges[-1].start + ranges[-1].length <= at:
        return None
    delta, cut_to = added - removed, at + removed
    result = []
    for old in ranges:
        start, end = old.start, old.start + old.length
        if end <= at:
            result.append(old)
            continue
        if start >= cut_to:  # after the change
            start, end = start + delta, end + delta
        elif start < at and cut_to <= end:  # the change is inside it
            end += delta
        elif start < at:  # the change took its end
            end = at
        else:  # the change took its start: what is left after it
            start, end = at + added, end + delta
        if end > start:
            result.append(_format_range(start, end - start, old.format))
    return result


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    result = QTextLayout.FormatRange()
    result.start, result.length, result.format = start, length, fmt
    return result


def _same(old: list[QTextLayout.FormatRange], new: list[QTextLayout.FormatRange]) -> bool:
    return len(old) == len(new) and all(
        (a.start, a.length) == (b.start, b.length) and a.format == b.format
        for a, b in zip(old, new, strict=True)
    )


def _utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
