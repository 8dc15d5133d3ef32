"""Starting a drag from a post chip: shared by the month grid and the week canvas. The chip
goes along under the pointer as a picture of itself (without one a drag showed nothing but
the pointer, and a new user could not tell a post was being moved)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QDrag, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from somestudio.ui.calendar.chips import delivery_mime
from somestudio.ui.calendar.post_chips import PostChip

GHOST_OPACITY = 0.8  # the chip's picture under the pointer, a little see-through


class ChipDrag:
    """Remembers the chip under a left-button press; past the drag distance, drags it.
    ``rect_at``: the chip's rectangle at a point, and ``painted``: how to get the widget it
    is painted on (its coordinates), for the picture that follows the pointer. Asked for at
    each drag: a Python object kept for a widget Qt made (a view's viewport) was once marked
    dead by PySide, and a drag then crashed the app (the cause is mended in
    ``keyboard.focus_ring``)."""

    def __init__(
        self,
        source: QWidget,
        rect_at: Callable[[QPoint], QRect | None] | None = None,
        painted: Callable[[], QWidget] | None = None,
    ) -> None:
        self._source = source
        self._rect_at = rect_at
        self._painted = painted or (lambda: source)
        self._press: tuple[QPoint, PostChip] | None = None

    def pressed(self, event: QMouseEvent, chip: PostChip | None) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = (event.position().toPoint(), chip) if left and chip is not None else None

    def ghost(self, at: QPoint) -> tuple[QPixmap, QPoint] | None:
        """The picture of the chip at ``at`` and where ``at`` falls in it; None when no chip
        is there."""
        rect = self._rect_at(at) if self._rect_at is not None else None
        if rect is None or rect.isEmpty():
            return None
        shot = self._painted().grab(rect)
        ghost = QPixmap(shot.size())
        ghost.setDevicePixelRatio(shot.devicePixelRatio())
        ghost.fill(Qt.GlobalColor.transparent)
        painter = QPainter(ghost)
        painter.setOpacity(GHOST_OPACITY)
        painter.drawPixmap(0, 0, shot)
        painter.end()
        return ghost, at - rect.topLeft()

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
        ghost = self.ghost(start)
        if ghost is not None:
            drag.setPixmap(ghost[0])
            drag.setHotSpot(ghost[1])
        drag.exec(Qt.DropAction.MoveAction)
        return True
