"""The status bar: is the scheduler running, what goes out next, and what needs the user.

A message (``showMessage``) takes the scheduler's place on the left. Qt's own message was
drawn in whatever the parts on the right left it and cut mid-word with no sign ("Moved to
12/14/26 10:00 AM. Undo (Ctrl+Z) move" at 1024 px, a new user's finding); here it is a
label that ends in "…" when cut and is whole in its tooltip and accessible name, and the
parts on the right make room for it first: "Next: …" gives up its room (down to nothing),
then the badges show only their sign and count ("📋 2"; their names keep the words)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QRect, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QToolButton, QWidget

from somestudio.domain.utc import utc_now
from somestudio.ui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from somestudio.app.studio import StatusCounts, Studio

TIP_CHARS = 280  # of the next post's text in the tooltip of "Next: …"


@dataclass(frozen=True, slots=True)
class _Badge:
    words: str  # "⚠ Needs attention: 8"
    short: str  # "⚠ 8", while the left part needs the room
    tip: str  # what a click does
    words_width: int  # the badge's width with its words


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
        self.message = ElidedLabel()
        self.message.setObjectName("StatusMessage")
        self.message.hide()
        self._message = ""
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.clearMessage)
        self.next_label = ElidedLabel()
        self.next_label.setObjectName("NextDue")
        # It asks for no room of its own (Ignored) and, stretched, takes what the left part
        # and the badges leave, up to its text's width (its maximum, set with the text).
        policy = self.next_label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.next_label.setSizePolicy(policy)
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
        self._tips = {b: b.toolTip() for b in (self.sign_ins, self.reminders, self.attention)}
        self._badges: dict[QToolButton, _Badge] = {}
        self._short = False  # the badges show their sign and count only
        # The scheduler's state and the message (one shows at a time) are not stretched: Qt's
        # layout gives them their text's width before "Next: …", stretched, gets more than
        # its minimum.
        self.addWidget(self.scheduler_label)
        self.addWidget(self.message)
        self.addPermanentWidget(self.sign_ins)
        self.addPermanentWidget(self.reminders)
        self.addPermanentWidget(self.attention)
        self.addPermanentWidget(self.next_label, 1)
        # The engine starts once the window is on screen; until then it is on its way.
        self.scheduler_label.setText("◌ " + self.tr("Scheduler: starting…"))

    def controls(self) -> list[QWidget]:
        """Its controls, left to right as shown (shown or not): the window's Tab order."""
        return [self.sign_ins, self.reminders, self.attention]

    def showMessage(self, text: str, /, timeout: int | None = 0) -> None:
        """``text`` on the left instead of the scheduler's state, for ``timeout`` ms (0 or
        None: until the next message). It replaces Qt's own (see the module's docstring);
        the window's code calls this one."""
        self._message = text
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setVisible(bool(text))
        self.scheduler_label.setVisible(not text)
        if text and timeout:
            self._message_timer.start(timeout)
        else:
            self._message_timer.stop()
        self.messageChanged.emit(text)

    def clearMessage(self) -> None:
        self.showMessage("")

    def currentMessage(self) -> str:
        return self._message

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
            self._set_next(self.tr("Nothing scheduled"))
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
            line = (
                self.tr("Next: %1 · %2")
                .replace("%1", when)
                .replace("%2", network_name(entry.network))
            )
            self._set_next(line)
            # The whole line (in a narrow window the bar shows "Next: tomorro…") and the
            # post's first words, wrapped: the post's text alone, on one line, said neither
            # when nor where and ran past the screen's edge (a check on the real program).
            words = entry.text
            if len(words) > TIP_CHARS:  # cut at a word
                words = words[:TIP_CHARS].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
            self.next_label.setToolTip(f"<p>{html.escape(line)}</p><p>{html.escape(words)}</p>")
        count = counts.wanting_user
        self.attention.setVisible(count > 0)
        self._set_badge(
            self.attention, self.tr("⚠ Needs attention: %1").replace("%1", str(count)), f"⚠ {count}"
        )
        by_hand = counts.waiting_by_hand
        self.reminders_count = by_hand
        self.reminders.setVisible(by_hand > 0)
        self._set_badge(
            self.reminders,
            self.tr("📋 To publish by hand: %1").replace("%1", str(by_hand)),
            f"📋 {by_hand}",
        )
        stuck = counts.not_going_out
        self.sign_ins.setVisible(stuck > 0)
        self._set_badge(
            self.sign_ins, self.tr("🔑 Will not go out: %n posts", "", stuck), f"🔑 {stuck}"
        )
        self.sign_ins.setAccessibleDescription(self._tips[self.sign_ins])
        return count

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # The bar's layout has placed its parts by now (it sees the event first).
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit()
        return handled

    def _set_next(self, text: str) -> None:
        self.next_label.setText(text)
        self.next_label.setMaximumWidth(self.next_label.sizeHint().width())

    def _set_badge(self, badge: QToolButton, words: str, short: str) -> None:
        """Its words (measured as the badge shows them) and its short form; it shows the one
        the bar has room for. Its accessible name is the words."""
        badge.setText(words)
        self._badges[badge] = _Badge(words, short, self._tips[badge], badge.sizeHint().width())
        badge.setAccessibleName(words)
        self._show_badge(badge)

    def _show_badge(self, badge: QToolButton) -> None:
        shown = self._badges[badge]
        badge.setText(shown.short if self._short else shown.words)
        badge.setToolTip(f"{shown.words}\n{shown.tip}" if self._short else shown.tip)

    def _fit(self) -> None:
        """Short badges while the left part (the message, else the scheduler's state) would
        not have its text's width beside the whole ones; "Next: …" has already given up its
        room, the layout gives it only what is left. Decided from where the layout put the
        parts, so it does not flip back and forth: the other form frees or takes exactly the
        difference of the badges' widths."""
        if not self.isVisible():
            return  # not laid out yet; its first layout comes here again
        shown = [b for b in self._badges if not b.isHidden()]
        short = False
        if shown:
            left = self.message if self._message else self.scheduler_label
            place, following = left.geometry(), self.next_label.geometry()
            boxes = [b.geometry() for b in shown]
            gap = min(_between(following, b) for b in boxes)  # the layout's spacing
            # The room of the left part and "Next: …" together, with the empty stretch
            # between the left part and the badges, were the badges whole.
            room = place.width() + min(_between(place, b) for b in boxes) - gap
            room += following.width()
            room += sum(b.width() - self._badges[b].words_width for b in shown)
            short = left.sizeHint().width() > room
        if short != self._short:
            self._short = short
            for badge in self._badges:
                self._show_badge(badge)


def _between(a: QRect, b: QRect) -> int:
    """The empty width between two parts side by side (in either order)."""
    return max(a.left(), b.left()) - min(a.right(), b.right()) - 1
