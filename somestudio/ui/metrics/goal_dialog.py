"""Adding or changing a goal: a number by a date, or a cadence of posts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.domain.growth.goals import Goal, GoalError, Measure, Per
from somestudio.domain.posts import Account
from somestudio.ui.metrics.goal_text import measure_name, problem_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate

TARGET = "target"
CADENCE = "cadence"


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class GoalDialog(QDialog):
    saved = Signal(int)  # the goal's id

    def __init__(
        self,
        studio: Studio,
        accounts: Sequence[Account],
        today: date,
        parent: QWidget | None = None,
        *,
        goal: Goal | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("GoalDialog")
        self.setWindowTitle(self.tr("Change goal") if goal else self.tr("New goal"))
        self._studio = studio
        self._goal = goal
        self._build(accounts, today)
        if goal is not None:
            self._fill(goal)
        self._kind_changed()

    def _build(self, accounts: Sequence[Account], today: date) -> None:
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Goal name"))
        self.title.setPlaceholderText(self.tr("e.g. 200 LinkedIn contacts"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of goal"))
        self.kind.addItem(self.tr("A number by a date"), TARGET)
        self.kind.addItem(self.tr("Posts every week or month"), CADENCE)
        self.measure = QComboBox()
        self.measure.setAccessibleName(self.tr("What to count"))
        for measure in (Measure.FOLLOWERS, Measure.VIEWS, Measure.ENGAGEMENTS):
            self.measure.addItem(measure_name(measure), measure)
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        self.account.addItem(self.tr("All accounts together"), None)
        for account in accounts:
            self.account.addItem(f"{network_name(account.network)} · {account.label}", account.id)
        self.target = QSpinBox()
        self.target.setAccessibleName(self.tr("Target"))
        self.target.setRange(1, 2_000_000_000)
        self.target.setGroupSeparatorShown(True)
        self.target.setValue(100)
        self.per = QComboBox()
        self.per.setAccessibleName(self.tr("Per"))
        self.per.addItem(self.tr("week"), Per.WEEK)
        self.per.addItem(self.tr("month"), Per.MONTH)
        self.start = QDateEdit(qdate(today))
        self.start.setAccessibleName(self.tr("Start"))
        self.start.setCalendarPopup(True)
        self.deadline = QDateEdit(qdate(today + timedelta(days=90)))
        self.deadline.setAccessibleName(self.tr("Deadline"))
        self.deadline.setCalendarPopup(True)
        self.problem = QLabel()
        self.problem.setObjectName("GoalProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Count"), self.measure)
        self.form.addRow(self.tr("Account"), self.account)
        self.form.addRow(self.tr("Target"), self.target)
        self.form.addRow(self.tr("Per"), self.per)
        self.form.addRow(self.tr("Start"), self.start)
        self.form.addRow(self.tr("Deadline"), self.deadline)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _fill(self, goal: Goal) -> None:
        self.title.setText(goal.title)
        self.kind.setCurrentIndex(1 if goal.is_cadence else 0)
        index = self.measure.findData(goal.measure)
        if index >= 0:
            self.measure.setCurrentIndex(index)
        index = self.account.findData(goal.account_id)
        self.account.setCurrentIndex(max(index, 0))
        self.target.setValue(goal.target)
        if goal.per is not None:
            self.per.setCurrentIndex(self.per.findData(goal.per))
        self.start.setDate(qdate(goal.start))
        if goal.deadline is not None:
            self.deadline.setDate(qdate(goal.deadline))

    def _kind_changed(self) -> None:
        cadence = self.kind.currentData() == CADENCE
        self.form.setRowVisible(self.measure, not cadence)
        self.form.setRowVisible(self.deadline, not cadence)
        self.form.setRowVisible(self.per, cadence)

    def goal(self) -> Goal:
        cadence = self.kind.currentData() == CADENCE
        account = self.account.currentData()
        return Goal(
            title=self.title.text(),
            measure=Measure.POSTS if cadence else Measure(self.measure.currentData()),
            target=self.target.value(),
            start=_day(self.start),
            deadline=None if cadence else _day(self.deadline),
            per=Per(self.per.currentData()) if cadence else None,
            account_id=account if isinstance(account, int) else None,
            id=self._goal.id if self._goal else None,
        )

    def save(self) -> None:
        goal = self.goal()
        book = self._studio.goals()
        try:
            if goal.id is None:
                goal_id = book.add(goal)
            else:
                book.update(goal)
                goal_id = goal.id
        except GoalError as exc:
            self.problem.setText(problem_text(exc.code))
            self.problem.show()
            return  # the dialog stays open with everything the user wrote
        self.saved.emit(goal_id)
        self.accept()
