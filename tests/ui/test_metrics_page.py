"""The metrics view: models without widgets, the page on demo data, the report dialog."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from somestudio.app.demo import CAMPAIGN_LABELS
from somestudio.app.metrics_dashboard import DashboardLoad
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.dashboard import PeriodTotals, PostRow, TotalsWithChange
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.metrics.models import POST_ID_ROLE, TopPostsModel, TotalsModel
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks
from tests.accounts_setup import add_archive_account
from tests.conftest import FIXED_DAY

from .a11y import clipped
from .conftest import FIXED_NOON

HELSINKI = ZoneInfo("Europe/Helsinki")
T = datetime(2026, 3, 2, 9, tzinfo=UTC)


def on_fixed_day() -> datetime:
    """The pages' clock: noon of the day the demo is built around."""
    return FIXED_NOON


@pytest.fixture(autouse=True)
def english() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def post(delivery: int, likes: int | None, views: int | None, hours: int = 0) -> PostRow:
    return PostRow(
        delivery_id=delivery,
        post_id=delivery * 10,
        account_id=1,
        network=Network.MASTODON,
        account_label="Kahvila",
        published_at=T + timedelta(hours=hours),
        text=f"Post number {delivery}\nwith a second line",
        media_count=0,
        counts=PostCounts(likes=likes, reposts=1, views=views),
    )


def test_top_posts_model_sorts_by_any_column_and_carries_the_post() -> None:
    model = TopPostsModel(HELSINKI)
    model.set_rows([post(1, 5, 100, 2), post(2, 50, None, 1), post(3, None, 10, 3)])
    # Default: most engagements first.
    assert [model.index(r, 7).data() for r in range(3)] == ["51", "6", "1"]
    assert model.index(0, 0).data(POST_ID_ROLE) == 20
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).delivery_id for r in range(3)] == [2, 1, 3]  # type: ignore[union-attr]
    model.sort(6, Qt.SortOrder.DescendingOrder)  # views; unknown last
    assert [model.index(r, 6).data() for r in range(3)] == ["100", "10", "–"]
    model.sort(8, Qt.SortOrder.DescendingOrder)  # rate
    assert model.index(0, 8).data() == "10.0 %"
    assert model.index(0, 2).data() == "Post number 3 with a second line"
    assert model.index(0, 1).data() == "Mastodon · Kahvila"
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Engagements"


def test_totals_model_shows_change_and_what_is_not_offered() -> None:
    now = PeriodTotals(Network.MASTODON, 4, 30, 6, 4, None, None, None)
    before = PeriodTotals(Network.MASTODON, 2, 20, 0, 0, None, None, None)
    model = TotalsModel()
    model.set_rows([TotalsWithChange(now, before), TotalsWithChange(now, None)])
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Mastodon"
    assert model.index(0, 5).data() == "not offered"  # Mastodon has no views
    assert model.index(0, 6).data() == "40"
    assert model.index(0, 7).data() == "+100 %"
    assert model.index(1, 7).data() == "–"  # nothing to compare with
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 7).data(tip) == "Engagements in the previous period: 20"
    assert model.index(1, 7).data(tip) == (
        "No posts on this channel in the previous period to compare with"
    )  # not "0"
    unfetched = PeriodTotals(Network.MASTODON, 3, None, None, None, None, None, None)
    model.set_rows([TotalsWithChange(now, unfetched), TotalsWithChange(unfetched, before)])
    assert model.index(0, 7).data(tip) == (
        "The previous period's posts have no numbers to compare with"
    )
    assert model.index(1, 7).data(tip) is None  # "no numbers yet" says it all


def test_a_channel_that_reports_no_figures_has_no_engagements_to_show() -> None:
    # A Local archive or a web link reports nothing: "0 engagements" would be a number it
    # never gave.
    silent = PeriodTotals(Network.LOCAL, 3, None, None, None, None, None, None)
    model = TotalsModel()
    model.set_rows([TotalsWithChange(silent, silent)])
    assert [model.index(0, c).data() for c in range(2, 8)] == ["not offered"] * 6


def test_a_channel_without_numbers_yet_is_not_said_to_lack_what_its_network_offers() -> None:
    """Mastodon reports likes, reposts and replies (not views): a period whose Mastodon posts
    have no numbers (published by hand, not fetched yet) says "no numbers yet" for those and
    for engagements and change, and "not offered" only for the views Mastodon has none of."""
    empty = PeriodTotals(Network.MASTODON, 2, None, None, None, None, None, None)
    model = TotalsModel()
    model.set_rows([TotalsWithChange(empty, None)])
    shown = [model.index(0, c).data() for c in range(2, 8)]
    assert shown == [
        "no numbers yet",  # likes
        "no numbers yet",  # reposts
        "no numbers yet",  # replies
        "not offered",  # views: Mastodon's API has none
        "no numbers yet",  # engagements
        "no numbers yet",  # change
    ]
    # LinkedIn reports views but no quotes or bookmarks: its views, too, are only not in yet.
    linkedin = PeriodTotals(Network.LINKEDIN, 1, 4, None, None, None, None, None)
    model.set_rows([TotalsWithChange(linkedin, None)])
    assert [model.index(0, c).data() for c in range(2, 7)] == [
        "4",
        "no numbers yet",
        "no numbers yet",
        "no numbers yet",
        "4",
    ]


@pytest.fixture
def page(demo_home: Path, qtbot: QtBot):
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(demo_home)
    widget = MetricsPage(
        Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.reload()
    yield widget
    workspace.close()


def test_each_filter_box_has_a_visible_caption_a_screen_reader_hears(page) -> None:
    """On Linux Qt names a combo box by its value ("Last 30 days"): what a box is for reaches
    a screen reader only through a label whose buddy it is (the relation AT-SPI sends as
    labelled-by), so each box of the filter bar has a visible caption for it."""
    from PySide6.QtGui import QAccessible  # noqa: PLC0415
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    page.show()
    filters = page.filters
    for box, caption in (
        (filters.channel, "Channel"),
        (filters.account, "Account"),
        (filters.label, "Label"),
        (filters.preset, "Period"),
        (filters.first, "from"),
        (filters.last, "to"),
    ):
        relations = QAccessible.queryAccessibleInterface(box).relations(
            QAccessible.RelationFlag.Label
        )
        labels = [iface.object() for iface, _ in relations]
        assert len(labels) == 1, caption
        (label,) = labels
        assert isinstance(label, QLabel)
        assert label.text() == caption and label.isVisible() and label.buddy() is box
        assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name) == caption


def test_while_loading_the_page_says_so_and_not_that_nothing_was_published(
    demo_home: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first load is read on the page's worker: until it is back, "Loading…" and no
    "Nothing published in this period yet." that would look like an empty period."""
    from somestudio.app.metrics_dashboard import load_dashboard as real_load  # noqa: PLC0415
    from somestudio.ui.metrics import page as metrics_page  # noqa: PLC0415

    release = threading.Event()

    def load_dashboard(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real_load(*args, **kwargs)

    monkeypatch.setattr("somestudio.ui.metrics.page.load_dashboard", load_dashboard)
    workspace = open_workspace(demo_home)
    try:
        widget = metrics_page.MetricsPage(Studio(workspace), HELSINKI, now=on_fixed_day)
        qtbot.addWidget(widget)
        widget.resize(1200, 800)
        widget.show()
        widget.reload()
        qtbot.wait(300)  # the page's turns after it run; the load is held
        assert widget.summary.text() == "Loading…"
        assert widget.empty.isHidden()
        # The charts wait for the numbers (building one on the GUI thread while the worker
        # reads would compete with it): no empty axes, no "nothing published" meanwhile.
        assert widget.charts.count() == 0
        release.set()
        qtbot.waitUntil(lambda: "published in this period" in widget.summary.text())
        qtbot.waitUntil(lambda: not widget.tasks.busy())
        qtbot.waitUntil(lambda: widget.charts.count() == 2)
        assert not widget.totals_chart.is_empty()
    finally:
        release.set()
        workspace.close()


def test_the_page_shows_totals_posts_heatmap_and_insights(page, qtbot: QtBot) -> None:
    assert page.model.rowCount() >= 3
    assert page.empty.isHidden()
    assert page.posts_model.rowCount() > 10
    assert "published in this period" in page.summary.text()
    assert page.heatmap.shown > 0  # cells with posts carry their count
    assert page.insights.count() >= 1
    assert page.filters.channel.count() >= 4  # "All channels" and the demo's networks
    first = page.posts_model.index(0, 0)
    with qtbot.waitSignal(page.open_post) as opened:
        page.posts.activated.emit(first)
    assert opened.args == [first.data(POST_ID_ROLE)]


def test_filtering_by_channel_narrows_everything(page) -> None:
    bluesky = page.filters.channel.findData(Network.BLUESKY.value)
    page.filters.channel.setCurrentIndex(bluesky)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Bluesky"
    networks = {page.posts_model.row_at(r).network for r in range(page.posts_model.rowCount())}
    assert networks == {Network.BLUESKY}
    # Accounts offered follow the channel.
    assert all(
        "Bluesky" in page.filters.account.itemText(i)
        for i in range(1, page.filters.account.count())
    )
    page.filters.channel.setCurrentIndex(0)
    labels = page.filters.label
    counts = []
    for i in range(labels.count()):
        if labels.itemData(i) in CAMPAIGN_LABELS.values():  # the demo's campaign labels
            labels.setCurrentIndex(i)
            counts.append(page.posts_model.rowCount())
    tagged = max(counts)
    assert 0 < tagged < 40


def test_choosing_a_post_draws_its_lifetime(page) -> None:
    page.posts.selectRow(2)
    items = page.lifetime_chart.getPlotItem().listDataItems()
    assert len(items) >= 2  # engagements and likes at least


def test_charts_follow_the_palette(page) -> None:
    palette = QPalette(page.palette())
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.white)
    page.setPalette(palette)
    brush = page.followers_chart.plot_widget.backgroundBrush()
    assert brush.color().lightness() < 20


def test_the_report_dialog_saves_pdf_and_csv(page, tmp_path: Path, qtbot: QtBot) -> None:
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    dialog = ReportDialog(
        page._studio, HELSINKI, page, today=FIXED_DAY, tasks=Tasks(synchronous=True)
    )
    qtbot.addWidget(dialog)
    assert dialog.month.count() == 24
    dialog.save("pdf", tmp_path / "r.pdf")
    pdf = dialog.saved
    dialog.save("csv", tmp_path / "r.csv")
    csv_file = dialog.saved
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert csv_file is not None and "headline" in csv_file.read_text(encoding="utf-8")
    assert "Saved" in dialog.outcome.text()


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 3), date(2026, 11, 1)),
        (date(2027, 1, 31), date(2026, 12, 1)),
        (date(2028, 3, 1), date(2028, 2, 1)),
    ],
)
def test_the_report_defaults_to_the_last_full_month(
    page, qtbot: QtBot, today: date, expected: date
) -> None:
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    dialog = ReportDialog(page._studio, HELSINKI, page, today=today)
    qtbot.addWidget(dialog)
    assert dialog.chosen_month() == expected
    assert dialog.month.itemData(0) == today.replace(day=1)  # the month under way is listed


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_the_report_dialog_refuses_files_inside_the_data_folder(
    page, demo_home: Path, tmp_path: Path, qtbot: QtBot, kind: str
) -> None:
    """Saving over the live database, the settings or a backup is refused before anything is
    written (as the command line refuses it), in the window's words; elsewhere it saves."""
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415
    from somestudio.ui.storage_text import coded_text  # noqa: PLC0415

    dialog = ReportDialog(
        page._studio, HELSINKI, page, today=FIXED_DAY, tasks=Tasks(synchronous=True)
    )
    qtbot.addWidget(dialog)
    (demo_home / "settings.json").write_text('{"catch_up_minutes": 5}\n', encoding="utf-8")
    (demo_home / "backups").mkdir(exist_ok=True)
    (demo_home / "backups" / "somestudio-old.db").write_bytes(b"SQLite format 3\x00backup")
    for target in (
        demo_home / "somestudio.db",
        demo_home / "settings.json",
        demo_home / "backups" / "somestudio-old.db",
    ):
        before = target.read_bytes()
        dialog.save(kind, target)
        assert dialog.saved is None
        assert target.read_bytes() == before, target
        expected = coded_text(
            "export.inside_data_folder", {"target": str(target), "folder": str(demo_home)}
        )
        assert expected is not None and expected in dialog.outcome.text()
        assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    dialog.save(kind, elsewhere / f"fine.{kind}")
    saved = dialog.saved
    assert saved == elsewhere / f"fine.{kind}" and saved.stat().st_size > 0
    assert "Saved" in dialog.outcome.text()
    assert [p.name for p in elsewhere.iterdir()] == [f"fine.{kind}"]


def test_a_load_shows_the_tab_in_view_first_and_the_others_in_later_turns(
    demo_home: Path, qtbot: QtBot
) -> None:
    """The whole load at once kept the window from answering for a tenth of a second or more
    (charts, heatmap and insights together); the tab in view comes first, then each other
    part in an event-loop turn of its own, and nothing of an older load comes after a newer."""
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(demo_home)
    try:
        loads: list[DashboardLoad] = []
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)
        real_show = page._show
        page._show = loads.append  # type: ignore[method-assign,assignment]
        page.reload()
        page._show = real_show  # type: ignore[method-assign]
        page.tasks.synchronous = False  # as in the window: the load came back from a worker
        page.tabs.setCurrentIndex(page.tabs.indexOf(page._when_page))  # Best times
        with qtbot.waitSignal(page.filled, timeout=5000):
            page._show(loads[0])
            assert "published in this period" in page.summary.text()
            assert page.heatmap.shown == 0 and page.insights.count() == 0
            qtbot.waitUntil(lambda: page.heatmap.shown > 0, timeout=2000)
            assert page.insights.count() == 0  # the tab in view came before the others
        assert page.insights.count() >= 1 and page.posts_model.rowCount() > 10
        # A newer load replaces one still being shown: the older one's parts are dropped.
        page.insights.clear()
        page._show(loads[0])
        page._generation += 1  # as a newer _show does
        qtbot.wait(200)
        assert page.insights.count() == 0
    finally:
        workspace.close()


def test_the_posts_and_best_times_tabs_are_built_when_first_shown(
    demo_home: Path, qtbot: QtBot
) -> None:
    """Each chart costs the GUI thread a few hundredths of a second to build, and the page
    opens on the Overview: the Posts and Best times tabs are built when first shown (or
    filled), then stay."""
    from somestudio.ui.metrics.charts import Chart, HeatmapChart, LifetimeChart  # noqa: PLC0415
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(demo_home)
    try:
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)

        def built(kind: type) -> list[Chart]:
            return [c for c in page.findChildren(Chart) if isinstance(c, kind)]

        assert built(HeatmapChart) == [] and built(LifetimeChart) == []
        page.reload()  # a load fills the tabs built; the others when they are built
        assert built(HeatmapChart) == [] and built(LifetimeChart) == []
        page.tabs.setCurrentIndex(page.tabs.indexOf(page._when_page))
        [heatmap] = built(HeatmapChart)
        assert page.heatmap.shown > 0  # filled from the load when built
        assert page.heatmap is heatmap and page.tabs.currentWidget().isAncestorOf(heatmap)
        page.tabs.setCurrentIndex(page.tabs.indexOf(page._posts_page))
        [lifetime] = built(LifetimeChart)
        assert page.tabs.currentWidget().isAncestorOf(page.posts)
        page.reload()  # filled: the same widgets, now with the load
        assert built(HeatmapChart) == [heatmap] and built(LifetimeChart) == [lifetime]
        assert page.heatmap.shown > 0 and page.posts_model.rowCount() > 10
    finally:
        workspace.close()


def test_the_bar_chart_gets_room_for_its_names_and_axis_title(page, qtbot: QtBot) -> None:
    # Left to size hints the bars got a sliver beside the followers chart and the axis title
    # read "Engagem": the bars get two parts of five, and the axis title fits its axis.
    page.show()
    qtbot.waitExposed(page)
    bars, followers = page.charts.sizes()
    assert bars >= 0.35 * (bars + followers)
    axis = page.totals_chart.getPlotItem().getAxis("bottom")
    title = axis.label.boundingRect().width()
    assert title <= axis.boundingRect().width()


def test_other_periods_are_computed_ahead_and_dropped_when_the_data_changes(
    page, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a period is shown, the other presets' periods (of the same filter) are computed
    ahead into the page's cache: a switch to one shows without computing anything; after
    a commit the ones computed ahead are not used."""
    from somestudio.app import metrics_dashboard  # noqa: PLC0415

    assert len(page._ahead) == 5  # 30 days shown: 90, 365, 7 days, this and last month
    page.compute_ahead()
    assert page._ahead == []
    computed: list[object] = []
    real = metrics_dashboard.MetricsDashboard.load

    def counted(self: object, flt: object, period: object) -> object:
        computed.append(period)
        return real(self, flt, period)  # type: ignore[arg-type]

    monkeypatch.setattr(metrics_dashboard.MetricsDashboard, "load", counted)
    year = page.filters.preset.findData("365")
    page.filters.preset.setCurrentIndex(year)
    assert computed == []
    assert "published in this period" in page.summary.text()
    assert page._loaded.data.period == page.filters.period()
    # Anything committed: the periods computed ahead are read afresh.
    workspace = page._studio.workspace
    conn = workspace.writable_connection()
    with transaction(conn):
        conn.execute("UPDATE posts SET notes = 'changed' WHERE id = (SELECT min(id) FROM posts)")
    page.filters.preset.setCurrentIndex(page.filters.preset.findData("90"))
    assert len(computed) == 1


def test_the_report_dialog_grows_to_say_where_it_saved(page, tmp_path: Path, qtbot: QtBot) -> None:
    """The outcome line names the whole path, however long: the dialog grows for it (the
    look-back journey saw "Saved /tmp/…" cut off mid-line in a dialog sized before it)."""
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    dialog = ReportDialog(
        page._studio, HELSINKI, page, today=FIXED_DAY, tasks=Tasks(synchronous=True)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    folder = tmp_path / "kuukausiraportit" / "kahvila-aurinko" / "hallituksen-kokous"
    folder.mkdir(parents=True)
    dialog.save("pdf", folder / "kuukausiraportti.pdf")
    assert dialog.saved == folder / "kuukausiraportti.pdf"
    qtbot.waitUntil(lambda: clipped(dialog) == [], timeout=2000)
    assert str(folder / "kuukausiraportti.pdf") in dialog.outcome.text()


def test_the_report_is_read_and_written_on_a_worker_the_buttons_resting_meanwhile(
    page, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save PDF… pressed from the keyboard: the month is read and the PDF written off the GUI
    thread; meanwhile the Save buttons rest, the outcome line says "Saving…" and the focus
    waits on the month (not on Close, where Enter would close the dialog); the month chosen
    when it was pressed is the one saved, whatever is chosen meanwhile; when it is saved the
    dialog says where and the focus is back on the button."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    from somestudio.app import metrics_report, report_export  # noqa: PLC0415
    from somestudio.ui.metrics import report_dialog  # noqa: PLC0415
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    target = tmp_path / "marraskuu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(report_dialog, "remember", lambda *_a: None)
    started, release = threading.Event(), threading.Event()
    asked: list[tuple[threading.Thread, date]] = []
    real_build = metrics_report.build_report

    def build_report(connect: Any, month: date, zone: ZoneInfo) -> Any:
        asked.append((threading.current_thread(), month))
        started.set()
        if threading.current_thread() is not threading.main_thread():  # never block the GUI
            assert release.wait(10)
        return real_build(connect, month, zone)

    # Wherever the dialog's saving reads the month from (the app's function, or the dialog
    # itself as it did on the GUI thread).
    for module in (report_export, report_dialog):
        monkeypatch.setattr(module, "build_report", build_report, raising=False)
    dialog = ReportDialog(page._studio, HELSINKI, page, today=date(2026, 12, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.pdf_button.setFocus()
    qtbot.waitUntil(dialog.pdf_button.hasFocus)
    qtbot.keyClick(dialog.pdf_button, Qt.Key.Key_Space)
    assert started.wait(10)
    try:
        assert asked[0][0] is not threading.main_thread()
        assert dialog.busy()
        assert not dialog.pdf_button.isEnabled() and not dialog.csv_button.isEnabled()
        assert dialog.close_button.isEnabled()
        assert dialog.outcome.text() == "Saving…"
        assert dialog.month.hasFocus()
        dialog.month.setCurrentIndex(0)  # another month chosen while it saves
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert asked[0][1] == date(2026, 11, 1)
    assert dialog.outcome.text() == f"Saved {target}"
    assert dialog.saved == target and target.read_bytes().startswith(b"%PDF")
    assert dialog.pdf_button.isEnabled() and dialog.csv_button.isEnabled()
    assert dialog.pdf_button.hasFocus()
    assert dialog.chosen_month() == date(2026, 12, 1)  # what was chosen meanwhile stays


def test_a_report_that_cannot_be_written_says_why_after_the_worker(
    page, tmp_path: Path, qtbot: QtBot
) -> None:
    """A failure on the worker comes back as the clear outcome line, the buttons awake."""
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    dialog = ReportDialog(page._studio, HELSINKI, page, today=FIXED_DAY)
    qtbot.addWidget(dialog)
    dialog.save("csv", tmp_path / "no-such-folder" / "r.csv")
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    assert dialog.outcome.text().startswith("Could not save: ")
    assert dialog.saved is None and dialog.csv_button.isEnabled()


def test_a_report_being_saved_when_the_dialog_closes_is_saved_all_the_same(
    page, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed (Close, Esc) while its report is being written: the file is still written,
    whole, and the outcome that nobody is there to read is dropped without a crash."""
    from PySide6.QtWidgets import QDialog  # noqa: PLC0415

    from somestudio.app import metrics_report, report_export  # noqa: PLC0415
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

    started, release = threading.Event(), threading.Event()
    real_build = metrics_report.build_report

    def build_report(connect: Any, month: date, zone: ZoneInfo) -> Any:
        started.set()
        assert release.wait(10)
        return real_build(connect, month, zone)

    monkeypatch.setattr(report_export, "build_report", build_report)
    dialog = ReportDialog(page._studio, HELSINKI, page, today=FIXED_DAY)
    dialog.finished.connect(dialog.deleteLater)  # as the Metrics page opens it
    dialog.show()
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "r.csv"
    dialog.save("csv", target)
    assert started.wait(10)
    dialog.done(QDialog.DialogCode.Rejected)
    qtbot.waitUntil(lambda: not page.findChildren(ReportDialog))
    release.set()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert "headline" in target.read_text(encoding="utf-8")
    assert [p.name for p in folder.iterdir()] == ["r.csv"]  # no temporary left


def test_best_times_says_why_its_grid_is_empty(home: Path, qtbot: QtBot) -> None:
    """A new user's Best times tab was an empty grid with a colour scale and no word of why;
    it says so, and not once numbers are there (the demo's)."""
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)
        page.reload()
        page.tabs.setCurrentWidget(page._when_page)
        assert page.heatmap.shown == 0
        assert page.when_empty.isVisibleTo(page)
        assert page.when_empty.text().startswith("No numbers for posts in this period yet")
    finally:
        workspace.close()


def test_an_empty_period_says_nothing_was_published_once(home: Path, qtbot: QtBot) -> None:
    """The sentence under the table, not again in the bars' place just below it (a new
    user read it twice, one above the other)."""
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        page.reload()
        qtbot.waitUntil(page.empty.isVisible)
        assert page.empty.text() == "Nothing published in this period yet."
        # a period long over says it without "yet" (it read oddly for 2020)
        page.filters.set_range(date(2020, 1, 1), date(2020, 1, 31))
        page.reload()
        qtbot.waitUntil(lambda: page.empty.text() == "Nothing was published in this period.")
        qtbot.waitUntil(lambda: page._totals_chart is not None)
        # nor does the followers chart say "yet" and "Fetch now" (it reads today's counts)
        qtbot.waitUntil(
            lambda: (
                page._followers_chart is not None
                and page._followers_chart.empty.text()
                == "No follower counts were recorded in this period."
            )
        )
        shown = [
            label.text()
            for label in page.findChildren(QLabel)
            if label.isVisible() and label.text() == page.empty.text()
        ]
        assert shown == [page.empty.text()]
    finally:
        workspace.close()


def test_best_times_with_numbers_has_no_empty_note(page, qtbot: QtBot) -> None:
    page.tabs.setCurrentWidget(page._when_page)
    qtbot.waitUntil(lambda: page.heatmap.shown > 0)
    assert not page.when_empty.isVisibleTo(page)


def test_fetch_now_says_why_no_account_could_be_asked(home: Path, qtbot: QtBot) -> None:
    """Only accounts published by hand: "Fetch now" asks no network and says so, with
    where their numbers come from instead, after the reload it asks for (a new user saw
    nothing happen)."""
    from somestudio.domain.networks import PublishMethod  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account_rows.add_account(
                conn, Network.BLUESKY, "mira.bsky.social", publish_method=PublishMethod.MANUAL
            )
            # One name on two networks: each said with its network (they read as one).
            account_rows.add_account(
                conn, Network.THREADS, "mira", publish_method=PublishMethod.MANUAL
            )
            account_rows.add_account(
                conn, Network.INSTAGRAM, "mira", publish_method=PublishMethod.MANUAL
            )
            account_rows.add_account(conn, Network.TIKTOK, "mira.tiktok")
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)
        page.reload()
        page.fetch_button.click()
        said = page.summary.text()
        assert (
            "No numbers to fetch. Published by hand (enter their numbers with Enter "
            "numbers…): Bluesky · mira.bsky.social, Instagram · mira, Threads · mira. "
            "The network gives no numbers: TikTok · mira.tiktok. " + NO_NUMBERS
        ) in said, said
        assert page.fetch_button.isEnabled()
    finally:
        workspace.close()


def test_a_post_without_numbers_shows_unknown_engagements_not_zero() -> None:
    """Published by hand and no numbers entered: "–" like its other figures (a "0" read as
    "nobody reacted"), sorted after the known ones."""
    model = TopPostsModel(HELSINKI)
    unknown = replace(post(4, None, None, 0), counts=PostCounts())
    model.set_rows([unknown, post(1, 5, 100, 2)])
    model.sort(7, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 7).data() for r in range(2)] == ["6", "–"]
    assert model.index(1, 8).data() == "–"


def test_the_posts_words_keep_room_beside_a_long_account_name(tmp_path: Path, qtbot: QtBot) -> None:
    """A long Mastodon address took the row, and the post's words were squeezed to "T…"."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.domain.networks import PublishMethod  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415
    from tests.integration.metric_servers import published  # noqa: PLC0415

    workspace = open_workspace(tmp_path)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(
                conn, Network.MASTODON, "@laura_virtanen@mastodon.social",
                publish_method=PublishMethod.MANUAL,
            )  # fmt: skip
            published(
                conn, account, FIXED_NOON - timedelta(days=1), "m1",
                text="Tänään päivitin portfolioni: data-analyysiprojekti on nyt valmis",
            )  # fmt: skip
        page = MetricsPage(
            Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
        )
        qtbot.addWidget(page)
        page.resize(960, 700)
        page.show()
        page.reload()
        page.tabs.setCurrentIndex(page.tabs.indexOf(page._posts_page))
        QApplication.processEvents()
        words = page.posts.columnWidth(2)
        assert words >= 150, (words, page.posts.columnWidth(1))
        name = page.posts_model.index(0, 1)
        assert name.data(Qt.ItemDataRole.ToolTipRole) == (
            "Mastodon · @laura_virtanen@mastodon.social"
        )
    finally:
        workspace.close()


NO_NUMBERS = (
    "No account here gives numbers by itself (a Local archive has no readers; posts published "
    "by hand are counted on their network): Enter numbers… and Import CSV… add them."
)


def test_accounts_that_give_no_numbers_are_said_up_front(
    home: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    from somestudio.ui.metrics.page import MetricsPage  # noqa: PLC0415

    workspace = open_workspace(home)
    add_archive_account(workspace, tmp_path, "Arkisto")
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(
            conn, Network.INSTAGRAM, "kahvila", publish_method=PublishMethod.MANUAL
        )
    widget = MetricsPage(
        Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True), now=on_fixed_day
    )
    qtbot.addWidget(widget)
    widget.reload()
    assert widget.summary.text().endswith(NO_NUMBERS)
    widget.fetch_now()  # what it did, and the hint stays
    said = widget.summary.text()
    assert "A Local archive has no readers: Local archive · Arkisto." in said, said
    assert "network" not in said.split("No numbers to fetch.")[1].split("(")[0], said
    assert said.endswith(NO_NUMBERS), said
    with transaction(conn):
        account_rows.add_account(conn, Network.MASTODON, "@kahvila@m.example")
    widget.reload()
    assert NO_NUMBERS not in widget.summary.text()  # one whose numbers Fetch now reads
    workspace.close()


def test_the_demo_is_not_told_it_gives_no_numbers(page) -> None:
    assert NO_NUMBERS not in page.summary.text()


def _type_day(qtbot: QtBot, edit: Any, text: str) -> None:
    """Select the box's day and type another, then Tab on, as a person does."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_a_day_typed_past_the_other_end_moves_it_and_says_so(page, qtbot: QtBot) -> None:
    """A "from" typed after "to" (or a "to" before "from") keeps the day typed and moves
    the other end to it, with a note beside them (it moved silently, and a "to" typed
    first was thrown away for the "from")."""
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    filters = page.filters
    filters.set_range(date(2031, 3, 1), date(2031, 3, 31))
    _type_day(qtbot, filters.first, "10/04/2031")  # (the test's locale: en_GB)
    assert (filters.first.date().toPython(), filters.last.date().toPython()) == (
        date(2031, 4, 10),
        date(2031, 4, 10),
    )
    assert filters.days_note.isVisible()
    assert filters.days_note.text() == "“to” moved to 10/04/2031 with “from”"
    _type_day(qtbot, filters.last, "20/04/2031")  # apart again: the note goes
    assert not filters.days_note.isVisible()
    _type_day(qtbot, filters.last, "05/02/2031")  # the "to" typed is kept
    assert (filters.first.date().toPython(), filters.last.date().toPython()) == (
        date(2031, 2, 5),
        date(2031, 2, 5),
    )
    assert filters.days_note.text() == "“from” moved to 05/02/2031 with “to”"
    assert filters.period().start.astimezone(HELSINKI).date() == date(2031, 2, 5)
    filters.preset.setCurrentIndex(filters.preset.findText("Last 30 days"))
    assert not filters.days_note.isVisible()  # a period chosen whole


def test_a_typed_day_that_is_no_day_is_named_beside_the_days(page, qtbot: QtBot) -> None:
    """A day "31.11." was kept in its box without a word, the figures those of the day before, and
    the note of a move before stayed (a new user's finding); a long note widened the
    window (800 → 1011 px)."""
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    filters = page.filters
    filters.set_range(date(2031, 3, 1), date(2031, 3, 31))
    narrow = filters.minimumSizeHint().width()
    _type_day(qtbot, filters.first, "10/04/2031")  # a move: its note
    assert filters.days_note.text().startswith("“to” moved")
    _type_day(qtbot, filters.first, "31/11/2031")
    assert filters.days_note.isVisible()
    assert filters.days_note.text() == (
        "“31/11/2031” is not a day: there are 30 days in November 2031."
    )
    assert filters.first.date().toPython() == date(2031, 4, 10)  # the day it had
    assert filters.minimumSizeHint().width() <= narrow + 2  # wrapped, not wider
    page.resize(800, 600)  # a small window: across the bar, a line or two (six beside it)
    qtbot.waitUntil(lambda: filters.width() <= 800)
    spacing = filters.days_note.fontMetrics().lineSpacing()
    assert filters.days_note.height() <= 2 * spacing + 4
    _type_day(qtbot, filters.first, "01/04/2031")  # mended: the reason goes
    assert not filters.days_note.isVisible()


def test_an_account_keeps_its_colour_on_the_page_and_in_the_report(page, qtbot: QtBot) -> None:
    """Mastodon's line was pink on the page and green in the monthly report's PDF, and an
    account's colour changed with what else the period or filter showed."""
    from somestudio.app.metrics_report import build_report  # noqa: PLC0415
    from somestudio.ui.metrics.colours import LIGHT_SERIES  # noqa: PLC0415

    qtbot.waitUntil(lambda: page._followers_chart is not None)
    chart = page.followers_chart
    qtbot.waitUntil(lambda: bool(chart._dot_labels))
    accounts = sorted(page._studio.accounts(), key=lambda a: a.id)
    shown = {a.id: chart.line_colour(f"{network_name(a.network)} · {a.label}") for a in accounts}
    drawn = {i: c for i, c in shown.items() if c is not None}
    assert len(drawn) >= 2
    report = build_report(page._studio.workspace.connection, date(2026, 11, 1), HELSINKI)
    for account in accounts:
        slot = report.follower_slots[f"{account.label} ({account.network.display_name})"]
        colour = drawn.get(account.id)
        if colour is not None:  # the page's line and the report's, one colour
            assert colour.name() == QColor(LIGHT_SERIES[slot % len(LIGHT_SERIES)]).name()
    # one account filtered: its line keeps its colour
    one = next(iter(drawn))
    page.filters.account.setCurrentIndex(page.filters.account.findData(one))
    label = next(f"{network_name(a.network)} · {a.label}" for a in accounts if a.id == one)
    qtbot.waitUntil(lambda: chart._dot_labels == [label])
    assert chart.line_colour(label) == drawn[one]
