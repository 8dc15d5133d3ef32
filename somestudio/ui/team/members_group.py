"""Settings → Members: who uses this computer, and the way to the members dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from somestudio.app.team import Team
from somestudio.ui.team.texts import role_hint, role_name


class MembersGroup(QGroupBox):
    manage_requested = Signal()

    def __init__(self, team: Callable[[], Team], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Members"), parent)
        self.setObjectName("MembersGroup")
        self._team = team
        self.note = QLabel()
        self.note.setObjectName("MembersNote")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(self.note.fontMetrics().averageCharWidth() * 60)
        self.manage = QPushButton(self.tr("Members and roles…"))
        self.manage.setObjectName("ManageMembers")
        self.manage.setAccessibleName(self.tr("Members and roles"))
        self.manage.clicked.connect(self.manage_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.manage, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def refresh(self) -> None:
        team = self._team()
        me = team.me()
        if not team.members():
            text = self.tr(
                "Only you use this workspace: you are its owner. Add members when others "
                "share it; a contributor's posts then wait for an editor's approval."
            )
        elif me is None:
            text = self.tr("This workspace has members; choose which one you are.")
        else:
            text = (
                self.tr("You are %1: %2 (%3).")
                .replace("%1", me.name)
                .replace("%2", role_name(me.role))
                .replace("%3", role_hint(me.role))
            )
        self.note.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
