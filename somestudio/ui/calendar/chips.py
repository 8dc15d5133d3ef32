"""Post chips: where they sit in a day cell, what they say, and how one is drawn (month and
week views). A chip stands for a post (``PostChip``): its networks' marks, its first words,
then its time, its state as a symbol and a word, and a thumbnail when it has an image."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chip_layout import GAP, ChipFacts, ChipLines, chip_lines
from somestudio.ui.calendar.post_chips import (
    PostChip,
    first_words,
    partly_scheduled,
    progress_text,
)
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
NARROW_CELL = 80  # px: a day cell narrower than this keeps less room around its chips
MIME_DELIVERY = "application/x-somestudio-delivery"
KEPT_CHIPS = 400  # drawn chips kept as pixmaps (about 15 kB each): a busy week or two


def elide_words(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` on one line within ``width`` px: whole words and "…" when it does not fit; a
    single word too long for the width is cut with "…" (never without one)."""
    flat = " ".join(text.split())
    cut = metrics.elidedText(flat, Qt.TextElideMode.ElideRight, width)  # "Text on the c…"
    if cut == flat:  # it fits (one measuring, not two)
        return flat
    body = cut[:-1] if cut.endswith("…") else cut
    if not body:
        return cut
    if len(body) < len(flat) and flat[len(body)] != " ":  # the cut is inside a word
        space = body.rfind(" ")
        if space <= 0:
            return cut  # one long word: cut, but never without the ellipsis
        body = body[:space]
    return body.rstrip(" ,.;:") + "…"


CHIP_TEXT_CHARS = 600  # the most of a post's text a chip lays out (it shows two lines)


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
    def three_lines(self) -> int:
        return 3 * self.line + 4 * SPACE.xxs

    def height(self, lines: int) -> int:
        return lines * self.line + (lines + 1) * SPACE.xxs

    def lines_in(self, height: int) -> int:
        """How many lines a chip this tall holds (1–3)."""
        return 3 if height >= self.three_lines else 2 if height >= self.two_lines else 1

    @property
    def mark(self) -> int:
        return max(10, min(16, self.line - 2))


def chip_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * TYPE.caption))
    return small


def cell_padding(width: int) -> int:
    """Room around a cell's chips: less in a narrow cell, where each pixel is the time's."""
    return PADDING if width >= NARROW_CELL else SPACE.xxs


def chip_layout(
    cell: QRect, count: int, top: int, chip_h: int, max_chips: int = MAX_CHIPS
) -> tuple[list[QRect], QRect | None]:
    """Rectangles for the chips below the day number (``top`` px into the cell), and the
    "+N more" line's rectangle when more than ``max_chips`` are on the day or the cell is
    too short for them all."""
    pad = cell_padding(cell.width())
    left, width = cell.left() + pad, cell.width() - 2 * pad
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


def cell_chips(
    cell: QRect, count: int, top: int, geometry: ChipGeometry
) -> tuple[list[QRect], QRect | None]:
    """The chips of a day cell at the tallest size that holds as many of them as two-line
    chips would (three lines — two of words — for a quiet day in a tall row). Never one
    line: in a narrow cell words and time side by side leave room for neither."""
    least = 2
    base = chip_layout(cell, count, top, geometry.height(least))
    for lines in (3, 2):
        if lines <= least:
            break
        rects, more = chip_layout(cell, count, top, geometry.height(lines))
        if len(rects) >= len(base[0]) and (more is None or base[1] is not None):
            return rects, more
    return base


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


def entry_marks(entry: ScheduledEntry) -> str:
    """The symbols after a row's state: 🖼 for a picture or video, 🧵 and the count for a
    thread (the agenda and the day list did not show that a post was a thread)."""
    media = "  🖼" if entry.media_count else ""
    return media + (f"  🧵 {entry.thread_posts}" if entry.thread_posts > 1 else "")


def thread_words(posts: int) -> str:
    """ "Thread: 3 posts" (a thread has two posts or more)."""
    return QCoreApplication.translate("CalendarChip", "Thread: %1 posts").replace("%1", str(posts))


def entry_tooltip(
    entry: ScheduledEntry, zone: ZoneInfo, history: HistoryLookup | None = None
) -> str:
    """State, time, channel and text; for a post that did not go out as planned (or whose
    tries failed so far) also why, and its latest attempts with their local times."""
    tip = (
        f"{entry_glyph(entry)} {entry_state_name(entry)} · {_when(entry, zone)} · "
        f"{network_name(entry.network)} · {entry.account_label}\n\n{entry.text}"
    )
    if entry.thread_posts > 1:
        tip += "\n\n" + thread_words(entry.thread_posts)
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
        at = _when(entry, zone)
        lines.append(
            f"{entry_glyph(entry)} {network_name(entry.network)} · {entry.account_label} — "
            f"{entry_state_name(entry)} · {at}"
        )
    tip = "\n".join(lines) + f"\n\n{chip.text}"
    threads = sorted({e.thread_posts for e in chip.entries if e.thread_posts > 1})
    if threads:  # the longest; accounts may have threads of different lengths
        tip += "\n\n" + thread_words(threads[-1])
    if any(e.first_comment for e in chip.entries):
        tip += "\n\n" + QCoreApplication.translate("CalendarChip", "+ first comment")
    return tip + _why(lead, zone, history)


LATE = timedelta(minutes=1)


def _when(entry: ScheduledEntry, zone: ZoneInfo) -> str:
    """The planned time; for a post that went out a minute or more later, when it did,
    with the planned time beside it (a post sent three minutes late read "✓ 3:20")."""
    planned = short_time(entry.scheduled_at.astimezone(zone))
    went = entry.published_at
    if entry.state is not DeliveryState.PUBLISHED or went is None:
        return planned
    if went - entry.scheduled_at < LATE:
        return planned
    return (
        QCoreApplication.translate("CalendarChip", "%1 (planned %2)")
        .replace("%1", short_time(went.astimezone(zone)))
        .replace("%2", planned)
    )


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
        self._widths: dict[tuple[str, bool], int] = {}
        self._times: dict[tuple[int, int], str] = {}
        self._shapes: dict[tuple[object, ...], QPixmap] = {}
        self._state_words: dict[tuple[DeliveryState, bool, str], str] = {}
        self._base = self._metrics.ascent()  # a text's baseline below its line's top
        self._bold_base = (
            self._bold_metrics.ascent()
            + (self._metrics.height() - self._bold_metrics.height()) // 2
        )
        self._laid: dict[tuple[int, int, int], tuple[PostChip, ChipLines]] = {}
        self._drawn: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._text = QColor(scheme.text)
        self._muted = QColor(scheme.text_muted)
        self._border = QColor(scheme.border)
        self._backgrounds = {s: QColor(scheme.state(s)) for s in DeliveryState}
        self._by_hand = QColor(scheme.by_hand)

    def background(self, entry: ScheduledEntry) -> QColor:
        if entry.waiting_by_hand or entry.approval == "waiting":
            return self._by_hand
        return self._backgrounds[entry.state]

    def _shape(self, painter: QPainter, lead: ScheduledEntry, rect: QRect) -> QPixmap:
        """The chip's rounded, bordered background in its state's colour, drawn once per
        colour and size (a month's chips share a few) and then copied."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (lead.state, lead.waiting_by_hand, lead.approval, rect.width(), rect.height(), ratio)
        found = self._shapes.get(key)
        if found is None:
            if len(self._shapes) > 256:
                self._shapes.clear()
            found = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            found.setDevicePixelRatio(ratio)
            found.fill(Qt.GlobalColor.transparent)
            into = QPainter(found)
            into.setRenderHint(QPainter.RenderHint.Antialiasing)
            into.setPen(self._border)
            into.setBrush(self.background(lead))
            into.drawRoundedRect(QRect(0, 0, rect.width() - 1, rect.height() - 1), 4, 4)
            into.end()
            self._shapes[key] = found
        return found

    @staticmethod
    def _drawn_key(
        painter: QPainter, rect: QRect, chip: PostChip, thumbnail: QPixmap | None
    ) -> tuple[object, int, int, bool, float]:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        return (chip.entries, rect.width(), rect.height(), bool(thumbnail), ratio)

    def has_drawn(
        self, painter: QPainter, rect: QRect, chip: PostChip, thumbnail: QPixmap | None = None
    ) -> bool:
        """Whether ``paint`` has ``chip`` at this size already (a copy, not a new drawing)."""
        return self._drawn_key(painter, rect, chip, thumbnail) in self._drawn

    def paint_shape(self, painter: QPainter, rect: QRect, chip: PostChip) -> None:
        """Only the chip's background, in its state's colour: its place while its text waits
        for the next paint."""
        painter.drawPixmap(rect.topLeft(), self._shape(painter, chip.lead, rect))

    def paint(
        self,
        painter: QPainter,
        rect: QRect,
        chip: PostChip,
        thumbnail: QPixmap | None = None,
    ) -> None:
        """Draw ``chip`` in ``rect``: from a pixmap kept from an earlier paint at this size
        when there is one (going back to a month redraws the same chips)."""
        key = self._drawn_key(painter, rect, chip, thumbnail)
        ratio = key[-1]
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            drawn.setDevicePixelRatio(ratio)
            drawn.fill(Qt.GlobalColor.transparent)
            into = QPainter(drawn)
            into.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        geometry = self.geometry
        lines = geometry.lines_in(rect.height())
        # No save() and restore(): the caller turns antialiasing on once for all its chips,
        # and each pen, brush and font a chip uses is set here.
        painter.drawPixmap(rect.topLeft(), self._shape(painter, chip.lead, rect))
        inner = self.inner(rect)
        if chip.media_count and inner.width() >= 8 * geometry.line:
            side = min(inner.height(), 2 * geometry.line) if lines > 1 else inner.height()
            box = QRect(inner.right() - side + 1, inner.top(), side, side)
            if thumbnail is not None:  # asked at this size: drawn without scaling
                painter.drawPixmap(box.topLeft(), thumbnail)
            else:  # still loading, or not readable: a quiet placeholder of the same size
                painter.fillRect(box, self._border)
            inner.setRight(box.left() - SPACE.xs)
        said = self.lines(chip, inner.width(), lines)
        # Texts are drawn at their baselines: they were measured to fit already, and a
        # point costs Qt no layout of the text in a rectangle.
        painter.setPen(self._text)
        if lines > 1:
            painter.setFont(self.bold)
            for row, words in enumerate(said.text):
                top = inner.top() + row * (geometry.line + SPACE.xxs)
                painter.drawText(QPoint(inner.left(), top + self._bold_base), words)
            top = inner.top() + (lines - 1) * (geometry.line + SPACE.xxs)
            status = QRect(inner.left(), top, inner.width(), geometry.line)
            x = self._paint_marks(painter, status, chip, said)
            painter.setFont(self.font)
            painter.setPen(self._text)
            painter.drawText(QPoint(x, top + self._base), said.status)
        else:
            line = QRect(inner.left(), inner.top(), inner.width(), inner.height())
            x = self._paint_marks(painter, line, chip, said)
            painter.setFont(self.font)
            painter.setPen(self._text)
            base = line.top() + (line.height() - geometry.line) // 2 + self._base
            if said.text:
                painter.drawText(QPoint(x, base), said.text[0])
            status_w = self.width(said.status)
            painter.drawText(QPoint(line.right() - status_w + 1, base), said.status)

    def inner(self, rect: QRect) -> QRect:
        """Where a chip's contents go: inside its padding (less of it when it is narrow)."""
        line = self.geometry.line
        side = SPACE.xs if rect.width() >= 6 * line else 1  # narrow: each pixel is the time's
        return rect.adjusted(side, SPACE.xxs, -side, -SPACE.xxs)

    def facts(self, chip: PostChip) -> ChipFacts:
        lead = chip.lead
        local = chip.scheduled_at.astimezone(self._zone)
        wall = (local.hour, local.minute)
        when = self._times.get(wall)
        if when is None:  # a month has a few dozen distinct times: each formatted once
            when = self._times[wall] = short_time(local)
        # Never a cryptic "0/5": how many went out, or, beside a draft or a failure, how
        # many are still to go out (a partly scheduled post looked like a draft).
        waiting = chip.mixed and partly_scheduled(chip)
        counted = (chip.mixed and chip.published > 0) or waiting
        return ChipFacts(
            # Two lines of the widest chip hold far less: a 20,000-character post measured
            # word by word took one paint 90 ms.
            text=chip.text[:CHIP_TEXT_CHARS],
            time=when,
            glyph=entry_glyph(lead),
            state=self._state_word(lead),
            count=(
                f" ◷{chip.scheduled}/{len(chip.entries)}"
                if waiting
                else f" {chip.published}/{len(chip.entries)}"
                if counted
                else ""
            ),
            networks=len(chip.networks),
            progress=progress_text(chip) if counted else "",
        )

    def _state_word(self, entry: ScheduledEntry) -> str:
        key = (entry.state, entry.waiting_by_hand, entry.approval)
        found = self._state_words.get(key)
        if found is None:
            found = self._state_words[key] = entry_state_name(entry)
        return found

    def forget_drawn(self) -> None:
        """Drop what was laid out and drawn for particular chips."""
        self._laid.clear()
        self._elided.clear()
        self._drawn.clear()

    def lines(self, chip: PostChip, width: int, lines: int) -> ChipLines:
        """What ``chip`` says in ``width`` px on ``lines`` lines (kept: a repaint asks again)."""
        # Keyed by the chip's identity (it is kept with the answer, so the id stays its own):
        # hashing its deliveries would cost more than the look-up saves.
        key = (id(chip), width, lines)
        kept = self._laid.get(key)
        if kept is not None and kept[0] is chip:
            return kept[1]
        if len(self._laid) > 4096:
            self._laid.clear()
        g = self.geometry
        found = chip_lines(
            self, self.facts(chip), width=width, lines=lines, mark=g.mark, line=g.line
        )
        self._laid[key] = (chip, found)
        return found

    def _paint_marks(self, painter: QPainter, line: QRect, chip: PostChip, said: ChipLines) -> int:
        """The marks ``said`` shows from the left, then its "+N"; the x where text goes on."""
        if not said.marks:
            return line.left()
        size = self.geometry.mark
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        x = line.left()
        top = line.top() + (line.height() - size) // 2
        for network in chip.networks[: said.marks]:
            painter.drawPixmap(
                x, top, network_mark(network, size, dark=self.scheme.dark, ratio=ratio)
            )
            x += size + SPACE.xxs
        if said.more_marks:
            painter.setFont(self.font)
            painter.setPen(self._muted)
            width = self.width(said.more_marks)
            base = line.top() + (line.height() - self.geometry.line) // 2 + self._base
            painter.drawText(QPoint(x, base), said.more_marks)
            x += width + SPACE.xxs
        return x - SPACE.xxs + GAP

    def width(self, text: str, bold: bool = False) -> int:
        """``text``'s advance in the chip font (kept: times and state words recur)."""
        key = (text, bold)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) > 8192:
                self._widths.clear()
            metrics = self._bold_metrics if bold else self._metrics
            found = metrics.horizontalAdvance(text)
            self._widths[key] = found
        return found

    def elide(self, text: str, width: int, bold: bool) -> str:
        key = (text, width, bold)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 4096:
                self._elided.clear()
            metrics = self._bold_metrics if bold else self._metrics
            # Only a prefix can show: no character is narrower than 2 px, so the first
            # width / 2 of them are more than fit (and a shorter text to measure is cheaper).
            room = width // 2 + 2
            shown = text if len(text) <= room else text[:room]
            found = elide_words(metrics, shown, width) if width > 0 else ""
            if shown is not text and found and not found.endswith("…"):  # zero-width marks
                found = elide_words(metrics, text, width)
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
