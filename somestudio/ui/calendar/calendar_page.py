"""The Calendar page: a month of deliveries, with the selected day's posts listed beside it."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.domain.month_grid import add_months
from somestudio.ui.calendar.chip_delegate import ChipDelegate
from somestudio.ui.calendar.day_model import DayModel
from somestudio.ui.calendar.month_model import MonthModel
from somestudio.ui.qtdates import qdate


class CalendarPage(QWidget):
    def __init__(self, studio: Studio, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CalendarPage")
        self._locale = QLocale()
        self.model = MonthModel(studio, zone, self._locale)
        self.day_model = DayModel(zone)

        self.title = QLabel()
        self.title.setObjectName("MonthTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.prev_button = self._nav_button("‹", self.tr("Previous month"), "Ctrl+PgUp", -1)
        self.next_button = self._nav_button("›", self.tr("Next month"), "Ctrl+PgDown", 1)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+Home)"))
        self.today_button.clicked.connect(self.go_today)
        QShortcut(QKeySequence("Ctrl+Home"), self, self.go_today)

        header = QHBoxLayout()
        header.addWidget(self.prev_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(12)
        header.addWidget(self.title, 1)

        self.grid = QTableView()
        self.grid.setObjectName("MonthGrid")
        self.grid.setAccessibleName(self.tr("Month"))
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(ChipDelegate(zone, self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setShowGrid(False)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.grid.setColumnWidth(0, self.fontMetrics().horizontalAdvance("W888"))
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setMinimumHeight(6 * self.fontMetrics().height() * 3)
        self.grid.selectionModel().selectionChanged.connect(self._on_selection)

        self.day_title = QLabel()
        self.day_title.setObjectName("DayTitle")
        self.day_list = QListView()
        self.day_list.setObjectName("DayList")
        self.day_list.setAccessibleName(self.tr("Posts on the selected day"))
        self.day_list.setModel(self.day_model)
        self.day_list.setWordWrap(True)
        self.day_list.setSpacing(2)
        self.day_list.setAlternatingRowColors(False)
        self.empty_day = QLabel(self.tr("Nothing planned for this day."))
        self.empty_day.setWordWrap(True)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 1)
        side_layout.addWidget(self.empty_day)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self._refresh_title()
        self.select_day(date.today())

    # -- public
    def go_today(self) -> None:
        today = date.today()
        if (self.model.year, self.model.month) != (today.year, today.month):
            self.model.set_month(today.year, today.month)
            self._refresh_title()
        self.select_day(today)

    def shift_month(self, delta: int) -> None:
        year, month = add_months(self.model.year, self.model.month, delta)
        self.model.set_month(year, month)
        self._refresh_title()
        self.select_day(date(year, month, 1))

    def select_day(self, day: date) -> None:
        index = self.model.index_of(day)
        if index.isValid():
            self.grid.setCurrentIndex(index)
        self._show_day(day)

    def reload(self) -> None:
        current = self.model.day_at(self.grid.currentIndex())
        self.model.reload()
        if current:
            self.select_day(current)

    # -- private
    def _nav_button(self, text: str, tip: str, keys: str, delta: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(tip)
        sequence = QKeySequence(keys)
        button.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(lambda: self.shift_month(delta))
        QShortcut(sequence, self, lambda: self.shift_month(delta))
        return button

    def _refresh_title(self) -> None:
        name = self._locale.standaloneMonthName(self.model.month, QLocale.FormatType.LongFormat)
        self.title.setText(f"{name[:1].upper()}{name[1:]} {self.model.year}")

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            day = self.model.day_at(indexes[0])
            if day:
                self._show_day(day)

    def _show_day(self, day: date) -> None:
        entries = self.model.entries_on(day)
        self.day_model.set_entries(entries)
        self.day_title.setText(self._locale.toString(qdate(day), QLocale.FormatType.LongFormat))
        self.empty_day.setVisible(not entries)
