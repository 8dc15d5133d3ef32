"""The charts' text alternative: a screen reader found only "Followers" with an empty
description. Each chart says what it shows in words (latest value and change per line,
each channel's bars, the best hour), anew when its data changes, in the user's language.
Read through Qt's accessibility interfaces, as AT-SPI gets them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from somestudio.domain.insights import HeatCell
from somestudio.domain.metrics import AccountPoint
from somestudio.ui.metrics.charts import FollowersChart, HeatmapChart, TotalsChart

START = datetime(2026, 11, 1, 9, tzinfo=UTC)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    QLocale.setDefault(ENGLISH)
    yield
    QLocale.setDefault(QLocale.c())


def heard(widget: QWidget) -> tuple[str, str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def test_the_followers_chart_says_each_lines_latest_count_and_change(qtbot: QtBot) -> None:
    chart = FollowersChart()
    qtbot.addWidget(chart)
    chart.set_title("Followers")
    chart.set_empty_text("No follower counts yet.")
    chart.show()
    chart.set_series({})
    assert heard(chart.plot_widget) == ("Followers", "No follower counts yet.")
    grow = [AccountPoint(START + timedelta(days=d), 1200 + 5 * d) for d in range(11)]
    shrink = [AccountPoint(START + timedelta(days=d), 300 - d) for d in range(4)]
    one = [AccountPoint(START, 40)]
    notes = [(START + timedelta(days=3), "Job fair")]
    chart.set_series({"Mastodon · kahvila": grow, "Bluesky · kahvila": shrink, "X · k": one}, notes)
    name, description = heard(chart.plot_widget)
    assert name == "Followers"
    assert description == (
        "Bluesky · kahvila: 297 now, −3 over the period; "
        "Mastodon · kahvila: 1,250 now, +50 over the period; "
        "X · k: 40; Your actions: Job fair"
    )
    # Anew when the data changes.
    chart.set_series({"Mastodon · kahvila": grow[:2]})
    assert heard(chart.plot_widget)[1] == "Mastodon · kahvila: 1,205 now, +5 over the period"


def test_the_totals_and_the_heatmap_say_what_they_show(qtbot: QtBot) -> None:
    totals = TotalsChart()
    qtbot.addWidget(totals)
    totals.set_title("Engagements per channel")
    totals.set_totals([("Mastodon", 1234, 1000), ("Bluesky", 5, None)], "This", "Previous")
    assert heard(totals.plot_widget)[1] == (
        "Mastodon: 1,234 (previous period 1,000); Bluesky: 5 (previous period 0)"
    )
    heatmap = HeatmapChart()
    qtbot.addWidget(heatmap)
    grid = [[HeatCell(0, None) for _ in range(24)] for _ in range(7)]
    grid[0][9] = HeatCell(1, 0.30)  # one lucky post: not the headline
    grid[2][9] = HeatCell(20, 0.08)
    grid[4][12] = HeatCell(20, 0.04)
    heatmap.set_grid(grid)
    assert heard(heatmap.plot_widget)[1] == (
        "Highest engagement rate: Wednesday at 09:00, 8.0 % from 20 posts;"
        " 3 hours of the week with posts."
    )


def test_the_description_is_in_the_users_language(qtbot: QtBot) -> None:
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language("fi")
    try:
        totals = TotalsChart()
        qtbot.addWidget(totals)
        totals.set_totals([("Mastodon", 1234, 1000)], "Tämä", "Edellinen")
        spoken = heard(totals.plot_widget)[1]
        assert spoken == "Mastodon: 1\N{NO-BREAK SPACE}234 (edellinen jakso 1\N{NO-BREAK SPACE}000)"
    finally:
        installed.remove()
