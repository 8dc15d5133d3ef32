"""The Metrics page at scale: charts draw no more points than they have pixels for, a reload
does not measure every top post to size the columns, and the first open from the navigation
imports the charts on a worker while a busy note shows."""

from __future__ import annotations

import importlib.abc
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from somestudio.domain.metrics import AccountPoint
from somestudio.ui.main_window import PAGE_MODULES, SLOW_MODULES
from somestudio.ui.metrics.charts import FollowersChart
from somestudio.ui.metrics.page import RESIZE_ROWS, MetricsPage

from .conftest import MakeWindow


def test_a_year_of_followers_is_drawn_at_most_a_few_points_per_pixel(qtbot: QtBot) -> None:
    start = datetime(2025, 6, 1, tzinfo=UTC)
    series = {
        f"account {a}": [
            AccountPoint(start + timedelta(hours=6 * i), 1000 * a + (i % 97) - (i % 13) * 3)
            for i in range(1460)
        ]
        for a in range(1, 11)
    }
    chart = FollowersChart()
    qtbot.addWidget(chart)
    chart.resize(560, 360)
    chart.set_series(series)
    chart.show()
    qtbot.waitExposed(chart)
    chart.plot_widget.grab()
    for item in chart.getPlotItem().listDataItems():
        width = item.getViewBox().width()  # the plotting area, in pixels
        xs, ys = item.getData()
        # down-sampled to a column of two pixels (its lowest and highest count) at most
        assert len(xs) <= 1.1 * width < 1460
        # "peak": each pixel column keeps its lowest and highest count
        full = item.getOriginalDataset()
        assert np.nanmax(ys) == np.nanmax(full[1]) and np.nanmin(ys) == np.nanmin(full[1])
        # one pixel wide: Qt's fast path for antialiased lines (two took 40 ms a repaint)
        assert item.opts["pen"].widthF() <= 1


def test_the_overview_charts_are_built_after_the_page(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """Each overview chart is built in an event-loop turn of its own once the first load is
    back, not in the page's first open; they then stand in their order, the bars first."""
    window = make_window(demo_home)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("metrics")  # built now, on this thread
    assert isinstance(page, MetricsPage)
    assert page.charts.count() == 0
    assert page._totals_chart is None and page._followers_chart is None
    page.reload()
    assert page.charts.count() == 0  # the load is on the worker
    with qtbot.waitSignal(page.filled, timeout=20_000):
        pass
    assert page.charts.count() == 2
    # No view menus built (the charts offer none; pyqtgraph made one per chart eagerly).
    assert page.totals_chart.getPlotItem().vb.menu is None
    assert page.followers_chart.getPlotItem().vb.menu is None
    assert page.charts.widget(0) is page.totals_chart
    assert page.charts.widget(1) is page.followers_chart


def test_top_posts_columns_are_sized_from_a_bounded_number_of_rows(
    demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    header = window.metrics.posts.horizontalHeader()
    assert header.resizeContentsPrecision() == RESIZE_ROWS < 200
    assert window.metrics.posts.verticalHeader().resizeContentsPrecision() == RESIZE_ROWS


def test_first_open_from_the_navigation_imports_the_page_on_a_worker(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow, monkeypatch
) -> None:
    window = make_window(demo_home)
    window.show()
    qtbot.waitExposed(window)
    assert SLOW_MODULES["metrics"] in PAGE_MODULES["metrics"]
    # As in a fresh process: the page's modules (its tabs' too) not imported yet.
    saved = {m: sys.modules.pop(m) for m in PAGE_MODULES["metrics"]}
    imported_on: dict[str, threading.Thread] = {}

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, *_args: object) -> None:
            if name in saved:
                imported_on[name] = threading.current_thread()

    watch = Watch()
    sys.meta_path.insert(0, watch)
    try:
        window.show_page("metrics")
        # At once: the busy note in the page's place, nothing built on the GUI thread.
        assert "metrics" not in window._pages
        current = window.stack.currentWidget()
        assert current is not None and current.findChild(QLabel, "PageLoading") is not None
        qtbot.waitUntil(lambda: "metrics" in window._pages, timeout=15_000)
        assert window.stack.currentWidget() is window._pages["metrics"]
        assert window.current_page() == "metrics"
        assert set(imported_on) == set(saved)  # each imported on the worker, none here
        assert threading.main_thread() not in imported_on.values()
    finally:
        sys.meta_path.remove(watch)
        for module, found in saved.items():
            sys.modules[module] = found  # the classes other tests hold


def test_a_followers_redraw_gives_the_kept_curves_new_data(qtbot: QtBot) -> None:
    """Redrawn with new data (a filter switch), the chart's curves are the ones it had,
    showing the new counts; a count not read stays a gap; fewer accounts, fewer curves."""
    start = datetime(2025, 6, 1, tzinfo=UTC)

    def points(base: int, gap: bool = False) -> list[AccountPoint]:
        return [
            AccountPoint(start + timedelta(days=i), None if gap and i == 5 else base + i)
            for i in range(10)
        ]

    chart = FollowersChart()
    qtbot.addWidget(chart)
    chart.resize(560, 360)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_series({"a": points(100), "b": points(200)})
    before = chart.getPlotItem().listDataItems()
    chart.set_series({"a": points(300, gap=True), "b": points(400)})
    chart.plot_widget.grab()
    after = chart.getPlotItem().listDataItems()
    assert after == before  # the same items, not new ones
    first = after[0].getOriginalDataset()[1]
    assert np.isnan(first[5]) and first[0] == 300  # the new counts, the gap kept
    assert not after[0].opts["skipFiniteCheck"]  # pyqtgraph checks where there is a gap
    assert after[1].opts["skipFiniteCheck"]
    assert list(after[1].getOriginalDataset()[1]) == [400.0 + i for i in range(10)]
    chart.set_series({"b": points(500)})
    assert chart.getPlotItem().listDataItems() == before[:1]
    assert chart.getPlotItem().listDataItems()[0].getOriginalDataset()[1][0] == 500
