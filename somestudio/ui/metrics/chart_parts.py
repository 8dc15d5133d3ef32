"""Parts the metrics charts share: a legend beside the plot (or under a narrow one), a date
axis in the user's language and time zone, and how strongly a heatmap cell shows given how
many posts it has."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from somestudio.ui.network_names import network_of_label
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.marks import mark_label

DAY = 86_400.0
DAY_STEPS = (1, 2, 3, 5, 7, 14, 21)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)  # months between ticks, longer
ANY_WIDTH = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX (not in PySide6)
FULL_CELL = 10  # posts behind a heatmap cell before its colour shows at full strength


def blend(colour: QColor, background: QColor, amount: float) -> QColor:
    """``colour`` at ``amount`` (0..1) over ``background``, as one opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )


def heat_alpha(posts: int) -> float:
    """How opaque a heatmap cell is: a rate from one post is a hint (pale), from ten or more a
    fair measure (full colour). No posts: nothing drawn."""
    if posts <= 0:
        return 0.0
    return 0.2 + 0.8 * (min(posts, FULL_CELL) - 1) / (FULL_CELL - 1)


def day_month_format(locale: QLocale) -> str:
    """The locale's short date without the year: 3.12. (fi), 03/12 (en_GB), 12/3 (en_US)."""
    without_year = re.sub(r"y+", "", locale.dateFormat(QLocale.FormatType.ShortFormat))
    return without_year.strip(" ,/-") or "d.M."


def date_tick(moment: datetime, spacing: float, locale: QLocale) -> str:
    """A date axis label for ticks ``spacing`` seconds apart, in ``locale``'s words; on a
    months' axis January says its year instead ("Nov Dec 2027 Feb"): a chart of a year or
    more would otherwise show no year at all."""
    if spacing >= 360 * DAY:
        return str(moment.year)
    if spacing >= 28 * DAY:
        if moment.month == 1:
            return str(moment.year)
        return locale.standaloneMonthName(moment.month, QLocale.FormatType.ShortFormat)
    if spacing >= DAY - 1:
        day = QDate(moment.year, moment.month, moment.day)
        return locale.toString(day, day_month_format(locale))
    return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


class LocaleDateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """pyqtgraph's date axis places the ticks; the labels come from QLocale, in ``zone``."""

    def __init__(self, zone: ZoneInfo | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.zone = zone or ZoneInfo("UTC")
        offset = datetime.combine(date(2026, 1, 15), datetime.min.time(), self.zone).utcoffset()
        self.utcOffset = -offset.total_seconds() if offset is not None else 0.0
        self._label_width: tuple[tuple[str, str] | None, int] = (None, 0)

    def tickValues(self, low: float, high: float, size: float) -> list[tuple[float, list[float]]]:
        """Up to four months: local midnights every 1, 2, 3, 5, 7, 14 or 21 days, as many as
        fit their labels (pyqtgraph left a 30-day chart at 400 px with one "Dec"). Longer:
        the local midnights starting months (``_month_ticks``), as one level, so a month name
        never sits on top of the day beside it ("joulu3.12.") and each January names its
        year."""
        if high <= low:
            return []
        if high - low > 120 * DAY:
            return self._month_ticks(low, high, size)
        label = QFontMetrics(self.font()).horizontalAdvance("28.12.") + 24
        room = max(2, int(size // label))
        step = next((d for d in DAY_STEPS if (high - low) / (d * DAY) <= room), DAY_STEPS[-1])
        first = datetime.fromtimestamp(low, self.zone).date()
        values = []
        for n in range(int((high - low) // DAY) + 2):
            day = first + timedelta(days=n)
            moment = datetime.combine(day, time(), self.zone).timestamp()
            if low <= moment <= high and (day - first).days % step == 0:
                values.append(moment)
        return [(step * DAY, values)]

    def _month_ticks(self, low: float, high: float, size: float) -> list[tuple[float, list[float]]]:
        """Local midnights starting every 1, 2, 3 or 6 months (from January), or every year,
        2, 5, 10... years, as many as fit their labels. Worked out here rather than by
        pyqtgraph's date axis: it asks Qt for the system's time zone at each tick (0.4 ms
        each, a year's first paint spent 6 ms of the GUI thread on it) and then uses a fixed
        offset instead."""
        first = datetime.fromtimestamp(low, self.zone)
        last = datetime.fromtimestamp(high, self.zone)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        label = self._month_label_width()
        room = max(2, int(size // label))
        step = next((m for m in MONTH_STEPS if months / m <= room), MONTH_STEPS[-1])
        values = []
        for n in range(months + 1):
            index = first.year * 12 + first.month - 1 + n  # months since year 0
            if index % step:
                continue
            start = datetime(index // 12, index % 12 + 1, 1, tzinfo=self.zone)
            moment = start.timestamp()
            if low <= moment <= high:
                values.append(moment)
        spacing = step * 30 * DAY if step < 12 else step // 12 * 365 * DAY
        return [(spacing, values)]

    def _month_label_width(self) -> int:
        """Pixels a month's label takes on this axis on average, with pyqtgraph's own
        padding (the locale's short month names and a year)."""
        locale = QLocale()
        key = (locale.name(), self.font().key())
        if self._label_width[0] != key:
            metrics = QFontMetrics(self.font())
            texts = [
                locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 12)
            ] + ["2026"]  # January says its year
            average = sum(metrics.horizontalAdvance(text) for text in texts) / len(texts)
            self._label_width = (key, round(average) + 10)
        return self._label_width[1]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        locale = QLocale()
        texts = []
        for value in values:
            try:
                moment = datetime.fromtimestamp(value, self.zone)
            except (OverflowError, ValueError, OSError):
                texts.append("")
                continue
            texts.append(date_tick(moment, spacing, locale))
        return texts


def entry_markup(name: str, colour: QColor) -> str:
    """A legend line: a square in the series' colour, then its name."""
    return f'<span style="color:{colour.name()}">&#9632;</span>&nbsp;{html.escape(name)}'


class Legend(QWidget):
    """The series' names with their colours, beside the plot instead of over its data; under
    it, in as many columns as fit, when the chart is too narrow to give it a side
    (``place``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChartLegend")
        self._layout = QGridLayout(self)
        self._layout.setHorizontalSpacing(SPACE.m)
        self._layout.setVerticalSpacing(SPACE.xs)
        self._labels: list[QLabel] = []
        self._rows: list[QWidget] = []
        self.beside = True
        self._columns = 1
        self._width = 0  # what the legend has under the plot
        self._side_width = self.fontMetrics().averageCharWidth() * 24
        self._arrange()
        self.hide()

    def set_entries(self, entries: Sequence[tuple[str, QColor]]) -> None:
        """One line per series; an account's ("Mastodon · Kahvila") starts with its mark."""
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._labels, self._rows = [], []
        for name, colour in entries:
            label = QLabel()
            markup = entry_markup(name, colour)  # the name comes translated
            label.setText(markup)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(name)
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(SPACE.xs)
            network = network_of_label(name)
            if network is not None:
                line.addWidget(mark_label(network), 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self._labels.append(label)
            self._rows.append(row)
        self._columns = self._columns_for(self._width)
        self._arrange()
        self.setVisible(bool(entries))

    def names(self) -> list[str]:
        return [label.accessibleName() for label in self._labels]

    @property
    def side_width(self) -> int:
        """The most a legend beside the plot takes (24 average characters)."""
        return self._side_width

    def place(self, *, beside: bool, width: int) -> None:
        """Beside the plot, one name under another; or under it across ``width`` pixels,
        in as many columns as the longest name allows."""
        self._width = 0 if beside else width
        columns = self._columns_for(self._width)
        if (beside, columns) == (self.beside, self._columns):
            return
        self.beside, self._columns = beside, columns
        self._arrange()

    def _columns_for(self, width: int) -> int:
        if not width or not self._rows:
            return 1
        widest = max(row.sizeHint().width() for row in self._rows) + SPACE.m
        return max(1, min(len(self._rows), width // widest))

    def _arrange(self) -> None:
        for row in self._rows:
            self._layout.removeWidget(row)
        for column in range(self._layout.columnCount()):
            self._layout.setColumnStretch(column, 0)
        for index, row in enumerate(self._rows):
            self._layout.addWidget(
                row, index // self._columns, index % self._columns, Qt.AlignmentFlag.AlignTop
            )
        if self.beside:
            self._layout.setContentsMargins(SPACE.xs, SPACE.xl, SPACE.xs, SPACE.xs)
            self.setMaximumWidth(self._side_width)
        else:
            self._layout.setContentsMargins(SPACE.xs, 0, SPACE.xs, 0)
            self.setMaximumWidth(ANY_WIDTH)
            for column in range(self._columns):
                self._layout.setColumnStretch(column, 1)


class CellCounts(pg.GraphicsObject):  # type: ignore[misc]
    """The post count written in each heatmap cell, as one item that draws them all.

    168 text items (one per cell) cost more to make and to paint than the rest of the chart
    together; this one keeps (column, row, text, colour) per cell and writes them upright, at
    the view's scale, centred in their cells."""

    def __init__(self, columns: int, rows: int) -> None:
        super().__init__()
        self._size = (columns, rows)
        self.cells: list[tuple[int, int, str, QColor]] = []

    def set_cells(self, cells: list[tuple[int, int, str, QColor]]) -> None:
        self.cells = cells
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, *_args: object) -> None:
        if not self.cells:
            return
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()  # text upright and unscaled, wherever the view zooms
        for column, row, text, colour in self.cells:
            top_left = to_device.map(QPointF(column, row))
            bottom_right = to_device.map(QPointF(column + 1, row + 1))
            painter.setPen(colour)
            painter.drawText(
                QRectF(top_left, bottom_right).normalized(), Qt.AlignmentFlag.AlignCenter, text
            )
        painter.restore()


class LocaleCountAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis of counts (followers, engagements): ticks on whole numbers only, written as
    the locale writes numbers ("2 310" in Finnish, "2,310" in English). pyqtgraph's own
    wrote "2309.5" followers, with a decimal point in any language."""

    def tickSpacing(self, low: float, high: float, size: float) -> list[tuple[float, float]]:
        levels = [(s, o) for s, o in super().tickSpacing(low, high, size) if s >= 1]
        return levels or [(1.0, 0.0)]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        locale = QLocale()
        return [locale.toString(round(value * scale)) for value in values]
