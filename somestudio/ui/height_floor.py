"""A widget whose height grows as its width shrinks (chips or words that wrap) keeps that
height as its minimum. A ``QSplitter`` sizes its parts by their minimum size hints, which
know nothing of such a height: the composer's counter chips, wrapped onto a second row when
the Drafts panel opened beside them, were laid over the last accounts of "Post to" and took
the clicks meant for them (a check on the real program)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class HeightForWidthFloor(QObject):
    """Keeps ``part``'s minimum height at its height for its width, as its width or its
    contents change."""

    def __init__(self, part: QWidget) -> None:
        super().__init__(part)
        self._part = part
        part.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._part and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
        ):
            self.fit()
        return False

    def fit(self) -> None:
        part = self._part
        if not part.hasHeightForWidth():
            return
        needed = part.heightForWidth(part.width())
        if needed >= 0 and needed != part.minimumHeight():
            part.setMinimumHeight(needed)
