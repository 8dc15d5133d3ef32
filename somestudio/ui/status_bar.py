"""The status bar: is the scheduler running, what goes out next, and what needs the user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from somestudio.domain.utc import utc_now

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from somestudio.app.studio import StatusCounts, Studio


class StatusBar(QStatusBar):
    attention_clicked = Signal()
    reminders_clicked = Signal()
    sign_ins_clicked = Signal()  # the posts that will not go out: open Accounts

    def __init__(
        self,
        studio: Studio | None,
        zone: ZoneInfo | None,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """Without ``studio`` and ``zone`` (the window's first frame, which imports neither
        module) it says the scheduler is starting until ``attach`` gives them."""
        super().__init__(parent)
        self._now = now
        self.setObjectName("StatusBar")
        self._studio = studio
        self._zone = zone
        self._locale = QLocale()
        self.scheduler_label = QLabel()
        self.scheduler_label.setObjectName("SchedulerState")
        self.next_label = QLabel()
        self.next_label.setObjectName("NextDue")
        self.attention = QToolButton()
        self.attention.setObjectName("AttentionBadge")
        self.attention.setAutoRaise(True)
        self.attention.clicked.connect(self.attention_clicked)
        self.attention.setToolTip(self.tr("Show the posts that did not go out as planned"))
        self.reminders = QToolButton()
        self.reminders.setObjectName("RemindersBadge")
        self.reminders.setAutoRaise(True)
        self.reminders.clicked.connect(self.reminders_clicked)
        self.reminders.setToolTip(self.tr("Show the posts to publish by hand"))
        self.reminders.setVisible(False)
        self.reminders_count = 0
        self.sign_ins = QToolButton()
        self.sign_ins.setObjectName("SignInBadge")
        self.sign_ins.setAutoRaise(True)
        self.sign_ins.clicked.connect(self.sign_ins_clicked)
        self.sign_ins.setToolTip(
            self.tr(
                "Posts scheduled to an account this computer cannot publish to: its sign-in"
                " is missing or was refused. They will not go out unless you connect the"
                " account first. Click to open Accounts."
            )
        )
        self.sign_ins.setVisible(False)
        self.addWidget(self.scheduler_label)
        self.addPermanentWidget(self.sign_ins)
        self.addPermanentWidget(self.reminders)
        self.addPermanentWidget(self.attention)
        self.addPermanentWidget(self.next_label)
        # The engine starts once the window is on screen; until then it is on its way.
        self.scheduler_label.setText("◌ " + self.tr("Scheduler: starting…"))

    def controls(self) -> list[QWidget]:
        """Its controls, left to right as shown (shown or not): the window's Tab order."""
        return [self.sign_ins, self.reminders, self.attention]

    def attach(self, studio: Studio, zone: ZoneInfo) -> None:
        self._studio = studio
        self._zone = zone

    def set_scheduler_state(self, *, running: bool, detail: str = "") -> None:
        state = self.tr("Scheduler: running") if running else self.tr("Scheduler: stopped")
        self.scheduler_label.setText(f"● {state}" if running else f"○ {state}")
        self.scheduler_label.setToolTip(detail)

    def refresh(self) -> int:
        """Re-read the next due post and the attention count; returns that count."""
        from somestudio.app.studio import StatusCounts  # noqa: PLC0415 - see __init__

        assert self._studio is not None, "attach() first"
        return self.show_counts(
            StatusCounts(
                self._studio.next_due(),
                self._studio.count_wanting_user(),
                self._studio.count_waiting_by_hand(),
            )
        )

    def show_counts(self, counts: StatusCounts) -> int:
        """Show counts read elsewhere (``Studio.status_counts`` on a worker); the attention
        count."""
        from somestudio.ui.network_names import network_name  # noqa: PLC0415 - see __init__
        from somestudio.ui.qtdates import qtime, short_date_time  # noqa: PLC0415

        entry = counts.next_due
        if entry is None:
            self.next_label.setText(self.tr("Nothing scheduled"))
            self.next_label.setToolTip("")
        else:
            local = entry.scheduled_at.astimezone(self._zone)
            when = short_date_time(self._locale, local)
            days = (local.date() - self._now().astimezone(self._zone).date()).days
            if days in (0, 1):
                time_text = self._locale.toString(
                    qtime(local.time()), QLocale.FormatType.ShortFormat
                )
                day = self.tr("today %1") if days == 0 else self.tr("tomorrow %1")
                when = day.replace("%1", time_text)
            self.next_label.setText(
                self.tr("Next: %1 · %2")
                .replace("%1", when)
                .replace("%2", network_name(entry.network))
            )
            self.next_label.setToolTip(entry.text)
        count = counts.wanting_user
        self.attention.setVisible(count > 0)
        self.attention.setText(self.tr("⚠ Needs attention: %1").replace("%1", str(count)))
        self.attention.setAccessibleName(self.attention.text())
        by_hand = counts.waiting_by_hand
        self.reminders_count = by_hand
        self.reminders.setVisible(by_hand > 0)
        self.reminders.setText(self.tr("📋 To publish by hand: %1").replace("%1", str(by_hand)))
        self.reminders.setAccessibleName(self.reminders.text())
        stuck = counts.not_going_out
        self.sign_ins.setVisible(stuck > 0)
        self.sign_ins.setText(self.tr("🔑 Will not go out: %n posts", "", stuck))
        self.sign_ins.setAccessibleName(self.sign_ins.text())
        self.sign_ins.setAccessibleDescription(self.sign_ins.toolTip())
        return count
