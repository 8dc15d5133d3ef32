"""The main window: navigation to the five pages, a status bar, menus and shortcuts."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# What the first frame imports (ui/launch.py): nothing that uses the Qt namespace or the
# database; the rest is imported where it is used, from complete() on.
from somestudio import APP_NAME, __version__
from somestudio.domain.utc import utc_now
from somestudio.ui.qt_later import Qt
from somestudio.ui.status_bar import StatusBar
from somestudio.ui.theme import SPACE, TYPE

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu

    from somestudio.app.draft_shelf import DraftShelf, ShelvedDraft
    from somestudio.app.planning import Planner
    from somestudio.app.publish_gate import AccountProblems
    from somestudio.app.settings import SettingsStore
    from somestudio.app.studio import Studio
    from somestudio.domain.posts import ScheduledEntry
    from somestudio.ui.attention_dialog import AttentionDialog
    from somestudio.ui.calendar.actions import CalendarActions
    from somestudio.ui.calendar.calendar_page import CalendarPage
    from somestudio.ui.composer.page import ComposePage
    from somestudio.ui.drafts.draft_actions import DraftActions
    from somestudio.ui.engine_bridge import EngineBridge
    from somestudio.ui.inbox.page import InboxPage
    from somestudio.ui.metrics.page import MetricsPage
    from somestudio.ui.notifier import Notifier
    from somestudio.ui.pages.accounts_page import AccountsPage
    from somestudio.ui.pages.settings_page import SettingsPage
    from somestudio.ui.reminders_dialog import RemindersDialog

BY_HAND_KEYS = "Ctrl+Shift+P"  # View → Publish by hand…
PAGES = ("compose", "calendar", "metrics", "accounts", "settings", "plan", "inbox", "collab")
# Pages whose module is imported on a worker the first time they are opened from the
# navigation (``page()`` itself still builds at once, for code that needs the page now).
SLOW_MODULES = {"metrics": "somestudio.ui.metrics.page"}
# What building each page imports: start-up imports the page in view's on a worker first.
PAGE_MODULES = {
    "compose": ("somestudio.ui.composer.page", "somestudio.ui.planning.composer_tools"),
    "calendar": (
        "somestudio.ui.calendar.calendar_page",
        "somestudio.ui.planning.idea_drops",
        "somestudio.ui.calendar.drops",
        "somestudio.ui.drafts.drafts_model",
        "PySide6.QtSvg",  # the chips' network marks: the first one drawn loads it (0.1 s)
    ),
    "plan": ("somestudio.ui.planning.plan_page",),
    "metrics": (
        "somestudio.ui.metrics.page",
        # imported by the page as it builds its tabs (a tenth of a second at its first open)
        "somestudio.ui.metrics.community",
        "somestudio.ui.metrics.goals_tab",
        "somestudio.ui.metrics.actions_tab",
    ),
    "accounts": ("somestudio.ui.pages.accounts_page",),
    "inbox": ("somestudio.ui.inbox.page",),
    "settings": ("somestudio.ui.inbox.notify_settings", "somestudio.ui.pages.settings_page"),
    "collab": ("somestudio.ui.collab.page",),
}
# What the window needs besides its page once it shows: network names (status bar, drafts),
# the drafts panel, the inbox counts' rows and the collaborations (the status bar's reminders
# and the composer's tools read them: imported on the GUI thread, a block of 70-170 ms).
SHOWN_MODULES = (
    "somestudio.domain.networks.catalogue",
    "somestudio.ui.drafts.drafts_panel",
    "somestudio.store.inbox.items",
    "somestudio.app.collab.service",
    "somestudio.app.team",  # the window's members and approval, read once the page shows
)
# What complete() imports (start-up imports them on a worker once the first frame shows): its
# own imports, the menus' (planning_menu) and the status bar's counts' (network_names,
# qtdates).
COMPLETE_MODULES = (
    "somestudio.app.quit_guard",
    "somestudio.ui.drafts.drafts_dock",
    "somestudio.ui.drag_pages",
    "somestudio.ui.file_folders",
    "somestudio.ui.keyboard",
    "somestudio.ui.prompts",
    "somestudio.ui.quit_question",
    "somestudio.ui.server_banner",
    "somestudio.ui.tasks",
    "somestudio.ui.team.window_team",
    "somestudio.ui.theme.icons",
    "somestudio.ui.planning.planning_menu",
    "somestudio.ui.network_names",
    "somestudio.ui.qtdates",
)
STATUS_REFRESH_MS = 60_000
ICON_SIZE = 20  # the page list's icons
PAGE_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the page list's item's page key


class MainWindow(QMainWindow):
    quit_requested = Signal()
    attention_changed = Signal(int, int)  # decisions wanted, posts to publish by hand
    inbox_changed = Signal(int)  # unread inbox entries
    # (title, text) of a desktop notification: new mentions or replies in the inbox
    notification_wanted = Signal(str, str)

    def __init__(
        self,
        studio: Studio | None,
        settings: SettingsStore,
        zone: ZoneInfo | None,
        *,
        home: Path,
        log_file: Path,
        demo: bool = False,
        first_frame_first: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """With ``first_frame_first`` (the app's start) the window shows before its first
        page is built and the status bar is read: ``finish_start()`` does both once it is on
        screen. Without it (tests, tools) the window is complete when built.

        Without ``studio`` (and ``zone``) only the window's frame is built: the menu bar's
        titles, the page list and the status bar, from nothing but the classes and modules a
        bare window needs (no database, no ``Qt`` enum: ``ui/qt_later.py``). ``complete()``
        builds the rest once that frame has shown (``ui/launch.py``); it implies
        ``first_frame_first``."""
        super().__init__()
        self.setObjectName("MainWindow")
        # Qt adds the application's display name (Some Studio) to every title itself.
        self.setWindowTitle(self.tr("demo data") if demo else APP_NAME)
        self._settings = settings
        self._tray_available = False
        self._state_saving = True
        self._demo = demo
        self.welcome: QWidget | None = None
        self.restart_wanted = False  # launch starts the program again after quitting
        self._complete = False
        # The clock (aware, UTC) every page and dialog of the window goes by: tests inject
        # one; each is given it, none reads the computer's own.
        self._now = now
        self._home = home
        self._log_file = log_file
        self._pages: dict[str, QWidget] = {}
        self._importing: set[str] = set()
        # The page Ctrl+1…8 (View menu) asked for: it gets the keyboard once it is built.
        self._focus_wanted: str | None = None
        self._status_reading = False
        self._status_again = False
        self._quitting = False
        labels = {
            "compose": self.tr("Compose"),
            "calendar": self.tr("Calendar"),
            "plan": self.tr("Plan"),
            "metrics": self.tr("Metrics"),
            "accounts": self.tr("Accounts"),
            "settings": self.tr("Settings"),
            "inbox": self.tr("Inbox"),
            # Short like its neighbours: a long label widens the sidebar for every page.
            "collab": self.tr("Partners"),
        }
        self._labels = labels
        self.stack = QStackedWidget()
        self.navigation = QListWidget()
        self.navigation.setObjectName("Navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        # Padding only: colours stay the platform theme's, light or dark.
        pad = f"{SPACE.s - SPACE.xxs}px {SPACE.m - SPACE.xxs}px"
        self.navigation.setStyleSheet(f"QListWidget#Navigation::item {{ padding: {pad}; }}")
        nav_font = self.navigation.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * TYPE.emphasis)
        self.navigation.setFont(nav_font)
        # The frame's icons are blank, the size of the real ones: drawing those uses Qt's
        # enums, and complete() puts them in without the labels moving.
        clear = QPixmap(ICON_SIZE, ICON_SIZE)
        # Transparent (Qt.GlobalColor.transparent, without the Qt namespace; so is the
        # QColor: QImage.fill and QColor(int) weigh their Qt.GlobalColor overloads first).
        clear.fill(QColor.fromRgba(0))
        blank = QIcon(clear)
        for key in PAGES:
            item = QListWidgetItem(blank, labels[key])
            item.setData(PAGE_ROLE, key)
            self.navigation.addItem(item)
            # A page is built the first time it is shown: start-up pays for one page only.
            self.stack.addWidget(QWidget())
        # Wide enough for the longest label plus the attention count the Calendar entry gets.
        badge = QFontMetrics(nav_font).horizontalAdvance("  ⚠ 999")
        self.navigation.setFixedWidth(
            max(
                self.navigation.sizeHintForColumn(0) + badge + 24,
                self.fontMetrics().horizontalAdvance("M") * 10,
            )
        )
        self.navigation.currentRowChanged.connect(self._on_page_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        self._right = QVBoxLayout()
        self._right.setContentsMargins(0, 0, 0, 0)
        self._right.setSpacing(0)
        self._right.addWidget(self.stack, 1)
        layout.addLayout(self._right, 1)
        self.setCentralWidget(central)
        # The menus' titles: complete() fills them (the bar's height is in the first frame).
        self._file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self._view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.status = StatusBar(None, None, now=now)
        self.setStatusBar(self.status)
        self._started = not first_frame_first and studio is not None
        self._first_frame_first = first_frame_first or studio is None
        self._restore_geometry()
        if studio is not None:
            assert zone is not None, "a window with a studio has a zone"
            self.complete(studio, zone)

    def complete(self, studio: Studio, zone: ZoneInfo) -> None:
        """Build what the first frame left out: the pages' services, the status bar's
        readers, the menus' actions, the Drafts list, the page list's icons and tooltips."""
        from PySide6.QtGui import QKeySequence, QUndoStack  # noqa: PLC0415 - not before the first frame

        from somestudio.app.quit_guard import QuitGuard  # noqa: PLC0415 - see __init__
        from somestudio.ui.drafts.drafts_dock import DraftsDock  # noqa: PLC0415
        from somestudio.ui.drag_pages import DragOpensPages  # noqa: PLC0415
        from somestudio.ui.file_folders import remember_in  # noqa: PLC0415
        from somestudio.ui.keyboard import (  # noqa: PLC0415
            enter_presses_buttons,
            menu_key_through_menu_bar,
        )
        from somestudio.ui.prompts import Prompts  # noqa: PLC0415
        from somestudio.ui.quit_question import QuitQuestion  # noqa: PLC0415
        from somestudio.ui.server_banner import ServerBanner  # noqa: PLC0415
        from somestudio.ui.tasks import Tasks  # noqa: PLC0415
        from somestudio.ui.team.window_team import WindowTeam  # noqa: PLC0415
        from somestudio.ui.theme.icons import page_icon  # noqa: PLC0415

        settings = self._settings
        remember_in(settings)  # file dialogs open in the folder last chosen
        self._studio = studio
        self._zone = zone
        self._page_tasks = Tasks(self)
        pages = [(key, self._labels[key]) for key in PAGES]
        for number, (key, label) in enumerate(pages, start=1):
            item = self.navigation.item(number - 1)
            item.setIcon(page_icon(key))
            keys = QKeySequence(f"Ctrl+{number}", QKeySequence.SequenceFormat.PortableText)
            item.setToolTip(f"{label} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # An idea or a draft held over a page's name opens that page (to drop it there).
        DragOpensPages(self.navigation, self.navigation.setCurrentRow)
        url = studio.workspace.url
        self.server_banner = ServerBanner(url.host or "" if url is not None else "")
        self._right.insertWidget(0, self.server_banner)
        if self._demo:
            from somestudio.ui.demo_banner import DemoBanner  # noqa: PLC0415 - the demo's only

            self._right.insertWidget(0, DemoBanner())

        self.status.attach(studio, zone)
        self.status.attention_clicked.connect(self.show_attention)
        self.status.reminders_clicked.connect(self.show_reminders)
        self.status.sign_ins_clicked.connect(lambda: self.show_page("accounts"))
        # The accounts nothing can publish to (read on a worker: the keyring): the status bar
        # counts the posts scheduled to them.
        self._unusable: tuple[int, ...] = ()
        self.undo_stack = QUndoStack(self)
        # "Moved to … Undo (Ctrl+Z) moves it back." goes once it is undone (or redone, or
        # another step is taken): it stayed, saying the opposite of what was on screen.
        self._undo_hint = ""
        self._undo_hint_at: int | None = None  # the stack's index once the step is on it
        self.undo_stack.indexChanged.connect(self._forget_undo_hint)
        self.prompts = Prompts(self)
        self._planner: Planner | None = None
        self._actions: CalendarActions | None = None
        self.notifier: Notifier | None = None
        self._attention: AttentionDialog | None = None
        self._reminders: RemindersDialog | None = None
        self.quit_guard = QuitGuard(studio.workspace, now=self._now)  # the window's one clock
        self._quit_question = QuitQuestion(self)
        # Engine events come in bursts (a sweep publishes several): one reload per burst.
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(150)
        self._reload_soon.timeout.connect(self._on_data_changed)
        self._shelf: DraftShelf | None = None
        self._shelf_lock = threading.Lock()
        self._draft_actions: DraftActions | None = None
        self.drafts = DraftsDock(self._load_drafts, self)
        self.drafts.open_requested.connect(self.open_post)
        # its list is made when first shown: after the pages in the Tab order, then the bar
        self.drafts.visibilityChanged.connect(self._drafts_shown)
        self.drafts.delete_requested.connect(self._on_draft_delete)
        self.drafts.schedule_requested.connect(self._on_draft_schedule)
        self.drafts.action.setChecked(settings.value.drafts_shown)
        self.drafts.action.triggered.connect(self._on_drafts_toggled)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.drafts)
        self._build_menus(pages)
        enter_presses_buttons(self)
        menu_key_through_menu_bar(self.menuBar())

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(STATUS_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_status_soon)
        self._refresh_timer.start()

        self.team = WindowTeam(self, studio, self._now)  # members and approval (issue 17)
        self.inbox_unread = 0
        self._restore_state()
        self._complete = True
        if self._started:
            self.finish_start()

    def _today(self) -> date:
        """Today in the window's zone, by its clock."""
        return self._now().astimezone(self._zone).date()

    @property
    def completed(self) -> bool:
        """Whether ``complete()`` has run (the window is more than its first frame)."""
        return self._complete

    def start_modules(self) -> tuple[str, ...]:
        """The modules ``finish_start`` will import (start-up imports them on a worker)."""
        return (*PAGE_MODULES[PAGES[self._start_row()]], *SHOWN_MODULES)

    def _start_row(self) -> int:
        if self._studio.has_unsaved_draft():
            return PAGES.index("compose")  # work lost to a crash or kill comes back in view
        return self.navigation.currentRow()

    def finish_start(self) -> None:
        """Build the page in view and read the status bar (at once, unless the window was
        made with ``first_frame_first``: then once it has shown)."""
        self._started = True
        row = self._start_row()
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(row)
        self.navigation.blockSignals(False)
        self._on_page_changed(row)
        if self._first_frame_first:
            # The rest in a turn of its own: the page alone is most of a frame's time.
            QTimer.singleShot(0, self, self._finish_start_after_page)
            return
        self.refresh_status()
        self.refresh_inbox_count()
        self._follow_other_machines()
        self.team.start()

    def _finish_start_after_page(self) -> None:
        self.refresh_status_soon()
        self._refresh_inbox_count_soon()
        self._follow_other_machines()
        self.team.start()

    def _follow_other_machines(self) -> None:
        """On a shared workspace, what another desktop commits shows here within a second:
        the change feed (PostgreSQL LISTEN/NOTIFY, on its own thread) asks for the same
        reload as the engine's events do. A SQLite workspace has no feed."""
        from somestudio.ui.tasks import gui_caller  # noqa: PLC0415 - not before the first frame

        changed: set[str] = set()
        lock = threading.Lock()

        def on_gui() -> None:
            with lock:
                tables = set(changed)
                changed.clear()
            if not tables or not self.isVisible():  # closed: nothing to show it on
                return
            self.team.other_machine_changed(tables)
            if tables & {"inbox_items", "*", ""}:
                if "inbox" in self._pages:
                    self.inbox.reload_list()
                else:
                    self.refresh_inbox_count()
            if tables & {"posts", "*", ""} and "compose" in self._pages:
                self.compose.saved_elsewhere()
            self._reload_soon.start()

        to_gui = gui_caller(self, on_gui)

        def on_feed_thread(payload: str) -> None:  # touches no Qt object but the waker
            with lock:
                changed.update(payload.split(",") if payload else {""})
            to_gui()

        self._studio.workspace.on_remote_change(on_feed_thread)

        reach: list[bool] = []

        def show_reach() -> None:
            with lock:
                latest = reach[-1] if reach else None
                reach.clear()
            if latest is True:
                self.server_banner.show_reachable()
            elif latest is False:
                self.server_banner.show_unreachable()

        reach_to_gui = gui_caller(self, show_reach)

        def on_reach(reachable: bool) -> None:  # on the feed's thread, as above
            with lock:
                reach.append(reachable)
            reach_to_gui()

        self._studio.workspace.on_reachability(on_reach)

    def server_unreachable(self) -> None:
        """A read or write found the shared workspace's server gone (the uncaught-error hook
        and pages call this); the change feed says when it is back."""
        self.server_banner.show_unreachable()

    # -- pages
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        from somestudio.ui.keyboard import leave_by_tab  # noqa: PLC0415 - not before the first frame

        widget = self._pages.get(key)
        if widget is None:
            widget = self._build_page(key)
            leave_by_tab(widget)
            index = PAGES.index(key)
            placeholder = self.stack.widget(index)
            was_current = placeholder is not None and self.stack.currentWidget() is placeholder
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if was_current:  # its busy note was showing: the page takes its place
                self.stack.setCurrentWidget(widget)
            self._pages[key] = widget
            self._status_bar_last()
        return widget

    def _drafts_shown(self, shown: bool) -> None:
        if shown:
            self._status_bar_last()

    def _status_bar_last(self) -> None:
        """The status bar's controls last in the Tab order, after the page, as on the
        screen: made with the window, they came before every page built later (Tab went
        from the composer's last control through them before its first, a new user's
        finding)."""
        from somestudio.ui.keyboard import focus_ring  # noqa: PLC0415

        ring = focus_ring(self)[1:]
        bar = self.status.controls()  # left to right, as shown
        # (Qt orders nothing after a widget that takes no focus)
        others = [
            w
            for w in ring
            if not self.status.isAncestorOf(w) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        if not bar or not others:
            return
        before = others[-1]
        for widget in bar:
            QWidget.setTabOrder(before, widget)
            before = widget

    def _build_page(self, key: str) -> QWidget:
        from somestudio.ui.drafts.drafts_dock import add_to_header  # noqa: PLC0415 - not before the first frame

        # Imported here, not at the top: each page's module loads when the page is first shown.
        if key == "compose":
            from somestudio.ui.composer.page import ComposePage  # noqa: PLC0415

            compose = ComposePage(
                self._studio, in_steps=self._first_frame_first, prompts=self.prompts, now=self._now
            )
            compose.draft_saved.connect(self._on_data_changed)
            compose.draft_saved.connect(self.drafts.follow)
            compose.post_loaded.connect(self.drafts.follow)
            compose.schedule_requested.connect(self.schedule_post)
            compose.publish_now_requested.connect(self.publish_post_now)
            compose.show_in_calendar.connect(self.show_calendar_on)
            compose.accounts_requested.connect(lambda: self.show_page("accounts"))
            compose.sign_ins_read.connect(self._learn_sign_ins)
            from somestudio.ui.planning.composer_tools import attach_composer_tools  # noqa: PLC0415

            attach_composer_tools(compose, self._studio, self._today)
            self.team.attach_to_compose(compose)
            add_to_header(compose, 0, self.drafts.toggle_button(), first=False)
            return compose
        if key == "calendar":
            from somestudio.ui.calendar.calendar_page import CalendarPage  # noqa: PLC0415

            calendar = CalendarPage(self._studio, self._zone, now=self._now)
            calendar.empty_hint.write_requested.connect(self.new_post)
            calendar.empty_hint.accounts_requested.connect(lambda: self.show_page("accounts"))
            calendar.entry_activated.connect(lambda entry: self.open_post(entry.post_id))
            calendar.entry_moved.connect(self._on_entry_moved)
            calendar.entries_moved.connect(self._on_entries_moved)
            calendar.not_moved.connect(lambda text: self.status.showMessage(text, 10_000))
            calendar.entry_menu_requested.connect(self._on_entry_menu)
            calendar.entry_delete_requested.connect(self._on_entry_delete)
            from somestudio.ui.planning.idea_drops import IdeaDrops  # noqa: PLC0415

            drops = IdeaDrops(calendar)
            drops.dropped.connect(self.planning.plan_idea)
            calendar.idea_drops = drops
            from somestudio.ui.calendar.drops import CalendarDrops  # noqa: PLC0415
            from somestudio.ui.drafts.drafts_model import MIME_DRAFT  # noqa: PLC0415

            calendar.draft_drops = CalendarDrops(calendar, MIME_DRAFT)
            calendar.draft_drops.dropped.connect(self._on_draft_dropped)
            add_to_header(calendar, 0, self.drafts.toggle_button(), first=False)
            return calendar
        if key == "plan":
            from somestudio.ui.planning.plan_page import PlanPage  # noqa: PLC0415

            plan = PlanPage(self._studio, self._zone, now=self._now)
            plan.changed.connect(self._on_data_changed)
            plan.plan_requested.connect(self.planning.plan_idea)
            return plan
        if key == "metrics":
            from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

            metrics = MetricsPage(self._studio, self._zone, prompts=self.prompts, now=self._now)
            metrics.open_post.connect(self.open_post)
            if self._planner is not None:
                metrics.set_planner(self._planner)
            return metrics
        if key == "accounts":
            from somestudio.ui.pages.accounts_page import AccountsPage  # noqa: PLC0415

            accounts = AccountsPage(self._studio, now=self._now)
            accounts.account_added.connect(self.on_account_added)
            if self._planner is not None:
                accounts.set_planner(self._planner, self._zone.key)
            return accounts
        if key == "inbox":
            from somestudio.ui.inbox.page import InboxPage  # noqa: PLC0415

            inbox = InboxPage(
                self._studio, self._zone, prompts=self.prompts, undo_stack=self.undo_stack
            )
            inbox.counts_changed.connect(self._show_inbox_counts)
            return inbox
        if key == "collab":
            from somestudio.ui.collab.page import CollabPage  # noqa: PLC0415

            collab = CollabPage(self._studio, self._zone, clock=self._now, prompts=self.prompts)
            collab.open_post_requested.connect(self.open_post)
            collab.data_changed.connect(self._on_data_changed)
            return collab
        from somestudio.ui.inbox.notify_settings import InboxNotifications  # noqa: PLC0415
        from somestudio.ui.pages.settings_page import SettingsPage  # noqa: PLC0415

        settings_page = SettingsPage(self._settings, self._home, self._log_file)
        settings_page.inbox_notifications = InboxNotifications(  # type: ignore[attr-defined]
            self._settings,
            self._studio.accounts,
            set_reading=lambda account_id, on: self._studio.inbox().set_reading(account_id, on),
        )
        settings_page.column.insertWidget(
            settings_page.column.count() - 1,
            settings_page.inbox_notifications,  # type: ignore[attr-defined]
        )
        from somestudio.ui.pages.workspace_group import WorkspaceGroup  # noqa: PLC0415

        settings_page.workspace_group = WorkspaceGroup(self._studio)  # type: ignore[attr-defined]
        settings_page.column.insertWidget(
            settings_page.column.count() - 1,
            settings_page.workspace_group,  # type: ignore[attr-defined]
        )
        from somestudio.ui.team.members_group import MembersGroup  # noqa: PLC0415

        settings_page.members = MembersGroup(self._studio.team)  # type: ignore[attr-defined]
        settings_page.members.manage_requested.connect(self.team.show_members)  # type: ignore[attr-defined]
        settings_page.column.insertWidget(
            settings_page.column.count() - 1,
            settings_page.members,  # type: ignore[attr-defined]
        )
        return settings_page

    @property
    def compose(self) -> ComposePage:
        return cast("ComposePage", self.page("compose"))

    @property
    def calendar(self) -> CalendarPage:
        return cast("CalendarPage", self.page("calendar"))

    @property
    def metrics(self) -> MetricsPage:
        return cast("MetricsPage", self.page("metrics"))

    @property
    def accounts(self) -> AccountsPage:
        return cast("AccountsPage", self.page("accounts"))

    @property
    def inbox(self) -> InboxPage:
        return cast("InboxPage", self.page("inbox"))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.page("settings"))

    # -- scheduling
    def attach_planner(self, planner: Planner, bridge: EngineBridge | None = None) -> None:
        """Connect the planning use cases (and the running engine's events) once they exist.

        Until then (the first moments after start-up) the calendar shows but cannot change.
        """
        # Imported here: these pull in the scheduler, which start-up does without.
        from somestudio.ui.calendar.actions import CalendarActions  # noqa: PLC0415
        from somestudio.ui.notifier import Notifier  # noqa: PLC0415

        self._planner = planner
        self._actions = CalendarActions(
            self._studio,
            planner,
            self.undo_stack,
            self.prompts,
            self,
            now=self._now,
            zone=self._zone.key,
        )
        self._actions.changed.connect(self._on_data_changed)
        self._actions.told.connect(self._say_undoable)
        self._actions.open_requested.connect(self.open_post)
        self._actions.schedule_requested.connect(self.schedule_post)
        self._actions.moved.connect(
            lambda post_id, at: self.calendar.show_post(at.astimezone(self._zone).date(), post_id)
        )
        self.planning.planner = planner
        from somestudio.ui.drafts.draft_actions import DraftActions  # noqa: PLC0415

        self._draft_shelf().planner = planner
        self._draft_actions = DraftActions(
            self._draft_shelf(),
            self.undo_stack,
            lambda: self.prompts,
            self._zone,
            notify=self._say_undoable,
            parent=self,
        )
        self._draft_actions.changed.connect(self._on_data_changed)
        # Put on a day… from the calendar: it goes to that day, the post chosen (it stayed
        # where it was, the post out of sight: a new user's finding)
        self._draft_actions.placed.connect(self._show_placed_draft)
        self.notifier = Notifier(
            self.status,
            self,
            reminders_due=self._studio.count_waiting_by_hand,
            entry_of=self._studio.entry,
        )
        self.notifier.open_post.connect(self.open_post)
        self.notifier.reminders_requested.connect(self.show_reminders)
        self.notifier.reminders_due_unseen.connect(self._remind_without_tray)
        if bridge is not None:
            bridge.received.connect(self.on_engine_event)
        if "accounts" in self._pages:
            self.accounts.set_planner(planner, self._zone.key)
        if "metrics" in self._pages:
            self.metrics.set_planner(planner)

    def on_engine_event(self, event: object) -> None:
        from somestudio.scheduling.events import ClockJumped, EngineStateChanged  # noqa: PLC0415

        if isinstance(event, EngineStateChanged):
            self.status.set_scheduler_state(running=event.running)
        elif isinstance(event, ClockJumped):
            self.show_attention_if_missed()
        from somestudio.scheduling.events import InboxChanged, InboxReplyChanged  # noqa: PLC0415

        if isinstance(event, InboxChanged | InboxReplyChanged):
            self._on_inbox_event(event)
            return
        if self.notifier is not None:
            self.notifier.handle(event)  # type: ignore[arg-type]
        self._reload_soon.start()

    def _on_inbox_event(self, event: object) -> None:
        """New entries: the list, the counts and (for mentions and replies, when the
        account's setting allows) a desktop notification; an answer moved: its row."""
        from somestudio.scheduling.events import InboxChanged  # noqa: PLC0415

        if "inbox" in self._pages:
            self.inbox.reload_list()
        else:
            self.refresh_inbox_count()
        if isinstance(event, InboxChanged) and event.answerable > 0:
            if event.account_id in self._settings.value.inbox_quiet_accounts:
                return
            label = next((a.label for a in self._studio.accounts() if a.id == event.account_id), "")
            self.notification_wanted.emit(
                self.tr("Inbox"),
                self.tr("%n new replies or mentions", "", event.answerable)
                + (f" — {label}" if label else ""),
            )

    def refresh_inbox_count(self) -> None:
        try:
            counts = self._studio.inbox().counts()
        except Exception:  # an unreadable database must not stop the window
            return
        self._show_inbox_counts(counts)

    def _refresh_inbox_count_soon(self) -> None:
        """``refresh_inbox_count`` read on a worker (start-up: the window answers meanwhile)."""

        def failed(error: BaseException) -> None:
            if self._studio.workspace.damage(error) is not None:
                raise error  # the uncaught-exception hook says the file is damaged
            # Else as refresh_inbox_count: an unreadable count does not stop the window.

        self._page_tasks.run(self._studio.inbox_counts, self._show_inbox_counts, failed)

    def _show_inbox_counts(self, counts: object) -> None:
        unread = int(getattr(counts, "unread", 0))
        item = self.navigation.item(PAGES.index("inbox"))
        item.setText(self._labels["inbox"] + (f"  {unread}" if unread else ""))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            self._labels["inbox"] + (", " + self.tr("%n unread", "", unread) if unread else ""),
        )
        self.inbox_unread = unread
        self.inbox_changed.emit(unread)

    def schedule_post(self, post_id: int, initial: object = None) -> None:
        """Open the schedule dialog for a saved post."""
        if self._planner is None:
            return
        from somestudio.ui.schedule_dialog import ScheduleDialog  # noqa: PLC0415

        # The time asked for; else the time the post is scheduled for (the dialog opened on
        # the next whole hour and "Schedule" moved a post due in ten days to tonight); else a
        # collaboration's due day; else the dialog's own default.
        chosen = initial if isinstance(initial, datetime) else self._studio.scheduled_time(post_id)
        start = (
            chosen.astimezone(self._zone).replace(tzinfo=None)
            if isinstance(chosen, datetime)
            else self._due_start(post_id)
        )
        planner: Planner = self._planner
        asking = self.team.asks_for_approval()
        if asking:  # a contributor: the time chosen is asked for, an editor approves it
            from somestudio.app.approval import RequestingPlanner  # noqa: PLC0415

            planner = RequestingPlanner(self.team.approvals())
            asked = self.team.asked_time(post_id)  # asked before (returned): that time again
            if asked is not None and initial is None:
                start = asked.astimezone(self._zone).replace(tzinfo=None)
        dialog = ScheduleDialog(
            planner,
            post_id,
            self._zone.key,
            self,
            initial=start,
            asking=asking,
            queue=not asking,
            sign_ins=self._sign_in_problems,
            now=self._now,
        )
        dialog.scheduled.connect(lambda _ids: self._on_scheduled(post_id, dialog))
        dialog.rejected.connect(lambda: self._on_schedule_cancelled(post_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _sign_in_problems(self, post_id: int) -> list[AccountProblems]:
        """On the schedule dialog's worker: the post's accounts nothing can publish to (it
        reads the keyring)."""
        from somestudio.app.accounts import Accounts  # noqa: PLC0415 - the networks' modules
        from somestudio.app.sign_in_check import sign_in_problems  # noqa: PLC0415

        return sign_in_problems(Accounts(self._studio.workspace, now=self._now), post_id)

    def _on_scheduled(self, post_id: int, dialog: QWidget) -> None:
        from somestudio.ui.schedule_dialog import ScheduleDialog  # noqa: PLC0415

        self._on_data_changed()
        if isinstance(dialog, ScheduleDialog):
            message = dialog.confirmation()
            self.status.showMessage(message, 10_000)
            if "compose" in self._pages:
                self.compose.confirm_sent(post_id, message, dialog.first_day())

    def _on_schedule_cancelled(self, post_id: int) -> None:
        if "compose" in self._pages:
            self.compose.schedule_cancelled(post_id)

    def show_calendar_on(self, day: object, post_id: int = 0) -> None:
        """The calendar, on ``day`` (a date) when given, ``post_id`` picked out in it."""
        from datetime import date  # noqa: PLC0415

        self.show_page("calendar")
        if isinstance(day, date):
            if post_id:
                self.calendar.show_post(day, post_id)
            else:
                self.calendar.select_day(day)

    def show_calendar_view(self, mode: str) -> None:
        """The calendar in ``mode`` (month, week or agenda), with the keyboard in it."""
        self.calendar.set_mode(mode)  # first: the keyboard goes to the view then shown
        self.show_page_by_keyboard("calendar")

    def _due_start(self, post_id: int) -> datetime | None:
        """A collaboration's post due on a later day: that day, at the hour the dialog would
        offer today (the next whole hour but one); None for the dialog's own default."""
        due = self._studio.collabs().due_of_post(post_id)
        now = self._now().astimezone(self._zone)
        if due is None or due <= now.date():
            return None
        hour = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        return datetime.combine(due, hour.time())

    def reschedule_delivery(self, post_id: int, delivery_id: int) -> None:
        """The schedule dialog for one delivery of a post (the others stay as they are)."""
        if self._planner is None:
            return
        from somestudio.app.planning import OneDeliveryPlanner  # noqa: PLC0415
        from somestudio.ui.schedule_dialog import ScheduleDialog  # noqa: PLC0415

        planner = OneDeliveryPlanner(self._planner, delivery_id)
        parent = self._attention if self._attention is not None else self
        # At least an hour ahead, on the hour, in the window's zone (the dialog's own default
        # is in the computer's zone, which may differ).
        soon = self._now().astimezone(self._zone) + timedelta(hours=2)
        start = soon.replace(minute=0, second=0, microsecond=0, tzinfo=None)
        dialog = ScheduleDialog(
            planner,
            post_id,
            self._zone.key,
            parent,
            initial=start,
            sign_ins=self._sign_in_problems,
            now=self._now,
        )
        dialog.scheduled.connect(lambda _ids: self._on_data_changed())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def publish_post_now(self, post_id: int) -> None:
        if self._planner is None:
            self.status.showMessage(self.tr("The scheduler is still starting; try again."), 5000)
            return
        scheduled = self._studio.scheduled_time(post_id)
        if scheduled is None or scheduled <= self._now() + timedelta(minutes=1):
            self._publish_now(post_id)
            return
        from somestudio.ui.when_text import when_text  # noqa: PLC0415

        # A post planned for a later day goes out now only if the user says so (it went at
        # once, ten days early, without a word).
        def answered(choice: int | None) -> None:
            if choice == 0:
                self._publish_now(post_id)
            elif "compose" in self._pages:
                self.compose.schedule_cancelled(post_id)  # "the post stays scheduled"

        self.prompts.choose(
            self.tr("Publish now?"),
            self.tr("This post is scheduled for %1. Publish it now instead?").replace(
                "%1", when_text(scheduled, self._zone.key, now=self._now())
            ),
            [self.tr("Publish now")],
            answered,
            default=None,
        )

    def _publish_now(self, post_id: int) -> None:
        from somestudio.app.planning import PlanningError  # noqa: PLC0415

        assert self._planner is not None

        try:
            ids = self._planner.publish_post_now(post_id, zone=self._zone.key)
        except PlanningError as exc:
            from somestudio.ui.error_text import error_text  # noqa: PLC0415

            self.prompts.inform(self.tr("That did not work"), error_text(exc))
            return
        self.status.showMessage(self.tr("Publishing now."), 5000)
        if "compose" in self._pages:
            message = self.tr("Publishing now on %n accounts", "", len(ids))
            self.compose.confirm_sent(post_id, message, self._today())
        self._on_data_changed()

    def show_attention(self) -> None:
        if self._planner is None:
            return
        if self._attention is None:
            from somestudio.ui.attention_dialog import AttentionDialog  # noqa: PLC0415

            dialog = AttentionDialog(
                self._studio, self._planner, self._zone, self, prompts=self.prompts
            )
            dialog.open_post.connect(self.open_post)
            dialog.reschedule.connect(self.reschedule_delivery)
            dialog.changed.connect(self._on_data_changed)
            dialog.finished.connect(self._forget_attention)
            self._attention = dialog
            dialog.open()
        else:
            self._attention.reload()
            self._attention.raise_()
        self.refresh_status()

    # -- first run
    def show_welcome_if_new(self) -> bool:
        """Once, on an empty data folder (not in the demo): the welcome. True if shown."""
        from somestudio.ui.first_run.start import open_welcome, wants_welcome  # noqa: PLC0415

        if self.welcome is not None or not wants_welcome(
            self._studio, self._settings, demo=self._demo
        ):
            return False
        self.welcome = open_welcome(
            self, self._studio, self._settings, self.on_account_added, self.restart, now=self._now
        )
        self.welcome.destroyed.connect(self._forget_welcome)
        return True

    def _forget_welcome(self) -> None:
        self.welcome = None

    def on_account_added(self, account: object) -> None:
        """An account was added (welcome or Accounts page): every list of accounts shows it."""
        if "accounts" in self._pages:
            self.accounts.reload()
        if "compose" in self._pages:
            self.compose.reload()
        self._sign_ins_may_have_changed()
        if "calendar" in self._pages:
            self.calendar.refresh_choices()
            self.calendar.reload()
        label = getattr(account, "label", "")
        self.status.showMessage(self.tr("Added the account “%1”.").replace("%1", label), 8000)

    def restart(self) -> None:
        """Quit, then start again (a new language takes effect)."""
        self.restart_wanted = True
        self._quit()

    def show_reminders(self, *, activate: bool = True) -> None:
        """The list of posts due to be published by hand (``activate``: brought to the front
        with the keyboard; else shown beside the window as it is)."""
        if self._reminders is None:
            from somestudio.app.reminders import Reminders  # noqa: PLC0415
            from somestudio.ui.reminders_dialog import RemindersDialog  # noqa: PLC0415

            reminders = Reminders(self._studio.workspace, self._planner)
            dialog = RemindersDialog(reminders, self._zone, self.prompts, self, now=self._now)
            dialog.open_post.connect(self.open_post)
            dialog.changed.connect(self._on_data_changed)
            dialog.finished.connect(self._forget_reminders)
            self._reminders = dialog
            if activate:
                self.bring_to_front()
            else:
                dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            dialog.show()
            if activate:  # the keyboard in the list: it stayed in the window behind it
                dialog.raise_()
                dialog.activateWindow()
        else:
            self._reminders.reload()
            self._reminders.raise_()
            self._reminders.activateWindow()

    def _remind_without_tray(self) -> None:
        """Posts to publish by hand came due and no tray can say so: their list opens
        (without taking the keyboard from what is being typed, and not over a question
        being asked), and the window asks the desktop for attention."""
        from PySide6.QtGui import QKeySequence  # noqa: PLC0415 - not before the first frame

        from somestudio.ui.announce import announce  # noqa: PLC0415 - not before the first frame

        QApplication.alert(self)
        # Said too: a status-bar line is drawn, not read out, and the list opens without the
        # keyboard. With the keys that bring the list to the keyboard.
        from somestudio.ui.notifier import STATUS_MESSAGE_MS  # noqa: PLC0415

        keys = QKeySequence(BY_HAND_KEYS, QKeySequence.SequenceFormat.PortableText)
        shown = (
            self.notifier.shown[-1] if self.notifier is not None and self.notifier.shown else None
        )
        if shown is not None:
            title, text = shown
            native = keys.toString(QKeySequence.SequenceFormat.NativeText)
            # The line says what and the keys, whole (with how to go about it too, the line
            # was cut mid-word beside the status bar's badges: a new user's finding); the
            # list itself says how, and a screen reader hears it all.
            self.status.showMessage(f"{title} ({native})", STATUS_MESSAGE_MS)
            announce(self.status, f"{title}: {text} ({native})")
        if QApplication.activeModalWidget() is not None:
            return  # the status bar's badge and message stay; the list is one click away
        if self._reminders is not None:
            self._reminders.reload()
            return
        self.show_reminders(activate=False)

    def _forget_reminders(self) -> None:
        if self._reminders is not None:
            self._reminders.deleteLater()
            self._reminders = None

    def show_attention_if_missed(self) -> None:
        """At start and after a resume: offer a decision on posts the computer missed."""
        if self._studio.count_unseen_missed():
            self.show_attention()

    def _forget_attention(self) -> None:
        if self._attention is not None:
            self._attention.deleteLater()
            self._attention = None

    def _on_entry_moved(self, entry: ScheduledEntry, wall: datetime) -> None:
        if self._actions is not None:
            self._actions.move(entry, wall)

    def _on_entries_moved(self, moves: list[tuple[ScheduledEntry, datetime]]) -> None:
        if self._actions is not None:
            self._actions.move_all(moves)

    def _on_entry_menu(self, entry: ScheduledEntry, where: QPoint) -> None:
        if self._actions is not None:
            self._actions.show_menu(entry, where, self)

    def _on_entry_delete(self, entry: ScheduledEntry) -> None:
        if self._actions is None:
            self.status.showMessage(self.tr("The scheduler is still starting; try again."), 5000)
            return
        self._actions.delete_unless_sending(entry)

    # -- drafts
    def _draft_shelf(self) -> DraftShelf:
        with self._shelf_lock:  # the first read of the list may come from its worker thread
            if self._shelf is None:
                from somestudio.app.draft_shelf import DraftShelf  # noqa: PLC0415

                self._shelf = DraftShelf(self._studio.workspace, self._planner, now=self._now)
            return self._shelf

    def _load_drafts(self) -> list[ShelvedDraft]:
        from somestudio.ui.i18n import ui_language  # noqa: PLC0415

        return self._draft_shelf().drafts(ui_language())

    def _on_drafts_toggled(self, checked: bool) -> None:
        from somestudio.ui.drafts.drafts_dock import DRAFT_PAGES  # noqa: PLC0415 - not before the first frame

        if checked and self.current_page() not in DRAFT_PAGES:
            self.show_page("calendar")
        focus = QApplication.focusWidget()
        leaving = not checked and focus is not None and self.drafts.isAncestorOf(focus)
        self._sync_drafts()
        if checked:
            self.drafts.panel.list.setFocus()
        elif leaving:  # the keyboard was in the panel: back to the page, not lost with it
            self._focus_page(self.current_page())

    def _sync_drafts(self) -> None:
        from somestudio.ui.drafts.drafts_dock import DRAFT_PAGES  # noqa: PLC0415 - not before the first frame

        self.drafts.setVisible(
            self.drafts.action.isChecked() and self.current_page() in DRAFT_PAGES
        )

    def _on_draft_delete(self, post_id: int) -> None:
        if self._draft_actions is None:
            self.status.showMessage(self.tr("The scheduler is still starting; try again."), 5000)
            return
        self._draft_actions.delete(post_id)

    def _on_draft_schedule(self, post_id: int) -> None:
        """Put on a day…: the day and the time asked (in the window's zone, offered at the
        next whole hour but one), then scheduled as a drop on the calendar does — one step
        to undo, an account whose text has errors kept a draft and named."""
        if self._draft_actions is None:
            self.status.showMessage(self.tr("The scheduler is still starting; try again."), 5000)
            return
        from somestudio.ui.calendar.move_dialog import MoveDialog  # noqa: PLC0415 - not before the first frame

        soon = self._now().astimezone(self._zone) + timedelta(hours=2)
        start = soon.replace(minute=0, second=0, microsecond=0, tzinfo=None)
        dialog = MoveDialog(
            start,
            self._zone.key,
            self,
            title=self.tr("Put draft on a day"),
            accept_text=self.tr("Schedule"),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            wall = dialog.wall()
            if wall is not None and self._draft_actions is not None:
                self._draft_actions.drop(post_id, wall)

        dialog.accepted.connect(chosen)
        dialog.open()

    def _show_placed_draft(self, post_id: int, at: datetime) -> None:
        if self.current_page() == "calendar":
            self.calendar.show_post(at.astimezone(self._zone).date(), post_id)

    def _on_draft_dropped(self, post_id: int, wall: datetime) -> None:
        if self._draft_actions is None:
            self.status.showMessage(self.tr("The scheduler is still starting; try again."), 5000)
            return
        self._draft_actions.drop(post_id, wall)

    # -- public
    def createPopupMenu(self) -> QMenu | None:
        """No menu of the window's docks: the Menu key pressed where nothing has a menu of
        its own opened one, with "Drafts" in it, at the window's top (a new user's
        finding). The Drafts panel is shown and hidden from View and its key."""
        return None

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(PAGES.index(key))

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab into a page that orders its own controls (``tab_order``: the composer) goes
        to its first one (Shift+Tab to its last), not wherever Qt's chain enters it. Round
        the window: the status bar's last control leads to the pages list, and back (controls
        made after a page, an account's tab in the composer, come after the status bar in
        Qt's chain: Tab went from the bar into the page, past the list)."""
        before = QApplication.focusWidget()
        bar = [w for w in self.status.controls() if w.isVisible() and w.isEnabled()]
        if bar and before is (bar[-1] if next else self.navigation):
            target = self.navigation if next else bar[-1]
            target.setFocus(
                Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
            )
            return True
        moved = super().focusNextPrevChild(next)
        after = QApplication.focusWidget()
        page = self.stack.currentWidget()
        order_of = getattr(page, "tab_order", None)
        if (
            moved
            and page is not None
            and callable(order_of)
            and after is not None
            and page.isAncestorOf(after)
            and (before is None or not page.isAncestorOf(before))
        ):
            shown = [w for w in order_of() if w.isVisible() and w.isEnabled()]
            if shown:
                reason = (
                    Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                )
                shown[0 if next else -1].setFocus(reason)
        return moved

    def show_page_by_keyboard(self, key: str) -> None:
        """Ctrl+1…8: the page, with the keyboard on its first control (it stayed where it
        was, in the pages list or on a control of the page left, out of sight)."""
        self._focus_wanted = key
        if self.current_page() == key and key in self._pages:
            self._focus_page(key)  # already in view: no change of row to wait for
            return
        self.show_page(key)

    def _focus_page(self, key: str) -> None:
        from PySide6.QtWidgets import QScrollArea  # noqa: PLC0415 - not before the first frame

        from somestudio.ui.keyboard import focus_ring, tabbable_in  # noqa: PLC0415 - not before the first frame

        self._focus_wanted = None
        reason = Qt.FocusReason.ShortcutFocusReason
        if key == "calendar":
            self.calendar.focus_view()
            return
        page = self.stack.widget(PAGES.index(key))
        # Where the page puts the keyboard itself; the others' first control.
        chosen: object = None
        if key == "compose":
            chosen = self.compose.editor
        elif key == "inbox":
            chosen = self.inbox.list
        elif key == "collab":
            chosen = getattr(page, "table", None)
        if isinstance(chosen, QWidget):
            chosen.setFocus(reason)
            return
        if page is None:
            return
        for widget in tabbable_in(page, focus_ring(page)):
            if (
                widget.isVisible()
                and widget.isEnabled()
                and type(widget) is not QScrollArea  # a page's frame, not a control
            ):
                widget.setFocus(reason)
                return

    def current_page(self) -> str:
        return PAGES[max(0, self.navigation.currentRow())]

    def set_tray_available(self, available: bool) -> None:
        self._tray_available = available

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh_status_soon(self) -> None:
        """``refresh_status`` with the counts read on a worker (start-up, the minute timer,
        the engine's start, a change): on 100,000 posts they cost a fifth of a second or more.
        Asked again while a read is under way, it reads once more when that one is back."""
        from somestudio.app.studio import StatusCounts  # noqa: PLC0415 - not before the first frame

        if self._status_reading:
            self._status_again = True
            return
        self._status_reading = True
        self._status_again = False

        def show(counts: object) -> None:
            self._status_reading = False
            if isinstance(counts, StatusCounts):
                self._show_status(self.status.show_counts(counts))
            if self._status_again:
                self.refresh_status_soon()  # the data changed while this read ran

        def failed(error: BaseException) -> None:
            self._status_reading = False
            if self._studio.workspace.unreachable(error):
                self.server_unreachable()  # the band says it; the next refresh tries again
                return
            raise error  # the uncaught-exception hook: a damaged file is said as such

        unusable = self._unusable
        self._page_tasks.run(lambda: self._studio.status_counts(unusable), show, failed)

    def _say_undoable(self, text: str) -> None:
        """What a step did and how to undo it, in the status bar until the step is undone
        (or the stack moves on). The step's place on the stack is read once its push is
        over (some steps say it from inside their first run)."""
        self._undo_hint = text
        self._undo_hint_at = None
        self.status.showMessage(text, 8000)

        def fix() -> None:
            if self._undo_hint == text:
                self._undo_hint_at = self.undo_stack.index()

        QTimer.singleShot(0, self, fix)

    def _forget_undo_hint(self, index: int) -> None:
        at = self._undo_hint_at
        if not self._undo_hint or at is None or index == at:
            return
        hint, self._undo_hint = self._undo_hint, ""
        if self.status.currentMessage() == hint:
            self.status.clearMessage()

    def _learn_sign_ins(self, ids: object, unusable: object) -> None:
        """What the composer read of the accounts' sign-ins (its "Post to" marks): the
        status bar counts the posts scheduled to those nothing can publish to. Not read at
        start by itself: a locked keyring would ask to be unlocked at every start."""
        if isinstance(ids, list) and isinstance(unusable, dict):
            self._know_unusable((set(self._unusable) - set(ids)) | set(unusable))

    def _know_unusable(self, accounts: set[int]) -> None:
        """The accounts nothing can publish to, as now read: the counts again if they moved."""
        if accounts != set(self._unusable):
            self._unusable = tuple(sorted(accounts))
            self.refresh_status_soon()

    def _sign_ins_may_have_changed(self) -> None:
        """An account was added, or the Accounts page (where they are connected, reconnected
        and removed) was left: the sign-ins are read again, once, when the keyring was just
        read there anyway. The composer's read (its "Post to" marks, else stale) serves the
        status bar too; without the composer, a read of its own."""
        if "compose" in self._pages:
            self.compose.sign_ins_changed()
            return

        def read() -> tuple[int, ...]:
            return self._studio.unusable_sign_ins(self._now)

        def done(found: object) -> None:
            if isinstance(found, tuple):
                self._know_unusable(set(found))

        self._page_tasks.run(read, done)

    def refresh_status(self) -> None:
        self._show_status(self.status.refresh())

    def _show_status(self, count: int) -> None:
        # The calendar's entry in the navigation carries the count too, until the user decides.
        item = self.navigation.item(PAGES.index("calendar"))
        item.setText(self._labels["calendar"] + (f"  ⚠ {count}" if count else ""))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            self._labels["calendar"]
            + (", " + self.tr("%n posts need attention", "", count) if count else ""),
        )
        self.attention_changed.emit(count, self.status.reminders_count)
        self._show_collab_reminders()

    def _show_collab_reminders(self) -> None:
        """Collaborations' entry carries what is due there: a post due soon or late, a
        payment overdue (the page lists them)."""
        count = len(self._studio.collabs().reminders(self._today()))
        item = self.navigation.item(PAGES.index("collab"))
        label = self._labels["collab"]
        item.setText(label + (f"  ⚠ {count}" if count else ""))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            label + (", " + self.tr("%n reminders", "", count) if count else ""),
        )

    def discard_state(self) -> None:
        """Stop saving window state (the data folder is not to be written any more)."""
        self._state_saving = False

    def save_state(self) -> None:
        if not self._state_saving:
            return
        self._settings.update(
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
            window_state=bytes(self.saveState().toBase64().data()).decode("ascii"),
            last_page=self.current_page(),
            drafts_shown=(
                self.drafts.action.isChecked()
                if self._complete
                else self._settings.value.drafts_shown
            ),
        )

    # -- Qt
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        self.save_state()
        if not self._complete:  # closed before more than the first frame was built
            event.accept()
            self.quit_requested.emit()
            return
        if not self.isVisible():  # not a person closing it (a hidden window, a shutdown)
            event.accept()
            self.quit_requested.emit()
            return
        if self._settings.value.keep_in_tray and self._tray_available:
            event.ignore()
            self.hide()
            return
        if not self._posts_left_unpublished():
            event.accept()  # nothing to ask: the window closes now, as a person expects
            self._quit_now()
            return
        event.ignore()
        # Asked once the close event is over: a question is no work for an event handler.
        QTimer.singleShot(0, self, self.request_quit)

    # -- private
    def export_review_pack(self) -> None:
        """File → Export review pack…: the calendar's week or month unless changed."""
        from PySide6.QtCore import QLocale  # noqa: PLC0415 - not before the first frame

        from somestudio.app.review_pack import month_period, week_period  # noqa: PLC0415
        from somestudio.ui.review_pack.pack_dialog import ReviewPackDialog  # noqa: PLC0415

        calendar = self._pages.get("calendar")
        anchor = getattr(calendar, "anchor", None)
        first_weekday = QLocale().firstDayOfWeek().value
        if not isinstance(anchor, date):
            anchor = self._today()
        if getattr(calendar, "mode", "month") == "week":
            period = week_period(anchor, first_weekday)
        else:
            period = month_period(anchor)
        dialog = ReviewPackDialog(
            self._studio, self._zone, period, self, first_weekday=first_weekday, now=self._now
        )
        self.review_pack_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _history_action(self, plain: str, template: str, *, redo: bool) -> QAction:
        """Undo (or Redo) on the window's stack, its label naming the step."""
        stack = self.undo_stack
        from somestudio.ui.history_action import HistoryAction  # noqa: PLC0415 - see complete

        action = HistoryAction(plain, template, self)

        def take() -> None:
            """The step taken back (or again), said on the status line: an undone move
            showed nothing but the chip back in its place."""
            step, index = (stack.redoText() if redo else stack.undoText()), stack.index()
            if redo:
                stack.redo()
            else:
                stack.undo()
            if step and stack.index() != index:
                # %1: the step's name, e.g. "Move post to 12/9/26 10:30 AM".
                said = self.tr("Done again: %1") if redo else self.tr("Undone: %1")
                self.status.showMessage(said.replace("%1", step), 8000)

        action.triggered.connect(take)
        if redo:
            stack.canRedoChanged.connect(action.set_possible)
            stack.redoTextChanged.connect(action.set_step)
            action.set_step(stack.redoText())
            action.set_possible(stack.canRedo())
        else:
            stack.canUndoChanged.connect(action.set_possible)
            stack.undoTextChanged.connect(action.set_step)
            action.set_step(stack.undoText())
            action.set_possible(stack.canUndo())
        return action

    def _build_menus(self, pages: list[tuple[str, str]]) -> None:
        from PySide6.QtGui import QAction, QKeySequence  # noqa: PLC0415 - not before the first frame

        from somestudio.ui.keyboard import SHORTCUT_NAME  # noqa: PLC0415 - not before the first frame

        file_menu = self._file_menu
        new_post = QAction(self.tr("&New post"), self)
        new_post.setShortcut(QKeySequence.StandardKey.New)
        new_post.triggered.connect(self.new_post)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self._on_data_changed)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("QuitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q", QKeySequence.SequenceFormat.PortableText))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self._quit)
        file_menu.addActions([new_post, refresh])
        file_menu.addSeparator()
        from somestudio.ui.planning.planning_menu import PlanningMenu  # noqa: PLC0415

        self.planning = PlanningMenu(
            self,
            self._studio,
            self._zone,
            lambda text: self.status.showMessage(text, 8000),
            file_menu,
            now=self._now,
        )
        self.planning.undo_stack = self.undo_stack
        self.planning.changed.connect(self._on_data_changed)
        review_pack = QAction(self.tr("Export re&view pack…"), self)
        review_pack.setObjectName("ReviewPackAction")
        review_pack.triggered.connect(self.export_review_pack)
        file_menu.addAction(review_pack)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self._edit_menu
        # The label says what it undoes. Qt's own actions glue a prefix to the step's name
        # ("Kumoa Poista julkaisu"); a whole sentence per language reads right in each.
        undo = self._history_action(
            self.tr("&Undo"),
            # %1: what Undo takes back (the step's name, e.g. "Delete post").
            self.tr("&Undo %1"),
            redo=False,
        )
        undo.setObjectName("UndoAction")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setProperty(SHORTCUT_NAME, self.tr("Undo"))
        redo = self._history_action(
            self.tr("&Redo"),
            # %1: what Redo does again (the step's name).
            self.tr("&Redo %1"),
            redo=True,
        )
        redo.setObjectName("RedoAction")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setProperty(SHORTCUT_NAME, self.tr("Redo"))
        edit_menu.addActions([undo, redo])

        view_menu = self._view_menu
        # The pages' names with a letter each to choose them by (Alt+V, then the letter),
        # none of them another item's of this menu.
        menu_labels = {
            "compose": self.tr("&Compose"),
            "calendar": self.tr("C&alendar"),
            "plan": self.tr("P&lan"),
            "metrics": self.tr("&Metrics"),
            "accounts": self.tr("Acc&ounts"),
            "settings": self.tr("&Settings"),
            "inbox": self.tr("&Inbox"),
            "collab": self.tr("Pa&rtners"),
        }
        for number, (key, _label) in enumerate(pages, start=1):
            action = QAction(menu_labels[key], self)
            action.setShortcut(
                QKeySequence(f"Ctrl+{number}", QKeySequence.SequenceFormat.PortableText)
            )
            action.triggered.connect(lambda _=False, k=key: self.show_page_by_keyboard(k))
            view_menu.addAction(action)
        # The calendar's views, also where a menu user looks for them. The keys are the
        # calendar's own (active while it is shown), written beside the words only: an
        # action with the same keys would make them ambiguous there.
        calendar_views = view_menu.addMenu(self.tr("Calendar &view"))
        calendar_views.setObjectName("CalendarViewMenu")
        for mode, label, keys in (
            ("month", self.tr("&Month"), "Ctrl+Shift+M"),
            ("week", self.tr("&Week"), "Ctrl+Shift+W"),
            ("agenda", self.tr("&Agenda"), "Ctrl+Shift+A"),
        ):
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            action = calendar_views.addAction(f"{label}\t{shown}")
            action.setObjectName(f"CalendarView-{mode}")
            action.triggered.connect(lambda _=False, m=mode: self.show_calendar_view(m))
        view_menu.addSeparator()
        view_menu.addAction(self.drafts.action)
        waiting = QAction(self.tr("Posts &waiting for you…"), self)
        waiting.setObjectName("ShowAttention")
        waiting.triggered.connect(self.show_attention)
        by_hand = QAction(self.tr("&Publish by hand…"), self)
        by_hand.setObjectName("ShowReminders")
        # P for publish (Ctrl+P is left to printing); no page uses Ctrl+Shift+P.
        by_hand.setShortcut(QKeySequence(BY_HAND_KEYS, QKeySequence.SequenceFormat.PortableText))
        by_hand.triggered.connect(self.show_reminders)
        view_menu.addActions([waiting, by_hand])

        help_menu = self._help_menu
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setObjectName("ShowShortcuts")
        shortcuts.setShortcut(QKeySequence("F1", QKeySequence.SequenceFormat.PortableText))
        shortcuts.triggered.connect(self.show_shortcuts)
        about = QAction(self.tr("&About Some Studio"), self)
        about.triggered.connect(self._about)
        help_menu.addActions([shortcuts, about])

    def _restore_geometry(self) -> None:
        """The saved size and place, and the page last shown selected (built later)."""
        value = self._settings.value
        restored = value.window_geometry and self.restoreGeometry(
            QByteArray.fromBase64(value.window_geometry.encode("ascii"))
        )
        if not restored:
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width = min(1200, available.width() - 40) if available else 1200
            height = min(800, available.height() - 40) if available else 800
            self.resize(width, height)
        row = PAGES.index(value.last_page if value.last_page in PAGES else "calendar")
        self.navigation.blockSignals(True)  # finish_start builds it
        self.navigation.setCurrentRow(row)
        self.navigation.blockSignals(False)
        self.stack.setCurrentIndex(row)

    def _restore_state(self) -> None:
        """The Drafts list's place (it exists from ``complete()`` on)."""
        value = self._settings.value
        if value.window_state:
            self.restoreState(QByteArray.fromBase64(value.window_state.encode("ascii")))

    def _on_page_changed(self, row: int) -> None:
        page = PAGES[row]
        if not self._started:  # the first frame comes first; finish_start builds the page
            self.stack.setCurrentIndex(row)
            return
        left = self.stack.currentIndex()
        if left == PAGES.index("accounts") and page != "accounts" and self._planner is not None:
            self._sign_ins_may_have_changed()  # connected, reconnected or removed there
        if page not in self._pages:
            # The charts' modules always; in the app (not tests and tools) every page's: a
            # page's first open imported a tenth to a third of a second on the GUI thread.
            wanted = PAGE_MODULES[page] if page in SLOW_MODULES or self._first_frame_first else ()
            missing = tuple(module for module in wanted if module not in sys.modules)
            if missing:
                self._load_page_in_background(page, missing)
                return
        self.page(page)
        self.stack.setCurrentIndex(row)
        self._sync_drafts()
        if page == "metrics":
            self.metrics.reload()
        elif page == "accounts":
            self.accounts.reload()
        elif page == "compose":
            self.compose.reload()
            self.compose.editor.setFocus()
        elif page == "calendar" and not self.navigation.hasFocus():
            # By Ctrl+2 or a menu: the arrows move through days. Moving through the pages
            # list with the arrows keeps the keyboard there.
            self.calendar.focus_view()
        elif page == "settings":
            self.settings_page.inbox_notifications.reload()  # type: ignore[attr-defined]
        elif page == "inbox":
            self.inbox.reload()
            self.inbox.list.setFocus()
        elif page == "collab":
            collab = self.page("collab")
            collab.reload()  # type: ignore[attr-defined]
            collab.table.setFocus()  # type: ignore[attr-defined]
        if self._focus_wanted == page:
            self._focus_page(page)

    def _load_page_in_background(self, page: str, modules: tuple[str, ...]) -> None:
        """Show a busy note in the page's place while its modules import on a worker (the
        charts' pyqtgraph and numpy take the better part of a second); build it once back."""
        index = PAGES.index(page)
        placeholder = self.stack.widget(index)
        if placeholder is not None and placeholder.layout() is None:
            from PySide6.QtWidgets import QLabel  # noqa: PLC0415

            note = QLabel(self.tr("Loading…"))
            note.setObjectName("PageLoading")
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            QVBoxLayout(placeholder).addWidget(note)
        self.stack.setCurrentIndex(index)
        self._sync_drafts()
        if page in self._importing:
            return
        self._importing.add(page)

        def imported(_result: object) -> None:
            from somestudio.ui.heap import freeze_what_is_loaded  # noqa: PLC0415

            self._importing.discard(page)
            if self._first_frame_first:  # the app's window (a test's lives among others)
                freeze_what_is_loaded()  # the page's modules stay: out of the collector's way
            if self.current_page() == page:
                self._on_page_changed(index)

        def failed(error: BaseException) -> None:
            self._importing.discard(page)
            from PySide6.QtWidgets import QLabel  # noqa: PLC0415

            shown = self.stack.widget(index)
            note = shown.findChild(QLabel, "PageLoading") if shown is not None else None
            if note is not None:  # it said "Loading…" for good (a broken or half-updated install)
                note.setWordWrap(True)
                note.setText(
                    self.tr(
                        "This page could not be opened. Restart Some Studio; if it happens "
                        "again, reinstall it (the log file has the details)."
                    )
                )
            raise error  # the uncaught-exception hook says it, as for a page built here

        def import_all() -> None:
            from somestudio.ui.idle_gate import courteously  # noqa: PLC0415

            with courteously():  # each module while the GUI thread idles
                for module in modules:
                    importlib.import_module(module)

        from somestudio.ui.pyside_types import make_all_now, make_types_then  # noqa: PLC0415

        if page not in SLOW_MODULES:  # Some Studio's modules only: their types are made
            make_all_now()
            self._page_tasks.run(import_all, imported, failed)
            return
        # pyqtgraph's imports ask for many more: every type of the modules is made first,
        # between events (at once it held the window 50-80 ms; ``pyside_types``)
        make_types_then(
            lambda: self._page_tasks.run(import_all, imported, failed), self, every=True
        )

    def _on_data_changed(self) -> None:
        self.drafts.refresh()
        if "compose" in self._pages:
            self.compose.refresh_post_state()  # a post open there went out meanwhile
        if "calendar" in self._pages:
            self.calendar.reload()
        if "plan" in self._pages:
            self._pages["plan"].reload()  # type: ignore[attr-defined]
        self.planning.refresh_feed()
        if self._attention is not None:
            self._attention.reload()
        if self._reminders is not None:
            self._reminders.reload()
        if "collab" in self._pages:
            self._pages["collab"].reload()  # type: ignore[attr-defined]
        if "metrics" in self._pages and self.current_page() == "metrics":
            # In view (a post marked as published by hand from the View menu): read again.
            # Out of view it is read when opened.
            self.metrics.reload()
        if self._first_frame_first:
            self.refresh_status_soon()  # the counts take a tenth of a second on 100,000 posts
        else:
            self.refresh_status()

    def new_post(self) -> None:
        self.bring_to_front()
        self.show_page("compose")

        def start() -> None:
            self.compose.new_post()
            # Also before the start has finished (Ctrl+N the moment the window shows, the
            # page built here): what is typed next goes into the editor, not the navigation
            # list beside it, where the first words of a post were lost under load.
            self.compose.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

        self._unless_edits_kept(start)

    def open_post(self, post_id: int) -> None:
        def open_it() -> None:
            if self.compose.open_post(post_id):
                self.show_page("compose")

        self._unless_edits_kept(open_it)

    def _unless_edits_kept(self, then: Callable[[], None]) -> None:
        """``then()`` (another post in the composer), after asking what becomes of unsaved
        edits to the scheduled post open there: kept as a new draft, or discarded. They went
        to a new draft without a word, and a new user scheduled that copy too."""
        if "compose" not in self._pages or not self.compose.edits_kept_apart():
            then()
            return

        def answered(choice: int | None) -> None:
            if choice == 0:
                then()  # the composer keeps them as a new draft and says so
            elif choice == 1:
                self.compose.discard_edits()
                then()
            else:
                self.show_page("compose")  # back to the edits

        self.prompts.choose(
            self.tr("Keep your changes?"),
            self.tr(
                "Your changes to this scheduled post are not saved, and the post stays as it "
                "was saved. Keep the changes as a new draft, or discard them?"
            ),
            [self.tr("Keep as a new draft"), self.tr("Discard changes")],
            answered,
            default=None,  # Enter does not decide
        )

    def request_quit(self) -> None:
        """Ctrl+Q, File → Quit, the tray's Quit, closing the window: when posts are due in
        the next hour and nothing else will publish them, ask first (not in the demo)."""
        if self._quit_question.open:
            return
        if self._demo:
            # The demo's folder is deleted at quit: nothing in it goes out later and no edit
            # is kept, so neither question below is about anything.
            self._quit_now()
            return
        if "compose" in self._pages and self._edits_unsaved():
            self._ask_to_save_edits()
            return
        self._quit_unless_posts_due()

    def _edits_unsaved(self) -> bool:
        try:
            return self.compose.unsaved_edits_of_scheduled_post()
        except Exception:  # an unreadable database must not keep the window from quitting
            return False

    def _ask_to_save_edits(self) -> None:
        """The post open in the composer is scheduled and has edits not saved: saved now, or
        given up (kept for the next start, they were written into the post as soon as
        another post was opened, and a background scheduler may publish it before that)."""
        if not self.isVisible():
            self.bring_to_front()
        self.show_page("compose")
        self._quit_question.open = True

        def answered(choice: int | None) -> None:
            self._quit_question.open = False
            if choice == 0:
                self.compose.save_draft()
                if self.compose.is_dirty():  # not saved: the composer's line says why
                    return
            if choice == 0:
                self._quit_unless_posts_due()
            elif choice == 1:
                # Given up only once the window really quits: Cancel at the next question
                # (posts due within the hour) kept the window open, the edits already gone.
                self._quit_unless_posts_due(before_quitting=self.compose.discard_edits)

        self.prompts.choose(
            self.tr("Save the changes to the scheduled post?"),
            self.tr(
                "The post you are editing is scheduled, and your changes to it are not saved. "
                "Save them now, or quit without them: the post then goes out as it was saved."
            ),
            [self.tr("Save and quit"), self.tr("Quit without saving")],
            answered,
        )

    def _quit_unless_posts_due(self, before_quitting: Callable[[], None] | None = None) -> None:
        def quit_now() -> None:
            if before_quitting is not None:
                before_quitting()
            self._quit_now()

        due = self._posts_left_unpublished()
        if not due:
            quit_now()
            return
        if not self.isVisible():
            self.bring_to_front()  # asked from the tray: the question needs its window
        self._quit_question.ask(
            self.prompts,
            due,
            tray=self._tray_available,
            keep_running=self._keep_running,
            quit_now=quit_now,
        )

    def _posts_left_unpublished(self) -> int:
        try:
            return self.quit_guard.posts_left_unpublished()
        except Exception:  # an unreadable database must not keep the window from quitting
            return 0

    def _keep_running(self) -> None:
        self.save_state()
        self.hide()

    def _quit_now(self) -> None:
        self._quitting = True
        self.save_state()
        self.quit_requested.emit()

    def _quit(self) -> None:
        self.request_quit()

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts, listed from the real actions and page shortcuts."""
        from somestudio.ui.shortcuts_dialog import ShortcutsDialog, window_shortcuts  # noqa: PLC0415

        pages = [(self._labels[key], self.page(key)) for key in PAGES]  # builds every page
        self.drafts.panel  # noqa: B018 - built on first use: its keys, and the dock's Escape
        pages.append((self.tr("Drafts"), self.drafts))
        dialog = ShortcutsDialog(window_shortcuts(self.menuBar(), pages), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.shortcuts_dialog = dialog

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not before the first frame

        box = QMessageBox(self)
        # "About", not "About Some Studio": Qt adds " — Some Studio" to a title that does not
        # end with it, and the Finnish "Tietoja Some Studiosta" does not.
        box.setWindowTitle(self.tr("About"))
        box.setText(
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + self.tr("Draft, schedule, publish and measure social media posts.")
        )
        box.setIcon(QMessageBox.Icon.Information)
        box.open()
        self.about_box = box
