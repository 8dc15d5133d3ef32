"""Background work for the window: run a function on a thread pool, get its result or error
back on the GUI thread.

    tasks = Tasks(parent)
    tasks.run(lambda: heavy(text), on_done=self._show, on_error=self._fail)

With ``synchronous=True`` (tests) the function runs at once on the calling thread and the
callbacks are called before ``run`` returns, so a test needs no waiting.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread: a signal emitted from a worker is queued to it."""

    finished = Signal(int, object, object)  # task id, result, error


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the caller's on_error
            self._relay.finished.emit(self._task_id, None, exc)
        else:
            self._relay.finished.emit(self._task_id, result, None)


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
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
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
        self._pool.start(_Job(task_id, fn, self._relay))

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (for shutdown and tests); results are delivered later
        by the event loop."""
        return bool(self._pool.waitForDone(msecs))

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
