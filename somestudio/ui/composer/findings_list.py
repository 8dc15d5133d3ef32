"""Everything the checks found, one line each; activating a line selects what it is about."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
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
        previous, self._entries = self._entries, entries
        if previous and len(previous) == len(entries):
            self._update_in_place(previous, entries)  # a count moved: no new rows, no relayout
            return
        self.clear()
        icons = self._icons()
        for entry in entries[:MAX_SHOWN]:
            item = QListWidgetItem(icons[entry.severity], entry.message)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._spoken(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.place)
            if entry.tooltip:
                item.setToolTip(entry.tooltip)
            self.addItem(item)
        if not entries:
            item = QListWidgetItem(self.tr("No problems found."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def _icons(self) -> dict[Severity, QIcon]:
        style = self.style()
        return {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    def _update_in_place(self, previous: list[Entry], entries: list[Entry]) -> None:
        icons: dict[Severity, QIcon] | None = None
        for row, (old, new) in enumerate(
            zip(previous[:MAX_SHOWN], entries[:MAX_SHOWN], strict=True)
        ):
            if old == new:
                continue
            item = self.item(row)
            if old.message != new.message:
                item.setText(new.message)
            if old.place != new.place:
                item.setData(Qt.ItemDataRole.UserRole, new.place)
            if old.tooltip != new.tooltip:
                item.setToolTip(new.tooltip)
            if old.severity != new.severity:
                icons = icons or self._icons()
                item.setIcon(icons[new.severity])
            if (old.severity, old.message) != (new.severity, new.message):
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self._spoken(new))

    def _spoken(self, entry: Entry) -> str:
        """What a screen reader says: whether it stops scheduling, which only the icon
        showed ("Error: Bluesky: too long (476/300 characters).")."""
        if entry.severity is Severity.ERROR:
            return self.tr("Error: %1").replace("%1", entry.message)
        return self.tr("Warning: %1").replace("%1", entry.message)

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
