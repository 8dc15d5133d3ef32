"""Marking an inbox entry done or not done, as a step on the window's undo stack: under the
Open view a done entry leaves the list at once, so a mistaken e must be easy to take back."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class Marks(Protocol):
    def set_done(self, item_id: int, done: bool, *, undoing: bool = False) -> None: ...


class DoneCommand(QUndoCommand):
    def __init__(self, page: Marks, item_id: int, done: bool) -> None:
        super().__init__(
            QCoreApplication.translate("Inbox", "Mark done")
            if done
            else QCoreApplication.translate("Inbox", "Mark not done")
        )
        self._page, self._item_id, self._done = page, item_id, done

    def redo(self) -> None:
        self._page.set_done(self._item_id, self._done)

    def undo(self) -> None:
        self._page.set_done(self._item_id, not self._done, undoing=True)
