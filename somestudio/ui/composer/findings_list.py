"""Everything the checks found, one line each; activating a line selects what it is about."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from somestudio.domain.findings import Severity

MAX_SHOWN = 300


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding points: the base text, an account's own text, one post of its
    thread, or an attachment (``index``), with a code-point span for the texts."""

    kind: str  # "base", "variant", "part", "comment" (the first comment), "media"
    account_id: int = 0
    index: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Entry:
    severity: Severity
    message: str
    place: Place
    tooltip: str = ""


class FindingsList(QListWidget):
    place_activated = Signal(object)  # Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposeFindings")
        self.setAccessibleName(self.tr("Problems found"))
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._entries: list[Entry] | None = None  # None: nothing shown yet

    def show_entries(self, entries: list[Entry]) -> None:
        if entries == self._entries:
            return
        self._entries = entries
        self.clear()
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for entry in entries[:MAX_SHOWN]:
            item = QListWidgetItem(icons[entry.severity], entry.message)
            item.setData(Qt.ItemDataRole.UserRole, entry.place)
            if entry.tooltip:
                item.setToolTip(entry.tooltip)
            self.addItem(item)
        if not entries:
            item = QListWidgetItem(self.tr("No problems found."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def entries(self) -> list[Entry]:
        return list(self._entries or [])

    def activate(self, row: int) -> None:
        """Act as if row ``row`` was clicked (keyboard users press Enter)."""
        item = self.item(row)
        self.setCurrentRow(row)
        self._activated(item)

    def _activated(self, item: QListWidgetItem) -> None:
        place = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(place, Place):
            self.place_activated.emit(place)
