"""The week view: seven days on an hour grid; one chip per post at its local time, posts at
the same time side by side in the day's column, and a line at the current time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from time import perf_counter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QScrollArea, QToolTip, QVBoxLayout, QWidget

from somestudio.domain.month_grid import iso_week
from somestudio.domain.posts import ScheduledEntry
from somestudio.domain.utc import utc_now
from somestudio.ui.announce import announce
from somestudio.ui.calendar.chip_drag import ChipDrag
from somestudio.ui.calendar.chips import (
    MIME_DELIVERY,
    ChipPainter,
    HistoryLookup,
    chip_accessible_text,
    chip_tooltip,
    deliveries_from_mime,
)
from somestudio.ui.calendar.post_chips import PostChip, group_by_post
from somestudio.ui.calendar.thumbnails import Thumbnails
from somestudio.ui.qtdates import day_month, qdate, qtime
from somestudio.ui.theme import SPACE, colours

SNAP_MINUTES = 15
DROP_LABEL = 24  # px above and below a drop's band that its time (in the hours) may cover
PAINT_SLICE_S = 0.012  # a paint draws new chips for this long at most (see paintEvent)
HEADER_PAD = 6  # px a day's heading keeps clear of its column's edges


@dataclass(frozen=True, slots=True)
class _Placed:
    chip: PostChip
    rect: QRect

    @property
    def entry(self) -> ScheduledEntry:
        """The delivery the chip is placed by: the post's first on the day."""
        return self.chip.first


def side_by_side(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For spans (top, bottom) sorted by top: each one's (column, columns) as a day view
    lays out events: overlapping spans form a cluster, each takes the first free column,
    and all in a cluster share its number of columns."""
    placed: list[tuple[int, int]] = [(0, 1)] * len(spans)
    cluster: list[int] = []
    ends: list[int] = []  # bottom of the last span in each column of the cluster
    cluster_bottom = -1

    def close() -> None:
        for i in cluster:
            placed[i] = (placed[i][0], len(ends))

    for i, (top, bottom) in enumerate(spans):
        if cluster and top >= cluster_bottom:
            close()
            cluster, ends = [], []
        column = next((c for c, end in enumerate(ends) if end <= top), len(ends))
        if column == len(ends):
            ends.append(bottom)
        else:
            ends[column] = bottom
        placed[i] = (column, 0)
        cluster.append(i)
        cluster_bottom = max(cluster_bottom, bottom)
    close()
    return placed


def clear_of(rect: QRect, placed: list[QRect]) -> QRect:
    """``rect`` moved down, as little as it takes, until it covers none of ``placed``: a
    chip put under another one may reach the hour of the next chip (a short hour, three
    posts within minutes), which then goes under it rather than over its time."""
    moved = QRect(rect)
    while True:
        hit = next((other for other in placed if other.intersects(moved)), None)
        if hit is None:
            return moved
        moved.moveTop(hit.bottom() + 2)


class WeekCanvas(QWidget):
    entry_activated = Signal(object)
    entry_menu_requested = Signal(object, QPoint)
    entry_dropped = Signal(object, object)  # delivery ids (one post), naive local wall time

    def __init__(
        self,
        zone: ZoneInfo,
        locale: QLocale,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WeekCanvas")
        self.setAccessibleName(self.tr("Week"))
        self._zone = zone
        self._locale = locale
        self._now = now
        self._days: list[date] = []
        self._chips: dict[date, list[PostChip]] = {}
        self._placed: list[_Placed] = []
        self._drag = ChipDrag(self, self.chip_rect_at)
        self._drop_at: datetime | None = None  # where a dragged post would go (local time)
        self._chip_painter: ChipPainter | None = None
        self._chip_key: tuple[str, bool] = ("", False)
        self._gutter: tuple[str, int] | None = None
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips
        self.thumbnails: Thumbnails | None = None
        self._images: dict[int, str] = {}
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        # The keyboard: arrows move between chips (a frame shows which), Enter opens the
        # post, the Menu key (Shift+F10) opens its menu; a screen reader hears the chip.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._current: tuple[int, ...] | None = None  # the chosen chip's delivery ids
        # The current-time line moves once a minute, only while the week is on screen.
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self.update)

    # -- geometry
    @property
    def hour_height(self) -> int:
        return 2 * QFontMetrics(self.font()).height() + 6

    def hour_label(self, hour: int) -> str:
        return self._locale.toString(qtime(time(hour)), QLocale.FormatType.ShortFormat)

    @property
    def gutter(self) -> int:
        """Wide enough for the widest hour label in this locale and font ("12:00 AM")."""
        key = f"{self._locale.name()}|{self.font().key()}"
        if self._gutter is None or self._gutter[0] != key:
            metrics = QFontMetrics(self.font())
            widest = max(metrics.horizontalAdvance(self.hour_label(h)) for h in range(24))
            self._gutter = (key, widest + 2 * SPACE.s)
        return self._gutter[1]

    def day_width(self) -> float:
        return max(1.0, (self.width() - self.gutter) / 7)

    def sizeHint(self) -> QSize:
        return QSize(self.gutter + 7 * 110, 24 * self.hour_height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.gutter + 7 * 40, 24 * self.hour_height)

    def now_local(self) -> datetime:
        return self._now().astimezone(self._zone)

    # -- data
    def set_week(
        self,
        days: list[date],
        entries: dict[date, list[ScheduledEntry]],
        images: dict[int, str] | None = None,
    ) -> None:
        if days != self._days:
            self._current = None  # another week: the keyboard starts at its first chip
        self._days = days
        self._images = images or {}
        self._chips = {day: group_by_post(found) for day, found in entries.items()}
        self._layout()
        self.update()

    def chip_at(self, pos: QPoint) -> PostChip | None:
        for placed in reversed(self._placed):
            if placed.rect.contains(pos):
                return placed.chip
        return None

    def chip_rect_at(self, pos: QPoint) -> QRect | None:
        return next((p.rect for p in reversed(self._placed) if p.rect.contains(pos)), None)

    def entry_at(self, pos: QPoint) -> ScheduledEntry | None:
        """The delivery that speaks for the chip under ``pos``: its most urgent one."""
        chip = self.chip_at(pos)
        return None if chip is None else chip.lead

    def rect_of(self, entry: ScheduledEntry) -> QRect | None:
        return next((p.rect for p in self._placed if p.chip.contains(entry)), None)

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

    def first_chip_top(self) -> int | None:
        """The top of the week's earliest chip, if any."""
        return min((placed.rect.top() for placed in self._placed), default=None)

    def resizeEvent(self, event: object) -> None:
        self._layout()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:
        self._minute.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._minute.stop()
        super().hideEvent(event)

    def chip_height(self) -> int:
        return max(self._chips_painter().geometry.two_lines, self.hour_height - 2)

    def _layout(self) -> None:
        # Where the chosen chip stood in the arrows' order: if it goes (deleted, moved), the
        # keyboard takes the chip that now stands there, as a list does.
        before = self._current_placed()
        at = self.keyboard_order().index(before) if before is not None else 0
        self._placed = []
        chip_h = self.chip_height()
        width = self.day_width()
        for column, day in enumerate(self._days):
            chips = self._chips.get(day, [])
            tops = [self.y_of(c.scheduled_at.astimezone(self._zone).time()) for c in chips]
            order = sorted(range(len(chips)), key=lambda i: tops[i])
            spans = [(tops[i], tops[i] + chip_h) for i in order]
            day_left = self.gutter + column * width + 2
            day_placed: list[QRect] = []
            least = max((self._least_width(c) for c in chips), default=0)
            for i, (lane, lanes) in zip(order, side_by_side(spans), strict=True):
                lane_w = (width - 4) / lanes
                left = int(day_left + lane * lane_w)
                right = int(day_left + (lane + 1) * lane_w) - 2
                top = tops[i]
                if lanes > 1 and right - left < least:
                    # Side by side the times would not fit: the whole column's width, under
                    # the chip before it (clear_of: a little below its hour rather than cut
                    # or hidden).
                    left, right = int(day_left), int(day_left + width - 4) - 2
                rect = QRect(left, top, max(4, right - left), chip_h)
                self._placed.append(_Placed(chips[i], clear_of(rect, day_placed)))
                day_placed.append(self._placed[-1].rect)
        if self._current_placed() is None and self.hasFocus():
            # The chosen chip went (deleted, moved, another week) or the week came after the
            # focus: the keyboard is on the chip that took its place in the arrows' order
            # (the first in a week just come), without scrolling the view to it. It went
            # to the week's first chip, and a second Delete took a post days away.
            walk = self.keyboard_order()
            chosen = walk[min(at, len(walk) - 1)] if walk else None
            self._current = chosen.chip.delivery_ids if chosen is not None else None
            if chosen is not None:
                self.setAccessibleDescription(self.chip_text(chosen.chip))

    def _least_width(self, chip: PostChip) -> int:
        """The narrowest a chip may be: its time whole inside its padding."""
        chips = self._chips_painter()
        when = chips.facts(chip).time
        return chips.width(when) + 2 * SPACE.xxs + 2

    # -- painting
    def _chips_painter(self) -> ChipPainter:
        scheme = colours(self.palette())
        key = (self.font().key(), scheme.dark)
        if self._chip_painter is None or self._chip_key != key:
            self._chip_painter = ChipPainter(self.font(), self._zone, scheme)
            self._chip_key = key
        return self._chip_painter

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        # Only what the scroll area shows is drawn (the rest is clipped away anyway): a busy
        # week's hundreds of chips made its first show a block of 50 ms and more.
        area = event.rect().adjusted(-SPACE.s, -SPACE.s, SPACE.s, SPACE.s)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width = self.day_width()
        now = self.now_local()
        today = now.date()
        for column, day in enumerate(self._days):
            if day == today:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(28)
                left = int(self.gutter + column * width)
                painter.fillRect(QRect(left, 0, int(width), self.height()), highlight)
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(self.font())
        hour_height = self.hour_height
        for hour in range(24):
            y = hour * hour_height
            if y > area.bottom() or y + hour_height < area.top():
                continue
            painter.setPen(grid)
            painter.drawLine(self.gutter, y, self.width(), y)
            painter.setPen(text)
            painter.drawText(
                QRect(0, y + 2, self.gutter - SPACE.s, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                self.hour_label(hour),
            )
        painter.setPen(grid)
        for column in range(8):
            x = int(self.gutter + column * width)
            painter.drawLine(x, 0, x, self.height())
        chips = self._chips_painter()
        # A chip not drawn before is drawn anew (its text laid out, its glyphs perhaps for
        # the first time): past PAINT_SLICE_S, the rest show their background now and their
        # text in the next paint, an event-loop turn later, as the month grid does.
        drawing_until = perf_counter() + PAINT_SLICE_S
        drew_new = later = False
        for placed in self._placed:
            if not placed.rect.intersects(area):
                continue
            thumbnail = self._thumbnail(placed.chip, chips)
            if not chips.has_drawn(painter, placed.rect, placed.chip, thumbnail):
                if drew_new and perf_counter() > drawing_until:
                    chips.paint_shape(painter, placed.rect, placed.chip)
                    later = True
                    continue
                drew_new = True
            chips.paint(painter, placed.rect, placed.chip, thumbnail)
        chosen = self._current_placed() if self.hasFocus() else None
        if chosen is not None and chosen.rect.intersects(area):
            # The keyboard's chip: a frame in the highlight colour, two pixels, outside the
            # chip's own border so its state colour still shows.
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(chosen.rect.adjusted(-1, -1, 1, 1))
        if today in self._days:
            self._paint_now(painter, now, self._days.index(today), width)
        self._paint_drop_at(painter, area)
        painter.end()
        if later:
            QTimer.singleShot(0, self, self.update)

    def _thumbnail(self, chip: PostChip, chips: ChipPainter) -> QPixmap | None:
        path = self._images.get(chip.post_id) if chip.media_count else None
        if path is None or self.thumbnails is None:
            return None
        return self.thumbnails.get(path, 2 * chips.geometry.line)

    def _paint_now(self, painter: QPainter, now: datetime, column: int, width: float) -> None:
        """The current time: a thin line across the week, strong in today's column."""
        accent = QColor(colours(self.palette()).accent)
        y = self.y_of(now.time())
        faint = QColor(accent)
        faint.setAlpha(90)
        painter.setPen(QPen(faint, 1))
        painter.drawLine(self.gutter, y, self.width(), y)
        left = int(self.gutter + column * width)
        painter.setPen(QPen(accent, 2))
        painter.drawLine(left, y, int(left + width), y)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPoint(left, y), 4, 4)

    def now_line_y(self) -> int | None:
        """Where the current-time line is drawn, if this week holds today."""
        now = self.now_local()
        return self.y_of(now.time()) if now.date() in self._days else None

    def tooltip_for(self, item: ScheduledEntry | PostChip) -> str:
        if isinstance(item, ScheduledEntry):
            found = next((p.chip for p in self._placed if p.chip.contains(item)), None)
            item = found or PostChip((item,))
        return chip_tooltip(item, self._zone, self.history)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            chip = self.chip_at(event.pos())
            if chip is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(chip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- keyboard
    def keyboard_order(self) -> list[_Placed]:
        """The chips as the arrows walk them: day by day, each day top down."""
        return sorted(
            self._placed,
            key=lambda p: (
                p.rect.left() // max(1, int(self.day_width())),
                p.rect.top(),
                p.rect.left(),
            ),
        )

    def current_chip(self) -> PostChip | None:
        placed = self._current_placed()
        return None if placed is None else placed.chip

    def current_entry(self) -> ScheduledEntry | None:
        """The post of the chip the keyboard is on (its first delivery)."""
        chip = self.current_chip()
        return None if chip is None else chip.lead

    def _current_placed(self) -> _Placed | None:
        if self._current is None:
            return None
        return next((p for p in self._placed if p.chip.delivery_ids == self._current), None)

    def set_current(self, chip: PostChip | None) -> None:
        """Choose ``chip`` for the keyboard: framed, in view, and said to a screen reader."""
        self._current = None if chip is None else chip.delivery_ids
        placed = self._current_placed()
        if placed is not None:
            area = self._scroll_area()
            if area is not None:
                center = placed.rect.center()
                area.ensureVisible(center.x(), center.y(), 0, placed.rect.height())
            said = self.chip_text(placed.chip)
            self.setAccessibleDescription(said)
            if self.hasFocus():
                announce(self, said)
        self.update()

    def chip_text(self, chip: PostChip) -> str:
        """What a screen reader says for a chip: its day, then the chip in words."""
        day = chip.scheduled_at.astimezone(self._zone).date()
        name = self._locale.toString(qdate(day), QLocale.FormatType.LongFormat)
        return f"{name}: {chip_accessible_text(chip, self._zone)}"

    def _scroll_area(self) -> QScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    def _step(self, key: int) -> bool:
        order = self.keyboard_order()
        if not order:
            return False
        placed = self._current_placed()
        if placed is None:
            self.set_current(order[0].chip)
            return True
        here = order.index(placed)
        width = max(1, int(self.day_width()))
        column = placed.rect.left() // width
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = here + (1 if key == Qt.Key.Key_Down else -1)
            if 0 <= step < len(order):
                self.set_current(order[step].chip)
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_current(order[0 if key == Qt.Key.Key_Home else -1].chip)
            return True
        # Left and Right: the nearest chip in time in the day before or after that has any.
        ahead = key == Qt.Key.Key_Right
        days = sorted({p.rect.left() // width for p in order}, reverse=not ahead)
        further = [d for d in days if (d > column if ahead else d < column)]
        if further:
            others = [p for p in order if p.rect.left() // width == further[0]]
            nearest = min(others, key=lambda p: abs(p.rect.top() - placed.rect.top()))
            self.set_current(nearest.chip)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = (
            Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
            Qt.Key.Key_Home, Qt.Key.Key_End,
        )  # fmt: skip
        if key in moves and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
        ) and self._step(key):  # fmt: skip
            return
        chip = self.current_chip()
        if chip is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entry_activated.emit(chip.lead)
            return
        super().keyPressEvent(event)  # Page Up, Page Down: the scroll area's

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        """Where the Menu key's menu opens: at the chosen chip."""
        placed = self._current_placed()
        if query == Qt.InputMethodQuery.ImCursorRectangle and placed is not None:
            return QRectF(placed.rect)
        return super().inputMethodQuery(query)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._current_placed() is None:
            order = self.keyboard_order()
            if order:
                self.set_current(order[0].chip)
        else:
            self.set_current(self.current_chip())  # said again on coming back
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- mouse and drops
    def mousePressEvent(self, event: QMouseEvent) -> None:
        chip = self.chip_at(event.position().toPoint())
        self._drag.pressed(event, chip)
        if chip is not None:
            self._current = chip.delivery_ids  # the keyboard goes on from the one clicked
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._drag.moved(event):
            super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.entry_activated.emit(entry)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            placed = self._current_placed()
            if placed is not None:
                where = self.mapToGlobal(placed.rect.center())
                self.entry_menu_requested.emit(placed.chip.lead, where)
            return
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_DELIVERY):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        when = self.time_at(event.position().toPoint())
        self.show_drop_at(when)
        if when is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.show_drop_at(None)
        super().dragLeaveEvent(event)

    def drop_at(self) -> datetime | None:
        """The local time marked as where a dragged post would go, if any."""
        return self._drop_at

    def _drop_rect(self, when: datetime) -> QRect:
        """The 15 minutes a post dropped at ``when`` would start in, across its day."""
        width = self.day_width()
        column = self._days.index(when.date())
        top = self.y_of(when.time())
        height = max(2, int(SNAP_MINUTES * self.hour_height / 60))
        return QRect(int(self.gutter + column * width), top, int(width), height)

    def show_drop_at(self, when: datetime | None) -> None:
        """Mark the day and time under a dragged post, with the time written there (only
        the pointer said where it would go)."""
        if when == self._drop_at:
            return
        for shown in (self._drop_at, when):
            if shown is not None and shown.date() in self._days:
                self.update(self._drop_area(self._drop_rect(shown)))
        self._drop_at = when

    def _drop_area(self, band: QRect) -> QRect:
        """What a drop's mark may paint: its band and, in the hours' column, its time."""
        return QRect(0, band.top() - DROP_LABEL, self.width(), band.height() + 2 * DROP_LABEL)

    def _paint_drop_at(self, painter: QPainter, area: QRect) -> None:
        when = self._drop_at
        if when is None or when.date() not in self._days:
            return
        rect = self._drop_rect(when)
        if not self._drop_area(rect).intersects(area):
            return
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        wash = QColor(colour)
        wash.setAlpha(72)
        painter.fillRect(rect, wash)
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), 2), colour)
        # The time in the hours' column, level with the band: in the day's column the
        # dragged chip's picture covered it (a new user's pass).
        label = self._locale.toString(qtime(when.time()), QLocale.FormatType.ShortFormat)
        metrics = QFontMetrics(self.font())
        height = metrics.height() + 2
        box = QRect(0, max(0, rect.top() - height // 2), self.gutter - 1, height)
        painter.fillRect(box, colour)
        painter.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def dropEvent(self, event: QDropEvent) -> None:
        self.show_drop_at(None)
        ids = deliveries_from_mime(event.mimeData())
        when = self.time_at(event.position().toPoint())
        if not ids or when is None:
            event.ignore()
            return
        self.entry_dropped.emit(ids, when)
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
        for column, (_day, label, font) in enumerate(self._labels(width)):
            painter.setFont(font)
            rect = QRect(int(self._canvas.gutter + column * width), 0, int(width), self.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()

    def shown_labels(self) -> list[str]:
        """Each day's heading as painted at the columns' width."""
        return [label for _day, label, _font in self._labels(self._canvas.day_width())]

    def _labels(self, width: float) -> list[tuple[date, str, QFont]]:
        """The heading "Sun 11/29" where it fits the column, else "Sun 29", else "Sun",
        else cut with "…": beside the Drafts panel the headings ran into each other ("Sun
        11/29Mon 11/30", a check on the real program). Today's in bold."""
        today = self._canvas.now_local().date()
        room = int(width) - HEADER_PAD
        out = []
        for day in self._days:
            font = self.font()
            font.setBold(day == today)
            metrics = QFontMetrics(font)
            name = self._locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            forms = (f"{name} {day_month(day, self._locale)}", f"{name} {day.day}", name)
            label = next((f for f in forms if metrics.horizontalAdvance(f) <= room), None)
            if label is None:
                label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0))
            out.append((day, label, font))
        return out


class WeekView(QWidget):
    """Day names over the hour grid, which scrolls and opens at the working day."""

    def __init__(
        self,
        zone: ZoneInfo,
        locale: QLocale,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WeekView")
        self.canvas = WeekCanvas(zone, locale, now=now)
        self.header = WeekHeader(self.canvas, locale)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAccessibleName(self.tr("Hours of the week"))
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the canvas takes the keys
        self.setFocusProxy(self.canvas)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self._locale = locale
        self._scrolled = False

    def set_week(
        self,
        days: list[date],
        entries: dict[date, list[ScheduledEntry]],
        images: dict[int, str] | None = None,
    ) -> None:
        self.canvas.set_week(days, entries, images)
        self.header.set_days(days)
        if not self._scrolled:
            QTimer.singleShot(0, self._scroll_to_start)  # once laid out: the range is known

    def _scroll_to_start(self) -> None:
        """Open at the working day: 07.00, or an hour before now when the week is now, or
        above the week's earliest post when it comes before that (a new user found the
        6.30 posts cut off at the top)."""
        if self._scrolled or not self.isVisible():
            return
        now = self.canvas.now_local()
        start = time(7)
        if self.canvas.now_line_y() is not None:
            start = min(start, time(max(0, now.hour - 1)))
        top = self.canvas.y_of(start)
        earliest = self.canvas.first_chip_top()
        if earliest is not None:
            top = min(top, max(0, earliest - self.canvas.hour_height // 4))
        self.scroller.verticalScrollBar().setValue(top)
        self._scrolled = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scrolled:
            QTimer.singleShot(0, self._scroll_to_start)

    def title(self, days: list[date]) -> str:
        first, last = days[0], days[-1]
        span = (
            f"{day_month(first, self._locale)}–"
            f"{self._locale.toString(qdate(last), QLocale.FormatType.ShortFormat)}"
        )
        week = str(iso_week(first + timedelta(days=3)))
        return self.tr("Week %1 · %2").replace("%1", week).replace("%2", span)
