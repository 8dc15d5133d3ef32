"""What the idle gate and the watchdog read about another thread (``ui/thread_cpu.py``;
Linux: ``/proc`` and per-thread CPU clocks)."""

from __future__ import annotations

import threading
import time

from somestudio.ui.thread_cpu import cpu_now, thread_clock, waiting_for_a_cpu


def test_a_running_thread_is_ready_and_a_sleeping_one_is_not() -> None:
    asleep = threading.Event()
    release = threading.Event()

    def sleeper() -> None:
        asleep.set()
        release.wait(10)

    thread = threading.Thread(target=sleeper, name="test-sleeper")
    thread.start()
    try:
        asleep.wait(5)
        deadline = time.monotonic() + 5
        while waiting_for_a_cpu(thread.native_id) and time.monotonic() < deadline:
            time.sleep(0.001)  # until it really sleeps in its wait
        assert not waiting_for_a_cpu(thread.native_id)
        assert waiting_for_a_cpu(threading.get_native_id())  # this one runs, reading it
    finally:
        release.set()
        thread.join(5)


def test_what_cannot_be_told_counts_as_not_waiting() -> None:
    assert not waiting_for_a_cpu(None)
    assert not waiting_for_a_cpu(2**31 - 1)  # no such thread


def test_a_threads_cpu_clock_moves_only_while_it_works() -> None:
    clock = thread_clock(threading.get_ident())
    assert clock is not None  # Linux has one per thread
    before = cpu_now(clock)
    until = time.monotonic() + 0.02
    while time.monotonic() < until:
        sum(range(100))
    assert cpu_now(clock) > before
    assert cpu_now(None) == -1.0
