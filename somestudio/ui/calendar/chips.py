"""Delivery chips: where they sit in a day cell, and how one is drawn (month and week views)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.failure_text import history_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import short_time
from somestudio.ui.states import (
    BACKGROUNDS,
    BY_HAND_BACKGROUND,
    entry_glyph,
    entry_state_name,
)

if TYPE_CHECKING:
    from somestudio.app.delivery_history import DeliveryHistory

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
    return f"{entry_glyph(entry)} {short_time(local)} {network_name(entry.network)}: {text}"


HistoryLookup = Callable[[int], "DeliveryHistory | None"]


def entry_tooltip(
    entry: ScheduledEntry, zone: ZoneInfo, history: HistoryLookup | None = None
) -> str:
    """State, time, channel and text; for a post that did not go out as planned (or whose
    tries failed so far) also why, and its latest attempts with their local times."""
    local = entry.scheduled_at.astimezone(zone)
    tip = (
        f"{entry_glyph(entry)} {entry_state_name(entry)} · {short_time(local)} · "
        f"{network_name(entry.network)} · {entry.account_label}\n\n{entry.text}"
    )
    if entry.first_comment:
        tip += "\n\n" + QCoreApplication.translate("CalendarChip", "+ first comment")
    if history is None or entry.state in _NOTHING_TO_EXPLAIN:
        return tip
    found = history(entry.delivery_id)
    if found is None or not (found.reason or entry.state.wants_user):
        return tip
    told = history_text(found, zone)
    return f"{tip}\n\n{told}" if told else tip


_NOTHING_TO_EXPLAIN = frozenset({DeliveryState.DRAFT, DeliveryState.PUBLISHED})


class ChipPainter:
    """Draws chips in one font; remembers elided labels, since a repaint redraws the same
    chips at the same widths."""

    def __init__(self, font: QFont, zone: ZoneInfo) -> None:
        self.font = QFont(font)
        self.font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self._metrics = QFontMetrics(self.font)
        self._zone = zone
        self._elided: dict[tuple[ScheduledEntry, int], str] = {}
        self._text_colour = QColor("#1b1b1b")  # chip backgrounds are light in both themes
        self._backgrounds = {state: QColor(colour) for state, colour in BACKGROUNDS.items()}
        self._by_hand = QColor(BY_HAND_BACKGROUND)

    def paint(self, painter: QPainter, rect: QRect, entry: ScheduledEntry) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._by_hand if entry.waiting_by_hand else self._backgrounds[entry.state])
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(QColor(entry.network.colour))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        painter.setFont(self.font)
        painter.setPen(self._text_colour)
        text_rect = rect.adjusted(7, 0, -3, 0)
        flags = Qt.AlignmentFlag.AlignLeft | (
            Qt.AlignmentFlag.AlignVCenter
            if rect.height() < 3 * self._metrics.height()
            else Qt.AlignmentFlag.AlignTop
        )
        painter.drawText(text_rect, flags, self._label(entry, text_rect.width()))
        painter.restore()

    def _label(self, entry: ScheduledEntry, width: int) -> str:
        key = (entry, width)
        label = self._elided.get(key)
        if label is None:
            if len(self._elided) > 4096:
                self._elided.clear()
            label = self._metrics.elidedText(
                chip_label(entry, self._zone), Qt.TextElideMode.ElideRight, width
            )
            self._elided[key] = label
        return label


def delivery_mime(entry: ScheduledEntry) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_DELIVERY, QByteArray(str(entry.delivery_id).encode("ascii")))
    mime.setText(entry.text)
    return mime


def delivery_from_mime(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME_DELIVERY):
        return None
    raw = bytes(mime.data(MIME_DELIVERY).data()).decode("ascii", "replace")
    return int(raw) if raw.isdigit() else None
