"""Starting a drag from a post chip: shared by the month grid and the week canvas."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from somestudio.ui.calendar.chips import delivery_mime
from somestudio.ui.calendar.post_chips import PostChip


class ChipDrag:
    """Remembers the chip under a left-button press; past the drag distance, drags it."""

    def __init__(self, source: QWidget) -> None:
        self._source = source
        self._press: tuple[QPoint, PostChip] | None = None

    def pressed(self, event: QMouseEvent, chip: PostChip | None) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = (event.position().toPoint(), chip) if left and chip is not None else None

    def moved(self, event: QMouseEvent) -> bool:
        """True when this move started (and finished) a drag."""
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        start, chip = self._press
        if (
            event.position().toPoint() - start
        ).manhattanLength() < QApplication.startDragDistance():
            return False
        self._press = None
        drag = QDrag(self._source)
        drag.setMimeData(delivery_mime(chip))
        drag.exec(Qt.DropAction.MoveAction)
        return True
