"""The Metrics page: what the last 30 days of published posts earned, per channel."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from somestudio.app.studio import Studio
from somestudio.domain.metrics import ChannelTotals
from somestudio.domain.utc import utc_now
from somestudio.ui.network_names import network_name

_Index = QModelIndex | QPersistentModelIndex
PERIOD_DAYS = 30


class TotalsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ChannelTotals] = []
        self._locale = QLocale()
        self._headers = [
            self.tr("Channel"),
            self.tr("Posts"),
            self.tr("Likes"),
            self.tr("Reposts"),
            self.tr("Replies"),
            self.tr("Views"),
        ]

    def set_rows(self, rows: list[ChannelTotals]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return network_name(row.network)
        values = (row.posts, row.likes, row.reposts, row.replies, row.views)
        value = values[column - 1]
        return self.tr("not offered") if value is None else self._locale.toString(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class MetricsPage(QWidget):
    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MetricsPage")
        self._studio = studio
        self.model = TotalsModel()
        title = QLabel(self.tr("Metrics"))
        title.setObjectName("PageTitle")
        self.subtitle = QLabel(
            self.tr("Published in the last %n days, latest numbers per post.", "", PERIOD_DAYS)
        )
        self.table = QTableView()
        self.table.setObjectName("TotalsTable")
        self.table.setAccessibleName(self.tr("Totals per channel"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing published in this period yet."))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def reload(self) -> None:
        end = utc_now()
        rows = self._studio.channel_totals(end - timedelta(days=PERIOD_DAYS), end)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
