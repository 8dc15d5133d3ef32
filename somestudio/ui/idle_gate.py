"""Start-up work off the GUI thread that gives way to the GUI thread.

A thread importing modules (the page in view's, the engine's network clients) holds the
interpreter lock while a module's code runs. The GUI thread needs that lock for every call
from Qt into Python: each style hint of the Python theme, each calendar chip painted. With an
importing thread beside it, each of those calls waits for the lock to be handed over, and a
first paint of 20-40 ms of CPU took 60-190 ms (``benchmarks/watchdog.py``, the start-up
benchmark's *responsive*).

``IdleGate`` follows the GUI thread's event loop: it is *idle* while the loop waits for
events (``QAbstractEventDispatcher.aboutToBlock``, the thread's CPU clock standing still, and the
system not holding it back from a CPU: on a loaded machine a busy thread's clock stands still too).
A thread inside ``gate.courteous()`` imports each module only while the GUI thread is idle:
the import system hands the gate's loader the module, which waits (polling in short sleeps,
as a timed wait never returns under libfaketime) until the GUI thread idles again. So a paint
overlaps one module's import at most, not all of them. It never waits for ever: at most
``MAX_WAIT_S`` per module, and not at all while the GUI thread itself waits for a module
this thread is importing (that would be a deadlock).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject, Signal

from somestudio.ui.qt_later import Qt
from somestudio.ui.thread_cpu import cpu_now, thread_clock, waiting_for_a_cpu

POLL_S = 0.001
MAX_WAIT_S = 0.1  # a GUI thread busy longer than this lets one module through
WAIT_SHARE = 0.5  # a courteous thread waits for at most this share of its time
STILL_CPU_S = 0.0002  # the GUI thread's CPU time over a poll that still counts as waiting
RECENT_POLL_S = 0.02  # a poll this recent, the GUI thread's clock still since: no new poll


class IdleGate(QObject):
    """Follows the GUI thread's event loop while a courteous thread runs. The loop says
    ``aboutToBlock`` before it waits for events, but ``awake`` only once it has handled what
    woke it (a paint is over before it is said), so *idle* is both: the loop's last word was
    ``aboutToBlock``, and the GUI thread's own CPU clock stood still over the last poll (it
    really waits, and is not already at work on what woke it). An event filter on the
    application would know sooner, but it makes PySide wrap every object an event goes to,
    of any module, also one a worker is still importing (a QDtls of QtNetwork: an error)."""

    _changed = Signal()  # a courteous thread came or went: follow the loop, or stop

    def __init__(self) -> None:
        super().__init__()
        self._idle = threading.Event()
        self._gui = threading.main_thread().ident
        self._gui_native = threading.main_thread().native_id
        self._gui_clock = thread_clock(self._gui)
        self._threads: set[int] = set()
        self._last_poll = (-1.0, -1.0)  # (monotonic time, GUI thread's CPU) of the latest poll
        # Each courteous thread's (start, seconds waited so far): it never waits more than
        # WAIT_SHARE of its time, so a GUI thread busy for long (a loaded machine) slows
        # start-up's imports down by half at most, not by MAX_WAIT_S a module.
        self._waits: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()
        self._finder = _GateFinder(self)
        self._following: QAbstractEventDispatcher | None = None
        self._closed = False
        self._enabled = False
        self._tasks_too = False
        self._changed.connect(self._follow_or_not)

    @property
    def holds_tasks(self) -> bool:
        """Whether the pages' background tasks give way too (during start-up only: later,
        one task per key or page would follow and leave the loop over and over)."""
        return self._enabled and self._tasks_too

    def hold_tasks(self, on: bool) -> None:
        self._tasks_too = on

    def enable(self, on: bool = True) -> None:
        """Hold courteous threads back from now on (the app's start does this). Off, the
        default, they run as any thread: a window driven by a loop of its own (a tool, a
        test's processEvents polling) never lets its event loop block, and would wait each
        module's MAX_WAIT_S."""
        self._enabled = on

    @contextmanager
    def courteous(self) -> Iterator[None]:
        """On a worker thread: its imports in this block wait for the GUI thread to idle."""
        if not self._enabled:
            yield
            return
        me = threading.get_ident()
        with self._lock:
            self._threads.add(me)
            self._waits[me] = (time.monotonic(), 0.0)
            if self._finder not in sys.meta_path:
                sys.meta_path.insert(0, self._finder)
        self._changed.emit()  # queued to the GUI thread: until it follows, it counts as busy
        try:
            yield
        finally:
            with self._lock:
                self._threads.discard(me)
                self._waits.pop(me, None)
                if not self._threads and self._finder in sys.meta_path:
                    sys.meta_path.remove(self._finder)
            if not self._closed:
                self._changed.emit()

    def _follow_or_not(self) -> None:  # on the GUI thread
        with self._lock:
            wanted = bool(self._threads) and not self._closed
        application = QCoreApplication.instance()
        if wanted and self._following is None and application is not None:
            dispatcher = QAbstractEventDispatcher.instance(application.thread())
            direct = Qt.ConnectionType.DirectConnection
            dispatcher.aboutToBlock.connect(self._idle.set, direct)
            dispatcher.awake.connect(self._idle.clear, direct)
            self._following = dispatcher
        elif not wanted and self._following is not None:
            self._following.aboutToBlock.disconnect(self._idle.set)
            self._following.awake.disconnect(self._idle.clear)
            self._following = None

    def close(self) -> None:
        """Let every waiting thread go, now and from now on (at quit: the GUI thread no
        longer runs its loop)."""
        self._closed = True
        self._idle.set()
        if self._following is not None and threading.get_ident() == self._gui:
            self._follow_or_not()

    def gives_way(self) -> bool:
        """Whether the calling thread is one that waits for the GUI thread's idle."""
        return threading.get_ident() in self._threads

    def wait_for_idle(self) -> None:
        """Return once the GUI thread idles (at most MAX_WAIT_S, and within the thread's
        WAIT_SHARE of its time), at once after close()."""
        me = threading.get_ident()
        now = time.monotonic()
        started, so_far = self._waits.get(me, (now, 0.0))
        allowed = WAIT_SHARE * (now - started) + MAX_WAIT_S / 2 - so_far
        waited = self._wait(min(MAX_WAIT_S, max(0.0, allowed)))
        if me in self._waits:
            self._waits[me] = (started, so_far + waited)

    def _wait(self, limit: float) -> float:
        """Poll until the GUI thread idles or ``limit`` seconds went by; the time waited."""
        started = time.monotonic()
        before = cpu_now(self._gui_clock)
        if self._idled_since_last_poll(started, before):
            return 0.0  # one module after another while the GUI thread waits: no poll each
        while not self._closed and time.monotonic() - started < limit:
            if self._gui_waits_for_an_import():
                break
            time.sleep(POLL_S)
            now = cpu_now(self._gui_clock)
            self._last_poll = (time.monotonic(), now)
            if self._idled(now - before, POLL_S, unknown=min(before, now) < 0):
                break
            before = now
        return time.monotonic() - started

    def _idled_since_last_poll(self, now: float, cpu: float) -> bool:
        """Whether the GUI thread has stayed idle since a courteous thread last polled, a
        short while ago (the module imported since)."""
        when, then = self._last_poll
        since = now - when
        if not 0 < since <= RECENT_POLL_S or min(cpu, then) < 0:
            return False
        if not self._idled(cpu - then, since):
            return False
        self._last_poll = (now, cpu)
        return True

    def _idled(self, worked: float, seconds: float, *, unknown: bool = False) -> bool:
        """Whether the GUI thread idled over the last ``seconds``, in which its CPU clock
        moved ``worked`` (``unknown``: no clock, taken as still): the loop's last word was
        ``aboutToBlock``, it worked for less than STILL_CPU_S of each POLL_S, and it is not
        ready to run (a thread the system has put aside has a still clock too)."""
        still = unknown or worked < STILL_CPU_S / POLL_S * seconds
        return self._idle.is_set() and still and not waiting_for_a_cpu(self._gui_native)

    def _gui_waits_for_an_import(self) -> bool:
        """The GUI thread waits for a module lock (held by an importing thread, perhaps
        this one): waiting for it to idle would then never end."""
        blocking = getattr(sys.modules.get("_frozen_importlib"), "_blocking_on", None)
        if blocking is None:
            return True  # cannot tell: do not risk a deadlock
        try:
            return self._gui in blocking
        except TypeError:
            return True


_gates: list[IdleGate] = []
_gates_lock = threading.Lock()


def gate() -> IdleGate:
    """The one gate of the process (every courteous thread shares it), made on the GUI
    thread (the app's start makes it before any worker asks)."""
    with _gates_lock:
        if not _gates:
            if threading.current_thread() is not threading.main_thread():
                raise RuntimeError("the idle gate is made on the GUI thread: use courteously()")
            _gates.append(IdleGate())
        return _gates[0]


def existing_gate() -> IdleGate | None:
    """The gate if the GUI thread made it, else None (never made here: a QObject made on a
    worker while the GUI thread builds widgets crashed the process in a test)."""
    with _gates_lock:
        return _gates[0] if _gates else None


@contextmanager
def courteously() -> Iterator[None]:
    """On a worker thread: its imports wait for the GUI thread's idle where the gate is on
    (the app's start); elsewhere (a test, a tool) the block runs as any thread's."""
    made = existing_gate()
    if made is None:
        yield
        return
    with made.courteous():
        yield


class _GateFinder(importlib.abc.MetaPathFinder):
    """First on ``sys.meta_path`` while a courteous thread runs. It finds a courteous
    thread's module with the finders after it and hands back that spec with a loader that
    waits for the GUI thread's idle before the module is made. The wait is in the loader,
    not here: the import system calls finders under its global lock, which every other
    thread's import (the GUI thread's too) needs; a loader runs under the module's own lock
    only, which the gate sees the GUI thread wait for."""

    def __init__(self, gate: IdleGate) -> None:
        self._gate = gate

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if not self._gate.gives_way():
            return None
        finders = list(sys.meta_path)
        for finder in finders[finders.index(self) + 1 :] if self in finders else finders:
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec: importlib.machinery.ModuleSpec | None = find(fullname, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if loader is not None and hasattr(loader, "exec_module"):
                spec.loader = _GatedLoader(loader, self._gate)  # type: ignore[assignment]
            return spec
        return None


class _GatedLoader:
    """Waits for the GUI thread's idle, then is the module's own loader again: the module
    and its spec name the real loader from its first line of code on."""

    def __init__(self, loader: importlib.abc.Loader, gate: IdleGate) -> None:
        self._loader = loader
        self._gate = gate

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        self._gate.wait_for_idle()
        spec.loader = self._loader
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        if getattr(module, "__loader__", None) is self:
            module.__loader__ = self._loader
        spec = getattr(module, "__spec__", None)
        if spec is not None and spec.loader is self:
            spec.loader = self._loader
        self._loader.exec_module(module)

    def __getattr__(self, name: str) -> object:
        return getattr(self._loader, name)
