"""The Metrics page: what the posts earned, how the audience grew, what worked."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.metrics_dashboard import (
    DashboardCache,
    DashboardData,
    DashboardLoad,
    MetricsDashboard,
    Period,
    account_slots,
    load_dashboard,
)
from somestudio.app.studio import Studio
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.growth.actions import ActionKind
from somestudio.domain.insights import MIN_SAMPLE, HeatCell, Insight
from somestudio.domain.metric_schedule import BUDGETS
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.slots import format_slots
from somestudio.domain.utc import utc_now
from somestudio.ui.i18n import ui_language
from somestudio.ui.metrics.charts import FollowersChart, HeatmapChart, LifetimeChart, TotalsChart
from somestudio.ui.metrics.filter_bar import FilterBar
from somestudio.ui.metrics.insight_text import describe, still_unknown
from somestudio.ui.metrics.models import POST_ID_ROLE, TopPostsModel, TotalsModel
from somestudio.ui.metrics.overview_area import OverviewArea
from somestudio.ui.metrics.sort_header import SortHeader
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.start_steps import run_steps
from somestudio.ui.table_columns import StretchWithFloor
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.titles import page_title

if TYPE_CHECKING:
    from somestudio.app.metrics import RefreshReport
    from somestudio.app.planning import Planner


# Computing the other presets' periods ahead (``MetricsPage.compute_ahead``): from this
# long after a load is shown with nothing else happening.
AHEAD_PAUSE_MS = 400
RESIZE_ROWS = 40  # rows measured for the top posts' column widths (Qt measures 1,000)


def _ignore(_result: object) -> None:
    """A period computed ahead went into the cache (or failed: a switch to it reads it)."""


class MetricsPage(QWidget):
    open_post = Signal(int)
    data_changed = Signal()
    filled = Signal()  # every tab shows the latest load

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo | None = None,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        prompts: Prompts | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (the presets' periods end on its day; the goals,
        the actions, the community numbers, the numbers entered and the report go by it)."""
        super().__init__(parent)
        self.setObjectName("MetricsPage")
        self.prompts = prompts or Prompts(self)
        self._studio = studio
        self._zone = zone or ZoneInfo("UTC")
        self._now = now
        self._planner: Planner | None = None
        self._loaded: DashboardLoad | None = None
        self._pending = False
        self._generation = 0  # which load the queued parts of _show belong to
        self._posts: QTableView | None = None
        self._posts_model: TopPostsModel | None = None
        self._lifetime: LifetimeChart | None = None
        self._heatmap: HeatmapChart | None = None
        self.tasks = tasks or Tasks(self)
        self.dashboard = MetricsDashboard(studio.workspace.connection, self._zone)
        # Loads remembered until anything is committed: a filter switched back shows at once.
        self._cache = DashboardCache(studio.workspace.data_version)
        # Once a period is shown and the page idles, the other presets' periods are computed
        # ahead into that cache, one at a time on a worker of their own, so that switching
        # to one shows at once (the cache drops them when anything is committed).
        self.ahead_tasks = Tasks(self, synchronous=self.tasks.synchronous)
        self._ahead: list[Period] = []
        self._ahead_filter = MetricsFilter()
        # Set when the periods waiting are no longer wanted (another load, the page hidden):
        # the worker stops before its next period. Nothing comes back to the page.
        self._ahead_stop = threading.Event()
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.timeout.connect(self.compute_ahead)

        title = page_title(QLabel(self.tr("Metrics")))
        self._fetch_said = ""  # the last fetch's outcome, said again after the reload it asks
        self.fetch_button = QPushButton(self.tr("Fetch now"))
        self.fetch_button.setToolTip(self.tr("Ask the networks for the newest numbers"))
        self.enter_button = QPushButton(self.tr("Enter numbers…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.report_button = QPushButton(self.tr("Monthly report…"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        for button in (
            self.fetch_button,
            self.enter_button,
            self.import_button,
            self.report_button,
        ):
            header.addWidget(button)

        self.filters = FilterBar(self._zone, today=self.today)
        self.filters.changed.connect(self.reload)
        self.summary = QLabel()
        self.summary.setObjectName("MetricsSummary")

        # Overview: totals per channel with change, the same as bars, followers over time.
        self.model = TotalsModel()
        self.table = QTableView()
        self.table.setObjectName("TotalsTable")
        self.table.setAccessibleName(self.tr("Totals per channel"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        # Numbers take the width their heading and values need ("Vuorovaikutukset" is long);
        # the channel takes the rest. Too narrow a window scrolls sideways, never clips.
        totals_header = self.table.horizontalHeader()
        totals_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        totals_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        totals_header.setStretchLastSection(False)
        self.empty = QLabel(self.tr("Nothing published in this period yet."))
        self.empty.hide()  # until a load says so: while loading, "Loading…", not this
        # The two overview charts are built in event-loop turns of their own after the page
        # (or when first asked for): each is a few hundredths of a second of the GUI thread,
        # and the page's first open did all three in one go.
        self._totals_chart: TotalsChart | None = None
        self._followers_chart: FollowersChart | None = None
        self._followers_place: QWidget | None = None  # its place in the splitter until then
        self._charts_fitted = False  # the splitter's parts set (once both have their place)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.setChildrenCollapsible(False)
        self.charts = charts
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(self.table, 2)
        overview_layout.addWidget(self.empty)
        overview_layout.addWidget(charts, 3)
        overview_tab = OverviewArea(overview, self.table, charts)
        self.overview = overview_tab

        # Posts (the top posts, and the chosen one's numbers over its life) and Best times
        # (the heatmap) are built the first time they are shown or filled: each chart is a
        # few hundredths of a second of the GUI thread, and the page opens on the Overview.
        posts_page = QWidget()
        QVBoxLayout(posts_page).setContentsMargins(0, 0, 0, 0)
        when = QWidget()
        QVBoxLayout(when)  # the heatmap and its note, with the tab's usual margins
        self._lazy_tabs: dict[QWidget, Callable[[], object]] = {}

        # Insights: claimed statements first, then those without enough evidence.
        self.insights = QListWidget()
        self.insights.setObjectName("Insights")
        self.insights.setAccessibleName(self.tr("Insights"))
        self.insights.setWordWrap(True)
        self.insights.setAlternatingRowColors(True)
        self.insights.setSpacing(2)
        self.slots = QListWidget()
        self.slots.setObjectName("SuggestedSlots")
        self.slots.setAccessibleName(self.tr("Suggested posting slots"))
        self.slots.setMaximumHeight(110)
        self.use_slots = QPushButton(self.tr("Use as posting slots"))
        self.use_slots.setEnabled(False)
        self.use_slots.clicked.connect(self._use_slots)
        self.slots.currentRowChanged.connect(
            lambda row: self.use_slots.setEnabled(row >= 0 and self._planner is not None)
        )
        insights_page = QWidget()
        insights_layout = QVBoxLayout(insights_page)
        insights_layout.addWidget(
            QLabel(
                self.tr(
                    "Statements from your own posts, per channel. A difference is claimed only "
                    "with at least 10 posts on each side and when it holds after allowing for "
                    "the many comparisons made; these are associations, not proof of cause."
                )
            )
        )
        insights_layout.addWidget(self.insights, 3)
        insights_layout.addWidget(QLabel(self.tr("Posting slots backed by these findings:")))
        insights_layout.addWidget(self.slots, 1)
        insights_layout.addWidget(self.use_slots, 0, Qt.AlignmentFlag.AlignLeft)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("MetricsTabs")
        self.tabs.addTab(overview_tab, self.tr("Overview"))
        self.tabs.addTab(posts_page, self.tr("Posts"))
        self.tabs.addTab(when, self.tr("Best times"))
        self.tabs.addTab(insights_page, self.tr("Insights"))
        self._posts_page, self._when_page = posts_page, when
        self._overview_page, self._insights_page = overview_tab, insights_page
        self._lazy_tabs = {posts_page: lambda: self.posts, when: lambda: self.heatmap}
        self.tabs.currentChanged.connect(self._build_tab)
        from somestudio.ui.metrics.community import add_community_tab  # noqa: PLC0415

        self.community = add_community_tab(self.tabs, studio, self._zone, now)
        self._build_growth_tabs()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        for label in [*self.tabs.findChildren(QLabel), self.summary]:
            label.setWordWrap(True)  # a long note wraps, never widens the window

        # The charts are built with the first load's numbers (in turns of their own, see
        # _show), not while the worker reads them: the page's first paint is its table and
        # "Loading…", and building a chart does not compete with the load for the interpreter.
        if self.tasks.synchronous:
            self._build_charts()
        self.fetch_button.clicked.connect(self.fetch_now)
        self.enter_button.clicked.connect(self.enter_numbers)
        self.import_button.clicked.connect(self.import_csv)
        self.report_button.clicked.connect(self.export_report)

    def today(self) -> date:
        """Today in the page's zone, by the window's clock."""
        return self._now().astimezone(self._zone).date()

    def _build_growth_tabs(self) -> None:
        """Goals and the timeline's actions (issue 18), each a tab of its own."""
        from somestudio.ui.metrics.actions_tab import ActionsSection  # noqa: PLC0415
        from somestudio.ui.metrics.goals_tab import GoalsSection  # noqa: PLC0415

        # Their own worker: a goals load never holds up (or is held up by) the view's.
        goal_tasks = Tasks(self, synchronous=self.tasks.synchronous)
        self.goal_section = GoalsSection(
            self._studio, self._zone, self.prompts, tasks=goal_tasks, today=self.today
        )
        self.action_section = ActionsSection(
            self._studio, self._zone, self.prompts, today=self.today
        )
        self.tabs.insertTab(1, self.goal_section, self.tr("Goals"))
        self.tabs.insertTab(2, self.action_section, self.tr("Actions"))
        self.action_section.changed.connect(self.reload)

    # ------------------------------------------------------------------ built on use

    @property
    def totals_chart(self) -> TotalsChart:
        """Engagements per channel (built on first use)."""
        if self._totals_chart is None:
            chart = TotalsChart()
            chart.set_title(self.tr("Engagements per channel"))
            chart.set_axis_labels("", self.tr("Engagements"))
            chart.setToolTip(self.tr("Engagements: likes, reposts and replies together."))
            # Not the table's "Nothing published…" again (one sentence twice, one above the
            # other: a new user's finding).
            chart.set_empty_text(self.tr("No posts to draw."))
            self._totals_chart = chart
            self.charts.insertWidget(0, chart)
            if self._followers_chart is None:
                # The followers chart's place, kept until it is built (a few turns later):
                # the bars take their final size now, not the whole width first and then a
                # resize that redrew both charts at once (50-70 ms of the GUI thread).
                self._followers_place = QWidget()
                self.charts.addWidget(self._followers_place)
            self._fit_charts()
        return self._totals_chart

    @property
    def followers_chart(self) -> FollowersChart:
        """Followers over time (built on first use)."""
        if self._followers_chart is None:
            chart = FollowersChart(zone=self._zone)
            chart.set_title(self.tr("Followers"))
            chart.set_axis_labels(self.tr("Followers"), self.tr("Date"))
            # Accounts published by hand never fetch: theirs are entered (it promised a fetch).
            chart.set_empty_text(
                self.tr(
                    "No follower counts yet. Fetch now reads them from the networks that give"
                    " them; for the others, use Enter numbers…"
                )
            )
            self._followers_chart = chart
            place, self._followers_place = self._followers_place, None
            if place is not None:
                self.charts.replaceWidget(self.charts.indexOf(place), chart)  # its size too
                place.deleteLater()
            else:
                self.charts.addWidget(chart)
            self._fit_charts()
        return self._followers_chart

    def _build_charts(self) -> None:
        _ = self.totals_chart, self.followers_chart

    def _build_totals_chart(self) -> None:
        _ = self.totals_chart

    def _build_followers_chart(self) -> None:
        _ = self.followers_chart

    def _add_follower_dots(self) -> None:
        self.followers_chart.add_dots()

    def _fit_charts(self) -> None:
        self.overview.watch_wheels()
        for label in self.charts.findChildren(QLabel):
            label.setWordWrap(True)  # a long note wraps, never widens the window
        if self.charts.count() < 2 or self._charts_fitted:
            return
        self._charts_fitted = True
        # Two parts to three: the bars' channel names, axis title and legend need the room
        # (left to their size hints, the bar chart got a sliver and its axis read "Engagem").
        self.charts.setStretchFactor(0, 2)
        self.charts.setStretchFactor(1, 3)
        self.charts.setSizes([400, 600])

    def _build_tab(self, index: int) -> None:
        page = self.tabs.widget(index)  # by page, not index: the tabs move
        build = self._lazy_tabs.get(page) if page is not None else None
        if build is not None:
            build()

    @property
    def posts(self) -> QTableView:
        """The top posts' table (its tab is built on first use)."""
        if self._posts is None:
            self._build_posts_tab()
        assert self._posts is not None
        return self._posts

    @property
    def posts_model(self) -> TopPostsModel:
        if self._posts_model is None:
            self._build_posts_tab()
        assert self._posts_model is not None
        return self._posts_model

    @property
    def lifetime_chart(self) -> LifetimeChart:
        if self._lifetime is None:
            self._build_posts_tab()
        assert self._lifetime is not None
        return self._lifetime

    @property
    def heatmap(self) -> HeatmapChart:
        """The weekday × hour heatmap (its tab is built on first use)."""
        if self._heatmap is None:
            self._build_when_tab()
        assert self._heatmap is not None
        return self._heatmap

    def _build_posts_tab(self) -> None:
        posts_model = TopPostsModel(self._zone)
        posts = QTableView()
        posts.setObjectName("TopPosts")
        posts.setAccessibleName(self.tr("Top posts"))
        posts.setHorizontalHeader(SortHeader(posts))
        posts.setModel(posts_model)
        posts.setSortingEnabled(True)
        posts.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        posts.verticalHeader().hide()
        posts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        posts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        posts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        posts_header = posts.horizontalHeader()
        posts_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The post's words take what the other columns leave, but at least 30 average
        # characters (the table scrolls sideways past that): stretched, they shrank to
        # "Glögikausi …" in a 1024-pixel window, and which post did best could not be read.
        StretchWithFloor(posts, 2, posts.fontMetrics().averageCharWidth() * 30)
        # Engagements (what the table is sorted by) and the rate beside the post; likes,
        # reposts, replies and views after them, the ones a narrow window scrolls to.
        posts_header.moveSection(posts_header.visualIndex(7), 3)
        posts_header.moveSection(posts_header.visualIndex(8), 4)
        # The account's name is cut to a width of its own (a long Mastodon address took the
        # row, and the post's words were squeezed to "T…"): the cell elides after the
        # network's mark, its tooltip says it whole.
        posts_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        posts.setColumnWidth(1, posts.fontMetrics().horizontalAdvance("M") * 9)
        posts.setWordWrap(False)
        # Column widths fit the rows in view, not all 200 measured at every change (that
        # was a third of a second on the GUI thread at each reload).
        posts_header.setResizeContentsPrecision(RESIZE_ROWS)
        posts.verticalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        posts.activated.connect(self._open_index)
        posts.selectionModel().currentRowChanged.connect(self._on_post_chosen)
        hint = QLabel(self.tr("Choose a post to see its numbers over time; double-click opens it."))
        lifetime = LifetimeChart()
        lifetime.set_title(self.tr("The chosen post over its first hours and days"))
        lifetime.set_axis_labels(self.tr("Count"), self.tr("Hours since publishing"))
        lifetime.set_empty_text(self.tr("Choose a post that has numbers to see how they grew."))
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(hint)
        top_layout.addWidget(posts)
        split.addWidget(top)
        split.addWidget(lifetime)
        self._posts_model, self._posts, self._lifetime = posts_model, posts, lifetime
        layout = self._posts_page.layout()
        assert layout is not None
        layout.addWidget(split)
        self._lazy_tabs.pop(self._posts_page, None)
        for label in self._posts_page.findChildren(QLabel):
            label.setWordWrap(True)  # a long note wraps, never widens the window
        if self._loaded is not None:
            self._show_posts(self._loaded.data)

    def _build_when_tab(self) -> None:
        heatmap = HeatmapChart()
        heatmap.set_title(
            self.tr("Mean engagement rate (%) by weekday and hour; numbers are posts")
        )
        heatmap.set_axis_labels(self.tr("Weekday"), self.tr("Hour of the day (local time)"))
        when_layout = self._when_page.layout()
        assert isinstance(when_layout, QVBoxLayout)
        # An empty grid said nothing of why (a new user's, or one whose networks give no
        # numbers, such as a Local archive).
        self.when_empty = QLabel(
            self.tr(
                "No numbers for posts in this period yet: each hour fills in once numbers "
                "for the posts sent then have been fetched."
            )
        )
        self.when_empty.setObjectName("BestTimesEmpty")
        self.when_empty.hide()
        when_layout.addWidget(self.when_empty)
        when_layout.addWidget(heatmap, 1)
        when_layout.addWidget(
            QLabel(
                self.tr(
                    "Engagements per view where the network counts views, per follower "
                    "otherwise. A cell from one or two posts is a hint, not a fact: it is "
                    "drawn pale, and its colour grows stronger up to ten posts."
                )
            )
        )
        self._heatmap = heatmap
        self._lazy_tabs.pop(self._when_page, None)
        for label in self._when_page.findChildren(QLabel):
            label.setWordWrap(True)
        if self._loaded is not None:
            self._show_grid(self._loaded.data.grid)

    def _show_grid(self, grid: Sequence[Sequence[HeatCell]]) -> None:
        self.heatmap.set_grid(grid)
        self.when_empty.setVisible(self.heatmap.shown == 0)

    # ------------------------------------------------------------------ data

    def set_planner(self, planner: Planner) -> None:
        self._planner = planner
        self.use_slots.setEnabled(self.slots.currentRow() >= 0)

    def _fit_totals_columns(self) -> None:
        """Each number column as wide as its heading or widest value, with a character's room
        either side (Qt's own fit leaves headings like "Change" a few pixels short)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        room = 2 * metrics.averageCharWidth() + SPACE.s
        for column in range(1, self.model.columnCount()):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            wanted = max(
                metrics.horizontalAdvance(heading) + room, self.table.sizeHintForColumn(column)
            )
            header.resizeSection(column, wanted)

    def reload(self) -> None:
        """Load what the filters ask for on a worker; the view updates when it is back."""
        if self.tasks.busy():
            self._pending = True
            return
        self._stop_ahead()
        flt, period = self.filters.metrics_filter(), self.filters.period()
        self.community.reload(flt)
        self.goal_section.reload()
        self.action_section.reload()
        database = self._studio.workspace.database
        cache = self._cache
        self.summary.setText(self.tr("Loading…"))
        self.tasks.run(
            lambda: load_dashboard(database.connect, self._zone, flt, period, cache),
            self._show,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The numbers could not be read: %1").replace("%1", str(error)))
        self._after_load()

    def _after_load(self) -> None:
        if self._pending:
            self._pending = False
            self.reload()

    def _show(self, loaded: DashboardLoad) -> None:
        """Show a load: the summary and the tab in view first, the other tabs' parts each in
        an event-loop turn of its own after it (a 90-day load's charts, heatmap and insights
        together kept the window from answering for a tenth of a second or more)."""
        self._loaded = loaded
        self._generation += 1
        generation = self._generation
        data = loaded.data
        self.filters.set_accounts(loaded.accounts, loaded.labels)
        summary = self.tr(
            "%n post(s) published in this period; latest numbers per post.",
            "",
            data.posts_in_period,
        )
        if self._fetch_said:  # after "Fetch now": what it did, until the next load
            summary, self._fetch_said = f"{summary} {self._fetch_said}", ""
        if loaded.accounts and not any(_numbers_come_in(a) for a in loaded.accounts):
            # Said up front (it was said only after a "Fetch now" that found nothing to do).
            summary += " " + self.tr(
                "No account here gives numbers by itself (a Local archive has no readers; "
                "posts published by hand are counted on their network): Enter numbers… and "
                "Import CSV… add them."
            )
        self.summary.setText(summary)
        self.model.set_rows(data.totals)
        self._fit_totals_columns()
        if not data.totals:
            self.empty.setText(
                self.tr("Nothing was published in this period.")  # no "yet" for 2020
                if self._over(data.period)
                else self.tr("Nothing published in this period yet.")
            )
        self.empty.setVisible(not data.totals)
        # By page, not index: the Goals and Actions tabs sit between them.
        parts: dict[QWidget, list[Callable[[], None]]] = {
            # Each chart built (the first time) in a turn of its own, then filled in the next.
            self._overview_page: [
                self._build_totals_chart,
                lambda: self._show_totals(data),
                self._build_followers_chart,
                lambda: self._show_followers(loaded),
                self._add_follower_dots,  # the dots on the lines: a turn of their own
            ],
            # A tab not built yet is filled when it is built (see _build_posts_tab).
            self._posts_page: [lambda: self._show_posts(data) if self._posts is not None else None],
            self._when_page: [
                lambda: self._show_grid(data.grid) if self._heatmap is not None else None
            ],
            self._insights_page: [lambda: self._show_insights(loaded)],
        }
        current = self.tabs.currentWidget()
        ordered = parts.pop(current, []) + [
            p for page in sorted(parts, key=self.tabs.indexOf) for p in parts[page]
        ]

        def part(fill: Callable[[], None]) -> Callable[[], None]:
            return lambda: fill() if generation == self._generation else None

        def done() -> None:
            if generation == self._generation:
                self.filled.emit()
                self._plan_ahead()

        steps = [*(part(fill) for fill in ordered), done]
        if self.tasks.synchronous:
            for step in steps:
                step()
        else:
            run_steps(steps, self)
        self._after_load()

    def _plan_ahead(self) -> None:
        """After a load is shown: the other presets' periods of the same filter wait to be
        computed ahead, from a pause of ``AHEAD_PAUSE_MS`` on."""
        shown = self.filters.period()
        self._ahead = [p for p in self.filters.preset_periods() if p != shown]
        self._ahead_filter = self.filters.metrics_filter()
        if not self.tasks.synchronous:
            self._ahead_timer.start(AHEAD_PAUSE_MS)

    def compute_ahead(self) -> None:
        """The periods waiting (``_plan_ahead``) computed one after another on
        ``ahead_tasks`` into the cache (at once where one is there already), until they are
        done or no longer wanted (``_stop_ahead``); not while a load of the page's own runs
        or the page is out of sight (then after the next load shown)."""
        if not self._ahead or self.tasks.busy() or self.ahead_tasks.busy():
            return
        if not self.tasks.synchronous and not self.isVisible():
            return
        periods, self._ahead = self._ahead, []
        stop = self._ahead_stop = threading.Event()
        flt, zone, cache = self._ahead_filter, self._zone, self._cache
        connect = self._studio.workspace.database.connect

        def compute() -> None:
            for period in periods:
                if stop.is_set():
                    return
                load_dashboard(connect, zone, flt, period, cache)

        self.ahead_tasks.run(compute, _ignore, _ignore)

    def _stop_ahead(self) -> None:
        self._ahead_timer.stop()
        self._ahead = []
        self._ahead_stop.set()

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_ahead()
        super().hideEvent(event)

    def _show_totals(self, data: DashboardData) -> None:
        self.totals_chart.set_totals(
            [
                (
                    network_name(t.current.network),
                    t.current.engagements,
                    t.previous.engagements if t.previous else None,
                )
                for t in data.totals
                if t.current.offers_engagements
            ],
            self.tr("This period"),
            self.tr("Previous period"),
        )
        silent = [
            network_name(t.current.network) for t in data.totals if not t.current.offers_engagements
        ]
        self.totals_chart.set_note(
            self.tr("No engagement counts from: %1").replace("%1", ", ".join(silent))
            if silent and len(silent) < len(data.totals)
            else ""
        )
        self.totals_chart.set_empty_text(
            self.tr(
                "No engagement counts yet for this period. Fetch now reads them where the"
                " network gives them; for posts published by hand, use Enter numbers…"
            )
            if data.totals
            else self.tr("No posts to draw.")
        )

    def _over(self, period: Period) -> bool:
        """Whether ``period`` ended by today (nothing more can come in it: no "yet")."""
        return period.end.astimezone(self._zone).date() <= self.filters.today()

    def _show_followers(self, loaded: DashboardLoad) -> None:
        data = loaded.data
        # Fetch now reads today's counts: it cannot fill a period that is over.
        self.followers_chart.set_empty_text(
            self.tr("No follower counts were recorded in this period.")
            if self._over(data.period)
            else self.tr(
                "No follower counts yet. Fetch now reads them from the networks that give"
                " them; for the others, use Enter numbers…"
            )
        )
        labels = {a.id: f"{network_name(a.network)} · {a.label}" for a in loaded.accounts}
        notes = [
            (datetime.combine(a.day, time(12), self._zone), a.note)
            for a in data.actions
            if a.kind is not ActionKind.POST
        ]
        posts = {labels.get(k, str(k)): marks for k, marks in data.post_marks.items()}
        self.followers_chart.set_lines(
            {labels.get(k, str(k)): v for k, v in data.follower_lines.items() if v[0]},
            notes,
            posts,
            dots_later=True,  # the next step draws them (_show)
            slots={labels[k]: slot for k, slot in account_slots(labels).items()},
        )

    def _show_posts(self, data: DashboardData) -> None:
        self.posts_model.set_rows(data.top_posts)
        self.lifetime_chart.set_snapshots(data.period.start, [], [])
        if data.top_posts:
            self.posts.selectRow(0)

    def unknown_text(self, insights: Sequence[Insight]) -> str | None:
        """One line for all comparisons that have too few posts yet."""
        unknown = still_unknown(insights)
        if unknown is None:
            return None
        count, nearest = unknown
        locale = QLocale()
        return (
            self.tr(
                "Still unknown — comparisons without enough posts: %1. Each needs at least %2 "
                "posts on both sides; about %n more post(s) would settle the nearest.",
                "",
                nearest,
            )
            .replace("%1", locale.toString(count))
            .replace("%2", locale.toString(MIN_SAMPLE))
        )

    def _show_insights(self, loaded: DashboardLoad) -> None:
        """What was found first (claimed differences in bold, then comparisons that showed
        no clear difference), then one line for all that is not yet known."""
        self.insights.clear()
        claimed = [i for i in loaded.data.insights if i.claimed]
        checked = [i for i in loaded.data.insights if not i.claimed and i.enough_posts]
        waiting = [i for i in loaded.data.insights if not i.enough_posts]
        if not claimed:
            self.insights.addItem(self.tr("No clear differences found yet."))
        for insight in claimed:
            item = QListWidgetItem("✔ " + describe(insight))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.insights.addItem(item)
        for insight in checked:
            self.insights.addItem(describe(insight))
        self._show_comparisons(loaded)
        line = self.unknown_text(waiting)
        if line is not None:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, "unknown")
            font = item.font()
            font.setItalic(True)  # set apart from the findings, in the full text colour
            item.setFont(font)
            item.setToolTip("\n".join(describe(i) for i in waiting[:12]))
            self.insights.addItem(item)
        self.slots.clear()
        names = {a.id: a for a in loaded.accounts}
        for account_id, slots in sorted(loaded.data.slots.items()):
            account = names.get(account_id)
            if account is None:
                continue
            item = QListWidgetItem(
                f"{network_name(account.network)} · {account.label}: "
                f"{format_slots(slots, ui_language())}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (account_id, format_slots(slots)))
            self.slots.addItem(item)
        if not loaded.data.slots:
            self.slots.addItem(self.tr("None yet: no time or weekday stands out clearly."))

    def _show_comparisons(self, loaded: DashboardLoad) -> None:
        """Each of the period's actions: follower growth before against after. A change is
        set in bold like a claimed finding; "cannot tell" is said as plainly."""
        from somestudio.domain.growth.before_after import Verdict  # noqa: PLC0415
        from somestudio.ui.metrics.goal_text import (  # noqa: PLC0415
            compared_account,
            comparison_text,
            day_text,
        )

        end = loaded.data.period.end - timedelta(seconds=1)
        today = end.astimezone(self._zone).date()  # the period's last day: years shown apart
        for action, result in loaded.data.comparisons:
            head = f"{action.note} ({day_text(action.day, today)}): "
            claimed = result.verdict in {Verdict.UP, Verdict.DOWN}
            account = compared_account(action.account_id, loaded.accounts)
            text = comparison_text(result, account=account)
            item = QListWidgetItem(("✔ " if claimed else "") + head + text)
            item.setData(Qt.ItemDataRole.UserRole, "before_after")
            if claimed:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.insights.addItem(item)

    def _on_post_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        post = self.posts_model.row_at(current.row())
        if post is None:
            return
        self.lifetime_chart.set_snapshots(
            post.published_at,
            self.dashboard.post_lifetime(post.delivery_id),
            [self.tr("Engagements"), self.tr("Likes"), self.tr("Reposts"), self.tr("Replies")],
        )

    def _open_index(self, index: QModelIndex) -> None:
        post_id = index.data(POST_ID_ROLE)
        if isinstance(post_id, int):
            self.open_post.emit(post_id)

    def _use_slots(self) -> None:
        item = self.slots.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if self._planner is None or not isinstance(data, tuple):
            return
        account_id, text = data
        self._planner.set_posting_slots(account_id, text, self._zone.key)
        self.summary.setText(self.tr("Posting slots saved: %1").replace("%1", text))

    # ------------------------------------------------------------------ actions

    def fetch_now(self) -> None:
        from somestudio.app.metrics import MetricsCollector  # noqa: PLC0415

        workspace = self._studio.workspace
        self.fetch_button.setEnabled(False)
        self.summary.setText(self.tr("Asking the networks…"))

        def done(report: RefreshReport) -> None:
            self.fetch_button.setEnabled(True)
            text = self._fetch_text(report)
            self._fetch_said = text  # the reload's summary would otherwise replace it
            self.summary.setText(text)  # at once; the reload's summary says it again
            self.reload()

        def failed(error: BaseException) -> None:
            self.fetch_button.setEnabled(True)
            self.summary.setText(self.tr("Fetching failed: %1").replace("%1", str(error)))

        self.tasks.run(
            lambda: MetricsCollector(workspace.writable_connection).refresh(), done, failed
        )

    def _fetch_text(self, report: RefreshReport) -> str:
        """What a fetch did; when no account could be asked, which and why (accounts
        published by hand have no numbers to fetch: theirs are entered)."""
        from somestudio.app.metrics import Skip  # noqa: PLC0415 - loaded by the fetch

        asked = [o for o in report.outcomes if not o.skipped]
        if not asked:
            if not report.outcomes:
                return self.tr("No accounts to fetch numbers for.")
            reasons: dict[str, str] = {
                Skip.BY_HAND: self.tr(
                    "Published by hand (enter their numbers with Enter numbers…)"
                ),
                Skip.NOT_SIGNED_IN: self.tr("Not signed in on this computer"),
                Skip.NO_API: self.tr("The network gives no numbers"),
                Skip.EXAMPLE: self.tr("The demo's example accounts"),
                Skip.NO_SERVER: self.tr("No server address"),
            }
            by_reason: dict[str, list[str]] = {}
            for outcome in report.outcomes:
                why = reasons.get(outcome.skipped, outcome.skipped)
                if outcome.network is Network.LOCAL:  # (not a network that gives none)
                    why = self.tr("A Local archive has no readers")
                # With the network: two accounts of one name on two networks read as one.
                named = f"{network_name(outcome.network)} · {outcome.label}"
                by_reason.setdefault(why, []).append(named)
            # A sentence per reason: each starts with a capital.
            said = " ".join(f"{why}: {', '.join(labels)}." for why, labels in by_reason.items())
            return self.tr("No numbers to fetch. %1").replace("%1", said)
        text = self.tr("%n post(s) updated.", "", report.posts_updated)
        if report.errors:
            text += " " + self.tr("Problems: %1").replace("%1", "; ".join(report.errors[:3]))
        return text

    def enter_numbers(self) -> None:
        from somestudio.ui.metrics.entry_dialog import EntryDialog  # noqa: PLC0415

        dialog = EntryDialog(self._studio, self._zone, self, now=self._now)
        dialog.saved.connect(self.reload)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_csv(self) -> None:
        from somestudio.ui.metrics.entry_dialog import import_csv  # noqa: PLC0415

        import_csv(self._studio, self._zone, self, self.reload)

    def export_report(self) -> None:
        from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

        dialog = ReportDialog(self._studio, self._zone, self, today=self.today())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _numbers_come_in(account: Account) -> bool:
    """Fetch now reads this account's numbers (once signed in): its network gives them (it
    has a read budget, the table ``MetricsCollector`` asks too) and Some Studio publishes to
    it (the collector's other reason to skip one)."""
    return account.network in BUDGETS and account.publish_method is PublishMethod.API
