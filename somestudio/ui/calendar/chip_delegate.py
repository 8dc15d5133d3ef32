"""Paints a day cell: the day number, then one chip per delivery (channel colour, state glyph,
local time, text), and "+N more" when they do not fit."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.month_model import DateRole, EntriesRole, InMonthRole
from somestudio.ui.network_names import network_name
from somestudio.ui.states import BACKGROUNDS, GLYPHS

CHIP_SPACING = 2
PADDING = 4


class ChipDelegate(QStyledItemDelegate):
    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

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
        y = rect.top() + line + PADDING
        bottom = rect.bottom() - PADDING
        chip_h = line + 2
        for shown, entry in enumerate(entries):
            room_for_more = y + 2 * chip_h + CHIP_SPACING <= bottom
            if not room_for_more and shown < len(entries) - 1:
                painter.setPen(
                    palette.color(
                        QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                    )
                )
                more = len(entries) - shown
                painter.drawText(
                    QRect(rect.left() + PADDING, y, rect.width() - 2 * PADDING, chip_h),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self.tr("+%n more", "", more),
                )
                break
            self._paint_chip(
                painter,
                option.font,
                QRect(rect.left() + PADDING, y, rect.width() - 2 * PADDING, chip_h),
                entry,
            )
            y += chip_h + CHIP_SPACING
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

    def _paint_chip(
        self, painter: QPainter, font: QFont, rect: QRect, entry: ScheduledEntry
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BACKGROUNDS[entry.state]))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(QColor(entry.network.colour))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        local = entry.scheduled_at.astimezone(self._zone)
        label = f"{GLYPHS[entry.state]} {local:%H:%M} {network_name(entry.network)}: {entry.text}"
        chip_font = QFont(font)
        chip_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(chip_font)
        painter.setPen(QColor("#1b1b1b"))  # chip backgrounds are light in both themes
        text_rect = rect.adjusted(7, 0, -3, 0)
        elided = QFontMetrics(chip_font).elidedText(
            label.replace("\n", " "), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
        )
