"""The week view: seven days on an hour grid; chips sit at their local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QScrollArea, QToolTip, QVBoxLayout, QWidget

from somestudio.domain.month_grid import iso_week
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chip_drag import ChipDrag
from somestudio.ui.calendar.chips import (
    MIME_DELIVERY,
    ChipPainter,
    HistoryLookup,
    delivery_from_mime,
    entry_tooltip,
)
from somestudio.ui.qtdates import day_month, qdate, qtime

SNAP_MINUTES = 15


@dataclass(frozen=True, slots=True)
class _Placed:
    entry: ScheduledEntry
    rect: QRect


class WeekCanvas(QWidget):
    entry_activated = Signal(object)
    entry_menu_requested = Signal(object, QPoint)
    entry_dropped = Signal(int, object)  # delivery id, local datetime (naive wall time)

    def __init__(self, zone: ZoneInfo, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeekCanvas")
        self.setAccessibleName(self.tr("Week"))
        self._zone = zone
        self._locale = locale
        self._days: list[date] = []
        self._entries: dict[date, list[ScheduledEntry]] = {}
        self._placed: list[_Placed] = []
        self._drag = ChipDrag(self)
        self._chip_painter: ChipPainter | None = None
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips
        self.setAcceptDrops(True)
        self.setMouseTracking(False)

    # -- geometry
    @property
    def hour_height(self) -> int:
        return 2 * QFontMetrics(self.font()).height() + 6

    @property
    def gutter(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("88:88") + 12

    def day_width(self) -> float:
        return max(1.0, (self.width() - self.gutter) / 7)

    def sizeHint(self) -> QSize:
        return QSize(self.gutter + 7 * 110, 24 * self.hour_height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.gutter + 7 * 40, 24 * self.hour_height)

    # -- data
    def set_week(self, days: list[date], entries: dict[date, list[ScheduledEntry]]) -> None:
        self._days = days
        self._entries = entries
        self._layout()
        self.update()

    def entry_at(self, pos: QPoint) -> ScheduledEntry | None:
        for placed in reversed(self._placed):
            if placed.rect.contains(pos):
                return placed.entry
        return None

    def rect_of(self, entry: ScheduledEntry) -> QRect | None:
        return next((p.rect for p in self._placed if p.entry == entry), None)

    def time_at(self, pos: QPoint) -> datetime | None:
        """The local wall time under ``pos``, snapped to 15 minutes."""
        if pos.x() < self.gutter or not self._days:
            return None
        column = min(6, int((pos.x() - self.gutter) / self.day_width()))
        minutes = max(0, min(24 * 60 - SNAP_MINUTES, int(pos.y() * 60 / self.hour_height)))
        minutes -= minutes % SNAP_MINUTES
        return datetime.combine(self._days[column], time(minutes // 60, minutes % 60))

    def y_of(self, moment: time) -> int:
        return int((moment.hour * 60 + moment.minute) * self.hour_height / 60)

    def resizeEvent(self, event: object) -> None:
        self._layout()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _layout(self) -> None:
        self._placed = []
        chip_h = max(QFontMetrics(self.font()).height() + 6, self.hour_height // 2)
        width = self.day_width()
        for column, day in enumerate(self._days):
            lanes: list[int] = []  # bottom edge of the last chip in each lane
            placed_day: list[tuple[int, int, ScheduledEntry]] = []
            for entry in self._entries.get(day, []):
                top = self.y_of(entry.scheduled_at.astimezone(self._zone).time())
                lane = next((i for i, bottom in enumerate(lanes) if bottom <= top), len(lanes))
                if lane == len(lanes):
                    lanes.append(0)
                lanes[lane] = top + chip_h
                placed_day.append((lane, top, entry))
            count = max(1, len(lanes))
            lane_w = (width - 4) / count
            for lane, top, entry in placed_day:
                left = int(self.gutter + column * width + 2 + lane * lane_w)
                self._placed.append(_Placed(entry, QRect(left, top, int(lane_w) - 2, chip_h)))

    # -- painting
    def _chips(self) -> ChipPainter:
        if self._chip_painter is None or self._chip_painter.font.family() != self.font().family():
            self._chip_painter = ChipPainter(self.font(), self._zone)
        return self._chip_painter

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width = self.day_width()
        today = date.today()
        for column, day in enumerate(self._days):
            if day == today:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(28)
                left = int(self.gutter + column * width)
                painter.fillRect(QRect(left, 0, int(width), self.height()), highlight)
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(self.font())
        for hour in range(24):
            y = hour * self.hour_height
            painter.setPen(grid)
            painter.drawLine(self.gutter, y, self.width(), y)
            painter.setPen(text)
            label = self._locale.toString(qtime(time(hour)), QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRect(0, y + 2, self.gutter - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                label,
            )
        painter.setPen(grid)
        for column in range(8):
            x = int(self.gutter + column * width)
            painter.drawLine(x, 0, x, self.height())
        for placed in self._placed:
            self._chips().paint(painter, placed.rect, placed.entry)
        painter.end()

    def tooltip_for(self, entry: ScheduledEntry) -> str:
        return entry_tooltip(entry, self._zone, self.history)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(entry), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- mouse and drops
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag.pressed(event, self.entry_at(event.position().toPoint()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._drag.moved(event):
            super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.entry_activated.emit(entry)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_DELIVERY):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.time_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        delivery_id = delivery_from_mime(event.mimeData())
        when = self.time_at(event.position().toPoint())
        if delivery_id is None or when is None:
            event.ignore()
            return
        self.entry_dropped.emit(delivery_id, when)
        event.acceptProposedAction()


class WeekHeader(QWidget):
    """Day names above the canvas's columns."""

    def __init__(self, canvas: WeekCanvas, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._locale = locale
        self._days: list[date] = []
        self.setFixedHeight(QFontMetrics(self.font()).height() + 10)

    def set_days(self, days: list[date]) -> None:
        self._days = days
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width = self._canvas.day_width()
        today = date.today()
        for column, day in enumerate(self._days):
            font = self.font()
            font.setBold(day == today)
            painter.setFont(font)
            name = self._locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            label = f"{name} {day_month(day, self._locale)}"
            rect = QRect(int(self._canvas.gutter + column * width), 0, int(width), self.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


class WeekView(QWidget):
    """Day names over the hour grid, which scrolls and opens at the working day."""

    def __init__(self, zone: ZoneInfo, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeekView")
        self.canvas = WeekCanvas(zone, locale)
        self.header = WeekHeader(self.canvas, locale)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAccessibleName(self.tr("Hours of the week"))
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self._locale = locale
        self._scrolled = False

    def set_week(self, days: list[date], entries: dict[date, list[ScheduledEntry]]) -> None:
        self.canvas.set_week(days, entries)
        self.header.set_days(days)
        if not self._scrolled:
            self.scroller.verticalScrollBar().setValue(self.canvas.y_of(time(7)))
            self._scrolled = True

    def title(self, days: list[date]) -> str:
        first, last = days[0], days[-1]
        span = (
            f"{day_month(first, self._locale)}–"
            f"{self._locale.toString(qdate(last), QLocale.FormatType.ShortFormat)}"
        )
        week = str(iso_week(first + timedelta(days=3)))
        return self.tr("Week %1 · %2").replace("%1", week).replace("%2", span)
