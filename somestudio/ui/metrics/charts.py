"""The metrics charts, drawn with pyqtgraph and coloured from the window's palette, so they
read the same in light and dark themes."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from operator import attrgetter
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from somestudio.domain.insights import HeatCell
from somestudio.domain.metrics import AccountPoint, Snapshot
from somestudio.ui.metrics.chart_parts import Legend, LocaleDateAxis, blend, heat_alpha
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.tokens import DARK, LIGHT, colours

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
NEUTRAL = 140.0  # the grey a heatmap cell fades to when few posts stand behind it
PALE_TEXT = LIGHT.text  # readable on that grey in both themes
MARKER_CHARS = 28  # an action's note on the chart, cut with an ellipsis
_FETCHED = attrgetter("fetched_at")
_FOLLOWERS = attrgetter("followers")


def is_dark(palette: QPalette) -> bool:
    return colours(palette).dark


def series_colour(palette: QPalette, index: int) -> QColor:
    series = colours(palette).series
    return QColor(series[index % len(series)])


class Chart(QWidget):
    """A pyqtgraph plot that takes its background, axes and text from the palette, with its
    legend beside it and a plain sentence instead of empty axes when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(self, **kwargs)
        self.legend = Legend()
        self.empty = QLabel()
        self.empty.setObjectName("ChartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.empty)
        # The title is a label above, not pyqtgraph's: that one never wraps, and a long title
        # made the plot wider than its widget, cutting off its right side in a narrow window.
        self.title_label = QLabel()
        self.title_label.setObjectName("ChartTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.hide()
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE.xxs)
        layout.addWidget(self.title_label)
        layout.addLayout(body, 1)
        self.setMinimumHeight(180)
        self._title = ""
        self._empty_text = ""
        self._axis_text: dict[str, str] = {}
        self._redraw: Callable[[], None] | None = None
        self.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        self.getPlotItem().setMenuEnabled(False)
        for name in ("left", "bottom"):
            self.getPlotItem().getAxis(name).enableAutoSIPrefix(False)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot_widget.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom", "right"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        for name, label in self._axis_text.items():
            self.getPlotItem().setLabel(name, label, color=text.name())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
            # The scheme changed while the chart was open: draw the data in its colours.
            redraw = getattr(self, "_redraw", None)
            if redraw is not None:
                redraw()

    def getPlotItem(self) -> pg.PlotItem:
        return self.plot_widget.getPlotItem()

    def set_title(self, title: str) -> None:
        self._title = title
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self.plot_widget.setAccessibleName(title)  # what a screen reader says on focus

    def set_axis_labels(self, left: str, bottom: str) -> None:
        """What each axis measures, with its unit: "Followers", "Hours since publishing"."""
        self._axis_text = {"left": left, "bottom": bottom}
        self.apply_palette()

    def axis_label(self, name: str) -> str:
        return self._axis_text.get(name, "")

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.empty.setText(text)

    def show_data(self, has_data: bool) -> None:
        """The plot when there is something to draw; otherwise the sentence saying so."""
        self.stack.setCurrentWidget(self.plot_widget if has_data else self.empty)
        if not has_data:
            self.legend.set_entries([])

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty


class FollowersChart(Chart):
    """Followers over time, one line per account."""

    def __init__(self, parent: QWidget | None = None, zone: ZoneInfo | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": LocaleDateAxis(zone)})
        self._curves: list[pg.PlotDataItem] = []
        self._markers: list[pg.GraphicsObject] = []
        self.marker_notes: list[str] = []  # the action lines drawn, for tests and tooltips
        self.post_dots = 0

    def set_series(
        self,
        series: Mapping[str, Sequence[AccountPoint]],
        notes: Sequence[tuple[datetime, str]] = (),
        posts: Mapping[str, Sequence[datetime]] | None = None,
    ) -> None:
        """``notes``: the user's actions (a dashed line with its note); ``posts``: when each
        series' account published (a dot on its line)."""
        self._redraw = lambda: self.set_series(series, notes, posts)
        plot = self.getPlotItem()
        ordered = sorted(series.items())
        # The curves are kept and given new data: making and removing graphics items costs
        # more than drawing 14,600 points.
        while len(self._curves) > len(ordered):
            plot.removeItem(self._curves.pop())
        entries = []
        for index, (label, points) in enumerate(ordered):
            xs = np.fromiter(map(datetime.timestamp, map(_FETCHED, points)), float, len(points))
            ys = np.array(list(map(_FOLLOWERS, points)), dtype=float)  # None: nan
            colour = series_colour(self.palette(), index)
            pen = pg.mkPen(colour, width=2)
            # A count missing is a gap: only then does the line need pyqtgraph's check.
            finite = not np.isnan(ys).any()
            if index < len(self._curves):
                curve = self._curves[index]
                curve.setPen(pen)
                curve.setData(xs, ys, skipFiniteCheck=finite)
            else:
                curve = plot.plot(xs, ys, pen=pen, skipFiniteCheck=finite)
                # Drawn at most a few points per pixel column: a year of counts every 6
                # hours for 10 accounts is 14,600 points on a chart a few hundred pixels
                # wide. "peak" keeps each column's lowest and highest count, so no dip or
                # spike is lost.
                curve.opts["autoDownsampleFactor"] = 1.0  # a bin per pixel (pyqtgraph's: 5)
                curve.setDownsampling(auto=True, method="peak")
                self._curves.append(curve)
            entries.append((label, colour))
        self._draw_markers(ordered, notes, posts or {})
        self.show_data(bool(entries))
        self.legend.set_entries(entries)
        plot.enableAutoRange()

    def _draw_markers(
        self,
        ordered: Sequence[tuple[str, Sequence[AccountPoint]]],
        notes: Sequence[tuple[datetime, str]],
        posts: Mapping[str, Sequence[datetime]],
    ) -> None:
        plot = self.getPlotItem()
        for item in self._markers:
            plot.removeItem(item)
        self._markers = []
        self.marker_notes = []
        self.post_dots = 0
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        times = [p.fetched_at.timestamp() for _, points in ordered for p in points]
        middle = (min(times) + max(times)) / 2 if times else 0.0
        for index, (moment, note) in enumerate(notes):
            # Right of the line in the chart's left half, left of it in the right half: the
            # note stays inside the plot.
            side = 0 if moment.timestamp() < middle else 1
            # Short on the chart, staggered so that actions days apart do not write over
            # each other; the whole note is in the chart's description.
            short = note if len(note) <= MARKER_CHARS else note[: MARKER_CHARS - 1] + "…"
            line = pg.InfiniteLine(
                pos=moment.timestamp(),
                angle=90,
                pen=pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine),
                label=short,
                labelOpts={
                    "position": 0.95 - 0.09 * (index % 4),
                    "anchors": [(side, 0.5), (side, 0.5)],
                    "color": text,
                    "fill": base,
                    "movable": False,
                },
            )
            plot.addItem(line, ignoreBounds=True)
            self._markers.append(line)
            self.marker_notes.append(note)
        for index, (label, points) in enumerate(ordered):
            moments = posts.get(label, ())
            known = [p for p in points if p.followers is not None]
            if not moments or not known:
                continue
            fetched = [p.fetched_at for p in known]
            xs, ys = [], []
            for moment in moments:
                at = bisect.bisect_right(fetched, moment) - 1
                xs.append(moment.timestamp())
                ys.append(float(known[max(at, 0)].followers or 0))
            dots = pg.ScatterPlotItem(
                xs,
                ys,
                symbol="o",
                size=7,
                brush=series_colour(palette, index),
                pen=pg.mkPen(base, width=1),
            )
            plot.addItem(dots)
            self._markers.append(dots)
            self.post_dots += len(xs)
        if self.marker_notes:
            self.plot_widget.setAccessibleDescription(
                self.tr("Your actions: %1").replace("%1", "; ".join(self.marker_notes))
            )


class LifetimeChart(Chart):
    """One post's engagement over its life: hours since publishing against counts."""

    def set_snapshots(
        self, published_at: datetime, snapshots: Sequence[Snapshot], names: Sequence[str]
    ) -> None:
        """``names``: the translated labels of engagements, likes, reposts and replies."""
        self._redraw = lambda: self.set_snapshots(published_at, snapshots, names)
        plot = self.getPlotItem()
        plot.clear()
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
        entries = []
        for index, (name, values) in enumerate(zip(names, columns, strict=False)):
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
            )
            entries.append((name, colour))
        self.show_data(bool(snapshots and entries))
        self.legend.set_entries(entries)
        plot.enableAutoRange()


class TotalsChart(Chart):
    """Engagements per channel, as horizontal bars so that channel names of any length in
    any language sit on their own line: this period beside the previous one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=False, alpha=0.15)
        plot.invertY(True)  # the first channel on top, as in the table

    def set_totals(
        self, rows: Sequence[tuple[str, int, int | None]], current: str, previous: str
    ) -> None:
        """``rows``: (channel name, engagements now, engagements in the previous period)."""
        self._redraw = lambda: self.set_totals(rows, current, previous)
        plot = self.getPlotItem()
        plot.clear()
        ys = np.arange(len(rows), dtype=float)
        before = np.array([r[2] or 0 for r in rows], float)
        now = np.array([r[1] for r in rows], float)
        strong = series_colour(self.palette(), 0)
        faint = blend(strong, self.palette().color(QPalette.ColorRole.Base), 0.4)
        plot.addItem(pg.BarGraphItem(x0=0, y=ys - 0.18, height=0.34, width=before, brush=faint))
        plot.addItem(pg.BarGraphItem(x0=0, y=ys + 0.18, height=0.34, width=now, brush=strong))
        plot.getAxis("left").setTicks([[(float(i), r[0]) for i, r in enumerate(rows)]])
        self.show_data(bool(rows))
        if rows:
            self.legend.set_entries([(previous, faint), (current, strong)])
        plot.enableAutoRange()

    def tick_labels(self) -> list[str]:
        ticks = self.getPlotItem().getAxis("left")._tickLevels or [[]]
        return [text for _value, text in ticks[0]]


class HeatmapChart(Chart):
    """Mean engagement rate by local weekday (rows, Monday first) and hour (columns).

    The colour says the rate; how strongly it shows says how many posts stand behind it, so
    a cell from one lucky post is a pale grey, not the brightest on the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=False)
        plot.invertY(True)
        plot.setMouseEnabled(x=False, y=False)
        self.colour_map = pg.colormap.get("viridis")
        self.image = pg.ImageItem()  # what is seen: colour by rate, opacity by posts
        self.scale = pg.ImageItem()  # the rates alone, hidden: drives the colour bar's scale
        self.scale.setVisible(False)
        plot.addItem(self.scale)
        plot.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(colorMap=self.colour_map, interactive=False, width=12)
        self.colour_bar.setImageItem(self.scale, insert_in=plot)
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
        alpha = np.zeros((7, 24))
        for day, row in enumerate(grid):
            for hour, cell in enumerate(row):
                if cell.mean_rate is not None:
                    values[day, hour] = cell.mean_rate * 100
                    alpha[day, hour] = heat_alpha(cell.posts)
        finite = values[np.isfinite(values)]
        high = max(float(finite.max()) if finite.size else 1.0, 0.01)
        self.scale.setImage(values, autoLevels=False)
        self.scale.setRect(0, 0, 24, 7)
        self.colour_bar.setLevels((0.0, high))
        rgba = self.colour_map.map(np.nan_to_num(values / high).clip(0, 1).ravel(), mode="byte")
        rgba = rgba.reshape(7, 24, 4).astype(float)
        # Few posts: the colour fades toward a neutral grey (not toward the background, which
        # in the dark theme would read as a low rate); no posts: nothing drawn.
        strength = alpha[..., None]
        rgba[..., :3] = rgba[..., :3] * strength + NEUTRAL * (1 - strength)
        rgba[..., 3] = np.where(alpha > 0, 255, 0)
        self.image.setImage(rgba.astype(np.uint8), autoLevels=False, levels=(0, 255))
        self.image.setRect(0, 0, 24, 7)
        self.strength = alpha
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
                    pale = alpha[day, hour] < 0.5
                    colour = QColor(PALE_TEXT) if pale else _on(values[day, hour], high)
                    text = str(cell.posts)
                    if label.toPlainText() != text or label.color != colour:
                        label.setText(text, color=colour)
                    self.shown += 1
                label.setVisible(bool(cell.posts))
        plot.setRange(xRange=(0, 24), yRange=(0, 7), padding=0)


def _on(value: float, high: float) -> QColor:
    """Text colour readable on a viridis cell (dark blue at the bottom, yellow at the top)."""
    if math.isnan(value) or high <= 0:
        return QColor(colours().text_muted)
    return QColor(LIGHT.text if value / high > 0.6 else DARK.text)
