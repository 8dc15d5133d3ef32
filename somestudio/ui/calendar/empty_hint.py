"""What to do next, above an empty calendar: add an account, or write the first post."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class EmptyHint(QFrame):
    """Hidden once there is a post; its one button does what its sentence says."""

    write_requested = Signal()
    accounts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CalendarEmptyHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("CalendarEmptyHintText")
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("CalendarEmptyHintAction")
        self.button.clicked.connect(self._act)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self._needs_account = False
        self.hide()

    def update_for(self, *, accounts: int, posts: int) -> None:
        self.setVisible(posts == 0)
        self._needs_account = accounts == 0
        if self._needs_account:
            self.text.setText(
                self.tr(
                    "No accounts yet — add one so your posts have somewhere to go: a Local "
                    "archive or a publish-by-hand account needs no sign-in."
                )
            )
            self.button.setText(self.tr("Add an account"))
            self.button.setAccessibleName(self.tr("Add an account"))
        else:
            keys = QKeySequence(QKeySequence.StandardKey.New).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.text.setText(
                self.tr("No posts yet — press %1 to write your first post.").replace("%1", keys)
            )
            self.button.setText(self.tr("Write your first post"))
            self.button.setAccessibleName(self.tr("Write your first post"))

    def _act(self) -> None:
        if self._needs_account:
            self.accounts_requested.emit()
        else:
            self.write_requested.emit()
