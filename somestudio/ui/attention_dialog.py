"""Posts waiting for a decision: failed, held and missed ones, each with why (the stored
reason and the latest attempts) and what can be done: try again now, reschedule, skip, or
mark it as done by hand. Looking is not deciding: the count drops only when the user acts."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.error_text import error_text
from somestudio.ui.failure_text import attempts_text, reason_text
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import short_date_time
from somestudio.ui.resend_question import retry_unless_declined
from somestudio.ui.row_list import clear_rows, lay_out_row_list
from somestudio.ui.states import GLYPHS, state_name
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.marks import mark_label

S = DeliveryState
# Rows built at a time: each is a panel of labels and five buttons (about 3 ms to build and
# lay out). A week away with a busy plan can leave hundreds missed; all of them at once kept
# the window frozen for seconds at start-up, where it opens by itself.
PAGE_ROWS = 10  # about three screens of the dialog


class AttentionDialog(QDialog):
    open_post = Signal(int)
    reschedule = Signal(int, int)  # post id, delivery id: the schedule dialog for that one
    changed = Signal()

    def __init__(
        self,
        studio: Studio,
        planner: Planner,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttentionDialog")
        self.setWindowTitle(self.tr("Posts waiting for you"))
        self.setAccessibleName(self.windowTitle())
        self._studio = studio
        self._planner = planner
        self._zone = zone
        self._locale = QLocale()
        self._limit = PAGE_ROWS  # rows shown: "Show more" adds a page
        self.intro, self.rows, self.error = lay_out_row_list(self, "AttentionError")
        self._prompts = prompts or Prompts(self)
        self._tasks = Tasks(self)  # skipping hundreds at once is written on a worker
        # Hundreds missed after a week away are not decided one by one: "Skip all" heads the
        # rows (made again with them, so Tab reaches it first, as it is shown first).
        self.skip_all_button = QPushButton()
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        clear_rows(self.rows)
        entries = self._studio.wanting_decision()
        self.entries = entries
        by_hand = self._studio.count_waiting_by_hand()
        self.intro.setText(
            (
                self.tr("Nothing is waiting for you.")
                if not entries
                else self.tr(
                    "These posts did not go out as planned. Decide for each; nothing is sent "
                    "again without you, and each stays here until you do."
                )
            )
            # The posts held for publishing by hand are listed elsewhere: said here too (it
            # said "Nothing is waiting for you" while three waited).
            + (
                " "
                + self.tr(
                    "%n posts wait to be published by hand: View → Publish by hand…", "", by_hand
                )
                if by_hand
                else ""
            )
        )
        if len(entries) > 1:
            skip_all = QPushButton(self.tr("Skip all %n…", "", len(entries)))
            skip_all.setObjectName("AttentionSkipAll")
            skip_all.clicked.connect(self._ask_skip_all)
            self.rows.addWidget(skip_all, 0, Qt.AlignmentFlag.AlignLeft)
            self.skip_all_button = skip_all
        else:
            self.skip_all_button = QPushButton()  # none shown: nothing to skip all of
        for entry in entries[: self._limit]:
            self.rows.addWidget(self._row(entry))
        if len(entries) > self._limit:
            self.rows.addWidget(self._more_button(len(entries) - self._limit))
        if entries:
            # Seen: the window does not open this by itself again for the same missed posts.
            # The count stays until each is decided on.
            try:
                self._planner.mark_seen(e.delivery_id for e in entries)
            except PlanningError as exc:  # pragma: no cover - mark_seen has no user error
                self.error.setText(error_text(exc))

    def _ask_skip_all(self) -> None:
        ids = [entry.delivery_id for entry in self.entries]
        if not ids:
            return

        def answered(choice: int | None) -> None:
            if choice != 0:
                return
            self.skip_all_button.setEnabled(False)
            self.error.setText(self.tr("Skipping %n posts…", "", len(ids)))
            # The worker holds the planner, not this dialog: a dialog whose last reference
            # went with the worker's job would be destroyed on that thread.
            planner = self._planner
            self._tasks.run(lambda: planner.skip_all(ids), self._skipped, self._not_skipped)

        self._prompts.choose(
            self.tr("Skip %n posts?", "", len(ids)),
            self.tr(
                "None of them will be published. Each stays as a draft at its planned time, "
                "and you can schedule any of them again."
            ),
            [self.tr("Skip all")],
            answered,
            default=None,  # Enter does not decide hundreds of posts
        )

    def _skipped(self, skipped: list[int]) -> None:
        self.changed.emit()
        self.reload()
        self.error.setText(
            self.tr(
                "Skipped %n posts: each stays as a draft at its planned time.", "", len(skipped)
            )
        )

    def _not_skipped(self, error: BaseException) -> None:
        self.skip_all_button.setEnabled(True)
        self.error.setText(error_text(error))

    def _more_button(self, hidden: int) -> QPushButton:
        more = QPushButton(
            self.tr("Show %1 more (%2 not shown yet)")
            .replace("%1", str(min(PAGE_ROWS, hidden)))
            .replace("%2", str(hidden))
        )
        more.setObjectName("AttentionMore")
        more.clicked.connect(self._show_more)
        return more

    def _show_more(self) -> None:
        """The next page of rows under those shown (the rows shown stay as they are)."""
        more = self.rows.takeAt(self.rows.count() - 1)  # the "Show more" button itself
        button = more.widget() if more is not None else None
        if button is not None:
            button.deleteLater()
        shown = self._limit
        self._limit += PAGE_ROWS
        added: list[QWidget] = [self._row(entry) for entry in self.entries[shown : self._limit]]
        if len(self.entries) > self._limit:
            added.append(self._more_button(len(self.entries) - self._limit))
        for widget in added:
            self.rows.addWidget(widget)
            widget.show()  # now, not in a later turn
        self._focus_row(shown)  # the keyboard on the first row that just came in

    def _row(self, entry: ScheduledEntry) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"Attention-{entry.delivery_id}")
        local = entry.scheduled_at.astimezone(self._zone)
        when = short_date_time(self._locale, local)
        heading = (
            f"{state_name(entry.state)} · {when} · {network_name(entry.network)} · "
            f"{entry.account_label}"
        )
        frame.setAccessibleName(heading)
        title = QLabel(f"{GLYPHS[entry.state]} {heading}")
        title.setObjectName("AttentionTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        text = QLabel(entry.text)
        text.setWordWrap(True)
        head = QHBoxLayout()
        head.setSpacing(SPACE.s)
        head.addWidget(mark_label(entry.network))
        head.addWidget(title, 1)
        layout = QVBoxLayout(frame)
        layout.addLayout(head)
        layout.addWidget(text)
        history = self._studio.history(entry.delivery_id)
        if history is not None and history.reason:
            retry_at = history.attempts[-1].retry_at if history.attempts else None
            reason = QLabel(
                self.tr("Why: %1").replace(
                    "%1", reason_text(history.reason, retry_at=retry_at, zone=self._zone)
                )
            )
            reason.setObjectName("AttentionReason")
            reason.setWordWrap(True)
            reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(reason)
        if history is not None and history.attempts:
            attempts = QLabel(attempts_text(history, self._zone))
            attempts.setObjectName("AttentionAttempts")
            attempts.setWordWrap(True)
            attempts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(attempts)
        layout.addLayout(self._actions(entry, heading))
        return frame

    def _actions(self, entry: ScheduledEntry, heading: str) -> QHBoxLayout:
        buttons = QHBoxLayout()

        def button(name: str, label: str, slot: Callable[[], None], tip: str = "") -> None:
            widget = QPushButton(label)
            widget.setObjectName(name)
            widget.setAccessibleName(label.replace("&", ""))
            widget.setAccessibleDescription(heading)
            if tip:
                widget.setToolTip(tip)
            widget.clicked.connect(slot)
            buttons.addWidget(widget)

        # A missed post was never tried: its reason says "Publish it now", the button too
        # (it said "Retry").
        missed = entry.state is DeliveryState.MISSED
        button(
            "AttentionRetry",
            self.tr("Publish now") if missed else self.tr("Retry"),
            lambda: retry_unless_declined(
                self._studio,
                self._prompts,
                entry,
                lambda: self._do(self._planner.retry, entry),
            ),
            self.tr("Try to publish it again now"),
        )
        button(
            "AttentionReschedule",
            self.tr("Reschedule…"),
            lambda: self.reschedule.emit(entry.post_id, entry.delivery_id),
            self.tr("Choose a new time for this post"),
        )
        button(
            "AttentionSkip",
            self.tr("Skip"),
            lambda: self._do(self._planner.skip, entry),
            self.tr("Do not publish it; it stays as a draft"),
        )
        button(
            "AttentionDone",
            self.tr("Mark as done by hand"),
            lambda: self._do(self._planner.confirm_published_by_hand, entry),
            self.tr("You published it yourself"),
        )
        buttons.addStretch(1)
        button("AttentionOpen", self.tr("Open"), lambda: self.open_post.emit(entry.post_id))
        return buttons

    def _do(self, action: Callable[[int], None], entry: ScheduledEntry) -> None:
        try:
            action(entry.delivery_id)
        except PlanningError as exc:
            self.error.setText(error_text(exc))
            return
        index = next(
            (i for i, e in enumerate(self.entries) if e.delivery_id == entry.delivery_id), 0
        )
        self.error.clear()
        self.changed.emit()
        self.reload()
        self._focus_row(index)

    def _focus_row(self, index: int) -> None:
        """The keyboard on the row that took the decided one's place (or the last), not
        lost with the rows made again."""
        frames: list[QFrame] = []
        for position in range(self.rows.count()):
            item = self.rows.itemAt(position)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QFrame):
                frames.append(widget)
        if not frames:
            return
        frame = frames[min(index, len(frames) - 1)]
        frame.show()  # now, not in a later turn: a hidden button takes no focus
        first = frame.findChild(QPushButton)
        if first is not None:
            first.setFocus()
