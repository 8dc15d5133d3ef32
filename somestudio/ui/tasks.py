"""Background work for the window: run a function on a thread pool, get its result or error
back on the GUI thread.

    tasks = Tasks(parent)
    tasks.run(lambda: heavy(text), on_done=self._show, on_error=self._fail)

With ``synchronous=True`` (tests) the function runs at once on the calling thread and the
callbacks are called before ``run`` returns, so a test needs no waiting.

The workers are Python threads (``concurrent.futures``), not a ``QThreadPool``: a
QThreadPool that is a child of a widget waits for its running job in its C++ destructor while
the deleting thread holds Python's lock, which the job needs to finish — the window froze for
good when it was closed while a page was reading in the background (a calendar's read-ahead,
found by a test run that hung). A job that finishes after its Tasks is gone has nobody to
tell and is dropped.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread: a signal emitted from a worker is queued to it."""

    finished = Signal(int, object, object)  # task id, result, error


def _job(task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
    try:
        result = fn()
    except Exception as exc:  # delivered to the caller's on_error
        outcome: tuple[object, object] = (None, exc)
    else:
        outcome = (result, None)
    if shiboken6.isValid(relay):  # its Tasks may be gone (a page closed meanwhile)
        # Deleted between the check and the emit: nobody to tell.
        with contextlib.suppress(RuntimeError):
            relay.finished.emit(task_id, *outcome)


class Tasks(QObject):
    """One pool of worker threads (``max_threads`` of them) and the hand-back to the GUI."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
        max_threads: int = 1,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_threads, thread_name_prefix="somestudio-task"
        )
        self._running: set[concurrent.futures.Future[None]] = set()
        self._running_lock = threading.Lock()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
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
        future = self._pool.submit(_job, task_id, fn, self._relay)
        with self._running_lock:
            self._running.add(future)
        future.add_done_callback(self._forget)

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for shutdown and tests); results are delivered later
        by the event loop."""
        with self._running_lock:
            running = set(self._running)
        _done, not_done = concurrent.futures.wait(running, timeout=msecs / 1000)
        return not not_done

    def _forget(self, future: concurrent.futures.Future[None]) -> None:
        with self._running_lock:
            self._running.discard(future)

    def _deliver(self, task_id: int, result: object, error: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if isinstance(error, BaseException):
            self._fail(on_error, error)
        else:
            on_done(result)

    @staticmethod
    def _fail(on_error: Failed | None, error: BaseException) -> None:
        if on_error is None:
            log.error("background task failed", exc_info=error)
        else:
            on_error(error)
