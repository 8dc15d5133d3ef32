"""The month plan: accounts down, ISO weeks across, the number of posts in each cell with
its campaigns' colours; a week with no post for an account is marked as a gap (with a word
and a pattern, never colour alone)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.ideas import month_overview
from somestudio.app.studio import Studio
from somestudio.domain.month_grid import add_months
from somestudio.domain.month_plan import Cell, MonthPlan
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now
from somestudio.ui.network_names import network_name
from somestudio.ui.planning.month_plan_cells import CampaignsRole, CountRole, PlanCellDelegate
from somestudio.ui.qtdates import day_range
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import TYPE, colours, mark_icon
from somestudio.ui.theme.campaigns import campaign_colours

Index = QModelIndex | QPersistentModelIndex
MonthRead = tuple[list[Account], list[tuple[str, str]], MonthPlan]


def gap_brush() -> QBrush:
    """A hatch in the scheme's danger colour (read when painting: the scheme can change)."""
    colour = QColor(colours().danger)
    colour.setAlphaF(0.35)
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


class MonthPlanModel(QAbstractTableModel):
    def __init__(
        self, studio: Studio, zone: ZoneInfo, now: Callable[[], datetime] = utc_now
    ) -> None:
        """``now``: the window's clock (weeks over before its day are no gaps)."""
        super().__init__()
        self._studio = studio
        self._zone = zone
        self._now = now
        self._accounts: list[Account] = []
        self._labels: list[tuple[str, str]] = []
        self.plan: MonthPlan | None = None
        self.year = self.month = 0

    def read(self, year: int, month: int) -> MonthRead:
        """What the month shows, read from the database (on a worker: no Qt here)."""
        studio, zone = self._studio, self._zone
        today = self._now().astimezone(zone).date()
        overview = month_overview(studio, year, month, zone, today=today)
        return studio.accounts(), studio.labels(), overview

    def set_month(self, year: int, month: int, read: MonthRead | None = None) -> None:
        """Show ``read`` (``read(year, month)``); None: nothing yet, while it is read."""
        self.beginResetModel()
        self.year, self.month = year, month
        self._accounts, self._labels, self.plan = read or ([], [], None)
        self.endResetModel()

    def _count_text(self, cell: Cell) -> str:
        """ "3 posts", and how many of them are drafts (they read as posts going out)."""
        text = self.tr("%n posts", "", cell.count)
        if cell.drafts:
            text += "\n" + self.tr("%n not scheduled", "", cell.drafts)
        return text

    def gap_count(self) -> int:
        return len(self.plan.gaps()) if self.plan is not None else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else len(self.plan.weeks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.plan is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole and orientation == Qt.Orientation.Vertical:
            return mark_icon(self._accounts[section].network, dark=colours().dark)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            week = self.plan.weeks[section]
            return (
                self.tr("Week %1\n%2")
                .replace("%1", str(week.number))
                .replace("%2", day_range(week.first, week.last))
            )
        account = self._accounts[section]
        return f"{network_name(account.network)} · {account.label}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.plan is None:
            return None
        account = self._accounts[index.row()]
        cell = self.plan.cell(account.id, index.column())
        gap = self.plan.is_gap(account.id, index.column())  # empty and not over yet
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.is_gap:
                return self.tr("gap") if gap else "–"  # a week gone by is no gap to fill
            text = self._count_text(cell)
            return text + ("\n" + ", ".join(cell.labels) if cell.labels else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return gap_brush() if gap else None
        if role == CampaignsRole:
            if cell.is_gap or not cell.labels:
                return None
            known = campaign_colours(self._labels)
            return [(name, known[name]) for name in cell.labels if name in known]
        if role == CountRole:
            return None if cell.is_gap else self._count_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            week = self.plan.weeks[index.column()]
            if cell.is_gap:
                said = (
                    self.tr("No post for %1 in week %2.")
                    if gap
                    else self.tr("No post for %1 in week %2, which is over.")
                )
                return said.replace("%1", account.label).replace("%2", str(week.number))
            # The campaigns' names in full, where the cell had to shorten them.
            return ", ".join(cell.labels) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MonthPlanView(QWidget):
    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``tasks``: where the month is read (the Plan page's worker); without it, read at
        once on this thread. ``now``: the window's clock (the month it opens on)."""
        super().__init__(parent)
        self._tasks = tasks or Tasks(self, synchronous=True)
        self._generation = 0
        self.model = MonthPlanModel(studio, zone, now)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * TYPE.title)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        previous = QToolButton()
        previous.setText("‹")
        previous.setAccessibleName(self.tr("Previous month"))
        previous.clicked.connect(lambda: self.shift(-1))
        following = QToolButton()
        following.setText("›")
        following.setAccessibleName(self.tr("Next month"))
        following.clicked.connect(lambda: self.shift(1))
        self.table = QTableView()
        self.table.setObjectName("MonthPlan")
        self.table.setAccessibleName(self.tr("Posts per account and week"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(PlanCellDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(previous)
        head.addWidget(following)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        # Today in the planning zone, not the machine's: near midnight the two months differ.
        today = now().astimezone(zone).date()
        self.set_month(today.year, today.month)

    def set_month(self, year: int, month: int) -> None:
        """Read the month on the worker; until it is back, its title and a quiet "Reading…"
        instead of an empty table that would look like a month without posts."""
        name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
        self.title.setText(f"{name[:1].upper()}{name[1:]} {year}")
        self._generation += 1
        generation = self._generation
        if (year, month) != (self.model.year, self.model.month) or self.model.plan is None:
            self.model.set_month(year, month)  # another month: nothing of the last one shown
            self.summary.setText(self.tr("Reading the month…"))
        self._tasks.run(
            lambda: self.model.read(year, month),
            lambda read: self._show(generation, year, month, read),
            lambda error: self._failed(generation, error),
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.summary.setText(
                self.tr("The month could not be read: %1").replace("%1", str(error))
            )

    def _show(self, generation: int, year: int, month: int, read: MonthRead) -> None:
        if generation != self._generation:
            return  # a newer month (or the same again) is being read
        self.model.set_month(year, month, read)
        gaps = self.model.gap_count()
        if not read[0]:  # no account yet: no week can be full or empty of its posts
            self.summary.setText(self.tr("Add an account on the Accounts page to plan its weeks."))
        else:
            plan = self.model.plan
            empty = plan is not None and any(
                plan.cell(account, week).is_gap
                for account in plan.account_ids
                for week in range(len(plan.weeks))
            )
            if gaps:
                said = self.tr("%n gaps: a week with no post for an account.", "", gaps)
            elif empty:  # "every account has a post in every week" was untrue of a past month
                said = self.tr("No gaps left to fill: the weeks without a post are over.")
            else:
                said = self.tr("Every account has a post in every week.")
            self.summary.setText(said)
        self.table.resizeRowsToContents()

    def shift(self, delta: int) -> None:
        year, month = add_months(self.model.year, self.model.month, delta)
        self.set_month(year, month)

    def reload(self) -> None:
        self.set_month(self.model.year, self.model.month)
