"""The collaborations as a table: partner, title, fee, state, payment due."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from somestudio.domain.collab.records import Collaboration
from somestudio.ui.collab.texts import day_text, money_text, state_word

Index = QModelIndex | QPersistentModelIndex


class CollabsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Collaboration] = []

    def set_rows(self, rows: Sequence[Collaboration]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def collab(self, row: int) -> Collaboration | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, collab_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == collab_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Partner"),
            self.tr("Title"),
            self.tr("Fee (net)"),
            self.tr("State"),
            self.tr("Payment due"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        collab = self.collab(index.row())
        if collab is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (
            collab.partner.company,
            collab.title,
            money_text(collab.fee),
            state_word(collab.state),
            day_text(collab.payment_due),
        )[column]
