"""A month as a 6 × 8 table: ISO week number, then seven days in the locale's week order."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from somestudio.app.calendar import NO_FILTER, CalendarFilter, month_entries
from somestudio.app.studio import Studio
from somestudio.domain.month_grid import GRID_WEEKS, iso_week
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.qtdates import qdate

DateRole = Qt.ItemDataRole.UserRole + 1
EntriesRole = Qt.ItemDataRole.UserRole + 2
InMonthRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class MonthModel(QAbstractTableModel):
    def __init__(self, studio: Studio, zone: ZoneInfo, locale: QLocale) -> None:
        super().__init__()
        self._studio = studio
        self._zone = zone
        self._locale = locale
        self._first_weekday = locale.firstDayOfWeek().value  # Qt: 1 = Monday, as ISO
        today = date.today()
        self._year, self._month = today.year, today.month
        self._where = NO_FILTER
        self._days: list[date] = []
        self._entries: dict[date, list[ScheduledEntry]] = {}
        self.reload()

    # -- navigation
    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    @property
    def days(self) -> list[date]:
        return self._days

    def set_filter(self, where: CalendarFilter) -> None:
        self._where = where
        self.reload()

    def set_month(self, year: int, month: int) -> None:
        self._year, self._month = year, month
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._days, self._entries = month_entries(
            self._studio,
            self._year,
            self._month,
            first_weekday=self._first_weekday,
            zone=self._zone,
            where=self._where,
        )
        self.endResetModel()

    def day_at(self, index: _Index) -> date | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self._days[index.row() * 7 + index.column() - 1]

    def index_of(self, day: date) -> QModelIndex:
        if day not in self._days:
            return QModelIndex()
        pos = self._days.index(day)
        return self.index(pos // 7, pos % 7 + 1)

    def entries_on(self, day: date) -> list[ScheduledEntry]:
        return self._entries.get(day, [])

    # -- Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else GRID_WEEKS

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.column() == 0:
            # A row's ISO week is that of its middle day, whichever weekday the row starts on.
            week = iso_week(self._days[index.row() * 7] + timedelta(days=3))
            if role == Qt.ItemDataRole.DisplayRole:
                return str(week)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Week %1").replace("%1", str(week))
            return None
        day = self.day_at(index)
        assert day is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DateRole:
            return day
        if role == EntriesRole:
            return self._entries.get(day, [])
        if role == InMonthRole:
            return day.month == self._month
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self._entries.get(day, []))
            return self.tr("%1 — %n posts", "", count).replace(
                "%1", self._locale.toString(qdate(day), QLocale.FormatType.LongFormat)
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Wk")
        weekday = (self._first_weekday - 1 + section - 1) % 7 + 1
        return self._locale.dayName(weekday, QLocale.FormatType.ShortFormat)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.column() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
