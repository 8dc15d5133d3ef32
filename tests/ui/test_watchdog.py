"""The GUI-thread watchdog: a block of the event loop is found, timed and blamed on its stack."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from somestudio.ui.watchdog import Block, Watchdog, app_part


def _hold_the_gui_thread(seconds: float) -> None:
    time.sleep(seconds)


def held(watchdog: Watchdog) -> list[Block]:
    return [b for b in watchdog.blocks if any("_hold_the_gui_thread" in x for x in b.stack)]


def test_a_block_over_the_threshold_is_reported_with_its_stack(
    qtbot: QtBot, tmp_path: Path
) -> None:
    watchdog = Watchdog(threshold=0.05, interval=0.005)
    watchdog.start()
    try:
        qtbot.waitUntil(lambda: watchdog.first_answer is not None, timeout=2000)
        watchdog.label = "holding"
        QTimer.singleShot(0, lambda: _hold_the_gui_thread(0.25))
        qtbot.waitUntil(lambda: bool(held(watchdog)), timeout=3000)
    finally:
        watchdog.stop()
    # A loaded machine may add a block of its own (the test runner waiting for a core);
    # the one held here is reported, whole and with its stack.
    [block] = held(watchdog)
    assert 0.2 <= block.seconds < 1.0
    assert block.samples >= 5
    assert block.label == "holding"
    assert any("_hold_the_gui_thread" in line for line in block.stack)
    watchdog.write(tmp_path / "report.json")
    assert "_hold_the_gui_thread" in (tmp_path / "report.json").read_text()


def test_short_work_is_no_block(qtbot: QtBot) -> None:
    watchdog = Watchdog(threshold=0.1, interval=0.005)
    watchdog.start()
    try:
        for step in range(5):  # the loop answers between them
            QTimer.singleShot(step * 50, lambda: _hold_the_gui_thread(0.02))
        qtbot.wait(400)
    finally:
        watchdog.stop()
    assert watchdog.first_answer is not None
    assert watchdog.blocks == []


def test_the_stack_is_cut_below_the_apps_innermost_call() -> None:
    stack = (
        "/x/somestudio/ui/launch.py:1 in run",
        "/x/somestudio/ui/page.py:2 in reload",
        "/usr/lib/python3.11/sqlite3.py:3 in execute",
        "/usr/lib/python3.11/other.py:4 in deeper",
    )
    assert app_part(stack) == stack[:3]
    assert app_part(("/lib/a.py:1 in f",)) == ("/lib/a.py:1 in f",)


def _spin_the_gui_thread(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_block_tells_the_gui_threads_own_cpu_time_from_waiting(qtbot: QtBot) -> None:
    """A block spent waiting (a sleep, a lock, a loaded machine) uses little of the GUI
    thread's CPU; one spent working uses about all of it."""
    watchdog = Watchdog(threshold=0.05, interval=0.005)
    watchdog.start()
    try:
        qtbot.waitUntil(lambda: watchdog.first_answer is not None, timeout=2000)
        QTimer.singleShot(0, lambda: _hold_the_gui_thread(0.25))
        qtbot.waitUntil(lambda: len(watchdog.blocks) == 1, timeout=3000)
        QTimer.singleShot(0, lambda: _spin_the_gui_thread(0.25))
        qtbot.waitUntil(lambda: len(watchdog.blocks) == 2, timeout=5000)
    finally:
        watchdog.stop()
    waited, worked = watchdog.blocks
    assert 0 <= waited.cpu_seconds < 0.1
    assert worked.cpu_seconds >= 0.2
