"""Background work and the pages that own it: a page closed while its work runs neither
freezes the window nor crashes it, and its callbacks are never called on a deleted page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from somestudio.ui import tasks as task_module
from somestudio.ui.tasks import Tasks, gui_caller, shutdown_all


def python_work(started: threading.Event, seconds: float) -> int:
    """Work that needs Python's lock throughout, as a database read does."""
    started.set()
    end = time.monotonic() + seconds
    total = 0
    while time.monotonic() < end:
        total += sum(range(100))
    return total


def test_deleting_a_page_while_its_work_runs_returns_at_once_and_tells_nobody(
    qtbot: QtBot,
) -> None:
    page = QWidget()
    tasks = Tasks(page)
    started = threading.Event()
    heard: list[object] = []
    tasks.run(lambda: python_work(started, 0.5), heard.append, heard.append)
    assert started.wait(5)
    before = time.monotonic()
    # Deleted from Python, holding its lock: the pool this replaced waited here for good.
    shiboken6.delete(page)
    assert time.monotonic() - before < 0.3
    assert not shiboken6.isValid(tasks)
    qtbot.wait(800)  # the work ended meanwhile and its result came back to nobody
    assert heard == []


def test_results_come_back_on_the_gui_thread_in_order() -> None:
    tasks = Tasks(max_threads=1)
    threads: list[threading.Thread] = []
    results: list[int] = []

    def heard(result: int) -> None:
        results.append(result)
        threads.append(threading.current_thread())

    for n in range(5):
        tasks.run(partial(pow, n, 2), heard)
    failed: list[BaseException] = []
    tasks.run(lambda: 1 // 0, print, failed.append)
    assert tasks.wait(5_000)
    deadline = time.monotonic() + 5
    while len(results) < 5 or not failed:
        assert time.monotonic() < deadline
        QApplication.processEvents()
    assert results == [0, 1, 4, 9, 16]
    assert set(threads) == {threading.main_thread()}
    assert isinstance(failed[0], ZeroDivisionError) and not tasks.busy()


def test_pages_closed_as_their_work_ends_never_crash(qtbot: QtBot) -> None:
    """Many pages deleted just as their work hands back (the race that crashed the window at
    exit one run in six, when each page had its own relay)."""
    heard: list[int] = []
    for n in range(300):
        page = QWidget()
        tasks = Tasks(page)
        tasks.run(partial(int, n), heard.append)
        if n % 3:
            time.sleep(0.0005)
        shiboken6.delete(page)
        if n % 10 == 0:
            QApplication.processEvents()
    qtbot.wait(200)
    assert heard == []


@pytest.fixture
def quitting() -> Iterator[None]:
    """``shutdown_all`` closes the hand-back for the process (as at quit); the rest of the
    suite runs in this process, so it is opened again after the test."""
    yield
    task_module._closing.clear()


def test_quit_waits_a_bounded_time_for_work_still_running(quitting: None) -> None:
    tasks = Tasks(max_threads=1)
    started = threading.Event()
    release = threading.Event()
    woken: list[int] = []
    waker = task_module._the_waker()
    waker.wake.connect(lambda: woken.append(1), Qt.ConnectionType.DirectConnection)

    def stuck() -> None:
        started.set()
        release.wait(10)

    tasks.run(stuck, print)
    tasks.run(lambda: "never started", print)  # cancelled at quit
    assert started.wait(5)
    before = time.monotonic()
    assert not shutdown_all(0.2)
    assert 0.15 < time.monotonic() - before < 2
    release.set()
    assert shutdown_all(5)
    # Work that ended after quit's wait wakes nobody: Qt may be going away by then (a
    # signal to a deleted waker crashed a window closed by SIGTERM during its start).
    assert woken == []
    gui_caller(waker, lambda: None)()
    assert woken == []


def test_a_call_from_another_thread_runs_on_the_gui_thread_unless_its_owner_is_gone(
    qtbot: QtBot,
) -> None:
    page = QWidget()
    ran: list[threading.Thread] = []
    call = gui_caller(page, lambda: ran.append(threading.current_thread()))
    caller = threading.Thread(target=call)
    caller.start()
    caller.join()
    qtbot.waitUntil(lambda: bool(ran), timeout=2_000)
    assert ran == [threading.main_thread()]
    shiboken6.delete(page)
    caller = threading.Thread(target=call)
    caller.start()
    caller.join()
    qtbot.wait(100)
    assert len(ran) == 1  # the page is gone: nobody called
