"""The deliveries of one day, as a list beside the month grid."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chips import HistoryLookup, entry_tooltip
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import short_time
from somestudio.ui.states import entry_background, entry_glyph, entry_state_name

_Index = QModelIndex | QPersistentModelIndex


class DayModel(QAbstractListModel):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self._zone = zone
        self._entries: list[ScheduledEntry] = []
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips

    def set_entries(self, entries: list[ScheduledEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> ScheduledEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        local = entry.scheduled_at.astimezone(self._zone)
        if role == Qt.ItemDataRole.DisplayRole:
            media = "  🖼" * min(entry.media_count, 1)
            return (
                f"{entry_glyph(entry)} {short_time(local)}  {network_name(entry.network)} · "
                f"{entry.account_label} — {entry_state_name(entry)}{media}\n{entry.text}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry_tooltip(entry, self._zone, self.history)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(entry_background(entry)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1b1b1b"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{short_time(local)}, {network_name(entry.network)}, {entry.account_label}, "
                f"{entry_state_name(entry)}: {entry.text}"
            )
        return None
