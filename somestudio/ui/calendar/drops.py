"""Things dragged onto the calendar from outside it (ideas, drafts). The calendar's own views
handle delivery chips; a ``CalendarDrops`` filter adds one more MIME type to the month grid
and the week canvas without touching their handlers: a drop becomes ``dropped(id, wall
time)`` — a month day at 09:00, a week slot at the time under the pointer (15-minute steps)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

DEFAULT_TIME = time(9, 0)  # a month cell has a day only: what is dropped lands at 09:00


def id_mime(mime_type: str, item_id: int, text: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(mime_type, QByteArray(str(item_id).encode("ascii")))
    mime.setText(text)
    return mime


def id_from_mime(mime_type: str, mime: QMimeData) -> int | None:
    if not mime.hasFormat(mime_type):
        return None
    raw = bytes(mime.data(mime_type).data()).decode("ascii", "replace")
    return int(raw) if raw.isdigit() else None


class CalendarDrops(QObject):
    dropped = Signal(int, object)  # the item's id, naive local wall time

    def __init__(self, calendar: Any, mime_type: str) -> None:  # a CalendarPage
        super().__init__(calendar)
        self.mime_type = mime_type
        self._month: Any = calendar.grid
        self._week: Any = None  # the week view's canvas, once the page builds it
        self._month.viewport().installEventFilter(self)
        calendar.when_week_built(self._follow_week)

    def _follow_week(self, week: Any) -> None:
        self._week = week.canvas
        self._week.installEventFilter(self)

    def wall_at(self, target: QObject, pos: QPoint) -> datetime | None:
        """The wall time a drop at ``pos`` (in ``target``'s coordinates) means."""
        if target is self._week:
            found = getattr(self._week, "time_at")(pos)  # noqa: B009 - the canvas, untyped here
            return found if isinstance(found, datetime) else None
        day = self._month.model().day_at(self._month.indexAt(pos))
        return None if day is None else datetime.combine(day, DEFAULT_TIME)

    def drop(self, target: QObject, pos: QPoint, mime: QMimeData) -> bool:
        item_id = id_from_mime(self.mime_type, mime)
        wall = self.wall_at(target, pos) if item_id is not None else None
        if item_id is None or wall is None:
            return False
        self.dropped.emit(item_id, wall)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDragMoveEvent)
        ):
            if not event.mimeData().hasFormat(self.mime_type):
                return False
            # Coming in, it is taken whatever lies under the pointer: refused there (over
            # the week numbers, the hours' column), Qt sent nothing more, and the drop on
            # the day reached next did nothing. Each move then says whether it can drop.
            entering = kind == QEvent.Type.DragEnter
            wall = self.wall_at(watched, event.position().toPoint())
            self._mark(watched, event.position().toPoint(), wall)
            if entering or wall is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragLeave:
            self._unmark()
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            if not event.mimeData().hasFormat(self.mime_type):
                return False
            self._unmark()
            if self.drop(watched, event.position().toPoint(), event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        return False

    def _mark(self, target: QObject, pos: QPoint, wall: datetime | None) -> None:
        """The day (month) or the time (week) an idea or a draft would land on, marked as
        a dragged post's is (nothing said where it would go)."""
        if self._week is not None and target is self._week:
            getattr(self._week, "show_drop_at")(wall)  # noqa: B009 - the canvas, untyped here
            return
        index = self._month.indexAt(pos)
        self._month.show_drop_cell((index.row(), index.column()) if wall is not None else None)

    def _unmark(self) -> None:
        self._month.show_drop_cell(None)
        if self._week is not None:
            self._week.show_drop_at(None)
