"""A background thread that gives the CPU to the window first.

On Linux each thread has its own nice value (``setpriority`` with the thread's id): a long
scan in C, such as SQLite's integrity check of a 250 MB file at start-up, then takes only
the CPU the GUI thread and the machine's other work leave it, rather than half of a 2-core
machine while the window paints its first month. Elsewhere nothing changes.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

BACKGROUND_NICE = 10


def lower_this_thread(step: int = BACKGROUND_NICE) -> bool:
    """Raise the calling thread's nice value by ``step`` (Linux); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    tid = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, current + step))
    except OSError:  # a sandbox may refuse it: the thread simply keeps its priority
        log.debug("could not lower the priority of thread %s", tid, exc_info=True)
        return False
    return True
