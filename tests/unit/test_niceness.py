"""A background thread's lower CPU priority is its own (app/niceness.py)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from somestudio.app.niceness import BACKGROUND_NICE, lower_this_thread

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's"
)


def test_the_thread_runs_nicer_and_the_rest_of_the_process_does_not() -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen: list[tuple[bool, int]] = []

    def background() -> None:
        lowered = lower_this_thread()
        seen.append((lowered, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))

    thread = threading.Thread(target=background)
    thread.start()
    thread.join(10)
    assert seen == [(True, min(19, before + BACKGROUND_NICE))]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
