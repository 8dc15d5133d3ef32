"""Move a post to another day and time without a mouse: what dragging its chip does, asked
as a day and a time (in the post's own zone, which the dialog names). The calendar's actions
then move it through the same undoable step a drop takes. The Plan page asks an idea's day
and time with it too ("Put on a day…", its own title and button)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from somestudio.ui.day_edit import DayEdit
from somestudio.ui.dialog_fit import grow_to_fit
from somestudio.ui.qtdates import qdate, qtime
from somestudio.ui.time_field import TimeField


class MoveDialog(QDialog):
    def __init__(
        self,
        wall: datetime,
        zone: str | None,
        parent: QWidget | None = None,
        *,
        title: str = "",
        accept_text: str = "",
        today: Callable[[], QDate] = QDate.currentDate,
    ) -> None:
        """``wall``: the post's current wall time in ``zone`` (naive); ``zone`` None: no zone
        row (the calendar's). ``title`` and ``accept_text``: other than "Move post"/"Move".
        ``today``: today there, by the window's clock (a day typed without its year is the
        next such day from it)."""
        super().__init__(parent)
        self.setObjectName("MoveDialog")
        self.setWindowTitle(title or self.tr("Move post"))
        self.day = DayEdit(qdate(wall.date()), ahead=True, today=today)
        self.day.setObjectName("MoveDate")
        self.at = TimeField(qtime(wall.time()))
        self.at.setObjectName("MoveTime")
        self.at.setToolTip(self.tr("Type a time, for example 9.00, 9:00, 900 or 21.30"))
        self.zone = QLabel(zone or "")
        self.zone.setObjectName("MoveZone")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        # A day or a time typed anew: the reason given for the one before goes (it stayed
        # beside a day that was right by then).
        self.day.editingFinished.connect(self._problem_gone)
        self.at.textEdited.connect(self._problem_gone)

        form = QFormLayout()
        day_label = QLabel(self.tr("&Day:"))
        day_label.setBuddy(self.day)
        time_label = QLabel(self.tr("&Time:"))
        time_label.setBuddy(self.at)
        form.addRow(day_label, self.day)
        form.addRow(time_label, self.at)
        if zone is not None:
            form.addRow(self.tr("Time zone:"), self.zone)
        self.day.setAccessibleName(self.tr("Day"))
        self.at.setAccessibleName(self.tr("Time"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(accept_text or self.tr("Move"))
        ok.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.day.setFocus()

    def wall(self) -> datetime | None:
        """The chosen wall time (naive, in the dialog's zone), or None while either field
        holds something that is no day or no time."""
        if self.day.typed_problem(saving=False) is not None:
            return None
        at = self.at.time()
        if not at.isValid():
            return None
        day = self.day.date()
        return datetime(day.year(), day.month(), day.day(), at.hour(), at.minute())

    def _problems(self) -> list[str]:
        """What is wrong with the day and with the time, each in a sentence."""
        found = []
        day_problem = self.day.typed_problem(saving=False)
        if day_problem is not None:
            found.append(day_problem)
        if not self.at.time().isValid():
            found.append(
                self.tr("“%1” is not a time: write it like %2.")
                .replace("%1", self.at.text().strip())
                .replace("%2", QLocale().toString(QTime(9, 0), QLocale.FormatType.ShortFormat))
            )
        return found

    def _show_problems(self, problems: list[str]) -> None:
        """``problems`` one under the other (none: hidden), the dialog grown to show them
        (two reasons were cut top and bottom)."""
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        grow_to_fit(self)

    def _problem_gone(self) -> None:
        """A day or a time typed anew: the reasons shown are said again for what the
        fields now hold (one mended goes; the other stays)."""
        if not self.problem.isHidden():
            self._show_problems(self._problems())

    def _accept(self) -> None:
        problems = self._problems()
        if problems:  # both named at once, as the Schedule dialog does
            self._show_problems(problems)
            return
        self.accept()
