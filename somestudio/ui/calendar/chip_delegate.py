"""Paints a day cell: the day number, then one chip per delivery (channel colour, state glyph,
local time, text), and "+N more" when they do not fit."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chips import PADDING, ChipPainter, chip_layout
from somestudio.ui.calendar.month_model import DateRole, EntriesRole, InMonthRole


class ChipDelegate(QStyledItemDelegate):
    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._chip_painter: ChipPainter | None = None
        self._chip_font = QFont()

    def _chips(self, font: QFont) -> ChipPainter:
        if self._chip_painter is None or self._chip_font != font:
            self._chip_painter = ChipPainter(font, self._zone)
            self._chip_font = QFont(font)
        return self._chip_painter

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        del index
        line = QFontMetrics(option.font).height()
        return QSize(120, line * 5)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        day = index.data(DateRole)
        if not isinstance(day, date):
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect: QRect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        if not index.data(InMonthRole) and not selected:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(rect, base)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        self._paint_day_number(
            painter,
            option,
            rect=rect,
            day=day,
            selected=selected,
            in_month=bool(index.data(InMonthRole)),
        )
        entries: list[ScheduledEntry] = index.data(EntriesRole) or []
        rects, more_rect = chip_layout(rect, len(entries), line)
        for chip_rect, entry in zip(rects, entries, strict=False):
            self._chips(option.font).paint(painter, chip_rect, entry)
        if more_rect is not None:
            painter.setPen(
                palette.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                )
            )
            painter.drawText(
                more_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.tr("+%n more", "", len(entries) - len(rects)),
            )
        painter.restore()

    def _paint_day_number(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        *,
        rect: QRect,
        day: date,
        selected: bool,
        in_month: bool,
    ) -> None:
        palette = option.palette
        font = QFont(option.font)
        is_today = day == date.today()
        font.setBold(is_today)
        painter.setFont(font)
        role = (
            QPalette.ColorRole.HighlightedText
            if selected
            else (QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText)
        )
        text = str(day.day)
        line_rect = QRect(
            rect.left() + PADDING,
            rect.top() + 2,
            rect.width() - 2 * PADDING,
            QFontMetrics(font).height(),
        )
        if is_today and not selected:
            width = QFontMetrics(font).horizontalAdvance(text) + 10
            badge = QRect(line_rect.right() - width + 1, line_rect.top(), width, line_rect.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(palette.color(role))
            painter.drawText(
                line_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
        font.setBold(False)
        painter.setFont(font)
