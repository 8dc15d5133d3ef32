"""A time-of-day field that takes what people type (9.00, 9:00, 900, 21.30, 8:54 AM) and
shows the time in the locale's form once the user moves on; Up/Down step a quarter hour,
Page Up/Page Down an hour."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from somestudio.domain.typed_time import parse_typed_time
from somestudio.ui.qtdates import qtime

STEP_MINUTES = 15


class TimeField(QLineEdit):
    timeChanged = Signal(QTime)  # noqa: N815 - named like QTimeEdit's; invalid while unreadable

    def __init__(self, value: QTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = QTime(value.hour(), value.minute())
        self.setText(self._format(self._time))
        self.setPlaceholderText(self._format(QTime(9, 0)))
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._tidy)

    def time(self) -> QTime:
        """The typed time, or an invalid QTime while the text is not a time."""
        return QTime(self._time)

    def setTime(self, value: QTime) -> None:
        self._time = QTime(value.hour(), value.minute())
        self.setText(self._format(self._time))
        self.timeChanged.emit(self.time())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: STEP_MINUTES,
            Qt.Key.Key_Down: -STEP_MINUTES,
            Qt.Key.Key_PageUp: 60,
            Qt.Key.Key_PageDown: -60,
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None or not self._time.isValid():
            super().keyPressEvent(event)
            return
        minutes = self._time.hour() * 60 + self._time.minute()
        size = abs(step)  # to the next whole step: 9.07 goes up to 9.15, down to 9.00
        minutes = (minutes // size + 1) * size if step > 0 else (minutes - 1) // size * size
        minutes %= 24 * 60
        self.setTime(QTime(minutes // 60, minutes % 60))

    def _edited(self, text: str) -> None:
        parsed = parse_typed_time(text)
        self._time = qtime(parsed) if parsed is not None else QTime()
        self.timeChanged.emit(self.time())

    def _tidy(self) -> None:
        if self._time.isValid():
            self.setText(self._format(self._time))

    @staticmethod
    def _format(value: QTime) -> str:
        return QLocale().toString(value, QLocale.FormatType.ShortFormat)
