"""Questions and notices to the user, through one small service that tests replace.

Dialogs open non-blocking (``open()``); the answer arrives in a callback, so nothing here
ever spins a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The dialogs' classes are imported when a question is asked: the window makes its Prompts
# before its first frame, which needs none of them (their wrappers cost 3-4 ms there).


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        """Offer ``options``; ``on_choice`` gets the chosen index, or None when cancelled.

        Enter takes option ``default`` (the first unless told); None makes Cancel the default,
        for questions where every option does something the user may not want."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        for button, option in zip(buttons, options, strict=True):
            button.setAccessibleName(option.replace("&", ""))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        box.setEscapeButton(cancel)
        if default is None:
            box.setDefaultButton(cancel)
        elif 0 <= default < len(buttons):
            box.setDefaultButton(buttons[default])

        def finished() -> None:
            clicked = box.clickedButton()
            on_choice(buttons.index(clicked) if clicked in buttons else None)
            box.deleteLater()

        box.finished.connect(finished)
        box.open()

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.finished.connect(box.deleteLater)
        box.open()

    def ask_text(
        self,
        title: str,
        text: str,
        label: str,
        accept: str,
        on_answer: Callable[[str | None], None],
        *,
        check: Callable[[str], str] | None = None,
    ) -> None:
        """Ask for one line (it may be left empty); ``on_answer`` gets it, or None when
        cancelled. ``label`` names the field, ``accept`` the button that confirms.
        ``check``: what is wrong with a line ("" for nothing); a line it faults keeps the
        question open with the line as typed and the reason under it."""
        from PySide6.QtWidgets import (  # noqa: PLC0415
            QDialog,
            QDialogButtonBox,
            QLabel,
            QLineEdit,
            QVBoxLayout,
        )

        dialog = QDialog(self._parent)
        dialog.setObjectName("AskText")
        dialog.setWindowTitle(title)
        message = QLabel(text)
        message.setWordWrap(True)
        field = QLineEdit()
        field.setObjectName("AskTextField")
        field.setAccessibleName(label)
        field.setPlaceholderText(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(accept)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAutoDefault(False)  # Enter in the field confirms, as the default says
            cancel.setAccessibleName(cancel.text().replace("&", ""))
        ok.setDefault(True)
        problem = QLabel()
        problem.setObjectName("AskTextProblem")
        problem.setWordWrap(True)
        problem.hide()

        def confirmed() -> None:
            said = check(field.text()) if check is not None else ""
            if said:
                problem.setText(said)
                problem.show()
                field.setFocus()
                return
            dialog.accept()

        field.textEdited.connect(problem.hide)
        buttons.accepted.connect(confirmed)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(message)
        layout.addWidget(field)
        layout.addWidget(problem)
        layout.addWidget(buttons)
        dialog.resize(max(dialog.sizeHint().width(), 460), dialog.sizeHint().height())

        def finished(result: int) -> None:
            accepted = result == QDialog.DialogCode.Accepted.value
            on_answer(field.text() if accepted else None)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
