"""Questions and notices to the user, through one small service that tests replace.

Dialogs open non-blocking (``open()``); the answer arrives in a callback, so nothing here
ever spins a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
    ) -> None:
        """Offer ``options``; ``on_choice`` gets the chosen index, or None when cancelled."""
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)

        def finished() -> None:
            clicked = box.clickedButton()
            on_choice(buttons.index(clicked) if clicked in buttons else None)
            box.deleteLater()

        box.finished.connect(finished)
        box.open()

    def inform(self, title: str, text: str) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.finished.connect(box.deleteLater)
        box.open()
