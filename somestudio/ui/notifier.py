"""Desktop notifications for deliveries that need the user, publish-by-hand reminders and
posts waiting for approval.

Notifications go through the tray icon where the desktop has one; otherwise they show in the
status bar. Clicking a notification opens the post it is about, or for reminders the list of
posts to publish by hand. Reminders due together make one notification that says how many
are due; nothing is copied or opened until the user asks in that list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon

from somestudio.domain.first_comment import CommentState
from somestudio.scheduling.events import (
    CommentChanged,
    DeliveryFailed,
    DeliveryMissed,
    DeliveryNeedsAttention,
    DeliveryPublished,
    EngineEvent,
    ManualReminder,
)
from somestudio.ui.calendar.post_chips import first_words
from somestudio.ui.failure_text import reason_text
from somestudio.ui.network_names import network_name

if TYPE_CHECKING:
    from somestudio.domain.posts import ScheduledEntry

STATUS_MESSAGE_MS = 15_000
REMINDER_BURST_MS = 400  # reminders due in the same minute arrive within this


class Notifier(QObject):
    open_post = Signal(int)
    reminders_requested = Signal()
    # Posts to publish by hand are due and no tray can say so: the window shows the list.
    reminders_due_unseen = Signal()

    def __init__(
        self,
        status: QStatusBar,
        parent: QObject | None = None,
        *,
        reminders_due: Callable[[], int] | None = None,
        entry_of: Callable[[int], ScheduledEntry | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._entry_of = entry_of  # a delivery as the calendar shows it, to say what went out
        self._tray: QSystemTrayIcon | None = None
        self._last_post: int | None = None
        self._last_is_reminder = False
        self._reminded: set[int] = set()  # deliveries whose hold is our own reminder
        self._burst: list[ManualReminder] = []
        self._reminders_due = reminders_due
        self._burst_timer = QTimer(self)
        self._burst_timer.setSingleShot(True)
        self._burst_timer.setInterval(REMINDER_BURST_MS)
        self._burst_timer.timeout.connect(self._remind_burst)
        self.shown: list[tuple[str, str]] = []  # (title, text) of every notice, newest last

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        self._tray = tray
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def handle(self, event: EngineEvent) -> None:
        if isinstance(event, ManualReminder):
            self._remind(event)
        elif isinstance(event, DeliveryPublished):
            self._published(event)
        elif isinstance(event, DeliveryFailed):
            self._notify(
                event.post_id, self.tr("A post could not be published"), reason_text(event.reason)
            )
        elif isinstance(event, DeliveryNeedsAttention):
            if event.delivery_id not in self._reminded:  # a reminder was notice enough
                self._notify(
                    event.post_id, self.tr("A post needs your attention"), reason_text(event.reason)
                )
        elif isinstance(event, DeliveryMissed):
            self._notify(event.post_id, self.tr("A post was missed"), reason_text(event.reason))
        elif isinstance(event, CommentChanged) and event.state in (
            CommentState.FAILED,
            CommentState.NEEDS_ATTENTION,
        ):  # the post itself is out; only its first comment is missing
            self._notify(
                event.post_id, self.tr("A first comment was not posted"), reason_text(event.reason)
            )

    def _published(self, event: DeliveryPublished) -> None:
        """A line in the status bar for each post that went out (only its chip changed: a
        user who must trust the schedule saw nothing happen). No desktop notice: posts
        going out as planned are not news."""
        entry = self._entry_of(event.delivery_id) if self._entry_of is not None else None
        if entry is None:
            return
        self._status.showMessage(
            self.tr("Published on %1: “%2”")
            .replace("%1", f"{network_name(entry.network)} · {entry.account_label}")
            .replace("%2", first_words(entry.text, 40)),
            STATUS_MESSAGE_MS,
        )

    def approval_requested(self, post_id: int, who: str, count: int = 1) -> None:
        """A contributor asked for approval (here or on another machine): a notice for an
        editor or owner; its click opens the post (the latest, when several came)."""
        title = (
            self.tr("A post waits for your approval")
            if count == 1
            else self.tr("%1 posts wait for your approval").replace("%1", str(count))
        )
        text = (
            self.tr("%1 asked for approval. Open the post to approve it or return it.").replace(
                "%1", who
            )
            if who
            else self.tr("Open the post to approve it or return it.")
        )
        self._notify(post_id, title, text)

    def _remind(self, event: ManualReminder) -> None:
        self._reminded.add(event.delivery_id)
        self._burst.append(event)
        self._burst_timer.start()

    def _remind_burst(self) -> None:
        burst, self._burst = self._burst, []
        if not burst:
            return
        due = self._reminders_due() if self._reminders_due is not None else len(burst)
        due = max(due, len(burst))
        if len(burst) == 1 and due == 1:
            only = burst[0]
            title = self.tr("Time to publish on %1").replace("%1", network_name(only.network))
            text = self.tr(
                "Publish it as %1: open the list to copy its text, then mark it published."
            ).replace("%1", only.account_label)
        else:
            title = self.tr("%n posts to publish by hand", "", due)
            text = self.tr("Open the list to copy each text, then mark each one published.")
        self._notify(None, title, text)

    def _notify(self, post_id: int | None, title: str, text: str) -> None:
        """``post_id`` None: a reminder notice (a click opens the reminders list)."""
        self._last_post = post_id
        self._last_is_reminder = post_id is None
        self.shown.append((title, text))
        # A reminder's line is its title (how to go about it is the list's: the sentence
        # was cut mid-word beside the status bar's badges).
        line = title if post_id is None else f"{title}: {text}"
        self._status.showMessage(line, STATUS_MESSAGE_MS)
        if self._tray is not None and self._tray.isVisible():
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning)
        elif post_id is None:
            # No tray (stock GNOME, a plain X session): fifteen seconds of status bar, cut
            # short, were all a by-hand reminder got, and it was missed. (After the status
            # bar's message: the window adds to it and reads it out.)
            self.reminders_due_unseen.emit()

    def _clicked(self) -> None:
        if self._last_is_reminder:
            self.reminders_requested.emit()
        elif self._last_post is not None:
            self.open_post.emit(self._last_post)
