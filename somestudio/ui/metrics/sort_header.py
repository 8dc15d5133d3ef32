"""A table header whose sort arrow points the way the column runs: down when the largest
values come first (descending), up when the smallest do.

QHeaderView hands the style SortUp for a descending column (an old Windows convention), so
Fusion draws an up arrow over a list that runs from the top value down. People read the
arrow as the direction of the values, as spreadsheets and web tables draw it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

SortIndicator = QStyleOptionHeader.SortIndicator


def arrow_for(order: Qt.SortOrder) -> SortIndicator:
    """The arrow drawn for a sorted column: down for descending, up for ascending."""
    return SortIndicator.SortDown if order == Qt.SortOrder.DescendingOrder else SortIndicator.SortUp


class SortHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:  # noqa: N803
        super().initStyleOptionForIndex(option, logicalIndex)
        if self.isSortIndicatorShown() and logicalIndex == self.sortIndicatorSection():
            option.sortIndicator = arrow_for(self.sortIndicatorOrder())
