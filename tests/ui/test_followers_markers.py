"""Action notes on the followers chart: notes days apart go on rows of their own instead of
writing over each other, and the lines stay below the band the notes are written in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from somestudio.domain.metrics import AccountPoint
from somestudio.ui.metrics.charts import MARKER_ROW_STEP, FollowersChart, marker_rows

START = datetime(2026, 11, 1, 9, tzinfo=UTC)


def test_near_notes_get_rows_of_their_own_and_far_ones_share_the_top() -> None:
    # Labels 150 px wide: the second and third overlap the first, the fourth fits beside.
    extents = [(100.0, 250.0), (120.0, 270.0), (140.0, 290.0), (300.0, 450.0)]
    assert marker_rows(extents) == [0, 1, 2, 0]
    # A note in the right half reaches left of its line: it may overlap one on the left.
    assert marker_rows([(100.0, 250.0), (200.0, 350.0)]) == [0, 1]


def test_with_every_row_taken_the_least_overlapped_row_is_used() -> None:
    extents = [(0.0, 100.0), (10.0, 110.0), (20.0, 120.0), (30.0, 130.0), (90.0, 190.0)]
    assert marker_rows(extents) == [0, 1, 2, 3, 0]


def test_the_lines_stay_below_the_notes(qtbot: QtBot) -> None:
    chart = FollowersChart()
    qtbot.addWidget(chart)
    points = [AccountPoint(START + timedelta(days=d), 2000 + 10 * d) for d in range(30)]
    notes = [(START + timedelta(days=d), f"Action {d}") for d in (10, 11, 13)]
    chart.set_series({"Mastodon · Kahvila": points}, notes)
    assert chart.marker_rows == [0, 1, 2]
    low, high = chart.getPlotItem().viewRange()[1]
    top_of_lines = (2290 - low) / (high - low)
    lowest_note = 0.96 - MARKER_ROW_STEP * 2
    assert top_of_lines < lowest_note - 0.03
