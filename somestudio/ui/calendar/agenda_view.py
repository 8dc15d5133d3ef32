"""The agenda: a list of the period's posts, under a heading per day.

The list is virtual: rows have one height (``setUniformItemSizes``) and a delegate paints
only the rows in view, and the model loads a screenful at a time as the list scrolls
(``fetchMore``: a day first, then twice the days each time until enough rows come), so
opening the agenda costs about the same for ten posts a month or ten thousand. It opens at
the chosen day (Today: today), with a screenful before it; the days before those come as
the list is scrolled up (``fetch_earlier``), the rows in view staying where they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem, QWidget

from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.day_model import DayDelegate, EntryRole, entry_data
from somestudio.ui.qtdates import qdate
from somestudio.ui.theme import SPACE, colours

_Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[date, int], dict[date, list[ScheduledEntry]]]
SCREENFUL = 40  # rows loaded at a time, at least (more than a tall window shows)
MAX_SPAN_DAYS = 16  # the most days one load asks for


class AgendaModel(QAbstractListModel):
    def __init__(self, zone: ZoneInfo, locale: QLocale) -> None:
        super().__init__()
        self._zone = zone
        self._locale = locale
        self._rows: list[date | ScheduledEntry] = []
        self.loader: Loader | None = None  # (first day, day count) -> each day's deliveries
        self._first: date | None = None  # the period's first day
        self._earliest: date | None = None  # the first day loaded
        self._next: date | None = None  # the first day not loaded yet
        self._end: date | None = None  # the day after the period

    def set_days(self, by_day: dict[date, list[ScheduledEntry]]) -> None:
        """Show these days at once (no loading as the list scrolls)."""
        self.beginResetModel()
        self._rows = []
        self._first = self._earliest = self._next = self._end = None
        self._append(by_day)
        self.endResetModel()

    def load(self, first: date, count: int, start: date | None = None) -> None:
        """Show ``count`` days from ``first``: a screenful from ``start`` (default
        ``first``) and one before it now, the days after them as the view scrolls down and
        those before as it scrolls up."""
        end = first + timedelta(days=count)
        start = first if start is None else min(max(start, first), end)
        self.beginResetModel()
        self._rows = []
        self._first, self._earliest = first, start
        self._next, self._end = start, end
        self._fetch(min_rows=SCREENFUL)
        self._rows[:0] = self._earlier_rows()
        self.endResetModel()

    def _append(self, by_day: dict[date, list[ScheduledEntry]]) -> None:
        self._rows.extend(self._rows_of(by_day))

    @staticmethod
    def _rows_of(by_day: dict[date, list[ScheduledEntry]]) -> list[date | ScheduledEntry]:
        rows: list[date | ScheduledEntry] = []
        for day in sorted(by_day):
            if by_day[day]:
                rows.append(day)
                rows.extend(by_day[day])
        return rows

    def _fetch(self, min_rows: int) -> None:
        """Load days until ``min_rows`` more rows are here or the period ends: one day,
        then two, four… (a busy day alone may fill the screen, a quiet month barely)."""
        if self.loader is None:
            return
        before = len(self._rows)
        span = 1
        while self.canFetchMore() and len(self._rows) - before < min_rows:
            assert self._next is not None and self._end is not None
            count = min(span, (self._end - self._next).days)
            self._append(self.loader(self._next, count))
            self._next += timedelta(days=count)
            span = min(2 * span, MAX_SPAN_DAYS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._next is None or self._end is None:
            return False
        return self._next < self._end

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.loader is None or not self.canFetchMore():
            return
        rows = self._rows
        self._rows = list(rows)
        self._fetch(min_rows=SCREENFUL)
        added, self._rows = self._rows[len(rows) :], rows
        if added:
            first = len(rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()

    def can_fetch_earlier(self) -> bool:
        """Days before the first loaded are still to come (the list opened at a later day)."""
        first, earliest = self._first, self._earliest
        return first is not None and earliest is not None and first < earliest

    def fetch_earlier(self) -> int:
        """Put the days before the first loaded on top, a screenful at least (or to the
        period's first day); how many rows came, for the view to keep its place by."""
        if self.loader is None or not self.can_fetch_earlier():
            return 0
        added = self._earlier_rows()
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._rows[:0] = added
            self.endInsertRows()
        return len(added)

    def _earlier_rows(self) -> list[date | ScheduledEntry]:
        """The rows of the days before the first loaded, until ``SCREENFUL`` or the period's
        first day: the day before, then the two before that, four… (as ``_fetch``)."""
        rows: list[date | ScheduledEntry] = []
        span = 1
        while self.loader is not None and self.can_fetch_earlier() and len(rows) < SCREENFUL:
            assert self._first is not None and self._earliest is not None
            count = min(span, (self._earliest - self._first).days)
            self._earliest -= timedelta(days=count)
            rows[:0] = self._rows_of(self.loader(self._earliest, count))
            span = min(2 * span, MAX_SPAN_DAYS)
        return rows

    def fetch_through(self, day: date) -> None:
        """Load the rows up to ``day`` included (not the rest of the period), and back to
        it when the list began after it."""
        while self.can_fetch_earlier() and self._earliest is not None and self._earliest > day:
            self.fetch_earlier()
        while self.canFetchMore() and self._next is not None and self._next <= day:
            self.fetchMore()

    def fetch_all(self) -> None:
        """Everything in the period (for tests and exports)."""
        while self.can_fetch_earlier():
            self.fetch_earlier()
        while self.canFetchMore():
            self.fetchMore()

    def heading_row(self, day: date) -> int | None:
        """The row of the first day heading loaded on or after ``day``; None if none is."""
        for row, item in enumerate(self._rows):
            if isinstance(item, date) and item >= day:
                return row
        return None

    def entry(self, row: int) -> ScheduledEntry | None:
        item = self._rows[row]
        return item if isinstance(item, ScheduledEntry) else None

    def day_of(self, row: int) -> date | None:
        """The day ``row`` is under (its heading's)."""
        for item in reversed(self._rows[: row + 1]):
            if isinstance(item, date):
                return item
        return None

    def delivery_row(self, delivery_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if isinstance(item, ScheduledEntry) and item.delivery_id == delivery_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], date):
            # A day's heading is no stop for the arrows (it took the keyboard unseen: the
            # first Down, and one at each new day, seemed to do nothing). It is drawn as a
            # heading all the same (``AgendaDelegate``).
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, date):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._locale.toString(qdate(item), QLocale.FormatType.LongFormat)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The day first: the arrows pass the day's heading by, so a screen reader would
            # not hear where one day ends and the next begins.
            day = item.scheduled_at.astimezone(self._zone).date()
            heading = self._locale.toString(qdate(day), QLocale.FormatType.LongFormat)
            return f"{heading}, {entry_data(item, self._zone, role)}"
        return entry_data(item, self._zone, role)


class AgendaDelegate(DayDelegate):
    """Day headings as bold text at the foot of their row, in the scheme's secondary text
    colour; deliveries as in the day list, on one line of text (the agenda is wide)."""

    TEXT_LINES = 1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.data(EntryRole) is not None:
            super().paint(painter, option, index)
            return
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        # Not the palette's text: a heading is a row that cannot be chosen, so Qt hands it
        # the disabled grey, 1.9:1 on white.
        painter.setPen(QColor(colours(option.palette).text_muted))
        rect: QRect = option.rect.adjusted(SPACE.xs, 0, -SPACE.xs, -SPACE.xs)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            str(index.data() or ""),
        )
        painter.restore()


class AgendaView(QListView):
    entry_activated = Signal(object)
    entry_menu_requested = Signal(object, QPoint)

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AgendaView")
        self.setAccessibleName(self.tr("Agenda"))
        self.setModel(model)
        self._model = model
        self.setItemDelegate(AgendaDelegate(self))
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.activated.connect(self._on_activated)
        self._fetching = False
        self.verticalScrollBar().valueChanged.connect(self._near_the_top)

    def show_day(self, day: date) -> None:
        """``day``'s heading at the top (or the next day's with posts) and its first post
        chosen; the list's end when the posts loaded all come before ``day``."""
        row = self._model.heading_row(day)
        if row is None:
            self.scrollToBottom()
            return
        self.setCurrentIndex(self._model.index(row + 1, 0))
        self.scrollTo(self._model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def place(self) -> tuple[date | None, int | None]:
        """Where the reader is: the day at the top of the view, the delivery chosen."""
        top = self._top()
        chosen = self.current_entry()
        return (
            self._model.day_of(top.row()) if top.isValid() else None,
            chosen.delivery_id if chosen is not None else None,
        )

    def go_back_to(self, place: tuple[date | None, int | None]) -> None:
        """The same day at the top and the same post chosen, after the list was read again
        (a post went out meanwhile): it jumped to the anchor day while the user read on."""
        day, delivery_id = place
        if day is None:
            return
        self._model.fetch_through(day)
        row = self._model.delivery_row(delivery_id) if delivery_id is not None else None
        if row is not None:
            self.setCurrentIndex(self._model.index(row, 0))
        heading = self._model.heading_row(day)
        if heading is not None:
            self.scrollTo(self._model.index(heading, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _top(self) -> QModelIndex:
        return self.indexAt(QPoint(SPACE.s, SPACE.s))

    def _near_the_top(self) -> None:
        """Half a screenful from the first row loaded: the days before it come, on top, and
        the rows in view stay where they were."""
        top = self._top()
        if self._fetching or not top.isValid() or top.row() >= SCREENFUL // 2:
            return
        if not self._model.can_fetch_earlier():
            return
        self._fetching = True
        try:
            added = self._model.fetch_earlier()
            if added:
                index = self._model.index(top.row() + added, 0)
                self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        finally:
            self._fetching = False

    def current_entry(self) -> ScheduledEntry | None:
        """The post of the row the keyboard is on; None on a day's heading."""
        index = self.currentIndex()
        return self._model.entry(index.row()) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self._model.entry(index.row())
        if entry is not None:
            self.entry_activated.emit(entry)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._on_activated(index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: current row
            index = self.currentIndex()
            if index.isValid():
                where = self.viewport().mapToGlobal(self.visualRect(index).center())
                entry = self._model.entry(index.row())
                if entry is not None:
                    self.entry_menu_requested.emit(entry, where)
            return
        index = self.indexAt(event.pos())
        entry = self._model.entry(index.row()) if index.isValid() else None
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())
