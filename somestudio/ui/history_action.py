"""The window's Undo and Redo actions, each labelled with the step it takes back or does
again."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class HistoryAction(QAction):
    """Undo or Redo: ``plain`` while there is nothing to take back (or the step has no
    name), else ``template`` with the step's name. Fed by the stack's signals (a receiver
    of its own, so a stack torn down after the window's actions does not reach them)."""

    def __init__(self, plain: str, template: str, parent: QWidget) -> None:
        super().__init__(plain, parent)
        self._plain = plain
        self._template = template
        self._possible = False
        self._step = ""

    def set_possible(self, possible: bool) -> None:
        self._possible = possible
        self._relabel()

    def set_step(self, step: str) -> None:
        self._step = step
        self._relabel()

    def _relabel(self) -> None:
        named = self._possible and bool(self._step)
        self.setText(self._template.replace("%1", self._step) if named else self._plain)
        self.setEnabled(self._possible)
