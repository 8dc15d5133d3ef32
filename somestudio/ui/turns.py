"""Work split into steps, each in an event-loop turn of its own, with what came in meanwhile
handled between two steps.

``start_steps.run_steps`` asks for the next step's turn before it runs a step (so a step that
raises does not stop the rest): a key press, a paint or a watchdog's ping that comes in while
a step runs then waits for the next step too, and two steps of 30 ms keep the window from
answering for 60. Here the next turn is asked for once a step is over (raised or not), so
what came in meanwhile goes first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer


def one_by_one(steps: Iterable[Callable[[], Any]], owner: QObject) -> None:
    """Each of ``steps`` in an event-loop turn of its own, after the events that came in
    during the one before; the steps left when ``owner`` is deleted are dropped."""
    pending = iter(steps)

    def next_step() -> None:
        step = next(pending, None)
        if step is None:
            return
        try:
            step()
        finally:
            QTimer.singleShot(0, owner, next_step)

    QTimer.singleShot(0, owner, next_step)
