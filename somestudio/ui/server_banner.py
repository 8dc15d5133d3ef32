"""The band above the pages that says a shared workspace's server cannot be reached.

Shown while the change feed (or any read or write) finds the PostgreSQL server gone, hidden
once the feed listens again; the feed retries every few seconds by itself, so the band asks
nothing of the user. What the window shows stays readable; a save made meanwhile says that
nothing was saved and keeps the text (composer page)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from somestudio.ui.theme import SPACE


class Band(QFrame):
    """A tinted band above the pages with a line of text: the platform palette's
    highlight-free warning look, its text as the theme's (selectable by keyboard, never
    taking the focus from the page)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: palette(alternate-base);"
            " border: 1px solid palette(mid); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE.m, SPACE.s, SPACE.m, SPACE.s)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.label, 1)


class ServerBanner(Band):
    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__("ServerBanner", parent)
        self._server = server
        self.setAccessibleName(self.tr("Shared workspace connection"))
        self.hide()

    def show_unreachable(self) -> None:
        text = self.tr(
            "⚠ The shared workspace on %1 cannot be reached. What you see may be out of date,"
            " and nothing can be saved until it answers again. Some Studio keeps trying."
        ).replace("%1", self._server)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleDescription(text)
        self.show()

    def show_reachable(self) -> None:
        self.hide()
