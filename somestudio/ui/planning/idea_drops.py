"""Ideas dragged onto the calendar. The calendar's own views handle delivery chips; this
filter adds the idea MIME type to the month grid and the week canvas without touching
their handlers: a drop of an idea becomes ``dropped(idea_id, wall time)``."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

MIME_IDEA = "application/x-somestudio-idea"
DEFAULT_TIME = time(9, 0)  # a month cell has a day only: the idea lands at 09:00


def idea_mime(idea_id: int, text: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_IDEA, QByteArray(str(idea_id).encode("ascii")))
    mime.setText(text)
    return mime


def idea_from_mime(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME_IDEA):
        return None
    raw = bytes(mime.data(MIME_IDEA).data()).decode("ascii", "replace")
    return int(raw) if raw.isdigit() else None


class IdeaDrops(QObject):
    dropped = Signal(int, object)  # idea id, naive local wall time

    def __init__(self, calendar: Any) -> None:  # a CalendarPage
        super().__init__(calendar)
        self._month: Any = calendar.grid
        self._week: Any = calendar.week.canvas
        self._month.viewport().installEventFilter(self)
        self._week.installEventFilter(self)

    def wall_at(self, target: QObject, pos: QPoint) -> datetime | None:
        """The wall time a drop at ``pos`` (in ``target``'s coordinates) means."""
        if target is self._week:
            found = getattr(self._week, "time_at")(pos)  # noqa: B009 - the canvas, untyped here
            return found if isinstance(found, datetime) else None
        day = self._month.model().day_at(self._month.indexAt(pos))
        return None if day is None else datetime.combine(day, DEFAULT_TIME)

    def drop(self, target: QObject, pos: QPoint, mime: QMimeData) -> bool:
        idea_id = idea_from_mime(mime)
        wall = self.wall_at(target, pos) if idea_id is not None else None
        if idea_id is None or wall is None:
            return False
        self.dropped.emit(idea_id, wall)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDragMoveEvent)
        ):
            if not event.mimeData().hasFormat(MIME_IDEA):
                return False
            if self.wall_at(watched, event.position().toPoint()) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            if not event.mimeData().hasFormat(MIME_IDEA):
                return False
            if self.drop(watched, event.position().toPoint(), event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        return False
