"""The deliveries of one day, as a list beside the month grid: each row its network's mark,
time, account and state, then the post's first words cut at a word with "…"."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chips import (
    HistoryLookup,
    elide_words,
    entry_marks,
    entry_tooltip,
    thread_words,
)
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import short_time
from somestudio.ui.states import entry_glyph, entry_state_name
from somestudio.ui.theme import SPACE, colours, network_mark

_Index = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 10
HeadingRole = Qt.ItemDataRole.UserRole + 11  # the first line (time, channel, account, state)
TextRole = Qt.ItemDataRole.UserRole + 12  # the post's text on one line
ZoneRole = Qt.ItemDataRole.UserRole + 13  # the time zone the row's time is told in


class DayModel(QAbstractListModel):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self._zone = zone
        self._entries: list[ScheduledEntry] = []
        self.history: HistoryLookup | None = None  # why a post did not go out, for tooltips

    def set_entries(self, entries: list[ScheduledEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> ScheduledEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        return entry_data(entry, self._zone, role, self.history)


SNIPPET_CHARS = 160  # the calendar query's text snippet (store/posts.py)


def snippet(text: str) -> str:
    """The text on one line; a snippet cut by the query ends at a word, with "…"."""
    flat = " ".join(text.split())
    if len(text) < SNIPPET_CHARS:
        return flat
    cut = flat.rfind(" ")
    return (flat[:cut] if cut > SNIPPET_CHARS // 2 else flat).rstrip(" ,.;:") + "…"


def entry_heading(entry: ScheduledEntry, zone: ZoneInfo) -> str:
    local = entry.scheduled_at.astimezone(zone)
    marks = entry_marks(entry)
    return (
        f"{entry_glyph(entry)} {short_time(local)}  {network_name(entry.network)} · "
        f"{entry.account_label} — {entry_state_name(entry)}{marks}"
    )


def entry_data(
    entry: ScheduledEntry, zone: ZoneInfo, role: int, history: HistoryLookup | None = None
) -> object:
    """One delivery's row data, shared by the day list and the agenda."""
    if role == Qt.ItemDataRole.DisplayRole:
        return f"{entry_heading(entry, zone)}\n{entry.text}"
    if role == HeadingRole:  # painted after the network's mark, so without its name
        local = entry.scheduled_at.astimezone(zone)
        marks = entry_marks(entry)
        return (
            f"{entry_glyph(entry)} {short_time(local)}  {entry_state_name(entry)}{marks} · "
            f"{entry.account_label}"
        )
    if role == TextRole:
        return snippet(entry.text)
    if role == EntryRole:
        return entry
    if role == ZoneRole:
        return zone
    if role == Qt.ItemDataRole.ToolTipRole:
        return entry_tooltip(entry, zone, history)
    if role == Qt.ItemDataRole.AccessibleTextRole:
        local = entry.scheduled_at.astimezone(zone)
        thread = f", {thread_words(entry.thread_posts)}" if entry.thread_posts > 1 else ""
        return (
            f"{short_time(local)}, {network_name(entry.network)}, {entry.account_label}, "
            f"{entry_state_name(entry)}{thread}: {entry.text}"
        )
    return None


def fit_heading(metrics: QFontMetrics, entry: ScheduledEntry, zone: ZoneInfo, width: int) -> str:
    """A row's first line in ``width`` px: symbol and time always whole; then the state word,
    then the account (cut with "…" when only part of it fits) as room allows."""
    when = short_time(entry.scheduled_at.astimezone(zone))
    marks = entry_marks(entry)
    glyph, state = entry_glyph(entry), entry_state_name(entry)
    with_state = f"{glyph} {when}  {state}{marks}"
    if metrics.horizontalAdvance(with_state) <= width:
        full = f"{with_state} · {entry.account_label}"
        if metrics.horizontalAdvance(full) <= width:
            return full
        rest = width - metrics.horizontalAdvance(f"{with_state} · ")
        if rest >= metrics.horizontalAdvance("Www…"):
            return f"{with_state} · {elide_words(metrics, entry.account_label, rest)}"
        return with_state
    return f"{glyph} {when}{marks}"


def two_lines(metrics: QFontMetrics, text: str, width: int) -> tuple[str, str]:
    """``text`` in two lines of ``width`` px, broken between words; the second ends with "…"
    at a word when the text goes on."""
    words = text.split()
    first = ""
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count])
        if metrics.horizontalAdvance(candidate) > width:
            break
        first = candidate
    if not first:  # one word wider than the line: it is cut (with "…") on the first
        return elide_words(metrics, text, width), ""
    rest = " ".join(words[len(first.split()) :])
    return first, elide_words(metrics, rest, width) if rest else ""


class DayDelegate(QStyledItemDelegate):
    """A delivery per row on its state's background: its mark, time, state and account, then
    two lines of its text; every row the same height, so a long list lays out at once."""

    TEXT_LINES = 2

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        del index
        line = QFontMetrics(option.font).height()
        return QSize(10 * line, (1 + self.TEXT_LINES) * line + 3 * SPACE.xs)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, ScheduledEntry):
            super().paint(painter, option, index)
            return
        scheme = colours(option.palette)
        rect: QRect = option.rect
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        awaiting = entry.waiting_by_hand or entry.approval == "waiting"
        background = QColor(scheme.by_hand if awaiting else scheme.state(entry.state))
        painter.setBrush(background)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            pen = painter.pen()
            pen.setColor(option.palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
        else:
            painter.setPen(QColor(scheme.border))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        inner = rect.adjusted(SPACE.s, SPACE.xs, -SPACE.s, -SPACE.xs)
        size = max(10, min(16, line - 2))
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(
            inner.left(),
            inner.top() + (line - size) // 2,
            network_mark(entry.network, size, dark=scheme.dark, ratio=ratio),
        )
        painter.setPen(QColor(scheme.text))
        painter.setFont(option.font)
        first = QRect(
            inner.left() + size + SPACE.xs, inner.top(), inner.width() - size - SPACE.xs, line
        )
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        zone = index.data(ZoneRole)
        if isinstance(zone, ZoneInfo):
            heading = fit_heading(metrics, entry, zone, first.width())
        else:
            heading = elide_words(metrics, str(index.data(HeadingRole) or ""), first.width())
        painter.drawText(first, align, heading)
        text = str(index.data(TextRole) or "")
        top = first.bottom() + 1 + SPACE.xxs
        shown = two_lines(metrics, text, inner.width())
        if self.TEXT_LINES == 1:
            shown = (elide_words(metrics, text, inner.width()), "")
        for number, part in enumerate(shown[: self.TEXT_LINES]):
            painter.drawText(
                QRect(inner.left(), top + number * line, inner.width(), line), align, part
            )
        painter.restore()
