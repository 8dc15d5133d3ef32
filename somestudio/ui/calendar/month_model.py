"""A month as a 6 × 8 table: ISO week number, then seven days in the locale's week order.

Each day holds one chip per post: the first few posts only (as many as a cell shows, with
"+N more" after them) and the number of all, so a busy month costs what a quiet one does;
``day_entries`` fetches a whole day for the list beside the grid. Months already shown are
kept (a few, most recent first) so going back and forth does not query again; ``reload``
forgets them, as the data changed. With ``tasks`` set, the months before and after the shown
one are read on a worker meanwhile, so a switch to them shows what is already there."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from somestudio.app.calendar import NO_FILTER, CalendarFilter, days_entries, month_overview
from somestudio.app.studio import Studio
from somestudio.domain.month_grid import GRID_WEEKS, add_months, grid_days, iso_week
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.calendar.chips import chip_accessible_text
from somestudio.ui.calendar.post_chips import PostChip, chips_by_day
from somestudio.ui.qtdates import qdate
from somestudio.ui.tasks import Tasks

DateRole = Qt.ItemDataRole.UserRole + 1
EntriesRole = Qt.ItemDataRole.UserRole + 2
InMonthRole = Qt.ItemDataRole.UserRole + 3
ChipsRole = Qt.ItemDataRole.UserRole + 4
TodayRole = Qt.ItemDataRole.UserRole + 5
PostCountRole = Qt.ItemDataRole.UserRole + 6
CellRole = Qt.ItemDataRole.UserRole + 8  # all a cell's painting needs, as one DayCell


@dataclass(frozen=True, slots=True, eq=False)
class DayCell:
    """What a day cell shows, made once per load of a month (a paint asks for it in one
    call); compared and hashed by identity, so a cell's picture is found cheaply."""

    day: date
    chips: list[PostChip]
    count: int  # posts on the day, at least len(chips)
    in_month: bool
    today: bool
    load: int


KEPT_MONTHS = 6
READ_AHEAD_AFTER_MS = 120  # quiet after a switch before the months around are read
PER_DAY = 6  # posts loaded per day: what a cell can show (chips.MAX_CHIPS)
_Month = tuple[
    list[date], dict[date, list[ScheduledEntry]], dict[date, list[PostChip]], dict[date, int]
]

_Index = QModelIndex | QPersistentModelIndex
_Key = tuple[int, int, CalendarFilter]


def read_month(
    studio: Studio,
    key: _Key,
    *,
    first_weekday: int,
    zone: ZoneInfo,
    images_known: frozenset[int] = frozenset(),
) -> tuple[_Month, dict[int, str]]:
    """A month as the grid shows it, and the first image of its posts with media (but those
    in ``images_known``); touches no Qt object, so a worker can run it."""
    year, month_number, where = key
    month = month_overview(
        studio,
        year,
        month_number,
        first_weekday=first_weekday,
        zone=zone,
        per_day=PER_DAY,
        where=where,
    )
    chips = chips_by_day(month.entries)
    wanted = [
        c.post_id
        for day_chips in chips.values()
        for c in day_chips
        if c.media_count and c.post_id not in images_known
    ]
    images = studio.first_images(wanted) if wanted else {}
    return (month.days, month.entries, chips, month.post_counts), images


log = logging.getLogger(__name__)


def row_counts(days: list[date], counts: dict[date, int]) -> list[int]:
    """The most posts on one day, per week row."""
    return [
        max(counts.get(d, 0) for d in days[row * 7 : row * 7 + 7]) for row in range(len(days) // 7)
    ]


class MonthModel(QAbstractTableModel):
    read_ahead_done = Signal(int, int)  # year, month: kept now, for drawing ahead
    loaded = Signal()  # the first month, read on the worker, is shown now

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        locale: QLocale,
        today: date,
        *,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__()
        self._studio = studio
        self._zone = zone
        self._locale = locale
        self._first_weekday = locale.firstDayOfWeek().value  # Qt: 1 = Monday, as ISO
        self.today = today  # in ``zone``, by the window's clock (the page keeps it current)
        self._year, self._month = self.today.year, self.today.month
        self._where = NO_FILTER
        self._days: list[date] = []
        self._entries: dict[date, list[ScheduledEntry]] = {}
        self._chips: dict[date, list[PostChip]] = {}
        self._counts: dict[date, int] = {}
        self._images: dict[int, str] = {}
        self._kept: OrderedDict[tuple[int, int, CalendarFilter], _Month] = OrderedDict()
        # Each month read from the database gets a number: a cell drawn from one load can be
        # redrawn from a picture while that load is shown (cheaper than comparing its chips).
        self._loads: dict[tuple[int, int, CalendarFilter], int] = {}
        self._load = 0
        self._next_load = 0
        self._cells: dict[date, DayCell] = {}
        self._cell_sets: dict[int, tuple[date, dict[date, DayCell]]] = {}
        # Set by the page: the first month and the neighbouring ones are read on its worker.
        self.tasks: Tasks | None = tasks
        self.loading = False  # the first month is being read: the grid shows its days only
        # Set by the grid: given the first month read and a function that shows it, draws
        # the month's cells ahead (a few at a time) and then calls it.
        self.prepare_first: Callable[[int, int, Callable[[], None]], None] | None = None
        self._epoch = 0  # moves on with ``forget``: what a worker read before is stale
        self._reading: set[_Key] = set()
        # Reading ahead waits until switching pauses: a worker busy in Python while months
        # are switched quickly would take the interpreter from the GUI thread's painting.
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(READ_AHEAD_AFTER_MS)
        self._ahead_timer.timeout.connect(self.read_ahead)
        if tasks is None or tasks.synchronous:
            self.reload()
        else:
            self._read_first(tasks)

    def _read_first(self, tasks: Tasks) -> None:
        """The first month on the worker (a busy month of a large workspace is a tenth of a
        second of queries): meanwhile the grid shows the month's days, empty, and
        ``loading`` is set; ``loaded`` is emitted once its posts are shown."""
        key = (self._year, self._month, self._where)
        self.loading = True
        self.beginResetModel()
        self._days = grid_days(self._year, self._month, self._first_weekday)
        self._entries, self._chips, self._counts = {}, {}, {}
        self._load = -1  # no load of the database: nothing drawn from it is kept
        self._cells = {
            d: DayCell(d, [], 0, d.month == self._month, d == self.today, -1) for d in self._days
        }
        self.endResetModel()
        read = partial(
            read_month,
            self._studio,
            key,
            first_weekday=self._first_weekday,
            zone=self._zone,
        )
        tasks.run(
            read, partial(self._first_read, self._epoch, key), partial(self._first_failed, key)
        )

    def _first_read(self, epoch: int, key: _Key, result: tuple[_Month, dict[int, str]]) -> None:
        if epoch == self._epoch and key not in self._kept:
            self._keep(key, *result)
        if not self.loading:
            return  # a switch has shown a month (read then) meanwhile
        shown = (self._year, self._month, self._where)
        if self.prepare_first is not None and shown == key and key in self._kept:
            self.prepare_first(key[0], key[1], self._show_first)
        else:
            self._show_first()

    def _show_first(self) -> None:
        if self.loading:  # else a switch has shown a month meanwhile
            self.loading = False
            self._show()
            self.loaded.emit()

    def _first_failed(self, key: _Key, error: BaseException) -> None:
        log.warning("reading the month %s-%s on a worker failed: %s", key[0], key[1], error)
        if self.loading:  # read it here, where an error is shown as any other
            self.loading = False
            self._show()
            self.loaded.emit()

    # -- navigation
    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    @property
    def days(self) -> list[date]:
        return self._days

    def set_filter(self, where: CalendarFilter) -> None:
        self._where = where
        self._show()

    def set_month(self, year: int, month: int) -> None:
        self._year, self._month = year, month
        self._show()

    def reload(self) -> None:
        """Query again: the data changed, so months kept from earlier are forgotten too."""
        self.forget()
        self._show()

    def forget(self) -> None:
        """Drop the months kept from earlier (the data changed); the shown one stays."""
        self._kept.clear()
        self._loads.clear()
        self._cell_sets.clear()
        self._images.clear()
        self._epoch += 1
        self._reading.clear()

    def _read(self, key: _Key) -> tuple[_Month, dict[int, str]]:
        return read_month(
            self._studio,
            key,
            first_weekday=self._first_weekday,
            zone=self._zone,
            images_known=frozenset(self._images),
        )

    def _keep(self, key: _Key, found: _Month, images: dict[int, str]) -> None:
        self._kept[key] = found
        self._kept.move_to_end(key)
        self._next_load += 1
        self._loads[key] = self._next_load
        self._images.update(images)
        while len(self._kept) > KEPT_MONTHS:
            self._kept.popitem(last=False)

    def holds(self, cell: DayCell) -> bool:
        """Whether ``cell`` is of a month still kept (not of one the data has changed since)."""
        return cell.load in self._loads.values()

    def is_kept(self, year: int, month: int) -> bool:
        """Whether the month is at hand (shown or read ahead since the data last changed)."""
        return (year, month, self._where) in self._kept

    def read_ahead(self) -> None:
        """Read the months before and after the shown one on the worker, if not kept."""
        tasks = self.tasks
        # The page that owns the worker may be closing (its Tasks gone before this model).
        if tasks is None or tasks.synchronous or not shiboken6.isValid(tasks):
            return
        if self.loading:  # the shown month first: read ahead once it shows (_show's timer)
            return
        for delta in (1, -1):
            year, month = add_months(self._year, self._month, delta)
            key = (year, month, self._where)
            if key in self._kept or key in self._reading:
                continue
            self._reading.add(key)
            read = partial(
                read_month,
                self._studio,
                key,
                first_weekday=self._first_weekday,
                zone=self._zone,
                images_known=frozenset(self._images),
            )
            tasks.run(
                read,
                partial(self._read_ahead_done, self._epoch, key),
                partial(self._read_failed, key),
            )

    def _read_ahead_done(
        self, epoch: int, key: _Key, result: tuple[_Month, dict[int, str]]
    ) -> None:
        if epoch != self._epoch:
            return  # read before the data changed
        self._reading.discard(key)
        if key not in self._kept:
            self._keep(key, *result)
            shown = (self._year, self._month, self._where)
            if shown in self._kept:
                self._kept.move_to_end(shown)  # the shown month is the last to go
            self.read_ahead_done.emit(key[0], key[1])

    def _read_failed(self, key: _Key, error: BaseException) -> None:
        # Nothing lost: the month is read when shown, and that error is shown then.
        self._reading.discard(key)
        log.warning("reading a month ahead failed: %s", error)

    def _show(self) -> None:
        self.loading = False
        key = (self._year, self._month, self._where)
        if key not in self._kept:
            self._keep(key, *self._read(key))
        self._kept.move_to_end(key)
        self.beginResetModel()
        self._days, self._entries, self._chips, self._counts = self._kept[key]
        self._load = self._loads[key]
        self._cells = self._cells_of(key)
        self.endResetModel()
        self._ahead_timer.start()  # once the switches stop for a moment

    def _cells_of(self, key: _Key) -> dict[date, DayCell]:
        """The day cells of a kept month (made once per load and day)."""
        load = self._loads[key]
        made = self._cell_sets.get(load)
        if made is None or made[0] != self.today:
            if len(self._cell_sets) > 2 * KEPT_MONTHS:
                self._cell_sets.clear()
            made = self._cell_sets[load] = (self.today, self._make_cells(key, load))
        return made[1]

    def _make_cells(self, key: _Key, load: int) -> dict[date, DayCell]:
        days, _entries, chips_of, counts = self._kept[key]
        cells: dict[date, DayCell] = {}
        for day in days:
            chips = chips_of.get(day, [])
            count = max(len(chips), counts.get(day, 0))
            in_month, today = day.month == key[1], day == self.today
            cells[day] = DayCell(day, chips, count, in_month, today, load)
        return cells

    def kept_cells(self, year: int, month: int) -> tuple[list[DayCell], list[int]] | None:
        """A kept month's day cells in grid order and the most posts on a day per week row
        (what its rows' heights follow); None when the month is not at hand."""
        key = (year, month, self._where)
        if key not in self._kept:
            return None
        cells = self._cells_of(key)
        days, counts = self._kept[key][0], self._kept[key][3]
        return [cells[d] for d in days], row_counts(days, counts)

    def image_of(self, chip: PostChip) -> str | None:
        """The file of the post's first image, for its thumbnail."""
        return self._images.get(chip.post_id) if chip.media_count else None

    def cell(self, row: int, column: int) -> DayCell | None:
        """The day cell at a place of the grid (None in the week number column)."""
        if column == 0:
            return None
        return self._cells.get(self._days[row * 7 + column - 1])

    def day_at(self, index: _Index) -> date | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self._days[index.row() * 7 + index.column() - 1]

    def index_of(self, day: date) -> QModelIndex:
        if day not in self._days:
            return QModelIndex()
        pos = self._days.index(day)
        return self.index(pos // 7, pos % 7 + 1)

    def entries_on(self, day: date) -> list[ScheduledEntry]:
        """The deliveries of the day's first posts (all of them unless ``complete``)."""
        return self._entries.get(day, [])

    def complete(self, day: date) -> bool:
        return self._counts.get(day, 0) <= PER_DAY

    def day_entries(self, day: date) -> list[ScheduledEntry]:
        """Every delivery on ``day`` (a busy day is fetched whole)."""
        if self.complete(day):
            return self.entries_on(day)
        found = days_entries(self._studio, day, 1, zone=self._zone, where=self._where)
        return found.get(day, [])

    def chips_on(self, day: date) -> list[PostChip]:
        return self._chips.get(day, [])

    def post_count(self, day: date) -> int:
        return self._counts.get(day, 0)

    def row_counts(self) -> list[int]:
        """The most posts on one day, per week row."""
        return row_counts(self._days, self._counts)

    # -- Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else GRID_WEEKS

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.column() == 0:
            # A row's ISO week is that of its middle day, whichever weekday the row starts on.
            week = iso_week(self._days[index.row() * 7] + timedelta(days=3))
            if role == Qt.ItemDataRole.DisplayRole:
                return str(week)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Week %1").replace("%1", str(week))
            return None
        day = self.day_at(index)
        assert day is not None
        if role == CellRole:  # what a paint asks: one call
            return self._cells.get(day)
        return self._day_data(day, role)

    def _day_data(self, day: date, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DateRole:
            return day
        if role == EntriesRole:
            return self._entries.get(day, [])
        if role == ChipsRole:
            return self._chips.get(day, [])
        if role == PostCountRole:
            return self._counts.get(day, 0)
        if role == InMonthRole:
            return day.month == self._month
        if role == TodayRole:
            return day == self.today
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_day(day)
        return None

    def _accessible_day(self, day: date) -> str:
        """The day, its number of posts, then each chip by name (as the chips read)."""
        count = self._counts.get(day, 0)  # posts, not deliveries
        said = self.tr("%1 — %n posts", "", count).replace(
            "%1", self._locale.toString(qdate(day), QLocale.FormatType.LongFormat)
        )
        chips = self._chips.get(day, [])
        if not chips:
            return said
        named = "; ".join(chip_accessible_text(c, self._zone) for c in chips)
        return f"{said}: {named}" + ("; …" if count > len(chips) else "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Wk")
        weekday = (self._first_weekday - 1 + section - 1) % 7 + 1
        return self._locale.dayName(weekday, QLocale.FormatType.ShortFormat)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.column() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
