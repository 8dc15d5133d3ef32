"""Desktop notifications for deliveries that need the user, and publish-by-hand reminders.

Notifications go through the tray icon where the desktop has one; otherwise they show in the
status bar. Clicking a notification opens the post it is about.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon

from somestudio.domain.first_comment import CommentState
from somestudio.scheduling.events import (
    CommentChanged,
    DeliveryFailed,
    DeliveryMissed,
    DeliveryNeedsAttention,
    EngineEvent,
    ManualReminder,
)
from somestudio.ui.network_names import network_name

STATUS_MESSAGE_MS = 15_000


class Notifier(QObject):
    open_post = Signal(int)

    def __init__(self, status: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._tray: QSystemTrayIcon | None = None
        self._last_post: int | None = None
        self._reminded: set[int] = set()  # deliveries whose hold is our own reminder
        self.shown: list[tuple[str, str]] = []  # (title, text) of every notice, newest last

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        self._tray = tray
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def handle(self, event: EngineEvent) -> None:
        if isinstance(event, ManualReminder):
            self._remind(event)
        elif isinstance(event, DeliveryFailed):
            self._notify(event.post_id, self.tr("A post could not be published"), event.reason)
        elif isinstance(event, DeliveryNeedsAttention):
            if event.delivery_id not in self._reminded:  # a reminder was notice enough
                self._notify(event.post_id, self.tr("A post needs your attention"), event.reason)
        elif isinstance(event, DeliveryMissed):
            self._notify(event.post_id, self.tr("A post was missed"), event.reason)
        elif isinstance(event, CommentChanged) and event.state in (
            CommentState.FAILED,
            CommentState.NEEDS_ATTENTION,
        ):  # the post itself is out; only its first comment is missing
            self._notify(event.post_id, self.tr("A first comment was not posted"), event.reason)

    def _remind(self, event: ManualReminder) -> None:
        self._reminded.add(event.delivery_id)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(event.text)
        if event.media_paths:
            folder = Path(event.media_paths[0]).parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self._notify(
            event.post_id,
            self.tr("Time to publish on %1").replace("%1", network_name(event.network)),
            self.tr(
                "The text is on the clipboard. Publish it as %1, then mark it published."
            ).replace("%1", event.account_label),
        )

    def _notify(self, post_id: int, title: str, text: str) -> None:
        self._last_post = post_id
        self.shown.append((title, text))
        if self._tray is not None and self._tray.isVisible():
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning)
        self._status.showMessage(f"{title}: {text}", STATUS_MESSAGE_MS)

    def _clicked(self) -> None:
        if self._last_post is not None:
            self.open_post.emit(self._last_post)
