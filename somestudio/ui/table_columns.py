"""A table column that takes the room the other columns leave, as a stretched one does, but
never less than a floor: past it the table scrolls sideways. Stretched, the column that
matters most shrank to nothing first (the Metrics page's top posts at 1024 × 768 showed
"Glögikausi …" beside numbers with room to spare)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class StretchWithFloor(QObject):
    def __init__(self, table: QTableView, column: int, floor: int) -> None:
        super().__init__(table)
        self._table, self._column, self._floor = table, column, floor
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, index: int, _old: int, _new: int) -> None:
        if index != self._column:
            self.fit()

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != self._column and not header.isSectionHidden(i)
        )
        width = max(self._floor, self._table.viewport().width() - others)
        if header.sectionSize(self._column) != width:
            header.resizeSection(self._column, width)
