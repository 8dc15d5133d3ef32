"""The Metrics page's Goals tab: each goal with a progress bar, where it stands and, when
the data can tell, when it will be reached at the recent pace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.growth.goals import GoalStatus, load_progress
from somestudio.app.studio import Studio
from somestudio.domain.growth.goals import Goal
from somestudio.domain.utc import utc_now
from somestudio.ui.keyboard import delete_key_removes
from somestudio.ui.metrics.goal_text import goal_summary, progress_name, status_text
from somestudio.ui.prompts import Prompts
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.tokens import colours

GOAL_ROLE = Qt.ItemDataRole.UserRole + 1


class GoalRow(QWidget):
    """One goal: its name, what it counts, a progress bar and the pace in words."""

    def __init__(self, status: GoalStatus, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        goal = status.goal
        self.title = QLabel(("★ " if status.reached else "") + goal.title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(goal_summary(goal, status.account_label, network=status.network))
        self.bar = QProgressBar()
        self.bar.setObjectName("GoalProgress")
        self.bar.setRange(0, 1000)
        self.bar.setValue(round(status.fraction * 1000))
        # The share beside the bar, not on it: text over the chunk's colour would fall
        # short of AA contrast in one scheme or the other.
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(12)
        self.percent = QLabel(QLocale().toString(round(status.fraction * 100)) + " %")
        self.percent.setObjectName("GoalPercent")
        self.bar.setAccessibleName(progress_name(goal))
        # An edge in the control colour (3:1), so that an empty bar still reads as a bar in
        # the dark scheme too (Fusion's groove vanishes into a dark list).
        scheme = colours()
        self.bar.setStyleSheet(
            f"QProgressBar {{ border: 1px solid {scheme.control}; border-radius: 4px;"
            f" background: {scheme.surface}; }}"
            f" QProgressBar::chunk {{ background: {scheme.series[0]}; border-radius: 3px; }}"
        )
        self.status = QLabel(status_text(status, today))
        self.bar.setAccessibleDescription(self.status.text())
        for label in (self.summary, self.status):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE.s, SPACE.xs, SPACE.s, SPACE.xs)
        layout.setSpacing(SPACE.xxs)
        self.summary.setObjectName("GoalSummary")
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        bar_line = QHBoxLayout()
        bar_line.addWidget(self.bar, 1)
        bar_line.addWidget(self.percent)
        layout.addLayout(bar_line)
        layout.addWidget(self.status)
        layout.addStretch(1)  # room the list gives beyond the hint goes below, not between

    def spoken(self) -> str:
        """What a screen reader says after the goal's title: the row's lines as shown (the
        share, what the goal is, where it stands). The row is a widget set on a list item,
        which assistive technology never reaches: the item itself has to say it."""
        return "\n".join((self.percent.text(), self.summary.text(), self.status.text()))

    def set_selected(self, selected: bool) -> None:
        """On the selection's colour the text takes the colour made to be read on it."""
        on = QPalette.ColorRole.HighlightedText
        self.title.setForegroundRole(on if selected else QPalette.ColorRole.WindowText)
        self.status.setForegroundRole(on if selected else QPalette.ColorRole.WindowText)
        self.percent.setForegroundRole(on if selected else QPalette.ColorRole.WindowText)
        self.summary.setForegroundRole(on if selected else QPalette.ColorRole.PlaceholderText)


class GoalsSection(QWidget):
    changed = Signal()

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        prompts: Prompts,
        *,
        tasks: Tasks | None = None,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("GoalsSection")
        self._studio = studio
        self._zone = zone
        self._prompts = prompts
        self.tasks = tasks or Tasks(self)
        self.today = today or (lambda: utc_now().astimezone(zone).date())
        self.statuses: list[GoalStatus] = []
        self._build()

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "Targets you set yourself: a number by a date (followers or contacts, views, "
                "engagements; fetched or entered by hand) or a number of posts each week or "
                "month. A goal reached is a win in the monthly report."
            )
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("GoalList")
        self.list.setAccessibleName(self.tr("Goals"))
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.add_button = QPushButton(self.tr("Add goal…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setAccessibleName(self.tr("Change goal"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove goal"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.chosen()))
        self.remove_button.clicked.connect(self.remove_chosen)
        # Delete in the list removes the chosen one (after asking), as in the Drafts list.
        delete_key_removes(self.list, self.remove_chosen)
        self.list.itemActivated.connect(lambda _item: self.open_dialog(self.chosen()))
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def chosen(self) -> Goal | None:
        item = self.list.currentItem()
        goal = item.data(GOAL_ROLE) if item is not None else None
        return goal if isinstance(goal, Goal) else None

    def _update_buttons(self) -> None:
        current = self.list.currentRow()
        for index in range(self.list.count()):
            row = self.list.itemWidget(self.list.item(index))
            if isinstance(row, GoalRow):
                row.set_selected(index == current)
        has = self.chosen() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def reload(self) -> None:
        database = self._studio.workspace.database
        today, zone = self.today(), self._zone
        self.tasks.run(
            lambda: load_progress(database.connect, today, zone),
            lambda statuses: self.show_statuses(statuses, today),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.list.clear()
        self.list.addItem(self.tr("The goals could not be read: %1").replace("%1", str(error)))

    def show_statuses(self, statuses: list[GoalStatus], today: date) -> None:
        chosen = self.chosen()
        self.statuses = statuses
        self.list.clear()
        if not statuses:
            self.list.addItem(self.tr("No goals yet: add one to see its progress and pace."))
        for status in statuses:
            item = QListWidgetItem()
            item.setData(GOAL_ROLE, status.goal)
            row = GoalRow(status, today)
            item.setText("")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, status.goal.title)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, row.spoken())
            item.setSizeHint(row.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
            if chosen is not None and status.goal.id == chosen.id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def rows(self) -> list[GoalRow]:
        found = []
        for index in range(self.list.count()):
            widget = self.list.itemWidget(self.list.item(index))
            if isinstance(widget, GoalRow):
                found.append(widget)
        return found

    def open_dialog(self, goal: Goal | None) -> None:
        from somestudio.ui.metrics.goal_dialog import GoalDialog  # noqa: PLC0415

        dialog = GoalDialog(
            self._studio, self._studio.accounts(), self.today(), self, goal=goal, zone=self._zone
        )
        dialog.saved.connect(lambda _id: self._after_change())
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def remove_chosen(self) -> None:
        goal = self.chosen()
        if goal is None or goal.id is None:
            return
        goal_id = goal.id

        def answered(choice: int | None) -> None:
            if choice == 0:
                self._studio.goals().remove(goal_id)
                self._after_change()

        self._prompts.choose(
            self.tr("Remove goal"),
            self.tr("Remove the goal “%1”? Its numbers stay; only the goal goes.").replace(
                "%1", goal.title
            ),
            [self.tr("Remove")],
            answered,
            default=None,
        )

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()
