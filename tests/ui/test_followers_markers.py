"""Action notes on the followers chart: notes days apart go on rows of their own instead of
writing over each other, and the lines stay below the band the notes are written in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from somestudio.domain.metrics import AccountPoint
from somestudio.ui.metrics.charts import FollowersChart, marker_rows, series_colour

START = datetime(2026, 11, 1, 9, tzinfo=UTC)
DAY = timedelta(days=1)


def test_near_notes_get_rows_of_their_own_and_far_ones_share_the_top() -> None:
    # Labels 150 px wide: the second and third overlap the first, the fourth fits beside.
    extents = [(100.0, 250.0), (120.0, 270.0), (140.0, 290.0), (300.0, 450.0)]
    assert marker_rows(extents) == [0, 1, 2, 0]
    # A note in the right half reaches left of its line: it may overlap one on the left.
    assert marker_rows([(100.0, 250.0), (200.0, 350.0)]) == [0, 1]


def test_with_every_row_taken_the_least_overlapped_row_is_used() -> None:
    extents = [(0.0, 100.0), (10.0, 110.0), (20.0, 120.0), (30.0, 130.0), (90.0, 190.0)]
    assert marker_rows(extents) == [0, 1, 2, 3, 0]


def shown_chart(qtbot: QtBot, height: int) -> FollowersChart:
    chart = FollowersChart()
    qtbot.addWidget(chart)
    chart.resize(700, height)
    points = [AccountPoint(START + timedelta(days=d), 2000 + 10 * d) for d in range(30)]
    notes = [(START + timedelta(days=d), f"Action {d}") for d in (10, 11, 13)]
    chart.set_series({"Mastodon · Kahvila": points}, notes)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def note_boxes(chart: FollowersChart) -> list[QRectF]:
    """Each note's label, in the scene's pixels."""
    return [
        line.label.mapRectToScene(line.label.boundingRect())
        for line, _at, _side, _short in chart._note_lines
    ]


def test_the_lines_stay_below_the_notes(qtbot: QtBot) -> None:
    chart = shown_chart(qtbot, 300)
    assert chart.marker_rows == [0, 1, 2]
    view = chart.getPlotItem().vb
    top_of_lines = view.mapViewToScene(QPointF(START.timestamp(), 2290)).y()
    assert top_of_lines > max(box.bottom() for box in note_boxes(chart)) + 3


def test_the_notes_are_written_inside_a_low_chart(qtbot: QtBot) -> None:
    """At the chart's least height the first row's text is not cut at the plot's top, and
    the rows do not write over each other."""
    chart = shown_chart(qtbot, chart_height := 180)
    assert chart.height() == chart_height
    plot_top = chart.getPlotItem().vb.sceneBoundingRect().top()
    boxes = note_boxes(chart)
    assert min(box.top() for box in boxes) >= plot_top
    for index, box in enumerate(boxes):
        assert not [other for other in boxes[index + 1 :] if other.intersects(box)]


def coloured_pixels(chart: FollowersChart, colour: QColor) -> int:
    """How many of the plot's pixels are (near) ``colour`` (the legend beside it left out)."""
    image = chart.plot_widget.grab().toImage()
    found = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            pixel = image.pixelColor(x, y)
            near = (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
            )
            found += near < 40
    return found


def test_an_account_with_one_count_is_a_dot_not_an_empty_chart(qtbot: QtBot) -> None:
    """One follower count entered by hand: a line needs two, so the count is drawn as a dot."""
    chart = FollowersChart()
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_series({"Instagram · Kahvila": [AccountPoint(START, 412)]})
    chart.show()
    qtbot.waitExposed(chart)
    colour = series_colour(chart.palette(), 0)
    assert coloured_pixels(chart, colour) >= 20  # a dot of 7 px: about 38 pixels
    # Two counts are a line, without dots on it.
    chart.set_series(
        {"Instagram · Kahvila": [AccountPoint(START, 412), AccountPoint(START + DAY, 415)]}
    )
    assert chart._curves[0].opts["symbol"] is None
