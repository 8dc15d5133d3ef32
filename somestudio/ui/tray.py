"""The system tray icon: show the window, start a post, quit; the attention count in its tip."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    show_requested = Signal()
    new_post_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.menu = QMenu()
        show = QAction(self.tr("Show Some Studio"), self.menu)
        show.triggered.connect(self.show_requested)
        new_post = QAction(self.tr("New post"), self.menu)
        new_post.triggered.connect(self.new_post_requested)
        quit_action = QAction(self.tr("Quit"), self.menu)
        quit_action.triggered.connect(self.quit_requested)
        self.menu.addActions([show, new_post])
        self.menu.addSeparator()
        self.menu.addAction(quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._attention = (0, 0)
        self._inbox_unread = 0
        self.set_attention(0)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def set_inbox(self, unread: int) -> None:
        """Unread inbox entries, in the tip beside the attention count."""
        self._inbox_unread = unread
        self.set_attention(*self._attention)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (new replies and mentions in the inbox)."""
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def set_attention(self, count: int, by_hand: int = 0) -> None:
        self._attention = (count, by_hand)
        tip = self.tr("Some Studio")
        if count:
            tip += " — " + self.tr("Needs attention: %1").replace("%1", str(count))
        if by_hand:
            tip += " — " + self.tr("To publish by hand: %1").replace("%1", str(by_hand))
        if self._inbox_unread:
            tip += " — " + self.tr("Unread in the inbox: %1").replace("%1", str(self._inbox_unread))
        self.icon.setToolTip(tip)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()
