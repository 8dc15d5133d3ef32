"""Posts due to be published by hand: copy each one's text for its channel, open its media
folder, and mark it published (with the link to the live post, if the user has it).

Nothing is put on the clipboard until the user asks: several reminders due in the same
minute would otherwise overwrite each other, and whatever the user had copied.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import PlanningError
from somestudio.app.reminders import Reminder, Reminders, check_link
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_now
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import short_date_time
from somestudio.ui.row_list import clear_rows, lay_out_row_list
from somestudio.ui.states import BY_HAND_GLYPH, GLYPHS
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.marks import mark_label

UPCOMING_DAYS = 7


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class RemindersDialog(QDialog):
    open_post = Signal(int)
    changed = Signal()

    def __init__(
        self,
        reminders: Reminders,
        zone: ZoneInfo,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        folder_opener: Callable[[Path], None] = open_folder,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RemindersDialog")
        self.setWindowTitle(self.tr("Publish by hand"))
        self.setAccessibleName(self.windowTitle())
        self._reminders = reminders
        self._zone = zone
        self._locale = QLocale()
        self.prompts = prompts
        self.folder_opener = folder_opener
        self._now = now
        self.intro, self.rows, self.message = lay_out_row_list(self, "RemindersMessage")
        self.resize(720, 500)
        self.reload()

    def reload(self) -> None:
        clear_rows(self.rows)
        self.due = self._reminders.due()
        # What comes next too: a by-hand user prepares the week's posts (only the ones
        # already due were listed, so tomorrow's could not be got ready today).
        self.upcoming = self._reminders.upcoming(self._now() + timedelta(days=UPCOMING_DAYS))
        self.intro.setText(
            self.tr("No post is waiting to be published by hand.")
            if not self.due
            else self.tr(
                "These posts are due on channels you publish to yourself. Copy the text, "
                "publish it in the app or site of the channel, then mark it published."
            )
        )
        for reminder in self.due:
            self.rows.addWidget(self._row(reminder))
        if self.upcoming:
            heading = QLabel(
                self.tr("Coming up in the next %n days", "", UPCOMING_DAYS)
                + " "
                + self.tr("(you are reminded at each one's time)")
            )
            heading.setObjectName("RemindersUpcoming")
            heading.setWordWrap(True)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.rows.addWidget(heading)
            for reminder in self.upcoming:
                self.rows.addWidget(self._row(reminder, due=False))

    def _row(self, reminder: Reminder, *, due: bool = True) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"Reminder-{reminder.delivery_id}")
        when = short_date_time(self._locale, reminder.due_at.astimezone(self._zone))
        heading = f"{network_name(reminder.network)} · {reminder.account_label} · {when}"
        frame.setAccessibleName(heading)
        title = QLabel(f"{BY_HAND_GLYPH if due else GLYPHS[DeliveryState.SCHEDULED]} {heading}")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        head = QHBoxLayout()
        head.setSpacing(SPACE.s)
        head.addWidget(mark_label(reminder.network))
        head.addWidget(title, 1)
        layout = QVBoxLayout(frame)
        layout.addLayout(head)
        if len(reminder.parts) > 1:
            # A thread: each post said as such, with its own Copy (they read as one text
            # in paragraphs, with nothing to say where the next post begins).
            for number, part in enumerate(reminder.parts, start=1):
                layout.addLayout(self._part_row(reminder, number, part, heading))
        else:
            text = QLabel(reminder.text)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)
        label = self._paid_label(reminder) if reminder.paid else ""
        if label:
            paid = QLabel(label)
            paid.setObjectName("ReminderPaidLabel")
            paid.setWordWrap(True)
            layout.addWidget(paid)
        if reminder.media_paths:
            media = QLabel(
                self.tr("%n images or videos to add", "", len(reminder.media_paths))
                + ": "
                + ", ".join(Path(p).name for p in reminder.media_paths)
            )
            media.setWordWrap(True)
            layout.addWidget(media)
        buttons = QHBoxLayout()

        def button(name: str, label: str, slot: Callable[[], None]) -> QPushButton:
            widget = QPushButton(label)
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(heading)
            widget.clicked.connect(slot)
            buttons.addWidget(widget)
            return widget

        if len(reminder.parts) <= 1:
            button("ReminderCopy", self.tr("Copy text"), lambda: self.copy_text(reminder))
        folder = button(
            "ReminderFolder", self.tr("Open media folder"), lambda: self._open_folder(reminder)
        )
        folder.setEnabled(reminder.media_folder is not None)
        if reminder.media_folder is None:
            folder.setToolTip(self.tr("This post has no images or videos"))
        if due:  # one coming up is published at its time, when it is due
            button(
                "ReminderDone", self.tr("Mark as published…"), lambda: self.ask_published(reminder)
            )
        buttons.addStretch(1)
        button("ReminderOpen", self.tr("Open"), lambda: self.open_post.emit(reminder.post_id))
        layout.addLayout(buttons)
        return frame

    def _paid_label(self, reminder: Reminder) -> str:
        """Where the network's own paid-partnership setting is, for a paid post published by
        hand: the text's marking is not the label the network shows (a creator missed it)."""
        network = reminder.network
        if network is Network.INSTAGRAM:
            # https://help.instagram.com/116947042301556 (Tag Business Partner)
            return self.tr(
                "Paid collaboration: on Instagram, also tap Advanced settings → Tag business "
                "partner, so that the post says “Paid partnership with …”."
            )
        if network is Network.TIKTOK:
            # https://ads.tiktok.com/help/article/how-to-turn-on-the-commercial-content-disclosure-setting-in-tiktok
            return self.tr(
                "Paid collaboration: on TikTok, also turn on Content disclosure and ads → "
                "Disclose commercial content, and choose Branded content."
            )
        if network is Network.YOUTUBE:
            # https://support.google.com/youtube/answer/154235 (the paid promotion box)
            return self.tr(
                "Paid collaboration: on YouTube, also tick “My video contains paid promotion” "
                "in the video's details."
            )
        return ""

    def _part_row(self, reminder: Reminder, number: int, part: str, heading: str) -> QHBoxLayout:
        total = len(reminder.parts)
        which = self.tr("Post %1 of %2").replace("%1", str(number)).replace("%2", str(total))
        label = QLabel(f"{which}: {part}")
        label.setObjectName(f"ReminderPart-{number}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = QPushButton(self.tr("Copy %1").replace("%1", f"{number}/{total}"))
        copy.setObjectName(f"ReminderCopyPart-{number}")
        copy.setAccessibleName(
            self.tr("Copy post %1 of %2").replace("%1", str(number)).replace("%2", str(total))
        )
        copy.setAccessibleDescription(heading)
        copy.clicked.connect(lambda: self.copy_part(reminder, number))
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def copy_part(self, reminder: Reminder, number: int) -> None:
        """Post ``number`` (from 1) of a thread on the clipboard."""
        QGuiApplication.clipboard().setText(reminder.parts[number - 1])
        self.message.setText(
            self.tr("Post %1 of %2 for %3 (%4) is on the clipboard.")
            .replace("%1", str(number))
            .replace("%2", str(len(reminder.parts)))
            .replace("%3", network_name(reminder.network))
            .replace("%4", reminder.account_label)
        )

    def copy_text(self, reminder: Reminder) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(reminder.text)
        self.message.setText(
            self.tr("The text for %1 (%2) is on the clipboard.")
            .replace("%1", network_name(reminder.network))
            .replace("%2", reminder.account_label)
        )

    def _open_folder(self, reminder: Reminder) -> None:
        if reminder.media_folder is not None:
            self.folder_opener(reminder.media_folder)

    def ask_published(self, reminder: Reminder) -> None:
        self.prompts.ask_text(
            self.tr("Mark as published"),
            self.tr("Published on %1 (%2)? Paste the link to the live post if you have it.")
            .replace("%1", network_name(reminder.network))
            .replace("%2", reminder.account_label),
            self.tr("Link to the post (optional)"),
            self.tr("Mark as published"),
            lambda link: self._mark_published(reminder, link),
            check=_link_problem,
        )

    def _mark_published(self, reminder: Reminder, link: str | None) -> None:
        if link is None:
            return  # cancelled
        try:
            self._reminders.mark_published(reminder.delivery_id, link)
        except PlanningError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText(
            self.tr("Marked as published on %1.").replace("%1", network_name(reminder.network))
        )
        self.changed.emit()
        self.reload()


def _link_problem(link: str) -> str:
    """What is wrong with a typed link to a live post, in the user's words ("" for none)."""
    try:
        check_link(link)
    except PlanningError as exc:
        return error_text(exc)
    return ""
