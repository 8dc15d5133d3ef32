"""The Calendar page: month, week and agenda views of the deliveries, with filters.

Chips can be dragged to another day (month) or time (week), right-clicked for actions and
double-clicked to open the post; the page turns those gestures into ``CalendarActions``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.calendar import CalendarFilter, days_entries, week_start
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import UNSENT
from somestudio.domain.month_grid import add_months
from somestudio.domain.posts import ScheduledEntry
from somestudio.domain.utc import utc_now
from somestudio.ui.calendar.agenda_view import AgendaModel, AgendaView
from somestudio.ui.calendar.day_model import DayDelegate, DayModel
from somestudio.ui.calendar.empty_hint import EmptyHint
from somestudio.ui.calendar.filter_bar import FilterBar
from somestudio.ui.calendar.month_grid import MonthGrid
from somestudio.ui.calendar.month_model import MonthModel
from somestudio.ui.calendar.thumbnails import Thumbnails
from somestudio.ui.calendar.week_view import WeekView
from somestudio.ui.keyboard import delete_key_removes, shift_f10_opens_menu
from somestudio.ui.qtdates import qdate
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE

if TYPE_CHECKING:
    from somestudio.ui.calendar.drops import CalendarDrops
    from somestudio.ui.planning.idea_drops import IdeaDrops

MODES = ("month", "week", "agenda")
# What a drag can move: a published post, or one going out now, stays where it happened.
MOVABLE = UNSENT


class DayList(QListView):
    """The chosen day's posts. Reached with Tab, the post the keyboard is on is shown
    chosen: Qt makes the first one current but draws nothing for it, and the Menu key and
    Delete then acted on a post no one could see (a new user's finding)."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.show_chosen()

    def show_chosen(self) -> None:
        """The post the keyboard is on (the first, if none yet) current and highlighted."""
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() and model is not None and model.rowCount():
            index = model.index(0, 0)
            self.setCurrentIndex(index)
        selection = self.selectionModel()
        if index.isValid() and selection is not None and not selection.isSelected(index):
            selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


class CalendarPage(QWidget):
    entry_activated = Signal(object)  # ScheduledEntry: open its post
    entry_menu_requested = Signal(object, QPoint)  # ScheduledEntry, global position
    entry_delete_requested = Signal(object)  # ScheduledEntry: Delete on the chosen post
    entry_moved = Signal(object, object)  # ScheduledEntry, new local wall time (naive)
    # A chip dragged: each of its post's deliveries that can move, and its new wall time.
    entries_moved = Signal(object)  # list[tuple[ScheduledEntry, datetime]]
    # A post dropped that nothing of can move (it went out, or is going out): why, in words.
    not_moved = Signal(str)

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CalendarPage")
        self._studio = studio
        self._zone = zone
        self._now = now
        self._locale = QLocale()
        self._first_weekday = self._locale.firstDayOfWeek().value
        self._where = CalendarFilter()
        self._mode = "month"
        self.anchor = self.today()
        self.idea_drops: IdeaDrops | None = None  # set by the window: ideas dropped as drafts
        self.draft_drops: CalendarDrops | None = None  # set by the window: drafts scheduled

        # The first month and those around the shown one are read on the page's worker.
        self.model = MonthModel(studio, zone, self._locale, self.anchor, tasks=Tasks(self))
        self.model.loaded.connect(self._on_month_loaded)
        self.thumbnails = Thumbnails(self)
        self._model_fresh = True  # just loaded: the next month reload can skip the query
        self._month_stale = False  # the data changed since the month was loaded
        self._agenda_shown: tuple[date, date] | None = None  # (month, anchor) the agenda shows
        self._whole_day: date | None = None  # the busy day whose list is still to come
        self._listed_day: date | None = None  # the day the day list shows
        self._wanted_post: tuple[date, int] | None = None  # show_post's, until found or left
        # (data version, accounts, posts or None when not counted yet): for the empty hint
        self._library: tuple[tuple[int, int], int, int | None] | None = None
        self.day_model = DayModel(zone)
        self.day_model.history = studio.history
        self.agenda_model = AgendaModel(zone, self._locale)

        self.title = QLabel()
        self.title.setObjectName("MonthTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        # In a narrow window (the Drafts panel open) a long week title goes on two lines.
        self.title.setWordWrap(True)
        self.prev_button = self._nav_button(
            "‹", self.tr("Previous"), "Ctrl+PgUp", -1, self.tr("Previous month or week")
        )
        self.next_button = self._nav_button(
            "›", self.tr("Next"), "Ctrl+PgDown", 1, self.tr("Next month or week")
        )
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+Home)"))
        self.today_button.clicked.connect(self.go_today)
        today_keys = QShortcut(
            QKeySequence("Ctrl+Home", QKeySequence.SequenceFormat.PortableText), self, self.go_today
        )
        today_keys.setWhatsThis(self.tr("Go to today"))

        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setSpacing(0)
        for key, text, keys, description in (
            ("month", self.tr("Month"), "Ctrl+Shift+M", self.tr("Show the month")),
            ("week", self.tr("Week"), "Ctrl+Shift+W", self.tr("Show the week")),
            ("agenda", self.tr("Agenda"), "Ctrl+Shift+A", self.tr("Show the agenda")),
        ):
            button = QToolButton()
            button.setObjectName(f"Mode-{key}")
            button.setText(text)
            button.setCheckable(True)
            sequence = QKeySequence(keys)
            button.setToolTip(
                f"{text} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.clicked.connect(lambda _=False, k=key: self.set_mode(k))
            mode_keys = QShortcut(sequence, self, lambda k=key: self.set_mode(k))
            mode_keys.setWhatsThis(description)
            self.mode_buttons.addButton(button)
            modes.addWidget(button)
        self.filters = FilterBar()
        self.filters.changed.connect(self.set_filter)

        header = QHBoxLayout()
        header.addWidget(self.prev_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(SPACE.xs)  # narrow: the header must fit beside the Drafts panel
        header.addWidget(self.title, 1)
        # The zone the times are in (a post planned at 04:00 Helsinki showed as 01:00 on a
        # computer in another zone, with nothing to say so). Short: the page must fit 1024 px.
        from somestudio.ui.when_text import zone_name  # noqa: PLC0415

        self.zone_label = QLabel(f"🕓 {zone_name(zone.key)}")
        self.zone_label.setObjectName("CalendarZone")
        self.zone_label.setToolTip(
            self.tr("Times are shown in %1, this window's time zone.").replace("%1", zone.key)
        )
        self.zone_label.setAccessibleName(
            self.tr("Times shown in %1").replace("%1", zone_name(zone.key))
        )
        header.addLayout(modes)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.zone_label)  # beside the filters: the header is full
        filter_row.addStretch(1)
        filter_row.addWidget(self.filters)

        self.grid = self._build_grid(zone)
        self.day_title = QLabel()
        self.day_title.setObjectName("DayTitle")
        self.day_list = DayList()
        self.day_list.setObjectName("DayList")
        self.day_list.setAccessibleName(self.tr("Posts on the selected day"))
        self.day_list.setModel(self.day_model)
        self.day_list.setItemDelegate(DayDelegate(self.day_list))
        self.day_list.setUniformItemSizes(True)
        # Rows are as wide as the list (their text is cut to fit): never a sideways scroll.
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_list.setSpacing(2)
        self.day_list.doubleClicked.connect(
            lambda index: self.entry_activated.emit(self.day_model.entry(index.row()))
        )
        # Keyboard: Enter opens the post, the Menu key (Shift+F10) offers its actions.
        self.day_list.activated.connect(
            lambda index: self.entry_activated.emit(self.day_model.entry(index.row()))
        )
        self.day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.day_list.customContextMenuRequested.connect(self._day_list_menu)
        shift_f10_opens_menu(
            self.day_list,
            lambda: self._day_list_menu(QPoint(-1, -1)),
            self.tr("Actions of the chosen post"),
        )
        delete_key_removes(self.day_list, lambda: self._delete_chosen(self._day_list_entry()))
        self.day_title.setWordWrap(True)  # a long date wraps rather than narrow the grid
        self.empty_day = QLabel(self.tr("Nothing planned for this day."))
        self.empty_day.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 1)
        side_layout.addWidget(self.empty_day)
        month = QSplitter(Qt.Orientation.Horizontal)
        month.addWidget(self.grid)
        month.addWidget(side)
        month.setStretchFactor(0, 3)
        month.setStretchFactor(1, 1)
        month.setChildrenCollapsible(False)

        # The week view is built the first time it is wanted (start-up shows the month).
        self._week: WeekView | None = None
        self._week_args = (zone, now)
        self._week_followers: list[Callable[[WeekView], None]] = []
        self.agenda = AgendaView(self.agenda_model)
        self.agenda_model.loader = lambda first, count: days_entries(
            self._studio, first, count, zone=self._zone, where=self._where
        )
        self.agenda.entry_activated.connect(self.entry_activated)
        self.agenda.entry_menu_requested.connect(self.entry_menu_requested)
        delete_key_removes(self.agenda, lambda: self._delete_chosen(self.agenda.current_entry()))

        self.views = QStackedWidget()
        for view in (month, QWidget(), self.agenda):  # the week's place, until it is built
            self.views.addWidget(view)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(filter_row)
        self.empty_hint = EmptyHint()
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.views, 1)
        QWidget.setTabOrder(self.prev_button, self.today_button)  # as they sit: ‹ Today ›
        QWidget.setTabOrder(self.today_button, self.next_button)
        self.refresh_choices()
        self.set_mode("month")

    # -- public
    @property
    def week(self) -> WeekView:
        """The week view (built at its first use: start-up shows the month)."""
        if self._week is None:
            zone, now = self._week_args
            week = WeekView(zone, self._locale, now=now)
            week.canvas.history = self._studio.history
            week.canvas.thumbnails = self.thumbnails
            self.thumbnails.ready.connect(week.canvas.update)
            week.canvas.entry_activated.connect(self.entry_activated)
            week.canvas.entry_menu_requested.connect(self.entry_menu_requested)
            delete_key_removes(
                week.canvas, lambda: self._delete_chosen(week.canvas.current_entry())
            )
            week.canvas.entry_dropped.connect(self._on_dropped_at)
            index = MODES.index("week")
            placeholder = self.views.widget(index)
            current = self.views.currentIndex()
            self.views.insertWidget(index, week)
            if placeholder is not None:
                self.views.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views.setCurrentIndex(current)
            self._week = week
            for follower in self._week_followers:
                follower(week)
            self._week_followers.clear()
        return self._week

    def when_week_built(self, then: Callable[[WeekView], None]) -> None:
        """``then(week)`` once the week view exists (at once if it does): drops onto it,
        without building it before it is wanted."""
        if self._week is not None:
            then(self._week)
        else:
            self._week_followers.append(then)

    @property
    def mode(self) -> str:
        return self._mode

    def today(self) -> date:
        """Today in the calendar's zone, by the injected clock."""
        return self._now().astimezone(self._zone).date()

    def focus_view(self) -> None:
        """The keyboard on the view shown (the month's grid, the week, the agenda), so the
        arrow keys move through days and posts at once: Ctrl+2 left it on Today."""
        view = self.grid if self._mode == "month" else self.views.currentWidget()
        if view is not None:
            view.setFocus()

    def set_mode(self, mode: str) -> None:
        self._mode = mode
        if mode == "week":
            self.week  # noqa: B018 - built now, in its place, before it is shown
        self.views.setCurrentIndex(MODES.index(mode))
        for button in self.mode_buttons.buttons():
            button.setChecked(button.objectName() == f"Mode-{mode}")
        self._show()

    def set_filter(self, where: CalendarFilter) -> None:
        self._where = where
        self.model.set_filter(where)
        self._model_fresh = True
        self._show()

    def refresh_choices(self) -> None:
        self.filters.set_choices(self._studio.accounts(), [n for n, _ in self._studio.labels()])

    def go_today(self) -> None:
        self.set_anchor(self.today())

    def shift(self, delta: int) -> None:
        """One period back or forward: a week in the week view, a month otherwise."""
        if self._mode == "week":
            self.set_anchor(self.anchor + timedelta(weeks=delta))
        else:
            year, month = add_months(self.anchor.year, self.anchor.month, delta)
            self.set_anchor(date(year, month, 1))

    def shift_month(self, delta: int) -> None:
        year, month = add_months(self.anchor.year, self.anchor.month, delta)
        self.set_anchor(date(year, month, 1))

    def set_anchor(self, day: date) -> None:
        self._wanted_post = None  # the user went elsewhere
        self.anchor = day
        self._show()

    def select_day(self, day: date) -> None:
        self.set_anchor(day)

    def show_post(self, day: date, post_id: int) -> None:
        """``day``, with ``post_id``'s deliveries picked out: selected in the day's list
        (month) or scrolled to and selected in the agenda (the composer's "Show in calendar"
        after scheduling). A month still being read picks it out once it is in."""
        self.set_anchor(day)
        self._wanted_post = (day, post_id)
        self._pick_wanted()

    def _pick_wanted(self) -> None:
        if self._wanted_post is None:
            return
        day, post_id = self._wanted_post
        view: QAbstractItemView
        if self._mode == "month":
            view, rows = self.day_list, self.day_model.rowCount()
            found = (r for r in range(rows) if self.day_model.entry(r).post_id == post_id)
        elif self._mode == "agenda":
            self.agenda_model.fetch_through(day)
            view, rows = self.agenda, self.agenda_model.rowCount()
            entries = ((r, self.agenda_model.entry(r)) for r in range(rows))
            found = (r for r, e in entries if e is not None and e.post_id == post_id)
        else:
            return
        row = next(found, None)
        if row is None:
            return
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def reload(self) -> None:
        """The data changed: query the shown period again (months kept earlier too); the
        agenda keeps the reader's place."""
        self._month_stale = True
        self._show(keep_place=True)

    def _show(self, *, keep_place: bool = False) -> None:
        self.model.today = self.today()
        if self._mode == "month":
            same = (self.model.year, self.model.month) == (self.anchor.year, self.anchor.month)
            if self._month_stale and not self._model_fresh:
                self.model.forget()
                if same:
                    self.model.reload()
            self._month_stale = False
            if not same:
                self.model.set_month(self.anchor.year, self.anchor.month)
            self._model_fresh = False
            # A month with posts answers "any posts?" without counting them all; one still
            # being read is not said to be empty.
            self._hint(self.model.loading or any(self.model.entries_on(d) for d in self.model.days))
            index = self.model.index_of(self.anchor)
            if index.isValid():
                self.grid.setCurrentIndex(index)
            self._show_day(self.anchor)
            name = self._locale.standaloneMonthName(
                self.anchor.month, QLocale.FormatType.LongFormat
            )
            self.title.setText(f"{name[:1].upper()}{name[1:]} {self.anchor.year}")
        elif self._mode == "week":
            first = week_start(self.anchor, self._first_weekday)
            days = [first + timedelta(days=i) for i in range(7)]
            entries = days_entries(self._studio, first, 7, zone=self._zone, where=self._where)
            with_media = [e.post_id for found in entries.values() for e in found if e.media_count]
            images = self._studio.first_images(with_media) if with_media else {}
            self.week.set_week(days, entries, images)
            self._hint(bool(entries))
            self.title.setText(self.week.title(days))
        else:
            first = self.anchor.replace(day=1)
            year, month = add_months(first.year, first.month, 1)
            count = (date(year, month, 1) - first).days
            # From the chosen day (Today: today), not the month's first: on the 5th, Today
            # showed the 1st's posts and today's were out of sight. A screenful either side
            # is read, the rest as the list scrolls.
            same = keep_place and self._agenda_shown == (first, self.anchor)
            place = self.agenda.place() if same else None
            self.agenda_model.load(first, count, start=self.anchor)
            self._agenda_shown = (first, self.anchor)
            self._hint(self.agenda_model.rowCount() > 0)
            self.agenda.show_day(self.anchor)
            if place is not None:
                self.agenda.go_back_to(place)
            self._pick_wanted()
            name = self._locale.standaloneMonthName(first.month, QLocale.FormatType.LongFormat)
            self.title.setText(
                self.tr("Agenda · %1").replace("%1", f"{name[:1].upper()}{name[1:]} {first.year}")
            )

    # -- private
    def _on_month_loaded(self) -> None:
        """The first month's posts have come from the worker: show them (the day list too)."""
        if self._mode == "month":
            self._show()

    def _hint(self, shown: bool) -> None:
        """The hint for a calendar with nothing in it; its counts are read again only when
        the data changed (``data_version``), not on every switch."""
        version = self._studio.workspace.data_version()
        if self._library is None or self._library[0] != version:
            self._library = (version, len(self._studio.accounts()), None)
        _, accounts, posts = self._library
        if not shown and posts is None:
            posts = self._studio.post_count()
            self._library = (version, accounts, posts)
        self.empty_hint.update_for(accounts=accounts, posts=1 if shown else posts or 0)

    def _build_grid(self, zone: ZoneInfo) -> MonthGrid:
        del zone
        grid = MonthGrid(self.model, thumbnails=self.thumbnails)
        grid.history = self._studio.history
        grid.setObjectName("MonthGrid")
        grid.setAccessibleName(self.tr("Month"))
        grid.setTabKeyNavigation(False)  # arrows move between days; Tab leaves the grid
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        grid.setShowGrid(False)
        grid.verticalHeader().hide()
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        week_label = str(self.model.headerData(0, Qt.Orientation.Horizontal))  # "Wk", "Vk"
        header_metrics = grid.horizontalHeader().fontMetrics()
        grid.setColumnWidth(
            0,
            max(
                self.fontMetrics().horizontalAdvance("W888"),
                header_metrics.horizontalAdvance(week_label)
                + 2 * header_metrics.averageCharWidth(),
            ),
        )
        grid.setMinimumHeight(6 * self.fontMetrics().height() * 3)
        grid.selectionModel().selectionChanged.connect(self._on_selection)
        grid.entry_activated.connect(self.entry_activated)
        grid.entry_menu_requested.connect(self.entry_menu_requested)
        grid.entry_dropped.connect(self._on_dropped_on_day)
        grid.activated.connect(lambda _index: self._open_day())
        grid.day_menu_requested.connect(self._day_menu_by_keyboard)
        return grid

    def _day_menu_by_keyboard(self) -> None:
        """The Menu key on a day of the month: on to its posts (the first chosen, shown so)
        and that post's menu beside it; a day without posts has none."""
        if self.day_model.rowCount():
            self._open_day()
            self._day_list_menu(QPoint(-1, -1))

    def _nav_button(
        self, text: str, tip: str, keys: str, delta: int, description: str
    ) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(tip)
        sequence = QKeySequence(keys)
        button.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(lambda: self.shift(delta))
        shortcut = QShortcut(sequence, self, lambda: self.shift(delta))
        shortcut.setWhatsThis(description)
        return button

    def _delete_chosen(self, entry: ScheduledEntry | None) -> None:
        """Delete on the post the keyboard is on: as "Delete post" in its menu."""
        if entry is not None:
            self.entry_delete_requested.emit(entry)

    def _day_list_entry(self) -> ScheduledEntry | None:
        index = self.day_list.currentIndex()
        return self.day_model.entry(index.row()) if index.isValid() else None

    def _day_list_menu(self, pos: QPoint) -> None:
        index = self.day_list.indexAt(pos)
        if not index.isValid():  # the Menu key: the current post, not the one under the mouse
            index = self.day_list.currentIndex()
            pos = self.day_list.visualRect(index).center()
        if index.isValid():
            self.entry_menu_requested.emit(
                self.day_model.entry(index.row()), self.day_list.viewport().mapToGlobal(pos)
            )

    def _open_day(self) -> None:
        """Enter on a day in the month: on to its posts (arrows choose, Enter opens), the
        post the keyboard is on shown chosen (it had the focus but no highlight)."""
        if self.day_model.rowCount():
            self.day_list.setFocus()
            self.day_list.show_chosen()  # (also when the list had the keyboard already)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        day = self.model.day_at(indexes[0]) if indexes else None
        if day is not None and day != self.anchor:
            self.anchor = day
            self._show_day(day)

    def _show_day(self, day: date) -> None:
        """The day's posts in the list beside the grid: those the month holds at once; a
        busy day's others right after the grid is painted."""
        entries = self.model.entries_on(day)
        self._set_day_entries(day, entries)
        self.day_title.setText(self._locale.toString(qdate(day), QLocale.FormatType.LongFormat))
        self.empty_day.setText(
            self.tr("Loading…") if self.model.loading else self.tr("Nothing planned for this day.")
        )
        self.empty_day.setVisible(not entries)
        self._whole_day = day
        if not self.model.complete(day):
            QTimer.singleShot(0, self._show_whole_day)
        self._pick_wanted()

    def _show_whole_day(self) -> None:
        day = self._whole_day
        if day is not None and day == self.anchor and not self.model.complete(day):
            self._set_day_entries(day, self.model.day_entries(day))
            self._pick_wanted()

    def _set_day_entries(self, day: date, entries: list[ScheduledEntry]) -> None:
        """The day list read again. The same day's list keeps the post chosen in it, or
        chooses the one now in its place (a post deleted: the next); a list holding the
        keyboard chooses its first post. After Delete or Ctrl+Z the keys sat in a list with
        nothing chosen, and Shift+F10 or Enter did nothing (a keyboard user's finding)."""
        view = self.day_list
        before = self._day_list_entry() if self._listed_day == day else None
        row = view.currentIndex().row()
        self._listed_day = day
        self.day_model.set_entries(entries)
        count = self.day_model.rowCount()
        if not count:
            return
        if before is not None:
            again = (r for r in range(count) if entries[r].delivery_id == before.delivery_id)
            view.setCurrentIndex(self.day_model.index(next(again, min(row, count - 1))))
        elif view.hasFocus():
            view.setCurrentIndex(self.day_model.index(0))

    def _entry(self, delivery_id: int) -> ScheduledEntry | None:
        for entries in (self.model.entries_on(d) for d in self.model.days):
            for entry in entries:
                if entry.delivery_id == delivery_id:
                    return entry
        return self._studio.entry(delivery_id)

    def _movable(self, delivery_ids: list[int]) -> list[ScheduledEntry]:
        found = (self._entry(i) for i in delivery_ids)
        return [e for e in found if e is not None and e.state in MOVABLE]

    def _say_not_moved(self, delivery_ids: list[int]) -> None:
        """A drop of a post that went out did nothing, silently; it says why."""
        if any(e is not None for e in (self._entry(i) for i in delivery_ids)):
            self.not_moved.emit(
                self.tr(
                    "A post that has gone out (or is going out now) stays where it is. To post it "
                    "again, duplicate it (right-click it, Duplicate)."
                )
            )

    def _emit_moves(self, moves: list[tuple[ScheduledEntry, datetime]]) -> None:
        if len(moves) == 1:
            self.entry_moved.emit(*moves[0])
        elif moves:
            self.entries_moved.emit(moves)

    def _on_dropped_on_day(self, delivery_ids: list[int], day: date) -> None:
        # Each delivery keeps its wall time in its own zone; only the day changes.
        entries = self._movable(delivery_ids)
        if not entries:
            self._say_not_moved(delivery_ids)
            return
        self._emit_moves(
            [
                (e, datetime.combine(day, e.scheduled_at.astimezone(ZoneInfo(e.time_zone)).time()))
                for e in entries
            ]
        )

    def _on_dropped_at(self, delivery_ids: list[int], when: datetime) -> None:
        # The chip's first delivery goes to ``when``; the others keep their distance from it.
        entries = self._movable(delivery_ids)
        if not entries:
            self._say_not_moved(delivery_ids)
            return
        lead = min(entries, key=lambda e: e.scheduled_at)
        start = lead.scheduled_at.astimezone(self._zone).replace(tzinfo=None)
        delta = when - start
        self._emit_moves(
            [
                (e, e.scheduled_at.astimezone(ZoneInfo(e.time_zone)).replace(tzinfo=None) + delta)
                for e in entries
            ]
        )
