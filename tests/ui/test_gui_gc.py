"""Cyclic garbage is collected on the GUI thread only (``ui/gui_gc.py``): a widget left in a
reference cycle is never deleted by a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from somestudio.ui import gui_gc


class _Noted(QWidget):
    """Notes the thread its Python side is freed on (its C++ side goes with it)."""

    freed_on: list[str] = []  # noqa: RUF012 - shared on purpose, read by the test

    def __del__(self) -> None:
        _Noted.freed_on.append(threading.current_thread().name)


def _drop_a_widget_in_a_cycle() -> None:
    widget = _Noted()
    QLabel("a child", widget)
    widget.itself = widget  # type: ignore[attr-defined]  # the cycle only a collection frees


def _allocate_cycles_on_a_worker() -> None:
    """Far past the youngest generation's threshold, as a worker reading a year of numbers
    does: with automatic collection on, this thread would collect (and delete the widget)."""

    def work() -> None:
        kept = []
        for _ in range(50 * gc.get_threshold()[0]):
            cycle: list[object] = []
            cycle.append(cycle)
            kept.append(cycle)

    worker = threading.Thread(target=work, name="a-worker")
    worker.start()
    worker.join()


def test_a_widget_in_a_cycle_is_deleted_on_the_gui_thread_when_its_loop_waits(
    qtbot: QtBot,
) -> None:
    assert QApplication.instance() is not None
    assert gui_gc.install()
    assert gui_gc.installed()
    _Noted.freed_on.clear()
    _drop_a_widget_in_a_cycle()
    _allocate_cycles_on_a_worker()
    assert _Noted.freed_on == []  # the worker did not collect it

    # The GUI thread's loop waits: what is due is collected there.
    qtbot.wait(20)
    qtbot.waitUntil(lambda: bool(_Noted.freed_on), timeout=2000)
    assert _Noted.freed_on == [threading.main_thread().name]


def test_installing_off_the_gui_thread_is_refused() -> None:
    answers: list[bool] = []
    worker = threading.Thread(target=lambda: answers.append(gui_gc.install()))
    worker.start()
    worker.join()
    assert answers == [False]


def _make_oldest_generation_due() -> None:
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # each counts once towards the oldest generation
    for _ in range(2 * gc.get_threshold()[0]):
        cycle: list[object] = []
        cycle.append(cycle)
    assert gc.get_count()[2] > gc.get_threshold()[2]
    assert gc.get_count()[0] > gc.get_threshold()[0]


def test_a_full_collection_waits_until_allowed_and_is_spaced_by_its_cost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.disable()  # as installed: only this test's calls collect
    # The full collection the suite ran after the test before is not this test's to wait for.
    monkeypatch.setitem(gui_gc._last_full, "ended", 0.0)
    monkeypatch.setitem(gui_gc._last_full, "took", 0.0)
    _make_oldest_generation_due()
    gui_gc.collect_if_due(full=False)
    assert gc.get_count()[2] > gc.get_threshold()[2]  # the younger ones only
    _make_oldest_generation_due()
    gui_gc.collect_if_due(full=True)
    assert gc.get_count()[2] == 0  # the full collection ran
    took = gui_gc._last_full["took"]
    assert took > 0
    if gui_gc.FULL_SPACING * took > 0.05:  # too slow a machine to tell the spacing in time
        _make_oldest_generation_due()
        gui_gc.collect_if_due(full=True)
        assert gc.get_count()[2] > 0  # too soon after the last: the younger ones only


def test_an_oldest_generation_kept_waiting_does_not_make_the_younger_ones_due() -> None:
    """Before start-up freezes the modules' objects, the oldest generation may stay due for
    a long time: that alone must not collect the middle one at every turn of the loop."""
    gc.disable()
    _make_oldest_generation_due()
    gc.collect(0)  # nothing young left: only the oldest is over its threshold
    assert gc.get_count()[0] <= gc.get_threshold()[0]
    assert gc.get_count()[1] <= gc.get_threshold()[1]
    before = gc.get_count()
    gui_gc.collect_if_due(full=False)
    assert gc.get_count()[1:] == before[1:]  # nothing was collected


def test_while_work_runs_the_gui_thread_collects_on_ticks_that_end_with_it(
    qtbot: QtBot,
) -> None:
    assert gui_gc.install()
    ticks = gui_gc._installed[0].ticks
    working = [True]
    gui_gc.while_busy(lambda: working[0])
    assert ticks.isActive()
    qtbot.wait(3 * gui_gc.BUSY_TICK_MS)
    assert ticks.isActive()  # still working
    working[0] = False
    qtbot.waitUntil(lambda: not ticks.isActive(), timeout=5 * gui_gc.BUSY_TICK_MS)


@pytest.fixture
def start_up_hold() -> Iterator[None]:
    """As the window's start-up has it; afterwards nothing stays frozen or held (the rest of
    the suite's garbage must still be collected)."""
    assert gui_gc.install()
    try:
        yield
    finally:
        gui_gc._held.clear()
        gc.unfreeze()
        gui_gc._frozen.clear()


def test_start_up_collects_nothing_until_its_first_frame_then_freezes_what_it_loaded(
    qtbot: QtBot, start_up_hold: None
) -> None:
    gui_gc.hold_until_shown()
    _Noted.freed_on.clear()
    _drop_a_widget_in_a_cycle()
    for _ in range(3 * gc.get_threshold()[0]):
        cycle: list[object] = []
        cycle.append(cycle)
    assert gui_gc.collect_if_due() == 0
    qtbot.wait(20)  # the loop waits: still nothing collected
    assert _Noted.freed_on == []
    assert gc.get_count()[0] > gc.get_threshold()[0]

    gui_gc.first_frame_shown()
    assert gc.get_freeze_count() > 0  # start-up's objects: aside, never walked again
    assert gc.get_count()[0] == 0
    _Noted.freed_on.clear()
    _drop_a_widget_in_a_cycle()  # made after the frame: collected as before
    _allocate_cycles_on_a_worker()
    qtbot.waitUntil(lambda: bool(_Noted.freed_on), timeout=2000)
    assert _Noted.freed_on == [threading.main_thread().name]


def test_a_window_never_shown_holds_collection_no_longer_than_the_limit(
    qtbot: QtBot, start_up_hold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_gc, "HOLD_LIMIT_MS", 50)
    gui_gc.hold_until_shown()
    assert gui_gc._held
    qtbot.waitUntil(lambda: not gui_gc._held, timeout=2000)
    assert gc.get_freeze_count() > 0
