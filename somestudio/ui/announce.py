"""Say something to a screen reader at once, without moving the keyboard: a status-bar
message is drawn, not read out (Qt's AT-SPI bridge passes announcements on, Qt 6.8+)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """``text`` spoken politely (after what is being said), on behalf of ``widget``."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
