"""The post was saved elsewhere while it was open here: both texts side by side, and a choice
in which nothing the user wrote is lost (cancelling keeps it in the composer, unsaved)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.domain.drafts import Draft
from somestudio.ui.theme import SPACE


class Choice(Enum):
    KEEP_MINE = "keep_mine"  # overwrite what they saved with this text
    TAKE_THEIRS = "take_theirs"  # open theirs; this text is kept as a new draft
    NEW_DRAFT = "new_draft"  # this text becomes a draft of its own; theirs stays as saved


def _text_of(draft: Draft) -> str:
    """The base text, then each account's own text and thread (what differs per account)."""
    parts = [draft.base_text]
    for _account_id, variant in sorted(draft.variants.items()):
        if variant != draft.base_text:
            parts.append(variant)
    for _account_id, thread in sorted(draft.threads.items()):
        parts.extend(thread)
    return "\n\n—\n\n".join(p for p in parts if p)


class ConflictDialog(QDialog):
    """Opened with ``open()``; ``chosen`` carries the user's Choice, nothing on Cancel."""

    chosen = Signal(object)

    def __init__(self, theirs: Draft, mine: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PostConflictDialog")
        self.setWindowTitle(self.tr("Someone else saved this post"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE.m)
        intro = QLabel(
            self.tr(
                "This post was saved on another computer or window after you opened it. "
                "Nothing was overwritten. Choose which text to keep; the other is not lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.theirs_text = self._text_box(_text_of(theirs), self.tr("Their saved text"))
        self.mine_text = self._text_box(_text_of(mine), self.tr("Your text"))
        grid.addWidget(QLabel(self.tr("Their saved text")), 0, 0)
        grid.addWidget(QLabel(self.tr("Your text")), 0, 1)
        grid.addWidget(self.theirs_text, 1, 0)
        grid.addWidget(self.mine_text, 1, 1)
        layout.addLayout(grid, 1)
        self._build_buttons(layout)
        self.resize(760, 420)

    def _text_box(self, text: str, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setReadOnly(True)
        box.setTabChangesFocus(True)  # Tab moves on to the choices
        box.setAccessibleName(name)
        box.setMinimumWidth(300)
        return box

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = QDialogButtonBox()
        self.keep_mine = self._button(
            buttons, self.tr("Keep mine (overwrite)"), Choice.KEEP_MINE, "ConflictKeepMine"
        )
        self.take_theirs = self._button(
            buttons,
            self.tr("Take theirs (mine as a new draft)"),
            Choice.TAKE_THEIRS,
            "ConflictTakeTheirs",
        )
        self.new_draft = self._button(
            buttons, self.tr("Save mine as a new draft"), Choice.NEW_DRAFT, "ConflictNewDraft"
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel (keep editing)"))
        cancel.setAccessibleName(cancel.text())
        cancel.setObjectName("ConflictCancel")
        cancel.setAutoDefault(False)  # Enter takes the default choice (both texts kept)
        cancel.clicked.connect(self.reject)
        self.cancel = cancel
        self.new_draft.setDefault(True)
        self.new_draft.setFocus()  # taken when the dialog shows: Enter keeps both texts
        layout.addWidget(buttons)

    def _button(self, box: QDialogButtonBox, text: str, choice: Choice, name: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.chosen.emit(choice)
        self.accept()
