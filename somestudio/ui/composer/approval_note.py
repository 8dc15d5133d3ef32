"""Where the edited post stands in approval (issue 17), under the composer's title: waiting
since when and for whom, or returned with the editor's comment. An editor or owner gets
Approve and Return… beside it; for a contributor the composer's Schedule… becomes Ask for
approval… and Publish now is hidden. Attached to the Compose page from outside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from somestudio.app.studio import Studio
from somestudio.domain.members import Approval, ApprovalState, Role
from somestudio.domain.utc import utc_now
from somestudio.ui.error_text import error_text
from somestudio.ui.states import APPROVAL_GLYPHS
from somestudio.ui.theme import SPACE
from somestudio.ui.when_text import when_text

if TYPE_CHECKING:  # the planner (and the scheduler under it) loads on the first approval
    from somestudio.app.approval import Approvals


class ApprovalNote(QFrame):
    approved = Signal(int, str)  # post id, what was done (for the window's confirmation)
    returned = Signal(int)

    def __init__(
        self,
        page: Any,
        studio: Studio,
        approvals: Callable[[], Approvals],
        prompts: Callable[[], Any],
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (the time asked for says its year when not this one)."""
        super().__init__(parent)
        self.setObjectName("ApprovalNote")
        self._now = now
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._page = page
        self._studio = studio
        self._schedule_text = page.schedule_button.text()  # "Schedule…", in the language
        self._approvals = approvals
        self._prompts = prompts
        self._post: int | None = None
        self._role = Role.OWNER
        self.text = QLabel()
        self.text.setObjectName("ApprovalText")
        self.text.setAccessibleName(self.tr("Approval"))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("ApprovePost")
        self.approve_button.setAccessibleName(self.tr("Approve post"))
        self.approve_button.setToolTip(self.tr("Schedule the post at the time asked for"))
        self.approve_button.clicked.connect(self.approve)
        self.return_button = QPushButton(self.tr("Return…"))
        self.return_button.setObjectName("ReturnPost")
        self.return_button.setAccessibleName(self.tr("Return post with a comment"))
        self.return_button.setToolTip(self.tr("Send it back to its writer with a comment"))
        self.return_button.clicked.connect(self.ask_return)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE.s, SPACE.xs, SPACE.s, SPACE.xs)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.return_button)
        self.hide()

    @property
    def post_id(self) -> int | None:
        return self._post

    def show_post(self, post_id: int | None) -> None:
        """Read the person's role and the post's approval; show what applies."""
        self._role = self._studio.team().role()
        self._apply_role()
        self._post = post_id
        found = self._studio.approval_state(post_id) if post_id is not None else None
        self._show(found)

    def _apply_role(self) -> None:
        asks = not self._role.approves
        page = self._page
        page.schedule_button.setText(self.tr("Ask for approval…") if asks else self._schedule_text)
        page.schedule_button.setAccessibleName(self.tr("Ask for approval") if asks else "")
        page.publish_button.setVisible(not asks)

    def _show(self, found: Approval | None) -> None:
        if found is None:
            self.hide()
            return
        who = found.requested_by or self.tr("a former member")
        if found.state is ApprovalState.WAITING:
            text = (
                self.tr("%1 Waiting for approval: %2 asks for it to go out %3.")
                .replace("%1", APPROVAL_GLYPHS["waiting"])
                .replace("%2", who)
                .replace("%3", self._requested_time())
            )
        else:
            text = (
                self.tr("%1 Returned for changes — edit the post, then ask again. Comment: “%2”")
                .replace("%1", APPROVAL_GLYPHS["returned"])
                .replace("%2", found.comment)
            )
        self.text.setText(text)
        deciding = self._role.approves and found.state is ApprovalState.WAITING
        self.approve_button.setVisible(deciding)
        self.return_button.setVisible(deciding)
        self.show()

    def _requested_time(self) -> str:
        """When the post is asked to go out, in its own zone (the first account's time)."""
        for status in self._page.post_statuses():
            if status.scheduled_at is not None:
                return when_text(status.scheduled_at, status.time_zone or "UTC", now=self._now())
        return ""

    def approve(self) -> None:
        if self._post is None:
            return
        post_id = self._post
        try:
            ids = self._approvals().approve(post_id)
        except ValueError as exc:  # a PlanningError: the time, a rule, the post's problems
            self._page.feedback.setText(error_text(exc))
            return
        self.approved.emit(post_id, self.tr("Approved and scheduled on %n accounts", "", len(ids)))
        self.show_post(self._page.editing)

    def ask_return(self) -> None:
        if self._post is None:
            return
        post_id = self._post
        self._prompts().ask_text(
            self.tr("Return post"),
            self.tr("What should change? The writer sees this in the composer."),
            self.tr("Comment"),
            self.tr("Return"),
            lambda comment: self._return(post_id, comment),
        )

    def _return(self, post_id: int, comment: str | None) -> None:
        if comment is None:
            return
        try:
            self._approvals().return_post(post_id, comment)
        except ValueError as exc:  # an ApprovalError (a PlanningError)
            self._page.feedback.setText(error_text(exc))
            return
        self.returned.emit(post_id)
        if self._page.editing == post_id:
            self.show_post(post_id)


def attach_approval(
    page: Any,
    studio: Studio,
    approvals: Callable[[], Approvals],
    prompts: Callable[[], Any],
    now: Callable[[], datetime] = utc_now,
) -> ApprovalNote:
    """Put the note under the page's post status and keep it current as posts open."""
    note = ApprovalNote(page, studio, approvals, prompts, page, now=now)
    layout = page.layout()
    layout.insertWidget(layout.indexOf(page.post_status) + 1, note)
    page.post_loaded.connect(note.show_post)
    note.show_post(page.editing)
    page.approval_note = note
    return note
