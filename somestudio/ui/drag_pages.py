"""Pages that open under a drag: an idea (the Plan page's board) or a draft held over the
list of pages opens the page under it after a moment, as a desktop opens a folder held
under a dragged file. The ideas' "Drag a card onto a day of the calendar" could not be
done: the calendar is another page, and the list only switched pages on a click (a new
user's finding). Dropped on the list itself, nothing happens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDragMoveEvent
from PySide6.QtWidgets import QListWidget

HOVER_MS = 600  # held this long over a page's name, the page opens
CARRIED = ("application/x-somestudio-idea", "application/x-somestudio-draft")


class DragOpensPages(QObject):
    def __init__(self, pages: QListWidget, open_row: Callable[[int], None]) -> None:
        super().__init__(pages)
        self._pages = pages
        self._open_row = open_row
        self._row = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HOVER_MS)
        self._timer.timeout.connect(self._open)
        viewport = pages.viewport()
        viewport.setAcceptDrops(True)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            mime = event.mimeData()
            if mime is None or not any(mime.hasFormat(kind) for kind in CARRIED):
                return False
            item = self._pages.itemAt(event.position().toPoint())
            row = self._pages.row(item) if item is not None else -1
            if row != self._row:
                self._row = row
                if row >= 0 and row != self._pages.currentRow():
                    self._timer.start()
                else:
                    self._timer.stop()
            if kind == QEvent.Type.DragEnter:
                event.acceptProposedAction()  # the moves over the list keep coming
            else:
                event.ignore()  # nothing is dropped on the list itself
            return True
        if kind in (QEvent.Type.DragLeave, QEvent.Type.Drop):
            self._timer.stop()
            self._row = -1
            if kind == QEvent.Type.Drop:
                event.ignore()
                return True
        return False

    def _open(self) -> None:
        if self._row >= 0:
            self._open_row(self._row)
