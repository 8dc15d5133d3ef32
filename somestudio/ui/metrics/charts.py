"""The metrics charts, drawn with pyqtgraph and coloured from the window's palette, so they
read the same in light and dark themes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from somestudio.domain.insights import HeatCell
from somestudio.domain.metrics import AccountPoint, Snapshot
from somestudio.ui.metrics.colours import DARK_SERIES, LIGHT_SERIES

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def series_colour(palette: QPalette, index: int) -> QColor:
    colours = DARK_SERIES if is_dark(palette) else LIGHT_SERIES
    return QColor(colours[index % len(colours)])


class Chart(QWidget):
    """A pyqtgraph plot that takes its background, axes and text from the palette."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(self, **kwargs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.setMinimumHeight(180)
        self.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        self.getPlotItem().setMenuEnabled(False)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot_widget.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom", "right"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        legend = self.getPlotItem().legend
        if legend is not None:
            legend.setLabelTextColor(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()

    def getPlotItem(self) -> pg.PlotItem:
        return self.plot_widget.getPlotItem()

    def set_title(self, title: str) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        self.getPlotItem().setTitle(title, color=text.name(), size="10pt")
        self.plot_widget.setAccessibleName(title)  # what a screen reader says on focus


class FollowersChart(Chart):
    """Followers over time, one line per account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem()})
        self.getPlotItem().addLegend(offset=(10, 10))
        self.apply_palette()

    def set_series(self, series: Mapping[str, Sequence[AccountPoint]]) -> None:
        plot = self.getPlotItem()
        plot.clear()
        for index, (label, points) in enumerate(sorted(series.items())):
            xs = np.fromiter((p.fetched_at.timestamp() for p in points), float, len(points))
            ys = np.fromiter(
                (p.followers if p.followers is not None else math.nan for p in points),
                float,
                len(points),
            )
            colour = series_colour(self.palette(), index)
            plot.plot(xs, ys, pen=pg.mkPen(colour, width=2), name=label)
        plot.enableAutoRange()


class LifetimeChart(Chart):
    """One post's engagement over its life: hours since publishing against counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.getPlotItem().addLegend(offset=(10, 10))
        self.apply_palette()

    def set_snapshots(
        self, published_at: datetime, snapshots: Sequence[Snapshot], names: Sequence[str]
    ) -> None:
        """``names``: the translated labels of engagements, likes, reposts and replies."""
        plot = self.getPlotItem()
        plot.clear()
        if not snapshots:
            return
        hours = np.fromiter(
            ((s.fetched_at - published_at).total_seconds() / 3600 for s in snapshots),
            float,
            len(snapshots),
        )
        columns: tuple[list[int | None], ...] = (
            [s.counts.engagements for s in snapshots],
            [s.counts.likes for s in snapshots],
            [s.counts.reposts for s in snapshots],
            [s.counts.replies for s in snapshots],
        )
        for index, (name, values) in enumerate(zip(names, columns, strict=True)):
            if all(v is None for v in values):
                continue
            ys = np.array([math.nan if v is None else float(v) for v in values])
            colour = series_colour(self.palette(), index)
            plot.plot(
                hours,
                ys,
                pen=pg.mkPen(colour, width=3 if index == 0 else 1.5),
                symbol="o" if index == 0 else None,
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=None,
                name=name,
            )
        plot.enableAutoRange()


class TotalsChart(Chart):
    """Engagements per channel: this period beside the previous one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.getPlotItem().addLegend(offset=(10, 10))
        self.getPlotItem().showGrid(x=False, y=True, alpha=0.15)
        self.apply_palette()

    def set_totals(
        self, rows: Sequence[tuple[str, int, int | None]], current: str, previous: str
    ) -> None:
        """``rows``: (channel name, engagements now, engagements in the previous period)."""
        plot = self.getPlotItem()
        plot.clear()
        xs = np.arange(len(rows), dtype=float)
        before = np.array([r[2] or 0 for r in rows], float)
        now = np.array([r[1] for r in rows], float)
        faint = series_colour(self.palette(), 0)
        faint.setAlpha(90)
        plot.addItem(
            pg.BarGraphItem(x=xs - 0.18, height=before, width=0.34, brush=faint, name=previous)
        )
        plot.addItem(
            pg.BarGraphItem(
                x=xs + 0.18,
                height=now,
                width=0.34,
                brush=series_colour(self.palette(), 0),
                name=current,
            )
        )
        plot.getAxis("bottom").setTicks([[(float(i), r[0]) for i, r in enumerate(rows)]])
        plot.enableAutoRange()


class HeatmapChart(Chart):
    """Mean engagement rate by local weekday (rows, Monday first) and hour (columns)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=False)
        plot.invertY(True)
        plot.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(
            colorMap=pg.colormap.get("viridis"), interactive=False, width=12
        )
        self.colour_bar.setImageItem(self.image, insert_in=plot)
        locale = QLocale()
        plot.getAxis("left").setTicks(
            [[(d + 0.5, locale.dayName(d + 1, QLocale.FormatType.ShortFormat)) for d in range(7)]]
        )
        plot.getAxis("bottom").setTicks([[(h + 0.5, f"{h:02d}") for h in range(0, 24, 3)]])
        self.labels: list[pg.TextItem] = []
        self.shown = 0
        self.apply_palette()

    def set_grid(self, grid: Sequence[Sequence[HeatCell]]) -> None:
        values = np.full((7, 24), math.nan)
        for day, row in enumerate(grid):
            for hour, cell in enumerate(row):
                if cell.mean_rate is not None:
                    values[day, hour] = cell.mean_rate * 100
        self.image.setImage(values, autoLevels=False)
        self.image.setRect(0, 0, 24, 7)
        finite = values[np.isfinite(values)]
        high = float(finite.max()) if finite.size else 1.0
        self.colour_bar.setLevels((0.0, max(high, 0.01)))
        # One text item per cell, made once and only updated: re-creating 168 items per
        # redraw costs more than the rest of the chart together.
        plot = self.getPlotItem()
        if not self.labels:
            for day in range(7):
                for hour in range(24):
                    label = pg.TextItem("", anchor=(0.5, 0.5))
                    label.setPos(hour + 0.5, day + 0.5)
                    label.setVisible(False)
                    plot.addItem(label)
                    self.labels.append(label)
        self.shown = 0
        for day, row in enumerate(grid):
            for hour, cell in enumerate(row):
                label = self.labels[day * 24 + hour]
                # The post count in each cell: a rate from one post is a hint, not a fact.
                if cell.posts:
                    text, colour = str(cell.posts), _on(values[day, hour], high)
                    if label.toPlainText() != text or label.color != colour:
                        label.setText(text, color=colour)
                    self.shown += 1
                label.setVisible(bool(cell.posts))
        plot.setRange(xRange=(0, 24), yRange=(0, 7), padding=0)


def _on(value: float, high: float) -> QColor:
    """Text colour readable on a viridis cell (dark blue at the bottom, yellow at the top)."""
    if math.isnan(value) or high <= 0:
        return QColor(Qt.GlobalColor.gray)
    return QColor("#000000") if value / high > 0.6 else QColor("#ffffff")
