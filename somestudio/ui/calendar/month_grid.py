"""The month grid view: chips can be dragged to another day, right-clicked, double-clicked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QToolTip, QWidget

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chip_drag import ChipDrag
from somestudio.ui.calendar.chips import (
    MIME_DELIVERY,
    HistoryLookup,
    chip_layout,
    delivery_from_mime,
    delivery_mime,
    entry_tooltip,
)
from somestudio.ui.calendar.month_model import MonthModel

__all__ = ["MonthGrid", "delivery_from_mime", "delivery_mime"]


class MonthGrid(QTableView):
    entry_activated = Signal(object)  # ScheduledEntry: open it
    entry_menu_requested = Signal(object, QPoint)  # ScheduledEntry, global position
    entry_dropped = Signal(int, object)  # delivery id, target date

    def __init__(self, model: MonthModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._zone = model.zone
        self.setModel(model)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)
        self._drag = ChipDrag(self)
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips

    def tooltip_for(self, entry: ScheduledEntry) -> str:
        return entry_tooltip(entry, self._zone, self.history)

    def entry_at(self, pos: QPoint) -> ScheduledEntry | None:
        """The chip under ``pos`` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        day = self._model.day_at(index)
        if day is None:
            return None
        entries = self._model.entries_on(day)
        rects, _more = chip_layout(self.visualRect(index), len(entries), self._line_height())
        for rect, entry in zip(rects, entries, strict=False):
            if rect.contains(pos):
                return entry
        return None

    def chip_center(self, entry: ScheduledEntry) -> QPoint | None:
        """Where a chip is drawn (viewport coordinates); for tests and accessibility tools."""
        for day in self._model.days:
            entries = self._model.entries_on(day)
            if entry in entries:
                index = self._model.index_of(day)
                rects, _ = chip_layout(self.visualRect(index), len(entries), self._line_height())
                position = entries.index(entry)
                return rects[position].center() if position < len(rects) else None
        return None

    def drop_delivery(self, delivery_id: int, index: QModelIndex) -> bool:
        day = self._model.day_at(index)
        if day is None:
            return False
        self.entry_dropped.emit(delivery_id, day)
        return True

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(entry), self)
                return True
        return super().viewportEvent(event)

    # -- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag.pressed(event, self.entry_at(event.position().toPoint()))
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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
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
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        delivery_id = delivery_from_mime(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if delivery_id is not None and self.drop_delivery(delivery_id, index):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height()
