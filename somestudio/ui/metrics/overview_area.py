"""The Overview tab: the totals table over the two charts side by side; in a window too
narrow for two legible charts side by side (a third of an 800-pixel window left the bars a
sliver, cut the axis title and crowded the followers' notes), one under the other, each
its own height, the tab scrolling. While it can scroll, the wheel over a chart scrolls
the tab (Ctrl+wheel zooms the chart, as the wheel alone does when nothing scrolls): a page
that stopped scrolling under the pointer and zoomed a chart instead would be a trap."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QScrollArea,
    QSplitter,
    QTableView,
    QWidget,
)

SIDE_BY_SIDE_CHARS = 110  # average characters of width the two charts need side by side
STACKED_HEIGHT_CHARS = 34  # a chart's least height, one under the other (in char widths)
STACKED_TABLE_ROWS = 4  # the totals' rows shown at least above them


class OverviewArea(QScrollArea):
    def __init__(self, content: QWidget, table: QTableView, charts: QSplitter) -> None:
        super().__init__()
        self.setObjectName("MetricsOverview")
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table and charts take the keys
        self.table, self.charts = table, charts
        self._least = (table.minimumHeight(), charts.minimumHeight())

    @property
    def stacked(self) -> bool:
        return self.charts.orientation() is Qt.Orientation.Vertical

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Side by side when the tab is wide enough, else one under the other. Decided by
        the tab's own width (not its viewport's, which a scroll bar narrows)."""
        char = self.fontMetrics().averageCharWidth()
        stacked = self.width() < char * SIDE_BY_SIDE_CHARS
        if stacked == self.stacked:
            return
        self.charts.setOrientation(
            Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        )
        if not stacked:
            self.table.setMinimumHeight(self._least[0])
            self.charts.setMinimumHeight(self._least[1])
            return
        table = self.table
        rows = table.verticalHeader().defaultSectionSize() * STACKED_TABLE_ROWS
        frame = 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + frame)
        self.charts.setMinimumHeight(2 * char * STACKED_HEIGHT_CHARS)

    def watch_wheels(self) -> None:
        """Take the wheel from each chart's plot (made since the last call) while the tab
        scrolls."""
        for plot in self.charts.findChildren(QAbstractScrollArea):
            viewport = plot.viewport()
            if not viewport.property("overviewWheel"):
                viewport.setProperty("overviewWheel", True)
                viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QWheelEvent)
            and watched.property("overviewWheel")  # a plot's (the scroll bars come here too)
            and self.verticalScrollBar().maximum() > 0
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            QApplication.sendEvent(self.verticalScrollBar(), event)
            return True
        return super().eventFilter(watched, event)
