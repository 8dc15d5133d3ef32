"""The scheduling engine's events, re-emitted on the GUI thread.

The engine calls its listeners on its own worker threads; a signal emitted there reaches
slots of objects living on the GUI thread as a queued call, which is the whole point.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from somestudio.scheduling.engine import Engine
from somestudio.scheduling.events import EngineEvent


class EngineBridge(QObject):
    received = Signal(object)  # an EngineEvent, delivered on the GUI thread

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._remove = engine.add_listener(self._on_engine_event)

    def close(self) -> None:
        self._remove()

    def _on_engine_event(self, event: EngineEvent) -> None:
        self.received.emit(event)
