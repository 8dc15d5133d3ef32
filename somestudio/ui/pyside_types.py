"""Every Qt class's Python type made on the GUI thread before another thread imports.

PySide (6.8 on) makes a Qt class's Python type the first time it is asked for: ``from
PySide6.QtGui import QDrag`` on one thread, or an event of a new kind reaching a Python event
filter on another. Two threads making types of one module at once crash the process: the
interpreter changes hands every 0.5 ms (``launch``), a thread can be handed it in the middle of
making a type, and shiboken's ``incarnateType`` of the other thread then changes the module's
table of types still to be made while the first one walks it (a null pointer, SIGSEGV). Seen
twice in full test runs, at start-up, with the start-up worker importing the calendar's modules
(``from PySide6.QtGui import QDrag, …``) while the window's event loop ran; a script making the
types of QtCore, QtGui and QtWidgets on two threads at once crashes in about one run of seven.

So the types Some Studio's modules import (``pyside_names``, kept current by a test) are made
on the GUI thread, a few at a time between events (``make_types_then``, right after the first
frame), before the first thread that imports starts (``start_steps.Warmup``, the engine's
builder; each makes what is left at once, should one start first). A thread then finds every
type it asks for made and makes none. Before the Metrics page's loader imports pyqtgraph,
which uses many more, every type of those modules is made (about 80 ms and 6 MiB, which the
window's start does not pay); the types of the modules only pyqtgraph uses (QtOpenGL, QtTest)
are made on that thread while the GUI thread uses none of them.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import QObject, QTimer

from somestudio.ui.pyside_names import NAMES

SLICE_S = 0.004  # made for this long at most in one turn of the event loop


def types_left(every: bool = False) -> list[tuple[ModuleType, str]]:
    """The names Some Studio's modules import from PySide (``pyside_names``; ``every``: all
    the names of those modules) not made yet: a made type is in its module's namespace."""
    left = []
    for name, members in NAMES.items():
        module = importlib.import_module(name)
        made = vars(module)
        wanted = dir(module) if every else members
        left += [(module, n) for n in wanted if n not in made]
    return left


def _make(module: ModuleType, name: str) -> None:
    # A name PySide lists but cannot make leaves nothing to race for.
    with contextlib.suppress(Exception):
        getattr(module, name)


def make_all_now(every: bool = False) -> None:
    """Make what is left at once (nothing, once ``make_types_then`` has run); ``every``:
    every type of those modules (before a thread imports a library that uses many, such as
    pyqtgraph)."""
    for module, name in types_left(every):
        _make(module, name)


def all_made(every: bool = False) -> bool:
    return not types_left(every)


def make_types_then(then: Callable[[], None], owner: QObject, *, every: bool = False) -> None:
    """On the GUI thread: make every type left (``every``: as ``make_all_now``), ``SLICE_S``
    at a time with the events that came meanwhile between, then call ``then`` (in a turn of
    its own). Dropped with ``owner``."""
    left = types_left(every)

    def step() -> None:
        end = time.perf_counter() + SLICE_S
        while left and time.perf_counter() < end:
            _make(*left.pop())
        QTimer.singleShot(0, owner, step if left else then)

    QTimer.singleShot(0, owner, step)
