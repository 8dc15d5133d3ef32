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


def waiting_for_a_cpu(native_id: int | None) -> bool:
    """Whether the thread ``native_id`` (of this process) is ready to run but not running:
    the system gave its CPU to another, so its CPU clock stands still although it has work.
    False where this cannot be told (no ``/proc``), or the thread sleeps or runs."""
    if native_id is None:
        return False
    try:
        with open(f"/proc/self/task/{native_id}/stat", "rb") as stat:  # noqa: PTH123 - cheap
            line = stat.read()
    except OSError:
        return False
    # "tid (name) S ...": the name may hold spaces and parentheses; the state follows the last
    # ")". "R" is running or runnable; a thread reading this about another runs itself.
    end = line.rfind(b")")
    return end >= 0 and line[end + 2 : end + 3] == b"R"
