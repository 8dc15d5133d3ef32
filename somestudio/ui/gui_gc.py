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
this adds no wake-ups. While work runs on a worker (``ui/tasks.py``), the GUI thread also
collects every ``BUSY_TICK_MS``, so what the worker makes is walked in small pieces rather than
all at once when its result comes.

``install`` on the GUI thread once the application exists; ``collect_if_due`` where the GUI
thread is done with a piece of work and no event loop runs (the tests, between tests).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject, QThread, QTimer

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


# Start-up: the window's first frame waits for no collection (``hold_until_shown``). The
# command line switches collection off before the window's modules load (51 young and 4
# middle collections took about 10 ms before the first frame); once the frame is on screen,
# everything start-up loaded is frozen, never walked (``gc.freeze`` moves it aside at no
# cost; what was already garbage among it stays: about 720 objects, 100 KiB), and
# collection resumes. ``HOLD_LIMIT_MS``: a window that is never exposed does not hold it
# for longer.
HOLD_LIMIT_MS = 10_000
_held: list[bool] = []  # not empty while start-up holds collection


def hold_until_shown() -> None:
    """No collection until ``first_frame_shown`` (at most ``HOLD_LIMIT_MS``). On the GUI
    thread, after ``install``."""
    if _held or not _installed:
        return
    _held.append(True)
    QTimer.singleShot(HOLD_LIMIT_MS, _installed[0], first_frame_shown)


def first_frame_shown() -> None:
    """The window's first frame is on screen: what start-up loaded is frozen and collection
    resumes. Nothing when nothing is held."""
    if not _held:
        return
    _held.clear()
    from somestudio.ui.heap import freeze_what_is_loaded  # noqa: PLC0415 - it calls back here

    freeze_what_is_loaded()


def collect_if_due(*, full: bool | None = None) -> int:
    """Collect the oldest generation whose count is over its threshold (and the younger
    ones with it), as Python's automatic collection would; the objects collected. ``full``:
    whether the oldest may be collected (by default once something is frozen). Nothing while
    start-up holds collection."""
    if _held:
        return 0
    if full is None:
        full = bool(_frozen)
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [
        generation
        for generation in range(3)
        if thresholds[generation] and counts[generation] > thresholds[generation]
    ]
    if due and due[-1] == 2:
        started = time.monotonic()
        if not full or started - _last_full["ended"] < FULL_SPACING * _last_full["took"]:
            due.pop()  # not yet: the younger ones, when they are due by their own counts
        else:
            found = gc.collect(2)
            _last_full["ended"] = time.monotonic()
            _last_full["took"] = _last_full["ended"] - started
            return found
    return gc.collect(due[-1]) if due else 0


# While workers run, the GUI thread may sleep throughout (nothing to draw): what they make
# would pile up in the youngest generation and be walked in one go when the result comes.
# So while work runs, the GUI thread also collects what is due every ``BUSY_TICK_MS``.
BUSY_TICK_MS = 100


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.busy: Callable[[], bool] = lambda: False
        self.ticks = QTimer(self)
        self.ticks.setInterval(BUSY_TICK_MS)
        self.ticks.timeout.connect(self.tick)

    def collect(self) -> None:
        collect_if_due()

    def tick(self) -> None:
        collect_if_due()
        if not self.busy():
            self.ticks.stop()


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


def while_busy(busy: Callable[[], bool]) -> None:
    """Work has started on a worker: collect what is due every ``BUSY_TICK_MS`` until
    ``busy()`` says it is over. On the GUI thread; nothing when not installed."""
    if not _installed:
        return
    collector = _installed[0]
    collector.busy = busy
    if not collector.ticks.isActive():
        collector.ticks.start()


def installed() -> bool:
    return bool(_installed) and not gc.isenabled()
