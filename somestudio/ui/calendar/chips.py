"""Delivery chips: where they sit in a day cell, and how one is drawn (month and week views)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.network_names import network_name
from somestudio.ui.states import BACKGROUNDS, GLYPHS, state_name

CHIP_SPACING = 2
PADDING = 4
MIME_DELIVERY = "application/x-somestudio-delivery"


def chip_layout(cell: QRect, count: int, line_height: int) -> tuple[list[QRect], QRect | None]:
    """Rectangles for the chips that fit below the day number, and the "+N more" line's
    rectangle when some do not fit (then the last visible slot holds that line)."""
    chip_h = line_height + 2
    left, width = cell.left() + PADDING, cell.width() - 2 * PADDING
    y = cell.top() + line_height + PADDING
    bottom = cell.bottom() - PADDING
    rects: list[QRect] = []
    for shown in range(count):
        room_for_more = y + 2 * chip_h + CHIP_SPACING <= bottom
        if not room_for_more and shown < count - 1:
            return rects, QRect(left, y, width, chip_h)
        rects.append(QRect(left, y, width, chip_h))
        y += chip_h + CHIP_SPACING
    return rects, None


def chip_label(entry: ScheduledEntry, zone: ZoneInfo) -> str:
    local = entry.scheduled_at.astimezone(zone)
    text = entry.text.replace("\n", " ")
    return f"{GLYPHS[entry.state]} {local:%H:%M} {network_name(entry.network)}: {text}"


def entry_tooltip(entry: ScheduledEntry, zone: ZoneInfo) -> str:
    local = entry.scheduled_at.astimezone(zone)
    return (
        f"{GLYPHS[entry.state]} {state_name(entry.state)} · {local:%H:%M} · "
        f"{network_name(entry.network)} · {entry.account_label}\n\n{entry.text}"
    )


def paint_chip(
    painter: QPainter, font: QFont, rect: QRect, entry: ScheduledEntry, zone: ZoneInfo
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BACKGROUNDS[entry.state]))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setBrush(QColor(entry.network.colour))
    painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
    chip_font = QFont(font)
    chip_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    painter.setFont(chip_font)
    painter.setPen(QColor("#1b1b1b"))  # chip backgrounds are light in both themes
    text_rect = rect.adjusted(7, 0, -3, 0)
    flags = Qt.AlignmentFlag.AlignLeft | (
        Qt.AlignmentFlag.AlignVCenter
        if rect.height() < 3 * QFontMetrics(chip_font).height()
        else Qt.AlignmentFlag.AlignTop
    )
    elided = QFontMetrics(chip_font).elidedText(
        chip_label(entry, zone), Qt.TextElideMode.ElideRight, text_rect.width()
    )
    painter.drawText(text_rect, flags, elided)
    painter.restore()
