"""A thread's own CPU time: how much of a stretch of time it worked rather than waited (the
GUI-thread watchdog's blocks, the idle gate's "is the GUI thread at work")."""

from __future__ import annotations

import time


def thread_clock(ident: int | None) -> int | None:
    """The CPU-time clock of the thread ``ident`` (None where the system has none)."""
    if ident is None:
        return None
    try:
        return time.pthread_getcpuclockid(ident)
    except (AttributeError, OSError):
        return None


def cpu_now(clock: int | None) -> float:
    """The thread's CPU seconds so far on ``clock``; -1.0 where it cannot be read."""
    if clock is None:
        return -1.0
    try:
        return time.clock_gettime(clock)
    except OSError:
        return -1.0
