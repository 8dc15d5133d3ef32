"""The band above the pages of a ``--demo`` window: its data is a throw-away copy.

The demo's folder is deleted when the window quits. Without the band, a person trying the
app wrote a post there and found it gone at the next start; the title's "demo data" alone
was not read as "nothing is kept"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from somestudio.ui.theme import SPACE


class DemoBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DemoBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#DemoBanner { background: palette(alternate-base);"
            " border: 1px solid palette(mid); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE.m, SPACE.s, SPACE.m, SPACE.s)
        text = self.tr(
            "Demo: sample posts, accounts and figures to try things on. Nothing here is kept:"
            " what you write or change is deleted when you quit. Your own data is not touched."
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(self.tr("Demo data"))
        self.setAccessibleDescription(text)
