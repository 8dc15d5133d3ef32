"""The metrics charts, drawn with pyqtgraph and coloured from the window's palette, so they
read the same in light and dark themes."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QLocale, Qt, QTime
from PySide6.QtGui import QColor, QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from somestudio.domain.insights import HeatCell
from somestudio.domain.metrics import AccountPoint, Snapshot
from somestudio.ui.metrics.chart_parts import (
    CellCounts,
    Legend,
    LocaleCountAxis,
    LocaleDateAxis,
    blend,
    heat_alpha,
)
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.tokens import DARK, LIGHT, colours

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
NEUTRAL = 140.0  # the grey a heatmap cell fades to when few posts stand behind it
PALE_TEXT = LIGHT.text  # readable on that grey in both themes
MARKER_CHARS = 24  # an action's note on the chart, cut with an ellipsis
MARKER_ROWS = 4  # heights the action notes are written at, from the top down
MARKER_TOP = 3.0  # pixels between the plot's top and the first row of notes
MARKER_ROW_GAP = 2.0  # pixels between two rows of notes
MARKER_GAP = 6.0  # pixels kept between two notes on one row


def marker_rows(extents: Sequence[tuple[float, float]]) -> list[int]:
    """The row each action note goes on, from the horizontal extents (pixels) its label
    covers: the top row unless a note there overlaps it, then the next row where it fits;
    with no row free, the row whose notes overlap it least."""
    placed: list[list[tuple[float, float]]] = [[] for _ in range(MARKER_ROWS)]
    found = []

    def overlap(row: int, left: float, right: float) -> float:
        return sum(max(0.0, min(right, b) - max(left, a) + MARKER_GAP) for a, b in placed[row])

    for left, right in extents:
        row = min(
            range(MARKER_ROWS),
            key=lambda r: (overlap(r, left, right) > 0, overlap(r, left, right), r),
        )
        placed[row].append((left, right))
        found.append(row)
    return found


Array = np.ndarray[Any, np.dtype[np.float64]]
Line = tuple[Sequence[float], Sequence[float]]  # (instants in seconds since 1970, values)


def line_of(points: Sequence[AccountPoint]) -> Line:
    """Follower counts as a line: (instants, counts, NaN where unknown)."""
    return (
        [p.fetched_at.timestamp() for p in points],
        [math.nan if p.followers is None else float(p.followers) for p in points],
    )


def is_dark(palette: QPalette) -> bool:
    return colours(palette).dark


def series_colour(palette: QPalette, index: int) -> QColor:
    series = colours(palette).series
    return QColor(series[index % len(series)])


def count_text(value: float, locale: QLocale | None = None) -> str:
    """A count in the user's form (12,345 or 12 345); a fraction keeps one decimal."""
    locale = locale or QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 1)


def change_text(value: float, locale: QLocale | None = None) -> str:
    """A change with its sign: +12, −3 (a minus sign, as the axes write it), 0."""
    if value > 0:
        return "+" + count_text(value, locale)
    if value < 0:
        return "\N{MINUS SIGN}" + count_text(-value, locale)
    return count_text(0, locale)


class Chart(QWidget):
    """A pyqtgraph plot that takes its background, axes and text from the palette, with its
    legend beside it and a plain sentence instead of empty axes when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent)
        # No context menus (the charts offer none): pyqtgraph builds a view's menu eagerly,
        # a fifth of a chart's cost to build on the GUI thread.
        kwargs.setdefault("enableMenu", False)
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
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addWidget(self.stack, 1)
        self._body.addWidget(self.legend, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE.xxs)
        layout.addWidget(self.title_label)
        layout.addLayout(self._body, 1)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        """Beside the plot when that leaves the plot at least one and a half times the
        legend's width; under it otherwise (beside a chart a third of an 800-pixel window
        wide, the legend left the bars a sliver and cut the axis title)."""
        width = self.width()
        beside = width >= self.legend.side_width * 5 // 2
        self.legend.place(beside=beside, width=width)
        self._body.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )

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
            self.describe("")

    def describe(self, summary: str) -> None:
        """The chart's text alternative, what a screen reader says after its name: what the
        lines or bars show, in words; with nothing drawn, the sentence shown instead."""
        if not summary:
            summary = self._empty_text or self.tr("No numbers yet.")
        self.plot_widget.setAccessibleDescription(summary)
        self.setAccessibleDescription(summary)

    def description(self) -> str:
        return self.plot_widget.accessibleDescription()

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty


class FollowersChart(Chart):
    """Followers over time, one line per account."""

    def __init__(self, parent: QWidget | None = None, zone: ZoneInfo | None = None) -> None:
        super().__init__(
            parent,
            axisItems={"bottom": LocaleDateAxis(zone), "left": LocaleCountAxis("left")},
        )
        self._curves: list[pg.PlotDataItem] = []
        self._markers: list[pg.GraphicsObject] = []
        self._dots: list[pg.ScatterPlotItem] = []
        self.marker_notes: list[str] = []  # the action lines drawn, for tests and tooltips
        self.marker_rows: list[int] = []  # the row each note is written on
        self._note_lines: list[tuple[pg.InfiniteLine, float, int, str]] = []
        self._line_range: tuple[float, float] | None = None  # the lines' lowest and highest
        self.post_dots = 0
        self._dot_labels: list[str] = []  # the lines' labels, in the order drawn
        self._slots: dict[str, int] = {}  # label → place in the series colours (set_lines)
        self._pending_dots: Mapping[str, Line] | None = None  # set_lines(dots_later=True)
        # The notes' rows are laid out again on the drawn view: its width and time range are
        # known only once the chart has its size and has ranged itself.
        view = self.getPlotItem().vb
        view.sigResized.connect(self._relayout_notes)
        view.sigXRangeChanged.connect(self._relayout_notes)

    def set_series(
        self,
        series: Mapping[str, Sequence[AccountPoint]],
        notes: Sequence[tuple[datetime, str]] = (),
        posts: Mapping[str, Line] | None = None,
    ) -> None:
        """``set_lines`` from points (a missing count is a gap in its line)."""
        self.set_lines({label: line_of(points) for label, points in series.items()}, notes, posts)

    def set_lines(
        self,
        lines: Mapping[str, Line],
        notes: Sequence[tuple[datetime, str]] = (),
        posts: Mapping[str, Line] | None = None,
        *,
        dots_later: bool = False,
        slots: Mapping[str, int] | None = None,
    ) -> None:
        """One line per account, as (instants in seconds since 1970 UTC, ascending; counts,
        NaN where unknown), made off the GUI thread (``DashboardData.follower_lines``).
        ``notes``: the user's actions (a dashed line with its note); ``posts``: dots on each
        line where its account published, as (instants, follower counts)
        (``DashboardData.post_marks``).

        With ``dots_later`` the dots are drawn by ``add_dots`` (the page calls it in an
        event-loop turn of its own: on a busy account they are half the work) and the chart
        is not repainted until then, so it never shows the lines without their dots."""
        # ``slots``: each label's place in the series colours, so an account keeps its
        # colour from period to period and in the monthly report (``account_slots``); a
        # label without one takes its place in the order drawn.
        self._slots = dict(slots or {})
        self._redraw = lambda: self.set_lines(lines, notes, posts, slots=slots)
        plot = self.getPlotItem()
        ordered = [
            (label, np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
            for label, (xs, ys) in sorted(lines.items())
            if len(xs)
        ]
        # The curves are kept and given new data: making and removing graphics items costs
        # more than drawing 14,600 points.
        while len(self._curves) > len(ordered):
            plot.removeItem(self._curves.pop())
        entries = []
        for index, (label, xs, ys) in enumerate(ordered):
            colour = series_colour(self.palette(), self._slots.get(label, index))
            # One pixel wide: Qt draws an antialiased line of one pixel on a fast path; at two
            # pixels a 90-day chart's jagged lines took 40 ms of the GUI thread per repaint.
            pen = pg.mkPen(colour, width=1)
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
                # spike is lost. The factor is bins per pixel: a bin per two pixels halves
                # the points drawn at every repaint against one, and still shows the shape.
                curve.opts["autoDownsampleFactor"] = 0.5
                curve.setDownsampling(auto=True, method="peak")
                self._curves.append(curve)
            # A line needs two counts: an account with one (a count entered by hand, a first
            # day) is a dot, or the chart would look empty.
            if np.count_nonzero(np.isfinite(ys)) < 2:
                curve.setSymbol("o")
                curve.setSymbolSize(7)
                curve.setSymbolBrush(colour)
                curve.setSymbolPen(None)
            else:
                curve.setSymbol(None)
            entries.append((label, colour))
        self._draw_markers(ordered, notes)
        self._dot_labels = [label for label, _xs, _ys in ordered]
        if dots_later:
            self._pending_dots = posts or {}
            self.setUpdatesEnabled(False)  # until add_dots: one picture, lines and dots
        else:
            self._pending_dots = None
            self._draw_dots(posts or {})
            if not self.updatesEnabled():  # a set_lines(dots_later=True) left waiting
                self.setUpdatesEnabled(True)
        self.show_data(bool(entries))
        self.legend.set_entries(entries)
        if entries:
            self.describe(self._summary(ordered))
        plot.enableAutoRange()
        self._keep_line_range(ordered)
        self._leave_room_for_notes()

    def _summary(self, ordered: Sequence[tuple[str, Array, Array]]) -> str:
        """Each line's latest count and its change over the period shown, then the actions
        drawn: "kahvila: 1,250 now, +48 over the period; Your actions: …"."""
        locale = QLocale()
        parts = []
        for label, _xs, ys in ordered:
            known = ys[np.isfinite(ys)]
            if not known.size:
                continue
            latest, change = float(known[-1]), float(known[-1] - known[0])
            if known.size < 2:
                parts.append(
                    self.tr("%1: %2").replace("%1", label).replace("%2", count_text(latest, locale))
                )
                continue
            parts.append(
                self.tr("%1: %2 now, %3 over the period")
                .replace("%1", label)
                .replace("%2", count_text(latest, locale))
                .replace("%3", change_text(change, locale))
            )
        if self.marker_notes:
            parts.append(self.tr("Your actions: %1").replace("%1", "; ".join(self.marker_notes)))
        return "; ".join(parts)

    def _relayout_notes(self) -> None:
        if not self._note_lines:
            return
        view = self.getPlotItem().vb
        (first, last), pixels = view.viewRange()[0], view.width()
        if pixels < 50 or last <= first:
            return
        metrics = QFontMetricsF(self.font())
        extents = []
        for _line, at, side, short in self._note_lines:
            x = (at - first) / (last - first) * pixels
            width = metrics.horizontalAdvance(short) + 10
            extents.append((x, x + width) if side == 0 else (x - width, x))
        self.marker_rows = marker_rows(extents)
        # Placed again at every resize: the rows are so many pixels down from the top.
        for (line, _at, _side, _short), row in zip(self._note_lines, self.marker_rows, strict=True):
            line.label.setPosition(self._note_position(row))
        self._leave_room_for_notes()

    def _view_height(self) -> float:
        height = float(self.getPlotItem().vb.height())
        return height if height > 50 else max(float(self.height()) - 40.0, 100.0)

    def _note_height(self) -> float:
        """A note's label's height in pixels (its text with pyqtgraph's padding)."""
        if self._note_lines:
            return float(self._note_lines[0][0].label.boundingRect().height())
        return QFontMetricsF(self.font()).height() + 6.0

    def _note_position(self, row: int) -> float:
        """Where along the plot's height (0 bottom, 1 top) a note of ``row`` hangs from: its
        label's top ``MARKER_TOP`` pixels down from the plot's top, a label's height and a gap
        more per row — inside the plot, whatever its height (a share of the height put the
        first row's text partly above a low chart)."""
        down = MARKER_TOP + row * (self._note_height() + MARKER_ROW_GAP)
        return max(0.0, 1.0 - down / self._view_height())

    def _leave_room_for_notes(self) -> None:
        """The lines kept below the band the action notes are written in, so a note never
        hides a line (its label has the background's fill)."""
        if not self.marker_rows or self._line_range is None:
            return
        low, high = self._line_range
        span = (high - low) or max(abs(high), 1.0)
        rows = max(self.marker_rows) + 1
        band = (MARKER_TOP + rows * (self._note_height() + MARKER_ROW_GAP)) / self._view_height()
        band = min(band + 0.04, 0.7)  # a chart too low for its notes still shows its lines
        bottom = low - 0.05 * span
        self.getPlotItem().setYRange(bottom, bottom + (high - bottom) / (1 - band), padding=0)

    def _keep_line_range(self, ordered: Sequence[tuple[str, Array, Array]]) -> None:
        known = [ys[~np.isnan(ys)] for _label, _xs, ys in ordered]
        known = [ys for ys in known if len(ys)]
        self._line_range = (
            (float(min(ys.min() for ys in known)), float(max(ys.max() for ys in known)))
            if known
            else None
        )

    def _draw_markers(
        self,
        ordered: Sequence[tuple[str, Array, Array]],
        notes: Sequence[tuple[datetime, str]],
    ) -> None:
        plot = self.getPlotItem()
        for item in self._markers:
            plot.removeItem(item)
        self._markers = []
        self.marker_notes = []
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        # The lines' instants ascend: their ends are their first and last.
        times = [float(x) for _label, xs, _ys in ordered for x in (xs[0], xs[-1])]
        times += [moment.timestamp() for moment, _note in notes]
        middle = (min(times) + max(times)) / 2 if times else 0.0
        notes = sorted(notes)
        shorts = [n if len(n) <= MARKER_CHARS else n[: MARKER_CHARS - 1] + "…" for _, n in notes]
        first, last = min(times, default=0.0), max(times, default=0.0)
        pixels = plot.vb.width() if plot.vb.width() > 100 else max(self.width() - 200, 300)
        metrics = QFontMetricsF(self.font())
        extents = []
        for (moment, _note), short in zip(notes, shorts, strict=True):
            x = (moment.timestamp() - first) / max(last - first, 1.0) * pixels
            width = metrics.horizontalAdvance(short) + 10
            extents.append((x, x + width) if moment.timestamp() < middle else (x - width, x))
        rows = marker_rows(extents)
        self.marker_rows = rows
        self._note_lines = []
        for (moment, note), row, short in zip(notes, rows, shorts, strict=True):
            # Right of the line in the chart's left half, left of it in the right half: the
            # note stays inside the plot.
            side = 0 if moment.timestamp() < middle else 1
            # Short on the chart, staggered so that actions days apart do not write over
            # each other; the whole note is in the chart's description.
            line = pg.InfiniteLine(
                pos=moment.timestamp(),
                angle=90,
                pen=pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine),
                label=short,
                labelOpts={
                    "position": self._note_position(row),
                    "anchors": [(side, 0.0), (side, 0.0)],  # hanging down from there
                    "color": text,
                    "fill": base,
                    "movable": False,
                },
            )
            plot.addItem(line, ignoreBounds=True)
            self._markers.append(line)
            self._note_lines.append((line, moment.timestamp(), side, short))
            self.marker_notes.append(note)
        for (line, _at, _side, _short), row in zip(self._note_lines, rows, strict=True):
            line.label.setPosition(self._note_position(row))  # by the labels' own height

    def line_colour(self, label: str) -> QColor | None:
        """The colour ``label``'s line is drawn in (None: no such line)."""
        if label not in self._dot_labels:
            return None
        return series_colour(self.palette(), self._slots.get(label, self._dot_labels.index(label)))

    def add_dots(self) -> None:
        """The dots ``set_lines(..., dots_later=True)`` left, then the chart is repainted."""
        posts, self._pending_dots = self._pending_dots, None
        if posts is not None:
            self._draw_dots(posts)
        if not self.updatesEnabled():
            self.setUpdatesEnabled(True)

    def _draw_dots(self, posts: Mapping[str, Line]) -> None:
        plot = self.getPlotItem()
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        self.post_dots = 0
        kept = 0  # the dots' items are kept and given new data, as the curves are
        for index, label in enumerate(self._dot_labels):
            xs, ys = posts.get(label, ((), ()))
            if not len(xs):
                continue
            slot = self._slots.get(label, index)
            style = {"brush": series_colour(palette, slot), "pen": pg.mkPen(base, width=1)}
            if kept < len(self._dots):
                dots = self._dots[kept]
                dots.setData(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), **style)
            else:
                dots = pg.ScatterPlotItem(
                    np.asarray(xs, dtype=float),
                    np.asarray(ys, dtype=float),
                    symbol="o",
                    size=7,
                    **style,
                )
                plot.addItem(dots)
                self._dots.append(dots)
            kept += 1
            self.post_dots += len(xs)
        while len(self._dots) > kept:
            plot.removeItem(self._dots.pop())


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
        if snapshots and entries:
            self.describe(self._summary(hours, columns, names))
        plot.enableAutoRange()

    def _summary(
        self, hours: Array, columns: tuple[list[int | None], ...], names: Sequence[str]
    ) -> str:
        """Each count's latest value and when it was read: "Likes: 40 after 26 hours"."""
        locale = QLocale()
        parts = []
        for name, values in zip(names, columns, strict=False):
            known = [(h, v) for h, v in zip(hours, values, strict=True) if v is not None]
            if not known:
                continue
            at, latest = known[-1]
            parts.append(
                self.tr("%1: %2 after %3 hours")
                .replace("%1", name)
                .replace("%2", count_text(latest, locale))
                .replace("%3", count_text(round(float(at)), locale))
            )
        return "; ".join(parts)


class TotalsChart(Chart):
    """Engagements per channel, as horizontal bars so that channel names of any length in
    any language sit on their own line: this period beside the previous one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": LocaleCountAxis("bottom")})
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=False, alpha=0.15)
        plot.invertY(True)  # the first channel on top, as in the table
        # Channels whose network gives no engagement counts: named under the chart, not as
        # empty bars whose long names ("LinkedIn · ei saatavilla") squeezed the plot.
        self.note = QLabel()
        self.note.setObjectName("ChartNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.note)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.note.setVisible(bool(text))

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
            locale = QLocale()
            self.describe(
                "; ".join(
                    self.tr("%1: %2 (previous period %3)")
                    .replace("%1", name)
                    .replace("%2", count_text(now_count, locale))
                    .replace("%3", count_text(before_count or 0, locale))
                    for name, now_count, before_count in rows
                )
            )
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
        # Hours as the user's clock writes them: "3 PM" in the US, "15" in Finland (the
        # axis read 00, 03 … 21 in an American's English).
        twelve = "ap" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower()
        hour = "h AP" if twelve else "HH"
        plot.getAxis("bottom").setTicks(
            [[(h + 0.5, locale.toString(QTime(h, 0), hour)) for h in range(0, 24, 3)]]
        )
        self.counts = CellCounts(24, 7)  # the posts behind each cell, written in it
        plot.addItem(self.counts)
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
        cells = []
        for day, row in enumerate(grid):
            for hour, cell in enumerate(row):
                # The post count in each cell: a rate from one post is a hint, not a fact.
                if cell.posts:
                    pale = alpha[day, hour] < 0.5
                    colour = QColor(PALE_TEXT) if pale else _on(values[day, hour], high)
                    cells.append((hour, day, str(cell.posts), colour))
        self.counts.set_cells(cells)
        self.shown = len(cells)
        self.describe(self._summary(grid))
        plot = self.getPlotItem()
        plot.setRange(xRange=(0, 24), yRange=(0, 7), padding=0)

    def _summary(self, grid: Sequence[Sequence[HeatCell]]) -> str:
        """The best-rated weekday and hour among cells with the most posts behind them (a
        rate from one post is a hint), and how many cells have posts."""
        cells = [
            (day, hour, cell)
            for day, row in enumerate(grid)
            for hour, cell in enumerate(row)
            if cell.mean_rate is not None and cell.posts
        ]
        if not cells:
            return ""
        locale = QLocale()
        day, hour, best = max(cells, key=lambda c: (heat_alpha(c[2].posts), c[2].mean_rate or 0))
        return (
            self.tr(
                "Highest engagement rate: %1 at %2, %3 % from %4 posts;"
                " %5 hours of the week with posts."
            )
            .replace("%1", locale.dayName(day + 1, QLocale.FormatType.LongFormat))
            .replace("%2", locale.toString(QTime(hour, 0), QLocale.FormatType.ShortFormat))
            .replace("%3", locale.toString((best.mean_rate or 0) * 100, "f", 1))
            .replace("%4", count_text(best.posts, locale))
            .replace("%5", count_text(len(cells), locale))
        )


def _on(value: float, high: float) -> QColor:
    """Text colour readable on a viridis cell (dark blue at the bottom, yellow at the top)."""
    if math.isnan(value) or high <= 0:
        return QColor(colours().text_muted)
    return QColor(LIGHT.text if value / high > 0.6 else DARK.text)
