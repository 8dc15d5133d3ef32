"""Post chips: where they sit in a day cell, what they say, and how one is drawn (month and
week views). A chip stands for a post (``PostChip``): its networks' marks, its first words,
then its time, its state as a symbol and a word, and a thumbnail when it has an image."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.post_chips import PostChip, first_words, progress_text
from somestudio.ui.failure_text import history_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import short_time
from somestudio.ui.states import entry_glyph, entry_state_name
from somestudio.ui.theme import SPACE, TYPE, Colours, network_mark

if TYPE_CHECKING:
    from somestudio.app.delivery_history import DeliveryHistory

CHIP_SPACING = SPACE.xxs
PADDING = SPACE.xs
MAX_CHIPS = 6  # per month cell; more and the last line says "+N more" (the day list has all)
MAX_MARKS = 3  # network marks in a row; more are counted ("+2")
MIME_DELIVERY = "application/x-somestudio-delivery"
KEPT_CHIPS = 400  # drawn chips kept as pixmaps (about 15 kB each): a busy week or two


def elide_words(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` on one line within ``width`` px: whole words and "…" when it does not fit; a
    single word too long for the width is cut with "…" (never without one)."""
    flat = " ".join(text.split())
    if metrics.horizontalAdvance(flat) <= width:
        return flat
    cut = metrics.elidedText(flat, Qt.TextElideMode.ElideRight, width)  # "Text on the c…"
    body = cut[:-1] if cut.endswith("…") else cut
    if not body:
        return cut
    if len(body) < len(flat) and flat[len(body)] != " ":  # the cut is inside a word
        space = body.rfind(" ")
        if space <= 0:
            return cut  # one long word: cut, but never without the ellipsis
        body = body[:space]
    return body.rstrip(" ,.;:") + "…"


@dataclass(frozen=True, slots=True)
class ChipGeometry:
    """Chip sizes for one font: one line, or two where the cell allows."""

    line: int  # the chip font's line height

    @property
    def one_line(self) -> int:
        return self.line + 2 * SPACE.xxs

    @property
    def two_lines(self) -> int:
        return 2 * self.line + 3 * SPACE.xxs

    @property
    def mark(self) -> int:
        return max(10, min(16, self.line - 2))


def chip_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * TYPE.caption))
    return small


def chip_layout(
    cell: QRect, count: int, top: int, chip_h: int, max_chips: int = MAX_CHIPS
) -> tuple[list[QRect], QRect | None]:
    """Rectangles for the chips below the day number (``top`` px into the cell), and the
    "+N more" line's rectangle when more than ``max_chips`` are on the day or the cell is
    too short for them all."""
    left, width = cell.left() + PADDING, cell.width() - 2 * PADDING
    y = cell.top() + top
    bottom = cell.bottom() - PADDING + 1
    rects: list[QRect] = []
    for shown in range(count):
        last = shown == count - 1
        fits_this = y + chip_h <= bottom
        fits_more_after = y + 2 * chip_h + CHIP_SPACING <= bottom
        if (not last and (shown >= max_chips - 1 or not fits_more_after)) or not fits_this:
            return rects, QRect(left, y, width, chip_h)
        rects.append(QRect(left, y, width, chip_h))
        y += chip_h + CHIP_SPACING
    return rects, None


def cell_height(count: int, top: int, chip_h: int, max_chips: int = MAX_CHIPS) -> int:
    """The height a day cell needs for ``count`` chips (at most ``max_chips`` lines)."""
    lines = min(count, max_chips)
    return top + lines * (chip_h + CHIP_SPACING) + PADDING


def chip_label(entry: ScheduledEntry, zone: ZoneInfo) -> str:
    """One delivery in words, symbol first: for screen readers and plain lists."""
    local = entry.scheduled_at.astimezone(zone)
    text = entry.text.replace("\n", " ")
    return f"{entry_glyph(entry)} {short_time(local)} {network_name(entry.network)}: {text}"


def chip_accessible_text(chip: PostChip, zone: ZoneInfo) -> str:
    """What a screen reader says for a chip: first words, time, state, progress, networks."""
    lead = chip.lead
    local = chip.scheduled_at.astimezone(zone)
    parts = [first_words(chip.text, 60), short_time(local), entry_state_name(lead)]
    progress = progress_text(chip)
    if progress:
        parts.append(progress)
    parts.append(", ".join(network_name(n) for n in chip.networks))
    return ", ".join(p for p in parts if p)


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
    return tip + _why(entry, zone, history)


def chip_tooltip(chip: PostChip, zone: ZoneInfo, history: HistoryLookup | None = None) -> str:
    """A post to one account reads as that delivery; to several: the most urgent state and
    how many went out, then each account on its own line."""
    if len(chip.entries) == 1:
        return entry_tooltip(chip.entries[0], zone, history)
    lead = chip.lead
    local = chip.scheduled_at.astimezone(zone)
    lines = [
        f"{entry_glyph(lead)} {entry_state_name(lead)} · {short_time(local)} · "
        f"{progress_text(chip)}",
        "",
    ]
    for entry in chip.entries:
        at = short_time(entry.scheduled_at.astimezone(zone))
        lines.append(
            f"{entry_glyph(entry)} {network_name(entry.network)} · {entry.account_label} — "
            f"{entry_state_name(entry)} · {at}"
        )
    tip = "\n".join(lines) + f"\n\n{chip.text}"
    if any(e.first_comment for e in chip.entries):
        tip += "\n\n" + QCoreApplication.translate("CalendarChip", "+ first comment")
    return tip + _why(lead, zone, history)


def _why(entry: ScheduledEntry, zone: ZoneInfo, history: HistoryLookup | None) -> str:
    if history is None or entry.state in _NOTHING_TO_EXPLAIN:
        return ""
    found = history(entry.delivery_id)
    if found is None or not (found.reason or entry.state.wants_user):
        return ""
    told = history_text(found, zone)
    return f"\n\n{told}" if told else ""


_NOTHING_TO_EXPLAIN = frozenset({DeliveryState.DRAFT, DeliveryState.PUBLISHED})


class ChipPainter:
    """Draws post chips in one font and scheme; remembers elided texts, since a repaint
    redraws the same chips at the same widths."""

    def __init__(self, font: QFont, zone: ZoneInfo, scheme: Colours) -> None:
        self.font = chip_font(font)
        self.bold = QFont(self.font)
        self.bold.setWeight(QFont.Weight.DemiBold)
        self._metrics = QFontMetrics(self.font)
        self._bold_metrics = QFontMetrics(self.bold)
        self.geometry = ChipGeometry(self._metrics.height())
        self._zone = zone
        self.scheme = scheme
        self._elided: dict[tuple[object, ...], str] = {}
        self._drawn: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._text = QColor(scheme.text)
        self._muted = QColor(scheme.text_muted)
        self._border = QColor(scheme.border)
        self._backgrounds = {s: QColor(scheme.state(s)) for s in DeliveryState}
        self._by_hand = QColor(scheme.by_hand)

    def background(self, entry: ScheduledEntry) -> QColor:
        return self._by_hand if entry.waiting_by_hand else self._backgrounds[entry.state]

    def paint(
        self,
        painter: QPainter,
        rect: QRect,
        chip: PostChip,
        thumbnail: QPixmap | None = None,
    ) -> None:
        """Draw ``chip`` in ``rect``: from a pixmap kept from an earlier paint at this size
        when there is one (going back to a month redraws the same chips)."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (chip.entries, rect.width(), rect.height(), bool(thumbnail), ratio)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            drawn.setDevicePixelRatio(ratio)
            drawn.fill(Qt.GlobalColor.transparent)
            into = QPainter(drawn)
            self.draw(into, QRect(0, 0, rect.width(), rect.height()), chip, thumbnail)
            into.end()
            self._drawn[key] = drawn
            while len(self._drawn) > KEPT_CHIPS:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), drawn)

    def draw(
        self,
        painter: QPainter,
        rect: QRect,
        chip: PostChip,
        thumbnail: QPixmap | None = None,
    ) -> None:
        lead = chip.lead
        geometry = self.geometry
        two_lines = rect.height() >= geometry.two_lines
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._border)
        painter.setBrush(self.background(lead))
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        inner = rect.adjusted(SPACE.xs, SPACE.xxs, -SPACE.xs, -SPACE.xxs)
        if chip.media_count and inner.width() >= 8 * geometry.line:
            side = min(inner.height(), 2 * geometry.line) if two_lines else inner.height()
            box = QRect(inner.right() - side + 1, inner.top(), side, side)
            if thumbnail is not None:
                painter.drawPixmap(box, thumbnail)
            else:  # still loading, or not readable: a quiet placeholder of the same size
                painter.fillRect(box, self._border)
            inner.setRight(box.left() - SPACE.xs)
        when = short_time(chip.scheduled_at.astimezone(self._zone))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if two_lines:
            # The post's first words across the chip; below them its marks, time and state.
            first = QRect(inner.left(), inner.top(), inner.width(), geometry.line)
            painter.setFont(self.bold)
            painter.setPen(self._text)
            painter.drawText(first, align, self._elide(chip.text, first.width(), True))
            second = QRect(
                inner.left(), first.bottom() + 1 + SPACE.xxs, inner.width(), geometry.line
            )
            # The time and state come first; the marks take the room that is left.
            least = self._metrics.horizontalAdvance(f"{when} {entry_glyph(lead)}")
            x = self._paint_marks(painter, second, chip, room=second.width() - least)
            status_rect = QRect(x, second.top(), max(0, second.right() - x + 1), geometry.line)
            painter.setFont(self.font)
            painter.setPen(self._text)
            painter.drawText(status_rect, align, self._status(chip, when, status_rect.width()))
        else:
            line = QRect(inner.left(), inner.top(), inner.width(), inner.height())
            least = self._metrics.horizontalAdvance(f"{when} {entry_glyph(lead)}")
            x = self._paint_marks(painter, line, chip, room=line.width() - least)
            text_rect = QRect(x, line.top(), max(0, line.right() - x + 1), line.height())
            suffix = f"{when} {entry_glyph(lead)}"
            suffix_w = self._metrics.horizontalAdvance(suffix)
            room = text_rect.width() - suffix_w - SPACE.xs
            painter.setFont(self.font)
            painter.setPen(self._text)
            if room > 2 * geometry.line:
                painter.drawText(
                    QRect(text_rect.left(), text_rect.top(), room, text_rect.height()),
                    align,
                    self._elide(chip.text, room, False),
                )
                painter.drawText(
                    text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, suffix
                )
            else:  # too narrow for words: the time and the state's symbol say most
                painter.drawText(text_rect, align, self._elide(suffix, text_rect.width(), False))
        painter.restore()

    def _status(self, chip: PostChip, when: str, width: int) -> str:
        """Time, state symbol and word (and "1/3" for mixed states), as much as fits."""
        lead = chip.lead
        glyph, word = entry_glyph(lead), entry_state_name(lead)
        count = f" {chip.published}/{len(chip.entries)}" if chip.mixed else ""
        for candidate in (f"{when} · {glyph} {word}{count}", f"{when} {glyph}{count}"):
            if self._metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return self._elide(f"{when} {glyph}", width, False)

    def _paint_marks(self, painter: QPainter, line: QRect, chip: PostChip, room: int) -> int:
        """The networks' marks from the left, as many as ``room`` px hold, then "+N" for
        the others when it fits; the x where the text goes on."""
        size = self.geometry.mark
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        x = line.left()
        top = line.top() + (line.height() - size) // 2
        networks = chip.networks
        more_w = self._metrics.horizontalAdvance("+9") + SPACE.xxs
        fits = max(0, min(MAX_MARKS, (room - more_w) // (size + SPACE.xxs)))
        if fits == 0 and room >= size + SPACE.xxs:
            fits = 1  # one mark and no count, rather than none
        shown = len(networks) if len(networks) * (size + SPACE.xxs) <= room else fits
        shown = min(shown, MAX_MARKS)
        for network in networks[:shown]:
            painter.drawPixmap(
                x, top, network_mark(network, size, dark=self.scheme.dark, ratio=ratio)
            )
            x += size + SPACE.xxs
        if len(networks) > shown and x + more_w <= line.left() + room:
            more = f"+{len(networks) - shown}"
            painter.setFont(self.font)
            painter.setPen(self._muted)
            width = self._metrics.horizontalAdvance(more)
            painter.drawText(
                QRect(x, line.top(), width, line.height()), Qt.AlignmentFlag.AlignVCenter, more
            )
            x += width + SPACE.xxs
        return x + SPACE.xxs

    def _elide(self, text: str, width: int, bold: bool) -> str:
        key = (text, width, bold)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 4096:
                self._elided.clear()
            metrics = self._bold_metrics if bold else self._metrics
            found = elide_words(metrics, text, width) if width > 0 else ""
            self._elided[key] = found
        return found


def delivery_mime(item: ScheduledEntry | PostChip) -> QMimeData:
    """A dragged chip: the ids of the deliveries it stands for, comma-separated."""
    ids = (item.delivery_id,) if isinstance(item, ScheduledEntry) else item.delivery_ids
    mime = QMimeData()
    mime.setData(MIME_DELIVERY, QByteArray(",".join(map(str, ids)).encode("ascii")))
    mime.setText(item.text)
    return mime


def deliveries_from_mime(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME_DELIVERY):
        return []
    raw = bytes(mime.data(MIME_DELIVERY).data()).decode("ascii", "replace")
    parts = raw.split(",")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else []


def delivery_from_mime(mime: QMimeData) -> int | None:
    ids = deliveries_from_mime(mime)
    return ids[0] if ids else None
