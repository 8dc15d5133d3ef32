"""The steps of start-up after the window's first frame, each in its own event-loop turn.

From its first frame the window must answer input (a key press waits at most a few
milliseconds). So what start-up still has to do is split: the modules the next steps need are
imported on one thread of their own (``Warmup``) while the GUI thread idles; then each step
(the log and raise-me socket, the page in view, the welcome) runs in a turn of its own
(``run_steps``); and ``after_painted`` waits until the window has painted the page before the
engine is built, so its imports do not compete with that paint for the interpreter.

One thread imports at a time: a module being imported by one thread makes every other thread
that imports it wait, the GUI thread too.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

log = logging.getLogger(__name__)

PAINT_WAIT_MS = 250  # a window that does not paint (minimised, covered) does not hold start-up


class Warmup(QObject):
    """Imports ``modules`` on a thread of its own; ``done`` is emitted on the GUI thread."""

    done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, modules: Iterable[str]) -> None:
        from somestudio.ui.pyside_types import make_all_now  # noqa: PLC0415 - after the first frame

        names = tuple(modules)
        make_all_now()  # no type left for this thread to make (``pyside_types``)
        self._thread = threading.Thread(
            target=self._import, args=(names,), name="start-imports", daemon=True
        )
        self._thread.start()

    def _import(self, names: tuple[str, ...]) -> None:
        from somestudio.ui.idle_gate import courteously  # noqa: PLC0415 - after the first frame

        # The window hands the interpreter over every 0.5 ms while this thread runs
        # (launch._run sets it for the process's life).
        with courteously():  # each module while the GUI thread idles
            for name in names:
                try:
                    importlib.import_module(name)
                except Exception:  # the GUI thread imports it again and reports it
                    log.debug("could not import %s ahead of use", name, exc_info=True)
        self.done.emit()  # queued to the GUI thread (this object lives there)

    def join(self, seconds: float) -> None:
        if self._thread is not None:
            self._thread.join(seconds)


def run_steps(steps: Iterable[Callable[[], Any]], owner: QObject | None = None) -> None:
    """Each step in an event-loop turn of its own, after the input and paints that came in
    during the one before (start-up's steps, a Metrics load's parts). With an ``owner``, the
    steps left when it is deleted are dropped."""
    pending = iter(steps)

    def later(call: Callable[[], None]) -> None:
        if owner is None:
            QTimer.singleShot(0, call)
        else:
            QTimer.singleShot(0, owner, call)

    def next_step() -> None:
        step = next(pending, None)
        if step is None:
            return
        try:
            step()
        finally:
            # Asked for once this one is over (raised or not), so the input and paints that
            # came in meanwhile go first (asked for before it, they waited for two steps).
            later(next_step)

    later(next_step)


class _Painted(QObject):
    def __init__(self, window: QObject, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            QTimer.singleShot(0, self._go)  # after this paint is done
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._window.removeEventFilter(self)
        self.deleteLater()
        then()


def after_painted(window: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has painted what is pending (at most PAINT_WAIT_MS)."""
    _Painted(window, then)
