"""The agenda: a list of the period's posts, under a heading per day."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QFont, QMouseEvent
from PySide6.QtWidgets import QListView, QWidget

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate, short_time
from somestudio.ui.states import entry_background, entry_glyph, entry_state_name

_Index = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 10


class AgendaModel(QAbstractListModel):
    def __init__(self, zone: ZoneInfo, locale: QLocale) -> None:
        super().__init__()
        self._zone = zone
        self._locale = locale
        self._rows: list[date | ScheduledEntry] = []

    def set_days(self, by_day: dict[date, list[ScheduledEntry]]) -> None:
        self.beginResetModel()
        self._rows = []
        for day in sorted(by_day):
            self._rows.append(day)
            self._rows.extend(by_day[day])
        self.endResetModel()

    def entry(self, row: int) -> ScheduledEntry | None:
        item = self._rows[row]
        return item if isinstance(item, ScheduledEntry) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], date):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, date):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._locale.toString(qdate(item), QLocale.FormatType.LongFormat)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        local = item.scheduled_at.astimezone(self._zone)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"   {entry_glyph(item)} {short_time(local, self._locale)}  "
                f"{network_name(item.network)} · "
                f"{item.account_label} — {entry_state_name(item)}\n   {item.text}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{short_time(local, self._locale)}, {network_name(item.network)}, "
                f"{item.account_label}, "
                f"{entry_state_name(item)}: {item.text}"
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(entry_background(item)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1b1b1b"))
        if role == EntryRole:
            return item
        return None


class AgendaView(QListView):
    entry_activated = Signal(object)
    entry_menu_requested = Signal(object, QPoint)

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AgendaView")
        self.setAccessibleName(self.tr("Agenda"))
        self.setModel(model)
        self._model = model
        self.setWordWrap(True)
        self.setSpacing(1)
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self._model.entry(index.row())
        if entry is not None:
            self.entry_activated.emit(entry)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._on_activated(index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: current row
            index = self.currentIndex()
            if index.isValid():
                where = self.viewport().mapToGlobal(self.visualRect(index).center())
                entry = self._model.entry(index.row())
                if entry is not None:
                    self.entry_menu_requested.emit(entry, where)
            return
        index = self.indexAt(event.pos())
        entry = self._model.entry(index.row()) if index.isValid() else None
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())
