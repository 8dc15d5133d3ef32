"""The month grid reads and draws the months around the shown one ahead, on a worker and in
slices, so a switch to one only puts pictures on screen; what was read before the data
changed is never shown."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.month_grid import add_months
from somestudio.ui.calendar import month_model
from somestudio.ui.calendar.calendar_page import CalendarPage
from somestudio.ui.calendar.month_model import DayCell

from .conftest import HELSINKI


@pytest.fixture
def demo_workspace(demo_home: Path) -> Iterator[Workspace]:
    opened = open_workspace(demo_home)
    yield opened
    opened.close()


def busiest_month(workspace: Workspace) -> date:
    (month,) = (
        workspace.connection()
        .execute(
            "SELECT substr(scheduled_at, 1, 7) AS m FROM deliveries WHERE scheduled_at IS NOT"
            " NULL GROUP BY m ORDER BY count(*) DESC LIMIT 1"
        )
        .fetchone()
    )
    return date.fromisoformat(f"{month}-01")


def shown_page(qtbot: QtBot, workspace: Workspace) -> CalendarPage:
    """The calendar on the month before the busiest one: the month after it (the tests'
    ``shift(1)``) has posts to read ahead, wherever the demo's day falls in its month."""
    busiest = busiest_month(workspace)
    year, month = add_months(busiest.year, busiest.month, -1)
    anchor = date(year, month, 1)
    page = CalendarPage(
        Studio(workspace), HELSINKI, now=lambda: datetime(anchor.year, anchor.month, 15, tzinfo=UTC)
    )
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    page.set_anchor(anchor)
    return page


def neighbours(page: CalendarPage) -> list[tuple[int, int]]:
    return [add_months(page.model.year, page.model.month, d) for d in (1, -1)]


def ready(page: CalendarPage) -> bool:
    kept = all(page.model.is_kept(*m) for m in neighbours(page))
    grid = page.grid
    return kept and not grid._ahead and not grid._ahead_later and not grid._ahead_timer.isActive()


def test_a_switch_to_a_month_read_ahead_reads_nothing_and_draws_no_cell_anew(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = shown_page(qtbot, demo_workspace)
    qtbot.waitUntil(lambda: ready(page), timeout=10_000)
    on_gui: list[tuple[int, int]] = []
    real_read = month_model.read_month

    def read_month(*args: object, **kwargs: object) -> object:
        if threading.current_thread() is threading.main_thread():
            on_gui.append(args[1][:2])  # type: ignore[index]
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(month_model, "read_month", read_month)
    drawn: list[object] = []
    delegate = page.grid.chip_delegate
    real_paint = delegate._paint_cell

    def paint_cell(*args: Any, **kwargs: Any) -> None:
        drawn.append(args)
        real_paint(*args, **kwargs)

    monkeypatch.setattr(delegate, "_paint_cell", paint_cell)
    page.shift(1)
    page.grid.viewport().repaint()
    assert on_gui == [] and drawn == []  # at hand and drawn: pictures only
    # What shows is what the month holds (read ahead on the worker, the same as read now).
    now = real_read(
        page.model._studio,
        (page.model.year, page.model.month, page.model._where),
        first_weekday=page.model._first_weekday,
        zone=HELSINKI,
    )[0]
    assert page.model.days == now[0] and any(now[1].values())
    assert {d: [e.delivery_id for e in page.model.entries_on(d)] for d in page.model.days} == {
        d: [e.delivery_id for e in now[1].get(d, [])] for d in now[0]
    }
    page.shift(5)  # far away: not read ahead, read at once
    assert on_gui == [(page.model.year, page.model.month)]


def test_a_month_read_before_the_data_changed_is_not_shown(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = shown_page(qtbot, demo_workspace)
    qtbot.waitUntil(lambda: ready(page), timeout=10_000)
    page.model.forget()
    release = threading.Event()
    stale: list[bool] = []
    real_read = month_model.read_month

    def read_month(*args: object, **kwargs: object) -> object:
        if threading.current_thread() is threading.main_thread():
            return real_read(*args, **kwargs)  # type: ignore[arg-type]
        first = not stale
        stale.append(first)
        if first:  # the first read ahead: what the data held before it changed (nothing)
            release.wait(10)
            days, _, _, _ = real_read(*args, **kwargs)[0]  # type: ignore[arg-type]
            return (days, {}, {}, {}), {}
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(month_model, "read_month", read_month)
    page.model.read_ahead()  # the months around are read again: the first waits ...
    page.reload()  # ... while the data changes (the page is told to read again)
    release.set()
    qtbot.waitUntil(lambda: ready(page) and len(stale) >= 3, timeout=10_000)
    page.shift(1)
    assert any(page.model.entries_on(d) for d in page.model.days)  # not the empty, stale read


def test_the_first_month_is_read_on_the_worker_while_the_grid_shows_it_loading(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's first month (a busy month of a large workspace is a tenth of a second of
    queries) is read off the GUI thread: the grid shows the month's days at once, says it is
    loading (not "nothing planned"), then shows the posts."""
    readers: list[threading.Thread] = []
    months: list[tuple[int, int]] = []
    original = month_model.read_month

    def read_month(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.current_thread())
        months.append(args[1][:2])
        return original(*args, **kwargs)

    monkeypatch.setattr(month_model, "read_month", read_month)
    anchor = busiest_month(demo_workspace)
    page = CalendarPage(
        Studio(demo_workspace),
        HELSINKI,
        now=lambda: datetime(anchor.year, anchor.month, 15, tzinfo=UTC),
    )
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()  # its first paint would start reading the months around: not while loading
    model = page.model
    read_when_shown: list[list[tuple[int, int]]] = []
    model.loaded.connect(lambda: read_when_shown.append(list(months)))
    loading = [model.loading]
    assert len(model.days) == 42 and (model.year, model.month) == (anchor.year, anchor.month)
    assert not any(model.entries_on(d) for d in model.days)
    assert page.empty_day.text() == "Loading…"
    assert page.empty_hint.isHidden(), "a month being read is not said to be empty"
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        pass
    loading.append(model.loading)
    assert loading == [True, False]
    assert any(model.entries_on(d) for d in model.days)
    assert readers and threading.main_thread() not in readers
    assert read_when_shown == [[(anchor.year, anchor.month)]]  # the shown month first
    assert page.empty_day.text() == "Nothing planned for this day."


@pytest.mark.parametrize("painted", [True, False], ids=["painted-first", "read-first"])
def test_the_first_month_is_drawn_ahead_before_it_shows(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, painted: bool
) -> None:
    """Once the first month is read, its cells are drawn a few at a time before it shows:
    its first paint puts pictures on screen (drawing a busy month's every cell in one paint
    held the window 50-90 ms when the calendar opened)."""
    release = threading.Event()
    original = month_model.read_month

    def read_month(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(month_model, "read_month", read_month)
    anchor = busiest_month(demo_workspace)
    page = CalendarPage(
        Studio(demo_workspace),
        HELSINKI,
        now=lambda: datetime(anchor.year, anchor.month, 15, tzinfo=UTC),
    )
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    if painted:  # the grid has painted the month's days, loading, before they come
        qtbot.waitExposed(page)
        page.grid.viewport().repaint()
        qtbot.waitUntil(lambda: page.grid.chip_delegate.last_drawn_with is not None)
    else:  # the month comes back before the grid's first paint: drawn ahead all the same
        page.grid.viewport().setUpdatesEnabled(False)
    drawn: list[DayCell] = []
    delegate = page.grid.chip_delegate
    real_paint = delegate._paint_cell

    def paint_cell(*args: Any, **kwargs: Any) -> None:
        drawn.append(args[-1])  # the cell
        real_paint(*args, **kwargs)

    monkeypatch.setattr(delegate, "_paint_cell", paint_cell)
    when_shown: list[int] = []  # the month's cells drawn when it is shown
    page.model.loaded.connect(
        lambda: when_shown.append(len([cell for cell in drawn if cell.load >= 0]))
    )
    release.set()
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        pass
    page.grid.viewport().setUpdatesEnabled(True)
    ahead = len(drawn)
    assert when_shown[0] >= 35  # drawn before it showed, not by its first paint
    page.grid.viewport().repaint()
    # Drawn anew: only cells whose post's thumbnail has come meanwhile (it is read once a
    # chip with media is first drawn, and its cell is drawn again with it).
    anew = drawn[ahead:]
    assert all(any(chip.media_count for chip in cell.chips) for cell in anew), anew
    assert any(page.model.entries_on(d) for d in page.model.days)


def test_a_first_month_that_takes_long_to_draw_comes_in_two_frames_and_whole(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paint draws new day pictures for a slice of time only: the cells left show their
    ground and day number, and their chips come in the next turn, the same as drawn at once."""
    from somestudio.ui.calendar import month_grid  # noqa: PLC0415

    monkeypatch.setattr(month_grid, "PAINT_SLICE_S", 0.0)  # only the first picture per paint
    page = shown_page(qtbot, demo_workspace)
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    grid = page.grid
    delegate = grid.chip_delegate
    drawn: list[int] = []
    real_picture = delegate.picture

    def picture(*args: Any, **kwargs: Any) -> Any:
        drawn.append(1)
        return real_picture(*args, **kwargs)

    delegate._cells.clear()
    delegate._found.clear()
    monkeypatch.setattr(delegate, "picture", picture)
    grid.viewport().repaint()  # one paint, now: a picture or two, the other cells blank
    first_paint = len(drawn)
    cells = [c for c in (page.model.cell(r, k) for r in range(6) for k in range(1, 8)) if c]
    assert 1 <= first_paint < len(cells)
    qtbot.waitUntil(lambda: len(drawn) >= len(cells), timeout=10_000)  # the rest, turn by turn
    monkeypatch.setattr(month_grid, "PAINT_SLICE_S", 10.0)
    settled = grid.viewport().grab().toImage()
    delegate._cells.clear()
    delegate._found.clear()
    at_once = grid.viewport().grab().toImage()
    assert settled == at_once
