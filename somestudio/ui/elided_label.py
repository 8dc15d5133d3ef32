"""A one-line label that ends its text with "…" where it is narrower than the text (a
plain ``QLabel`` cuts it mid-letter with no sign that more was there). ``full_text`` is
the whole; the accessible name, when not set, is the whole too. It can be part of the
window's first frame: Qt's enums are looked up only once a text is cut (``ui/qt_later.py``)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from somestudio.ui.qt_later import Qt


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._named = False  # an accessible name of its own, not the text
        self.setMinimumWidth(1)  # cut rather than widen what holds it
        self.setProperty("elided", True)  # cut on purpose: the layout checks let it be
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        if not self._named:
            # Qt's own name for a label is the text shown: the cut one.
            super().setAccessibleName(text)
        self.updateGeometry()
        self._fit()

    def setAccessibleName(self, name: str) -> None:
        self._named = bool(name)
        super().setAccessibleName(name or self._full)

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 2 * self.margin(), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(1, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        metrics = self.fontMetrics()
        shown = self._full
        if metrics.horizontalAdvance(shown) > room:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)
