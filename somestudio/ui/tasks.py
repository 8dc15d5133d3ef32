"""Background work for the window: run a function on a worker thread, get its result or error
back on the GUI thread.

    tasks = Tasks(parent)
    tasks.run(lambda: heavy(text), on_done=self._show, on_error=self._fail)

With ``synchronous=True`` (tests) the function runs at once on the calling thread and the
callbacks are called before ``run`` returns, so a test needs no waiting.

How it stays safe when a page is closed while its work runs:

- The workers are Python threads (``concurrent.futures``), one executor per ``Tasks``. A
  ``QThreadPool`` child of a widget waited for its running job in its C++ destructor while
  the deleting thread held Python's lock, which the job needed: the window froze for good
  when it closed during a calendar read-ahead.
- A worker touches no Qt object but one: a single waker that lives as long as Python does
  (never a child of a widget, never deleted while a worker could use it). The result goes
  into a Python queue and the waker's queued signal makes the GUI thread hand it to its
  ``Tasks``. An earlier version emitted on a per-``Tasks`` relay, which a closing page could
  delete between the worker's check and its emit: a crash at exit one run in six.
- Work whose ``Tasks`` is gone (its page closed) is dropped when it ends, unheard; work not
  yet started is cancelled.
- ``shutdown_all`` (at quit) waits a bounded time for work still running.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from somestudio.ui import gui_gc

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
_Outcome = tuple["weakref.ref[Tasks]", int, object, BaseException | None]


class _Waker(QObject):
    """Lives on the GUI thread for the life of the process: a worker's ``wake`` is queued to
    it, and it hands each finished result to its ``Tasks``."""

    wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: queue.SimpleQueue[_Outcome] = queue.SimpleQueue()
        self.calls: queue.SimpleQueue[tuple[weakref.ref[QObject], Callable[[], None]]] = (
            queue.SimpleQueue()
        )
        self.wake.connect(self._hand_back, Qt.ConnectionType.QueuedConnection)

    def _hand_back(self) -> None:
        """One call or result per event-loop turn: a page whose parts are read on workers
        (the Plan page's four, the Metrics page's) got them all back in one turn, and their
        showing added up to a block of 50-70 ms. What is left comes in the next turn, after
        the input and paints that came in meanwhile."""
        try:
            try:
                caller_ref, call = self.calls.get_nowait()
            except queue.Empty:
                pass
            else:
                called_for = caller_ref()
                if called_for is not None and shiboken6.isValid(called_for):
                    call()
                return
            try:
                owner_ref, task_id, result, error = self.outcomes.get_nowait()
            except queue.Empty:
                return
            owner = owner_ref()
            if owner is not None and shiboken6.isValid(owner):
                owner._deliver(task_id, result, error)
        finally:
            if not (_closing.is_set() or (self.calls.empty() and self.outcomes.empty())):
                self.wake.emit()  # queued: the next one in a turn of its own


_wakers: list[_Waker] = []  # the one waker, made on first use
# Set at quit (``shutdown_all``): from then on no thread wakes the GUI thread. Work still
# running when the window's wait ends would otherwise signal the waker while Qt is being
# torn down (a crash on exit: a worker's or the change feed's signal to a deleted object).
_closing = threading.Event()


def _wake(waker: _Waker) -> None:
    if not _closing.is_set() and shiboken6.isValid(waker):
        waker.wake.emit()


def _the_waker() -> _Waker:
    """Made on first use, on the GUI thread (``Tasks.run`` is called there)."""
    if not _wakers:
        _wakers.append(_Waker())
    return _wakers[0]


def gui_caller(owner: QObject, fn: Callable[[], None]) -> Callable[[], None]:
    """A function any thread may call to have ``fn`` run soon on the GUI thread, unless
    ``owner`` is gone by then (for a database's change feed, a listener thread). Make it on
    the GUI thread. The calling thread touches only the long-lived waker."""
    waker = _the_waker()
    owner_ref = weakref.ref(owner)

    def call() -> None:
        waker.calls.put((owner_ref, fn))
        _wake(waker)

    return call


def _job(waker: _Waker, owner_ref: weakref.ref[Tasks], task_id: int, fn: Callable[[], Any]) -> None:
    from somestudio.ui.idle_gate import existing_gate  # noqa: PLC0415

    holding = existing_gate()
    try:
        # At start-up, a module a task imports waits for the GUI thread's idle.
        if holding is not None and holding.holds_tasks:
            with holding.courteous():
                result = fn()
        else:
            result = fn()
    except Exception as exc:  # delivered to the caller's on_error
        waker.outcomes.put((owner_ref, task_id, None, exc))
    else:
        waker.outcomes.put((owner_ref, task_id, result, None))
    _wake(waker)


def _shut_down(executor: concurrent.futures.ThreadPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)


class Tasks(QObject):
    """One executor of worker threads (``max_threads`` of them) and the hand-back to the GUI."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
        max_threads: int = 1,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._max_threads = max_threads
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._running: set[concurrent.futures.Future[None]] = set()
        self._running_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done, Failed | None]] = {}

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:  # the same contract as the threaded path
                self._fail(on_error, exc)
                return
            on_done(result)
            return
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        future = self._pool().submit(_job, _the_waker(), weakref.ref(self), task_id, fn)
        with self._running_lock:
            self._running.add(future)
        future.add_done_callback(self._forget)
        gui_gc.while_busy(any_running)

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until no work runs (for shutdown and tests); results are delivered later by
        the event loop. Waiting releases Python's lock, so the work can end meanwhile."""
        with self._running_lock:
            running = set(self._running)
        return _ended(running, msecs / 1000)

    def _pool(self) -> concurrent.futures.ThreadPoolExecutor:
        if self._executor is None:
            executor = concurrent.futures.ThreadPoolExecutor(
                self._max_threads, thread_name_prefix="somestudio-task"
            )
            _all_tasks.add(self)
            # Closed with its owner: work not started is cancelled, the threads end when
            # their work does (nothing waits here, on the GUI thread).
            self.destroyed.connect(lambda *_: _shut_down(executor))
            self._executor = executor
        return self._executor

    def _close(self) -> set[concurrent.futures.Future[None]]:
        """Cancel the work not started; the work still running."""
        executor, self._executor = self._executor, None
        if executor is not None:
            _shut_down(executor)
        with self._running_lock:
            return set(self._running)

    def _forget(self, future: concurrent.futures.Future[None]) -> None:
        with self._running_lock:
            self._running.discard(future)

    def _deliver(self, task_id: int, result: object, error: BaseException | None) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if error is not None:
            self._fail(on_error, error)
        else:
            on_done(result)

    @staticmethod
    def _fail(on_error: Failed | None, error: BaseException) -> None:
        if on_error is None:
            log.error("background task failed", exc_info=error)
        else:
            on_error(error)


def any_running() -> bool:
    """Whether some work is running or waiting to run on a worker."""
    return any(owner._running for owner in list(_all_tasks) if shiboken6.isValid(owner))


def shutdown_all(timeout_s: float) -> bool:
    """At quit: cancel work not started and wait up to ``timeout_s`` for work running; False
    when some still runs (a network call that will not end), so the caller can exit anyway.
    From here on no worker or listener thread wakes the GUI thread again."""
    _closing.set()
    running: set[concurrent.futures.Future[None]] = set()
    for owner in list(_all_tasks):
        if shiboken6.isValid(owner):
            running |= owner._close()
    return _ended(running, timeout_s)


def _ended(futures: set[concurrent.futures.Future[None]], timeout_s: float) -> bool:
    """Whether ``futures`` all end within ``timeout_s``. Polled with sleeps, not a timed
    wait on a condition: that never returns under libfaketime (the suite's runs at other
    dates), a sleep does. A sleep releases Python's lock, so the work can end meanwhile."""
    deadline = time.monotonic() + timeout_s
    while not all(f.done() for f in futures):
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL_S)
    return True


_POLL_S = 0.005


_all_tasks: weakref.WeakSet[Tasks] = weakref.WeakSet()
