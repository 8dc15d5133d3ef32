"""What the Inbox page shows instead of an empty list: an empty inbox, an inbox where every
entry is done, a network or account chosen that has no entry yet (naming it and why), or
filters that hide every entry (with a button that clears them), so an empty list is never
taken for an empty inbox."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from somestudio.ui.theme import SPACE


class Emptiness(Enum):
    NOTHING = "nothing"  # no entry at all yet
    ALL_DONE = "all_done"  # the Open view, and every entry is done
    FILTERED = "filtered"  # the filters hide every entry
    SOURCE = "source"  # the network or account chosen has no entry at all (says which)


class EmptyState(QWidget):
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InboxEmpty")
        self.label = QLabel()
        self.label.setObjectName("InboxEmptyText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Takes the keyboard when the list goes away (the last open entry marked done): then
        # Ctrl+Z is the window's undo, not a search field's, and a screen reader reads why.
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear = QPushButton(self.tr("Clear the filters"))
        self.clear.setObjectName("InboxClearFilters")
        self.clear.setAccessibleName(self.tr("Clear the filters"))
        self.clear.setToolTip(self.tr("Show every open entry again"))
        self.clear.clicked.connect(self.clear_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE.m, SPACE.l, SPACE.m, SPACE.l)
        layout.setSpacing(SPACE.s)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addStretch(2)
        self.show_state(Emptiness.NOTHING)

    def show_state(self, state: Emptiness, said: str = "") -> None:
        """``said``: the words for ``SOURCE`` (which network or account, and why)."""
        self.state = state
        text = said or {
            Emptiness.NOTHING: self.tr(
                "Nothing here yet. New replies and mentions come in by themselves."
            ),
            Emptiness.ALL_DONE: self.tr(
                "All done: every entry is marked done. New replies and mentions come in by "
                "themselves."
            ),
            Emptiness.FILTERED: self.tr(
                "Nothing matches these filters. Other entries are hidden by the search or the "
                "filters above."
            ),
        }.get(state, "")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.clear.setVisible(state in (Emptiness.FILTERED, Emptiness.SOURCE))

    def text(self) -> str:
        return self.label.text()
