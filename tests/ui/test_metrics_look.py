"""How the metrics page reads: legends beside the plots, axes with units and dates in the
user's language, no clipped or colliding labels, honest heatmap cells, sort arrows that
point the way the column runs, and Insights that lead with what was found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtWidgets import QLabel, QStyleOptionHeader
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.insights import Factor, HeatCell, Insight, Measure
from somestudio.domain.metrics import AccountPoint
from somestudio.domain.networks import Network
from somestudio.ui.metrics.chart_parts import (
    LocaleCountAxis,
    LocaleDateAxis,
    date_tick,
    heat_alpha,
)
from somestudio.ui.metrics.charts import FollowersChart, HeatmapChart, TotalsChart
from somestudio.ui.metrics.sort_header import SortHeader
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks

from .conftest import FIXED_NOON

HELSINKI = ZoneInfo("Europe/Helsinki")
FINNISH = QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
ENGLISH_MONTHS = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
DAY = 86_400.0


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def page(demo_home: Path, qtbot: QtBot):
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(demo_home)
    widget = MetricsPage(
        Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=lambda: FIXED_NOON
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reload()
    yield widget
    workspace.close()


def followers(days: int) -> list[AccountPoint]:
    start = datetime(2026, 11, 3, 10, tzinfo=UTC)
    return [
        AccountPoint(fetched_at=start + timedelta(days=d), followers=100 + d) for d in range(days)
    ]


def finnish_date_axis(qtbot: QtBot, width: int) -> LocaleDateAxis:
    """The date axis of a Finnish followers chart ``width`` pixels wide, drawn once."""
    QLocale.setDefault(FINNISH)
    chart = FollowersChart(zone=HELSINKI)
    qtbot.addWidget(chart)
    chart.resize(width, 300)
    chart.set_series({"Mastodon · Kahvila": followers(40)})
    chart.show()
    qtbot.waitExposed(chart)
    chart.plot_widget.grab()  # the axis measures its font when it is first drawn
    axis = chart.getPlotItem().getAxis("bottom")
    assert isinstance(axis, LocaleDateAxis)
    return axis


def tick_texts(axis: LocaleDateAxis, low: float, high: float, width: int) -> list[str]:
    return [
        text
        for spacing, values in axis.tickValues(low, high, width)
        for text in axis.tickStrings(values, 1.0, spacing)
    ]


def test_finnish_date_axis_has_no_english_months(qtbot: QtBot) -> None:
    axis = finnish_date_axis(qtbot, 600)
    low, high = datetime(2026, 11, 3, tzinfo=UTC), datetime(2026, 12, 13, tzinfo=UTC)
    texts = tick_texts(axis, low.timestamp(), high.timestamp(), 600)
    assert texts and not [t for t in texts if ENGLISH_MONTHS.search(t)]
    assert "3.12." in texts or "2.12." in texts or "1.12." in texts
    # A narrow chart still gets several dates, not a lone month name.
    month = [v for _s, values in axis.tickValues(low.timestamp(), low.timestamp() + 30 * DAY, 320)
             for v in values]  # fmt: skip
    assert len(month) >= 3
    year = axis.tickValues(low.timestamp(), low.timestamp() + 400 * DAY, 600)
    assert len(year) == 1  # one level: month names never over the days beside them
    december = datetime(2026, 12, 3, 12, tzinfo=HELSINKI)
    for spacing in (3600.0, DAY, 7 * DAY, 31 * DAY, 365 * DAY):
        assert not ENGLISH_MONTHS.search(date_tick(december, spacing, FINNISH))
    assert date_tick(december, DAY, FINNISH) == "3.12."
    assert date_tick(december, 31 * DAY, FINNISH) == FINNISH.standaloneMonthName(
        12, QLocale.FormatType.ShortFormat
    )
    assert date_tick(december, 3600.0, FINNISH) == "12.00"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert date_tick(december, DAY, english) == "03/12"


def test_a_followers_axis_counts_whole_followers_as_the_locale_writes_them(
    qtbot: QtBot,
) -> None:
    """pyqtgraph's own axis wrote "2309.5" followers, with a point in Finnish too."""
    QLocale.setDefault(FINNISH)
    chart = FollowersChart(zone=HELSINKI)
    qtbot.addWidget(chart)
    axis = chart.getPlotItem().getAxis("left")
    assert isinstance(axis, LocaleCountAxis)
    values = [v for spacing, vs in axis.tickValues(2308.0, 2311.0, 300) for v in vs]
    assert values and all(v == int(v) for v in values)  # no half a follower
    assert axis.tickStrings([2310.0, 12000.0], 1.0, 1.0) == [
        FINNISH.toString(2310),
        FINNISH.toString(12000),
    ]
    assert FINNISH.toString(12000) != "12000"  # a group separator, as Finnish writes it
    totals = TotalsChart()
    qtbot.addWidget(totals)
    assert isinstance(totals.getPlotItem().getAxis("bottom"), LocaleCountAxis)


def test_legends_sit_beside_the_plot_never_over_it(page, qtbot: QtBot) -> None:
    for chart in (page.totals_chart, page.followers_chart):
        assert chart.getPlotItem().legend is None  # nothing drawn over the data
        assert chart.legend.isVisible() and chart.legend.names()
        plot = chart.plot_widget
        assert chart.legend.x() >= plot.mapTo(chart, plot.rect().topRight()).x()
    assert page.totals_chart.legend.names() == ["Previous period", "This period"]


def test_every_axis_says_what_it_counts(page) -> None:
    page.posts.selectRow(0)
    assert page.followers_chart.axis_label("left") == "Followers"
    assert page.followers_chart.axis_label("bottom") == "Date"
    assert page.lifetime_chart.axis_label("bottom") == "Hours since publishing"
    assert page.lifetime_chart.axis_label("left")
    assert "Engagements" in page.totals_chart.axis_label("bottom")
    assert page.heatmap.axis_label("left") and page.heatmap.axis_label("bottom")
    for chart in (page.followers_chart, page.lifetime_chart, page.heatmap):
        for name in ("left", "bottom"):
            assert chart.getPlotItem().getAxis(name).labelText


def test_channel_names_never_collide_in_finnish(qtbot: QtBot) -> None:
    QLocale.setDefault(FINNISH)
    chart = TotalsChart()
    qtbot.addWidget(chart)
    chart.resize(420, 300)
    names = ["Instagram", "Paikallinen arkisto", "Mastodon", "Julkaise käsin"]
    chart.set_totals([(n, 10 * i + 5, 7) for i, n in enumerate(names)], "Tämä", "Edellinen")
    # Horizontal bars: each channel name on its own row of the vertical axis.
    assert chart.tick_labels() == names
    assert chart.getPlotItem().getAxis("bottom")._tickLevels is None


def test_empty_charts_show_a_sentence_not_empty_axes(qtbot: QtBot) -> None:
    chart = TotalsChart()
    qtbot.addWidget(chart)
    chart.set_title("Engagements per channel")
    chart.set_empty_text("Nothing published in this period yet.")
    chart.set_totals([], "This period", "Previous period")
    assert chart.is_empty() and not chart.legend.isVisibleTo(chart)
    assert "Nothing published" in chart.empty.text()
    chart.set_totals([("Mastodon", 3, 1)], "This period", "Previous period")
    assert not chart.is_empty()
    followers_chart = FollowersChart()
    qtbot.addWidget(followers_chart)
    followers_chart.set_series({})
    assert followers_chart.is_empty()


def test_period_box_shows_its_whole_text(page) -> None:
    preset = page.filters.preset
    needed = max(
        preset.fontMetrics().horizontalAdvance(preset.itemText(i)) for i in range(preset.count())
    )
    assert preset.width() > needed + 16  # the text and the arrow, not "Last 30 da"


def test_heatmap_shades_by_rate_and_by_how_many_posts(qtbot: QtBot) -> None:
    assert heat_alpha(0) == 0
    assert heat_alpha(1) < heat_alpha(3) < heat_alpha(10) == heat_alpha(20) == 1.0
    chart = HeatmapChart()
    qtbot.addWidget(chart)
    grid = [[HeatCell(0, None) for _ in range(24)] for _ in range(7)]
    grid[0][9] = HeatCell(1, 0.08)  # one lucky post
    grid[2][9] = HeatCell(20, 0.08)  # the same rate from twenty posts
    grid[4][12] = HeatCell(20, 0.04)
    chart.set_grid(grid)
    assert chart.strength[0, 9] < chart.strength[2, 9]
    image = chart.image.image.astype(int)

    def colourfulness(day: int, hour: int) -> int:  # how far from the neutral grey
        return int(abs(image[day, hour, :3] - 140).sum())

    assert colourfulness(0, 9) < colourfulness(2, 9)  # the one-post cell is pale
    assert colourfulness(2, 9) > colourfulness(4, 12)  # and rate still sets the colour
    assert image[0, 9, 3] == image[2, 9, 3] == 255
    assert image[1, 9, 3] == 0  # no posts: nothing drawn


def test_sort_arrow_points_the_way_the_column_runs(page, qtbot: QtBot) -> None:
    header = page.posts.horizontalHeader()
    assert isinstance(header, SortHeader)
    model = page.posts_model

    def arrow(column: int) -> QStyleOptionHeader.SortIndicator:
        option = QStyleOptionHeader()
        header.initStyleOptionForIndex(option, column)
        return option.sortIndicator

    engagements = [model.row_at(r).engagements for r in range(model.rowCount())]
    assert engagements == sorted(engagements, reverse=True)  # largest first…
    assert arrow(7) == QStyleOptionHeader.SortIndicator.SortDown  # …so the arrow points down
    page.posts.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    engagements = [model.row_at(r).engagements for r in range(model.rowCount())]
    assert engagements == sorted(engagements)
    assert arrow(7) == QStyleOptionHeader.SortIndicator.SortUp
    assert arrow(3) == QStyleOptionHeader.SortIndicator.None_


def insight(group_size: int, rest_size: int) -> Insight:
    return Insight(
        Network.MASTODON, Factor.WEEKDAY, "0", Measure.RATE, group_size, rest_size,
        None, None, None, None, None, None, None, False,
    )  # fmt: skip


def test_insights_lead_with_findings_and_one_line_for_the_unknown(page) -> None:
    texts = [page.insights.item(i).text() for i in range(page.insights.count())]
    assert not [t for t in texts if "too few posts" in t]
    unknown = [t for t in texts if t.startswith("Still unknown")]
    assert len(unknown) <= 1
    if unknown:
        assert texts[-1] == unknown[0] and texts[0] != unknown[0]
    assert len(texts) < 30
    line = page.unknown_text([insight(3, 40), insight(8, 9), insight(12, 30)])
    assert line is not None
    assert "comparisons without enough posts: 2." in line
    assert "about 3 more post" in line and "settle the nearest" in line
    assert page.unknown_text([insight(12, 30)]) is None


def test_heatmap_writes_every_count_with_one_item_in_its_cell(qtbot: QtBot) -> None:
    """168 text items (one per cell) made a first Metrics open block the window for a fifth
    of a second; one item writes them all, each count in the middle of its own cell."""
    chart = HeatmapChart()
    qtbot.addWidget(chart)
    chart.resize(720, 360)
    chart.show()
    qtbot.waitExposed(chart)
    items_before = len(chart.getPlotItem().items)
    grid = [[HeatCell(3 + hour, 0.05) for hour in range(24)] for _ in range(7)]
    chart.set_grid(grid)
    assert len(chart.getPlotItem().items) == items_before  # no item per cell
    assert chart.shown == 7 * 24
    assert (9, 2, "12", chart.counts.cells[2 * 24 + 9][3]) == chart.counts.cells[2 * 24 + 9]
    # Painted: a cell's middle shows text in the count's colour, not only the cell's fill.
    picture = chart.plot_widget.grab().toImage()
    view = chart.getPlotItem().getViewBox()
    middle = chart.plot_widget.mapFromScene(view.mapViewToScene(QPointF(9.5, 2.5)))
    around = {
        picture.pixelColor(middle.x() + dx, middle.y() + dy).rgb()
        for dx in range(-6, 7)
        for dy in range(-5, 6)
    }
    assert len(around) > 2  # the digits' pixels among the cell's one fill colour


def test_channels_without_engagement_counts_are_named_not_drawn_as_empty_bars(page) -> None:
    """The demo's networks other than Mastodon give no engagement counts: as bars named
    "LinkedIn · not offered" they squeezed the plot (in Finnish the axis title was cut)."""
    chart = page.totals_chart
    offered = [t for t in page._loaded.data.totals if t.current.offers_engagements]
    silent = [t for t in page._loaded.data.totals if not t.current.offers_engagements]
    assert offered and silent  # the demo has both kinds
    assert len(chart.tick_labels()) == len(offered)
    assert not any("not offered" in label for label in chart.tick_labels())
    assert chart.note.isVisibleTo(chart)
    assert chart.note.text().startswith("No engagement counts from: ")
    assert all(network_name(t.current.network) in chart.note.text() for t in silent)


def test_a_long_date_axis_names_its_years(qtbot: QtBot) -> None:
    """A 15-month chart's axis of month names says the year at each January."""
    axis = finnish_date_axis(qtbot, 800)
    low = datetime(2026, 9, 1, tzinfo=HELSINKI).timestamp()
    high = datetime(2027, 12, 1, tzinfo=HELSINKI).timestamp()
    texts = tick_texts(axis, low, high, 800)
    assert "2027" in texts
    assert FINNISH.standaloneMonthName(12, QLocale.FormatType.ShortFormat) in texts
    assert date_tick(datetime(2027, 1, 1, tzinfo=HELSINKI), 31 * DAY, FINNISH) == "2027"


def test_a_year_axis_ticks_the_local_midnights_that_start_months(qtbot: QtBot) -> None:
    """Past four months the ticks are months (or years) worked out in the chart's zone, as
    many as fit: each a local midnight on the first of a month, in summer time too."""
    axis = finnish_date_axis(qtbot, 456)
    low = datetime(2025, 12, 4, 13, tzinfo=UTC).timestamp()
    high = low + 365 * DAY
    ((spacing, values),) = axis.tickValues(low, high, 456)
    assert 4 <= len(values) <= 13
    assert spacing >= 28 * DAY
    for value in values:
        moment = datetime.fromtimestamp(value, HELSINKI)
        assert (moment.day, moment.hour, moment.minute) == (1, 0, 0)
        assert low <= value <= high
    assert "2026" in tick_texts(axis, low, high, 456)
    # Ten years on the same width: years, not 120 month ticks.
    ((spacing, values),) = axis.tickValues(high - 3650 * DAY, high, 456)
    assert spacing >= 360 * DAY and 2 <= len(values) <= 10


def test_a_narrow_chart_puts_its_legend_under_the_plot_in_columns(qtbot: QtBot) -> None:
    chart = TotalsChart()
    qtbot.addWidget(chart)
    chart.set_totals([("Mastodon", 30, 20), ("Bluesky", 12, 9)], "This period", "Previous period")
    chart.resize(900, 300)
    chart.show()
    qtbot.waitExposed(chart)
    plot, legend = chart.plot_widget, chart.legend
    assert legend.beside and legend.x() >= plot.geometry().right()
    chart.resize(300, 300)  # a third of an 800-pixel window: beside, the bars got a sliver
    qtbot.waitUntil(lambda: not legend.beside)
    qtbot.wait(10)
    assert legend.y() >= plot.mapTo(chart, plot.rect().bottomLeft()).y()
    assert plot.width() > 250  # the plot has the chart's width
    names = [label for label in legend.findChildren(QLabel) if label.accessibleName()]
    assert len(names) == 2
    tops = {label.mapTo(legend, label.rect().topLeft()).y() for label in names}
    assert len(tops) == 1, "two short names side by side under the plot, not one per line"
    chart.resize(900, 300)
    qtbot.waitUntil(lambda: legend.beside)
    assert legend.maximumWidth() < 300


def test_a_narrow_overview_stacks_its_charts_and_scrolls(page, qtbot: QtBot) -> None:
    area = page.overview
    assert not area.stacked  # 1200 pixels wide: side by side
    totals, followers = page.totals_chart, page.followers_chart
    assert totals.x() < followers.x() and totals.y() == followers.y()
    page.resize(620, 560)  # the page beside the pages list in an 800 × 600 window
    qtbot.waitUntil(lambda: area.stacked)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    assert (
        followers.mapTo(area.widget(), followers.rect().topLeft()).y()
        >= totals.mapTo(area.widget(), totals.rect().bottomLeft()).y()
    )
    assert followers.width() > 500 and followers.height() > 200
    assert page.table.height() > 4 * page.table.verticalHeader().defaultSectionSize()
    page.resize(1200, 800)
    qtbot.waitUntil(lambda: not area.stacked)


def test_the_wheel_over_a_chart_scrolls_the_overview_while_it_scrolls(page, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint  # noqa: PLC0415
    from PySide6.QtGui import QWheelEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    area, chart = page.overview, page.totals_chart
    page.resize(620, 560)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    viewport = chart.plot_widget.viewport()
    view = chart.getPlotItem().getViewBox()

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    before = view.viewRange()
    wheel(Qt.KeyboardModifier.NoModifier)
    assert area.verticalScrollBar().value() > 0
    assert view.viewRange() == before  # the chart did not zoom
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.viewRange() != before  # Ctrl+wheel zooms it


def test_top_posts_keep_the_posts_words_and_engagements_in_view(page, qtbot: QtBot) -> None:
    """The page beside the pages list in a 1024-pixel window: the post's words had shrunk to
    "Glögikausi …" (stretched, the column gave way first) and, in Finnish, the column the
    table is sorted by was past the right edge."""
    page.resize(830, 560)
    page.tabs.setCurrentWidget(page._posts_page)
    posts = page.posts
    qtbot.waitUntil(lambda: page.posts_model.rowCount() > 0)
    header = posts.horizontalHeader()
    floor = posts.fontMetrics().averageCharWidth() * 30
    qtbot.waitUntil(lambda: header.sectionSize(2) >= floor)
    engagements = header.sectionViewportPosition(7)
    assert header.visualIndex(7) == header.visualIndex(2) + 1  # beside the post
    assert engagements >= 0 and engagements + header.sectionSize(7) <= posts.viewport().width()
    page.resize(1600, 800)  # room to spare: the post's words take it
    qtbot.waitUntil(
        lambda: header.sectionSize(2) > floor and header.length() == posts.viewport().width()
    )


@pytest.mark.parametrize(
    ("locale", "hours"),
    [
        (
            QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
            ["12 AM", "3 AM", "6 AM", "9 AM", "12 PM", "3 PM", "6 PM", "9 PM"],
        ),
        (FINNISH, ["00", "03", "06", "09", "12", "15", "18", "21"]),
    ],
    ids=["en_US", "fi"],
)
def test_the_heatmaps_hours_are_written_as_the_users_clock_writes_them(
    qtbot: QtBot, locale: QLocale, hours: list[str]
) -> None:
    """In an American's English the hours read 00, 03 … 21 (a check on the real program)."""
    QLocale.setDefault(locale)
    chart = HeatmapChart()
    qtbot.addWidget(chart)
    ticks = chart.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [text for _value, text in ticks] == hours
