"""The month grid view: one chip per post; chips can be dragged to another day (all the
post's deliveries move), right-clicked, double-clicked. Week rows grow with their chips and
the grid scrolls when they are more than the window holds."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chip_delegate import ChipDelegate
from somestudio.ui.calendar.chip_drag import ChipDrag
from somestudio.ui.calendar.chips import (
    MIME_DELIVERY,
    HistoryLookup,
    cell_height,
    chip_tooltip,
    deliveries_from_mime,
    delivery_from_mime,
    delivery_mime,
)
from somestudio.ui.calendar.month_model import DayCell, MonthModel
from somestudio.ui.calendar.post_chips import PostChip
from somestudio.ui.calendar.thumbnails import Thumbnails

__all__ = ["MonthGrid", "delivery_from_mime", "delivery_mime"]

AHEAD_SLICE_S = 0.004  # drawing ahead runs in slices this long, between other events
# A paint draws new day pictures for this long; the cells left get their ground and day
# number now and their chips in the next turn (a first month drawn at once: 35-55 ms)
PAINT_SLICE_S = 0.012
DROP_EDGE = 2  # px: the edge drawn around the day a dragged post would go to


class MonthGrid(QTableView):
    entry_activated = Signal(object)  # ScheduledEntry (the chip's lead): open its post
    entry_menu_requested = Signal(object, QPoint)  # ScheduledEntry, global position
    # The Menu key (or Shift+F10) on a day: its posts' menu is the day list's (the keyboard
    # is on a day, not on one of its chips).
    day_menu_requested = Signal()
    entry_dropped = Signal(object, object)  # list of delivery ids (one post), target date

    def __init__(
        self,
        model: MonthModel,
        parent: QWidget | None = None,
        thumbnails: Thumbnails | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._zone = model.zone
        self.setModel(model)
        self.chip_delegate = ChipDelegate(model.zone, self, thumbnails)
        self.chip_delegate.image_of = model.image_of
        self.setItemDelegate(self.chip_delegate)
        if thumbnails is not None:
            thumbnails.ready.connect(self.viewport().update)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(1)
        self._drag = ChipDrag(self, self.chip_rect_at, self.viewport)
        self._drop_cell: tuple[int, int] | None = None  # the day a dragged post would go to
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips
        model.modelReset.connect(self.fit_rows)
        # Months read ahead are drawn ahead too, a few cells at a time, so switching to one
        # only puts its pictures on screen.
        self._ahead: deque[tuple[DayCell, QSize]] = deque()  # rows in sight first
        self._ahead_later: deque[tuple[DayCell, QSize]] = deque()
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(0)
        self._ahead_timer.timeout.connect(self._draw_some_ahead)
        model.read_ahead_done.connect(self.draw_ahead)
        # The first month, once read, is drawn ahead the same way before it is shown: its
        # first paint puts pictures on screen instead of drawing every cell in one go.
        self._when_drawn: list[Callable[[], None]] = []
        model.prepare_first = self.draw_then
        self._painted = False  # reading ahead starts after the first paint (not at start-up)

    # -- keyboard
    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Right from the week's last day goes on to the next week's first, Left from its
        first back to the week before's last, as in a calendar (they stopped at the edge)."""
        current = self.currentIndex()
        model = self._model
        forward, back = (
            QAbstractItemView.CursorAction.MoveRight,
            QAbstractItemView.CursorAction.MoveLeft,
        )
        if self.isRightToLeft():
            forward, back = back, forward
        last = model.columnCount() - 1
        if current.isValid():
            if action == forward and current.column() == last:
                if current.row() + 1 < model.rowCount():
                    return model.index(current.row() + 1, 1)
            elif action == back and current.column() == 1 and current.row() > 0:
                return model.index(current.row() - 1, last)
        return super().moveCursor(action, modifiers)

    # -- geometry
    def _chip_height(self) -> int:
        width = self.columnWidth(1) if self._model.columnCount() > 1 else 120
        return self.chip_delegate.chip_height(self.font(), self.palette(), width)

    def _chip_rects(self, index: QModelIndex, count: int) -> list[QRect]:
        return self._cell_chips(index, count)[0]

    def _cell_chips(self, index: QModelIndex, count: int) -> tuple[list[QRect], QRect | None]:
        return self.chip_delegate.cell_chips(
            self.font(), self.palette(), self.visualRect(index), count
        )

    def more_tooltip(self, pos: QPoint) -> str | None:
        """The whole "+N more" (the cell may show only "+N") for the line under ``pos``."""
        index = self.indexAt(pos)
        day = self._model.day_at(index)
        if day is None:
            return None
        count = self._model.post_count(day)
        rects, more = self._cell_chips(index, count)
        if more is None or not more.contains(pos):
            return None
        return self.chip_delegate.more_words(count - len(rects))

    def row_heights(self, counts: list[int] | None = None) -> list[int]:
        """Each week row's height: what its fullest day needs, at least an even share of
        the viewport (so a quiet month fills the page and a busy one scrolls); of the shown
        month, or of the rows' post ``counts`` given."""
        if counts is None:
            counts = self._model.row_counts()
        if not counts:
            return []
        top = self.chip_delegate.day_line(self.font())
        chip_h = self._chip_height()
        least = top + chip_h + 2 * self.fontMetrics().height()
        wanted = [max(least, cell_height(n, top, chip_h)) for n in counts]
        spare = self.viewport().height() - sum(wanted)
        if spare > 0:
            share, rest = divmod(spare, len(wanted))
            wanted = [h + share + (1 if i < rest else 0) for i, h in enumerate(wanted)]
        return wanted

    def fit_rows(self) -> None:
        header = self.verticalHeader()
        for row, height in enumerate(self.row_heights()):
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def draw_ahead(self, year: int, month: int) -> None:
        """Draw a month's cells before it is shown (it was read ahead), in slices."""
        found = self._model.kept_cells(year, month)
        if found is None or self.chip_delegate.last_drawn_with is None:
            return  # nothing drawn yet: nothing known of how cells look
        cells, counts = found
        heights = self.row_heights(counts)
        widths = [self.columnWidth(column) for column in range(1, 8)]
        room = self.viewport().height()  # the rows a switch shows first, then the others
        for row, height in enumerate(heights):
            queue = self._ahead if room > 0 else self._ahead_later
            room -= height
            for column, cell in enumerate(cells[row * 7 : row * 7 + 7]):
                queue.append((cell, QSize(widths[column], height)))
        self._ahead_timer.start()

    def draw_then(self, year: int, month: int, then: Callable[[], None]) -> None:
        """Draw a kept month's cells ahead, then call ``then`` (at once when nothing is
        known yet of how cells look: the grid is not shown)."""
        if self.chip_delegate.last_drawn_with is None and self.isVisible():
            # Shown but not painted yet (the month came back first): the look is the one
            # its first paint will use.
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            ratio = self.viewport().devicePixelRatioF()
            self.chip_delegate.last_drawn_with = (
                QFont(option.font),
                QPalette(option.palette),
                ratio,
            )
        if (
            self._model.kept_cells(year, month) is None
            or self.chip_delegate.last_drawn_with is None
        ):
            then()
            return
        self._when_drawn.append(then)
        self.draw_ahead(year, month)

    def _drawn(self) -> None:
        waiting, self._when_drawn = self._when_drawn, []
        for then in waiting:
            then()

    def _draw_some_ahead(self) -> None:
        drawn_with = self.chip_delegate.last_drawn_with
        if drawn_with is None:
            self._ahead.clear()
            self._ahead_later.clear()
            self._drawn()
            return
        font, palette, ratio = drawn_with
        end = time.perf_counter() + AHEAD_SLICE_S
        while (self._ahead or self._ahead_later) and time.perf_counter() < end:
            cell, size = (self._ahead or self._ahead_later).popleft()
            if self._model.holds(cell):  # else read before the data changed: not shown
                self.chip_delegate.picture(cell, size, font, palette, ratio)
        if self._ahead or self._ahead_later:
            self._ahead_timer.start()
        else:
            self._drawn()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Every cell in sight in one pass: a day cell is its picture (drawn ahead or kept
        from before), with no item-view machinery per cell; the week numbers go through
        the delegate as any item."""
        model = self._model
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        look = (option.font, option.palette, self.viewport().devicePixelRatioF())
        painter = QPainter(self.viewport())
        area = event.rect()
        rows = self._sections(self.rowAt, area.top(), area.bottom(), model.rowCount())
        columns = self._sections(self.columnAt, area.left(), area.right(), model.columnCount())
        chosen = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()}
        delegate = self.chip_delegate
        drawing_until = time.perf_counter() + PAINT_SLICE_S
        later = False
        drew_new = False  # a paint draws at least one new picture: every paint gets somewhere
        for row in rows:
            top, height = self.rowViewportPosition(row), self.rowHeight(row)
            for column in columns:
                rect = QRect(
                    self.columnViewportPosition(column), top, self.columnWidth(column), height
                )
                cell = model.cell(row, column)
                if cell is not None:
                    if not delegate.has_picture(cell, rect.size(), *look):
                        if drew_new and time.perf_counter() > drawing_until:
                            delegate.paint_blank(painter, rect, cell, look)
                            later = True
                            continue
                        drew_new = True
                    delegate.paint_day(
                        painter, rect, cell, selected=(row, column) in chosen, look=look
                    )
                    continue
                option.rect = rect
                option.state = base_state
                delegate.paint(painter, option, model.index(row, column))
        self._paint_drop_cell(painter, area)
        painter.end()
        if later:  # the rest of the pictures in the next turn, after what waits meanwhile
            QTimer.singleShot(0, self.viewport(), self.viewport().update)
        if not self._painted:
            self._painted = True
            # Bound to the grid: a grid gone by then (its page closed) reads nothing ahead.
            QTimer.singleShot(0, self, self._model.read_ahead)

    @staticmethod
    def _sections(at: Callable[[int], int], first: int, last: int, count: int) -> range:
        """The rows (or columns) from viewport position ``first`` to ``last``."""
        start, end = at(first), at(last)
        return range(max(start, 0), (count - 1 if end < 0 else end) + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    # -- chips
    def tooltip_for(self, item: ScheduledEntry | PostChip) -> str:
        chip = item if isinstance(item, PostChip) else self.chip_of(item)
        if chip is None:
            chip = PostChip((item,)) if isinstance(item, ScheduledEntry) else item
        return chip_tooltip(chip, self._zone, self.history)

    def chip_at(self, pos: QPoint) -> PostChip | None:
        """The chip under ``pos`` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        day = self._model.day_at(index)
        if day is None:
            return None
        chips = self._model.chips_on(day)
        rects = self._chip_rects(index, self._model.post_count(day))
        for rect, chip in zip(rects, chips, strict=False):
            if rect.contains(pos):
                return chip
        return None

    def chip_rect_at(self, pos: QPoint) -> QRect | None:
        """The rectangle of the chip under ``pos`` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        day = self._model.day_at(index)
        if day is None:
            return None
        rects = self._chip_rects(index, self._model.post_count(day))
        return next((rect for rect in rects if rect.contains(pos)), None)

    def entry_at(self, pos: QPoint) -> ScheduledEntry | None:
        """The delivery that speaks for the chip under ``pos``: its most urgent one."""
        chip = self.chip_at(pos)
        return None if chip is None else chip.lead

    def chip_of(self, entry: ScheduledEntry) -> PostChip | None:
        for day in self._model.days:
            for chip in self._model.chips_on(day):
                if chip.contains(entry):
                    return chip
        return None

    def chip_center(self, item: ScheduledEntry | PostChip) -> QPoint | None:
        """Where a chip is drawn (viewport coordinates); for tests and accessibility tools."""
        for day in self._model.days:
            chips = self._model.chips_on(day)
            for position, chip in enumerate(chips):
                if chip == item or (isinstance(item, ScheduledEntry) and chip.contains(item)):
                    rects = self._chip_rects(self._model.index_of(day), self._model.post_count(day))
                    return rects[position].center() if position < len(rects) else None
        return None

    def drop_delivery(self, delivery_ids: int | list[int], index: QModelIndex) -> bool:
        day = self._model.day_at(index)
        if day is None:
            return False
        ids = [delivery_ids] if isinstance(delivery_ids, int) else list(delivery_ids)
        self.entry_dropped.emit(ids, day)
        return True

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            chip = self.chip_at(event.pos())
            if chip is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(chip), self)
                return True
            more = self.more_tooltip(event.pos())
            if more is not None:
                QToolTip.showText(event.globalPos(), more, self)
                return True
        return super().viewportEvent(event)

    # -- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag.pressed(event, self.chip_at(event.position().toPoint()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._drag.moved(event):
            super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.entry_activated.emit(entry)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self.day_menu_requested.emit()  # Shift+F10, as the Menu key (Qt knows only it)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # Not the chip where Qt puts a keyboard menu (the middle of the view: another
            # post, a new user's finding): the chosen day's posts, one of them chosen.
            self.day_menu_requested.emit()
            return
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())

    # -- drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_DELIVERY):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if event.mimeData().hasFormat(MIME_DELIVERY) and self._model.day_at(index) is not None:
            self.show_drop_cell((index.row(), index.column()))
            event.acceptProposedAction()
        else:
            self.show_drop_cell(None)
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.show_drop_cell(None)
        super().dragLeaveEvent(event)

    def drop_cell(self) -> tuple[int, int] | None:
        """The day (row, column) marked as where a dragged post would go, if any."""
        return self._drop_cell

    def show_drop_cell(self, cell: tuple[int, int] | None) -> None:
        """Mark the day under a dragged post (only the pointer said where it would go)."""
        if cell == self._drop_cell:
            return
        for shown in (self._drop_cell, cell):
            if shown is not None:
                self.viewport().update(self.visualRect(self._model.index(*shown)))
        self._drop_cell = cell

    def _paint_drop_cell(self, painter: QPainter, area: QRect) -> None:
        cell = self._drop_cell
        if cell is None:
            return
        rect = self.visualRect(self._model.index(*cell))
        if not rect.intersects(area):
            return
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        wash = QColor(colour)
        wash.setAlpha(48)
        painter.fillRect(rect, wash)
        painter.setPen(QPen(colour, DROP_EDGE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = DROP_EDGE // 2
        painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))

    def dropEvent(self, event: QDropEvent) -> None:
        self.show_drop_cell(None)
        ids = deliveries_from_mime(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if ids and self.drop_delivery(ids, index):
            event.acceptProposedAction()
        else:
            event.ignore()
