"""Python's cyclic garbage collected on the GUI thread only.

Python collects cyclic garbage in whichever thread happens to allocate when a generation is
full. A widget that became garbage in a reference cycle (a closed dialog whose slot holds
it, a test's window) is then deleted on that thread: a worker reading the database, the
scheduler. Its C++ destructor ran there while the GUI thread laid out or painted it:
crashes in ``QLayout::activate``, ``QPainter::restore`` and the style's ``drawPrimitive``
(seen in the suite, one run in about ten), and a hang when the destructor waited for the GUI
thread (``QWindow::close`` flushing window-system events). Qt objects must be deleted on
their own thread.

So the automatic collection is switched off, and the GUI thread collects instead: each time
its event loop is about to wait (``QAbstractEventDispatcher.aboutToBlock``), it collects the
generations that are due by Python's own thresholds. An idle window waits without waking:
this adds no wake-ups. Garbage a worker makes waits for the GUI thread's next turn, which its
result brings anyway.

``install`` on the GUI thread once the application exists; ``collect_if_due`` where the GUI
thread is done with a piece of work and no event loop runs (the tests, between tests).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject, QThread

# A full collection walks every object not frozen (``heap.freeze_what_is_loaded``): before
# start-up has frozen the modules' 450,000 objects, one took the GUI thread 60-120 ms, so none
# runs before something is frozen (the tests, with nothing frozen, ask for them between
# tests). Python itself runs one only when the objects that came into the oldest generation
# since the last are a quarter of those there, which Python does not tell; instead a full
# collection waits until the time since the last is ``FULL_SPACING`` times what that one
# took (at most one fiftieth of the time in full collections).
FULL_SPACING = 50
_last_full = {"ended": 0.0, "took": 0.0}
_frozen: list[bool] = []  # not empty once something is frozen (``gc.get_freeze_count`` walks
# every frozen object: 10-25 ms each time asked)


def something_frozen() -> None:
    """Said by ``heap.freeze_what_is_loaded``: full collections may run from now on."""
    _frozen.append(True)


def collect_if_due(*, full: bool | None = None) -> int:
    """Collect the oldest generation whose count is over its threshold (and the younger
    ones with it), as Python's automatic collection would; the objects collected. ``full``:
    whether the oldest may be collected (by default once something is frozen)."""
    if full is None:
        full = bool(_frozen)
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = -1
    for generation in range(3):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            due = generation
    if due == 2 and not full:
        due = 1
    elif due == 2:
        started = time.monotonic()
        if started - _last_full["ended"] < FULL_SPACING * _last_full["took"]:
            due = 1
        else:
            found = gc.collect(2)
            _last_full["ended"] = time.monotonic()
            _last_full["took"] = _last_full["ended"] - started
            return found
    return gc.collect(due) if due >= 0 else 0


class _Collector(QObject):
    def collect(self) -> None:
        collect_if_due()


_installed: list[_Collector] = []


def install() -> bool:
    """Switch Python's automatic collection off and collect on the GUI thread whenever its
    event loop is about to wait. Call on the GUI thread after the application is made; a
    second call changes nothing. False when not on the GUI thread (nothing changed)."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    if _installed:
        return True
    dispatcher = QAbstractEventDispatcher.instance(app.thread())
    collector = _Collector(app)
    dispatcher.aboutToBlock.connect(collector.collect)
    _installed.append(collector)
    gc.disable()
    return True


def installed() -> bool:
    return bool(_installed) and not gc.isenabled()
