"""Quit cleanly on SIGTERM/SIGINT although Qt's event loop holds the main thread.

Python runs signal handlers only when it gets control; a wake-up file descriptor watched by
a QSocketNotifier hands it control at once, with no polling timer.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class SignalBridge(QObject):
    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        # A pipe, not a socket pair: the socket module cost 3 ms before the first frame.
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        self._previous_fd = signal.set_wakeup_fd(self._writer)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {
            sig: signal.signal(sig, self._handle) for sig in (signal.SIGTERM, signal.SIGINT)
        }

    def _handle(self, signum: int, frame: object) -> None:
        del frame
        self._on_signal(signum)

    def _drain(self) -> None:
        # Reading the byte is enough: by now Python has run the handler.
        with contextlib.suppress(BlockingIOError):
            os.read(self._reader, 64)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._reader)
        os.close(self._writer)
