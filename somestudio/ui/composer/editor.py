"""A post's text editor: marks the part past the limit (a range, set after each check) and
the links, mentions and hashtags (per paragraph as the user types: ``highlighter.py``),
selects a finding's span, keeps pasted text to a size the window can lay out, and hands
dropped files to the media strip instead of pasting their paths."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from somestudio.ui.composer.highlighter import EntityHighlighter
from somestudio.ui.composer.positions import Utf16Map
from somestudio.ui.theme import colours

# No network takes more than 63,206 characters (Facebook); beyond this the text layout of
# one unbroken paragraph gets slow enough to freeze the window (a pasted megabyte).
MAX_TEXT = 65_536
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Right-to-left letters and marks: a line with them can have its marked part in pieces.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
OVERFLOW_ALPHA = 70  # the danger colour, translucent: the text stays readable on it
# A long paragraph's links and tags are marked from half a view's height (this many
# characters at least) above what is shown to as far below; the marks follow the view once
# it has been still for ``FOLLOW_MS``, or at once when it comes within half that margin of
# their edge. (Each mark costs every key's layout of the paragraph about 10 µs: a margin of a
# whole view and 3,000 characters was 99 marks at the end of a 65,536-character paragraph,
# this is 72.)
MARGIN = 1200
FOLLOW_MS = 60


def editor_safe(text: str) -> tuple[str, bool]:
    """``text`` as the editor can hold it: a lone surrogate (which Qt would drop silently,
    shifting every offset after it) becomes U+FFFD. True when something was replaced."""
    fixed = _LONE_SURROGATE.sub("\ufffd", text)
    return fixed, fixed != text


def overflow_background() -> QColor:
    colour = QColor(colours().danger)
    colour.setAlpha(OVERFLOW_ALPHA)
    return colour


_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    }
)


class PostEditor(QPlainTextEdit):
    files_dropped = Signal(list)  # local paths
    text_capped = Signal(int)  # characters left out of a paste

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.highlighter = EntityHighlighter(self.document(), parent=self)
        self._text: str | None = None  # ``text()`` until the document changes
        # The document's length when Qt last told of a change (and then laid it out): inside
        # an edit block the text has changed and the layout not yet.
        self._told_length = self.document().characterCount()
        self.document().contentsChange.connect(self._forget_text)
        self.document().contentsChange.connect(self._keep_glyphs)
        self._keep_glyphs(0, 0, self.document().characterCount())
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self.follow_view)
        self.verticalScrollBar().valueChanged.connect(self._view_moved)
        self.textChanged.connect(self._follow.start)
        self._overflow: QTextCursor | None = None  # the part past the limit
        self._overflow_by_qt = False  # marked as an extra selection (right-to-left text)
        # (the palettes it was worked out for) and the overflow's colour blended over the
        # background, opaque (None: the background is not one colour)
        self._blended: tuple[tuple[int, int, bool], QColor | None] | None = None
        # (document revision, cursor position) after the last typed key: the word it is in
        # is still being typed when the next key comes with both unchanged.
        self._typed_to: tuple[int, int] | None = None

    # -- marks of a long paragraph near the view
    def shown_span(self) -> tuple[int, int]:
        """Document positions of the first and last characters in view."""
        viewport = self.viewport()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, last

    def follow_view(self) -> None:
        """Move the long paragraphs' marks to around what is shown (unless they are there)."""
        if not self._marked_around_view(2):
            first, last = self.shown_span()
            margin = max(MARGIN, (last - first) // 2)
            self.highlighter.set_window(max(0, first - margin), last + margin)

    def _marked_around_view(self, share: int) -> bool:
        """The marks reach ``1/share`` of the margin beyond the view on both sides."""
        first, last = self.shown_span()
        margin = max(MARGIN, (last - first) // 2) // share
        start, end = self.highlighter.window
        return start <= max(0, first - margin) and end >= last + margin

    def _view_moved(self) -> None:
        if self.document().characterCount() != self._told_length:
            # Moved inside an edit (a key typed over a selection): Qt has not laid the new
            # text out, and asked where the view's corner falls, its old layout answered a
            # position past the end ("QTextCursor::setPosition: ... out of range").
            self._follow.start()
            return
        if self._marked_around_view(4):
            self._follow.start()
        else:
            self.follow_view()  # close to unmarked text: at once

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow.start()

    # -- typing, undone a word at a time
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typed text is undone a word at a time (with what follows it up to the next word), as
        in a word processor. Qt alone merges an unbroken run of typing into one step, so that
        Ctrl+Z took away a whole paragraph. Each word is an edit block of its own, which the keys
        that continue it join."""
        if event.key() in _MODIFIER_KEYS:
            # Shift held for a capital is no break in a word: "UPDATED" typed with Shift
            # was undone a letter at a time (a keyboard-only user's finding).
            super().keyPressEvent(event)
            return
        typed = event.text()
        modifiers = event.modifiers()
        shortcut = bool(modifiers & Qt.KeyboardModifier.MetaModifier) or (
            bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            and not modifiers & Qt.KeyboardModifier.AltModifier  # Ctrl+Alt: AltGr on Windows
        )
        if shortcut or not typed or not (typed.isprintable() or typed == "\r"):
            self._typed_to = None
            super().keyPressEvent(event)
            return
        document = self.document()
        cursor = self.textCursor()
        word_starts = not typed[0].isspace() and (
            cursor.atStart() or document.characterAt(cursor.position() - 1).isspace()
        )
        if (
            not word_starts
            and not cursor.hasSelection()
            and self._typed_to == (document.revision(), cursor.position())
        ):
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            super().keyPressEvent(event)
        finally:
            cursor.endEditBlock()
        self._typed_to = (document.revision(), self.textCursor().position())

    # -- text
    def text(self) -> str:
        """The exact text (``toPlainText`` turns no-break spaces into spaces). Kept until the
        document changes: a key's handlers ask for it several times."""
        if self._text is None:
            self._text = self.document().toRawText().replace("\u2029", "\n")
        return self._text

    def _forget_text(self) -> None:
        """A change (after the highlighter has marked it): a one-paragraph text is taken
        from the highlighter, which read it for the marks (0.15 ms at 65,536 characters);
        else ``text()`` reads it when asked."""
        self._text = self.highlighter.take_whole_text()
        self._told_length = self.document().characterCount()

    def _keep_glyphs(self, position: int, _removed: int, added: int) -> None:
        """The changed paragraphs keep the glyphs Qt shaped when it laid them out (told
        before it lays them out), so that painting them does not shape them again: Qt
        throws them away by default, and a key in one paragraph of 65,536 characters then
        costs two shapings of all of it (bare editor 15.5 → 11 ms a key; a few MB more at
        that length). ``QTextLayout.setCacheEnabled``."""
        document = self.document()
        block = document.findBlock(position)
        end = position + added
        while block.isValid() and block.position() <= end:
            layout = block.layout()
            if not layout.cacheEnabled():
                layout.setCacheEnabled(True)
            block = block.next()

    def setDocument(self, document: QTextDocument) -> None:
        """The highlighter and the text's reading follow the editor to ``document`` (or stay
        with the one it has, if Qt refuses ``document``)."""
        before = self.document()
        before.contentsChange.disconnect(self._forget_text)
        before.contentsChange.disconnect(self._keep_glyphs)
        self.highlighter.setDocument(None)  # (the document before may be deleted next)
        super().setDocument(document)
        now = self.document()
        # connected first: it marks a change before ``_forget_text`` runs
        self.highlighter.setDocument(now)
        self._text = None
        self._told_length = now.characterCount()
        now.contentsChange.connect(self._forget_text)
        now.contentsChange.connect(self._keep_glyphs)
        self._keep_glyphs(0, 0, now.characterCount())

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
    def set_marks(self, text: str, overflow: int | None) -> bool:
        """Mark the text past ``overflow`` (code points); skipped (False) when ``text`` is no
        longer what the editor holds (a newer check is on its way). Links, mentions and tags
        are coloured by the highlighter as the text changes, not here."""
        if text != self.text():
            return False
        positions = Utf16Map(text)
        if positions.utf16_length != self.document().characterCount() - 1:
            # Qt holds something Python cannot see: mark nothing
            self._show_overflow(None, by_qt=False)
            return False
        span = None if overflow is None else (positions.to_doc(overflow), positions.utf16_length)
        right_to_left = overflow is not None and (
            self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            or _RIGHT_TO_LEFT.search(text) is not None
        )
        self._show_overflow(span, by_qt=right_to_left)
        return True

    def _show_overflow(self, span: tuple[int, int] | None, *, by_qt: bool) -> None:
        """Mark ``span`` (document positions). Painted under the text by ``paintEvent``;
        ``by_qt``: as an extra selection (Qt's own drawing) instead, for right-to-left text,
        whose marked part of a line can be several pieces."""
        if span == self.overflow_marked() and (span is None or by_qt == self._overflow_by_qt):
            return  # unchanged (the mark's cursor follows edits): no repaint
        self._overflow_by_qt = by_qt
        if span is None:
            self._overflow = None
            if self.extraSelections():
                self.setExtraSelections([])
            self.viewport().update()
            return
        fmt = QTextCharFormat()
        fmt.setBackground(overflow_background())
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection = self._selection(span[0], span[1], fmt)
        self._overflow = QTextCursor(selection.cursor)  # a copy the editor keeps
        self.setExtraSelections([selection] if by_qt else [])
        self.viewport().update()

    def overflow_marked(self) -> tuple[int, int] | None:
        """The marked overflow as document positions (for tests and tools)."""
        cursor = self._overflow
        if cursor is None or not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_overflow(event.rect())
        super().paintEvent(event)

    def _paint_overflow(self, rect: QRect) -> None:
        """The overflow's background under the text, the region Qt gives a selection
        (``QTextLayout::draw``) but filled once: as an extra selection, Qt drew every line
        in view three times, clipped to paths (about 1 ms more on each key's repaint)."""
        span = self.overflow_marked()
        if span is None or self._overflow_by_qt:
            return
        start, end = span
        offset = self.contentOffset()
        top, bottom = rect.top(), rect.bottom()
        region: list[QRect] = []
        block = self.firstVisibleBlock()
        while block.isValid():
            box = self.blockBoundingGeometry(block).translated(offset)
            if box.top() > bottom:
                break
            position, length = block.position(), block.length()
            if block.isVisible() and box.bottom() >= top and position + length > start:
                if position >= end:
                    break
                _add_marked(
                    region, block.layout(), box.topLeft(), (start - position, end - position), rect
                )
            block = block.next()
        if not region:
            return
        painter = QPainter(self.viewport())
        opaque = self._overflow_over_background()
        if opaque is not None:
            # The colour the translucent fill gives over the background, filled opaque: a
            # pixel two rectangles cover (a line's box reaches a fraction of a pixel into the
            # next line's) comes out the same, so no region is needed (filling through one
            # took 0.3 ms of each key's repaint).
            painter.setClipRect(rect)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(opaque)
            painter.drawRects(region)  # one call for every line (a call each: 0.1 ms more)
        else:
            # One region: the translucent fill must cover each pixel once (as Qt's path did).
            pixels = QRegion()
            for part in region:
                pixels = pixels.united(part)
            painter.setClipRegion(pixels.intersected(rect))
            painter.fillRect(pixels.boundingRect(), overflow_background())
        painter.end()

    def _overflow_over_background(self) -> QColor | None:
        """The overflow's translucent colour as blended over the editor's plain background,
        by Qt's own blending (one pixel painted); None when the background is not one
        colour. Worked out again only when a palette changes."""
        viewport = self.viewport()
        palette = viewport.palette()
        app = QGuiApplication.instance()
        scheme = app.palette().cacheKey() if isinstance(app, QGuiApplication) else 0
        key = (palette.cacheKey(), scheme, viewport.autoFillBackground())
        if self._blended is None or self._blended[0] != key:
            self._blended = (key, self._blend(palette.brush(viewport.backgroundRole()), key[2]))
        return self._blended[1]

    @staticmethod
    def _blend(brush: QBrush, filled: bool) -> QColor | None:
        if brush.style() != Qt.BrushStyle.SolidPattern or not filled:
            return None
        pixel = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(pixel)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.fillRect(0, 0, 1, 1, brush.color())
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.fillRect(0, 0, 1, 1, overflow_background())
        painter.end()
        return QColor.fromRgba(pixel.pixel(0, 0))

    def entity_marks(self) -> list[tuple[int, int]]:
        """The coloured links, mentions and tags as document positions (for tests)."""
        marks = []
        block = self.document().begin()
        while block.isValid():
            marks += [
                (block.position() + r.start, block.position() + r.start + r.length)
                for r in block.layout().formats()
            ]
            block = block.next()
        return marks

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_colour(QColor(colours(self.palette()).mention))

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
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
        cursor = self.textCursor()
        cursor.beginEditBlock()  # a step of its own: Qt merges a lone insert into the word before
        self.insertPlainText(incoming)
        cursor.endEditBlock()
        self._typed_to = None


def _add_marked(
    region: list[QRect],
    layout: QTextLayout,
    origin: QPointF,
    span: tuple[int, int],
    clip: QRect,
) -> None:
    """The lines of a paragraph's ``layout`` (left-to-right text) within ``clip``: the parts
    that ``span`` covers (positions in the paragraph, as many as Qt's selection would cover:
    ``QTextLayout::draw``), added to ``region`` as the pixels Qt fills for them (worked
    out in plain numbers: this runs on every repaint)."""
    start, end = span
    count = layout.lineCount()
    x, y = origin.x(), origin.y()
    clip_left, clip_top = clip.x(), clip.y()
    clip_right, clip_bottom = clip_left + clip.width(), clip_top + clip.height()
    low, high = 0, count
    while low < high:  # the first line reaching into the clip
        middle = (low + high) // 2
        line = layout.lineAt(middle)
        if y + line.y() + line.height() < clip_top:
            low = middle + 1
        else:
            high = middle
    # lines wholly inside the span (between the lines of its ends; not the paragraph's
    # last, whose line break may be marked too) need only their box
    inner_from = _line_of(layout, start, count) + 1
    inner_to = min(_line_of(layout, end, count), count - 1)
    for index in range(low, count):
        line = layout.lineAt(index)
        box = cast(tuple[float, float, float, float], line.naturalTextRect().getRect())
        box_x, box_y, width, height = box
        top = y + box_y
        if top > clip_bottom - 1:
            break
        if inner_from <= index < inner_to:
            if width > 0:
                left, right, bottom = x + box_x, x + box_x + width, math.ceil(top + height)
                whole = (max(left, clip_left), max(top, clip_top), min(right, clip_right))
                _add_pixels(region, (*whole, min(bottom, clip_bottom)))
            continue
        first, length = line.textStart(), line.textLength()
        last = index == count - 1
        if first > end or first + length + last <= start:
            continue  # no part of the span on this line
        left, right, bottom = x + box_x, x + box_x + width, math.ceil(top + height)
        end_here = end < first + length + last
        if length and (first <= start or end_here):
            part_left = x + _x_at(line, max(start, first))
            part_right = x + _x_at(line, min(end, first + length))
            part = (
                max(part_left, left, clip_left),
                max(top, clip_top),
                min(part_right, right, clip_right),
                min(top + height, bottom, clip_bottom),
            )
            _add_pixels(region, part, math.floor, math.ceil)
        elif width > 0:
            whole = (max(left, clip_left), max(top, clip_top), min(right, clip_right))
            _add_pixels(region, (*whole, min(bottom, clip_bottom)))
        if not end_here and last:  # on into the next paragraph: the line break too
            stub = (
                max(right, clip_left),
                max(top, clip_top),
                min(right + (bottom - top) / 4, clip_right),
                min(bottom, clip_bottom),
            )
            _add_pixels(region, stub)


def _line_of(layout: QTextLayout, position: int, count: int) -> int:
    """The number of the line holding ``position`` (-1 before the paragraph, ``count``
    past it)."""
    if position < 0:
        return -1
    line = layout.lineForTextPosition(position)
    return line.lineNumber() if line.isValid() else count


def _x_at(line: QTextLine, position: int) -> float:
    """The x of the cursor before ``position`` on ``line``."""
    return cast(tuple[float, int], line.cursorToX(position))[0]


def _add_pixels(
    region: list[QRect],
    corners: tuple[float, float, float, float],
    low: Callable[[float], int] = lambda v: math.floor(v + 0.5),
    high: Callable[[float], int] = lambda v: math.floor(v + 0.5),
) -> None:
    """The pixels of the rectangle from ``corners`` (left, top, right, bottom): rounded as
    Qt fills a rectangle without antialiasing, or outwards (``QRectF::toAlignedRect``)."""
    left, top, right, bottom = corners
    if right <= left or bottom <= top:
        return  # nothing (Qt's intersection of rectangles is then empty)
    x, y = low(left), low(top)
    region.append(QRect(x, y, high(right) - x, high(bottom) - y))
