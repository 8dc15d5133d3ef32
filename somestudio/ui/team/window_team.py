"""The window's part in members and approval (issue 17): asking who uses this computer on a
workspace with members, the approval notice for editors and owners (also for requests that
arrive from another machine through the change feed), the members dialog, and the approval
note on the Compose page. A workspace without members sees none of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from somestudio.domain.utc import utc_now

if TYPE_CHECKING:  # the planner pulls in the scheduler, which start-up does without
    from somestudio.app.approval import Approvals
    from somestudio.app.studio import Studio


class WindowTeam(QObject):
    def __init__(self, window: Any, studio: Studio, now: Callable[[], datetime] = utc_now) -> None:
        """``now``: the window's clock (a time asked for that is still ahead; the planner
        made here before the window has one)."""
        super().__init__(window)
        self._window = window
        self._studio = studio
        self._now = now
        self._seen = 0  # the last approval event noticed
        self._asked_who = False
        self.dialog: QObject | None = None

    def approvals(self) -> Approvals:
        from somestudio.app.planning import Planner  # noqa: PLC0415

        planner = self._window._planner or Planner(self._studio.workspace, now=self._now)
        return self._studio.approvals(planner)

    def asks_for_approval(self) -> bool:
        """Whether the person here asks for approval instead of scheduling."""
        return not self._studio.team().role().approves

    def asked_time(self, post_id: int) -> datetime | None:
        """The future time the post was last asked for (a returned post's), if any."""
        if self._studio.approval_state(post_id) is None:
            return None
        now = self._now()
        times = [
            s.scheduled_at
            for s in self._studio.post_deliveries(post_id)
            if s.scheduled_at is not None and s.scheduled_at > now
        ]
        return min(times) if times else None

    def start(self) -> None:
        """At the window's start: what was asked before it opened raises no notice; on a
        workspace with members and no one chosen here, ask who this is."""
        if not self._studio.team().members():
            return  # a solo workspace: nobody to ask, nothing to approve
        self._seen = self.approvals().last_event_id()
        # Once the window is up (its prompts in place, its first frame shown): a question
        # before the first frame would open over nothing.
        QTimer.singleShot(0, self, self.ask_who_if_needed)

    def ask_who_if_needed(self) -> None:
        team = self._studio.team()
        if self._asked_who or not team.needs_to_identify():
            return
        self._asked_who = True
        members = team.members()
        self._window.prompts.choose(
            self.tr("Who are you?"),
            self.tr(
                "This workspace is shared by several people. Choose your name: your role "
                "decides whether you schedule posts or ask for approval. An owner can add "
                "you in Settings → Members if your name is missing."
            ),
            [m.name for m in members],
            lambda index: self._chosen(members[index].id if index is not None else None),
        )

    def _chosen(self, member_id: int | None) -> None:
        if member_id is None:
            return  # asked again at the next start; meanwhile a contributor's rights
        self._studio.team().choose_me(member_id)
        self.refresh_compose()

    def other_machine_changed(self, tables: set[str]) -> None:
        """The change feed named ``tables``: a new request notifies; the composer's note and
        role follow members and approvals changed elsewhere."""
        if not tables & {"approval_events", "post_approvals", "members", "*", ""}:
            return
        self.notice_new_requests()
        self.refresh_compose()

    def notice_new_requests(self) -> None:
        approvals = self.approvals()
        found = approvals.requests_after(self._seen)
        if not found:
            return
        self._seen = max(e.id for e in found)
        me = approvals.team.me()
        mine = [e for e in found if me is None or e.member_name != me.name]
        notifier = self._window.notifier
        if not mine or not approvals.team.role().approves or notifier is None:
            return
        latest = mine[-1]
        notifier.approval_requested(latest.post_id, latest.member_name, len(mine))

    def refresh_compose(self) -> None:
        note = getattr(self._window._pages.get("compose"), "approval_note", None)
        if note is not None:
            note.show_post(self._window.compose.editing)

    def attach_to_compose(self, compose: Any) -> None:
        from somestudio.ui.composer.approval_note import attach_approval  # noqa: PLC0415

        note = attach_approval(
            compose, self._studio, self.approvals, lambda: self._window.prompts, self._now
        )
        note.approved.connect(self._approved)
        note.returned.connect(lambda _post: self._window._on_data_changed())

    def _approved(self, post_id: int, message: str) -> None:
        window = self._window
        window._on_data_changed()
        window.status.showMessage(message, 10_000)
        window.compose.confirm_sent(post_id, message, None)

    def show_members(self) -> None:
        from somestudio.ui.team.members_dialog import MembersDialog  # noqa: PLC0415

        if self.dialog is not None:
            self.dialog.raise_()  # type: ignore[attr-defined]
            return
        dialog = MembersDialog(self._studio.team(), self._window)
        dialog.changed.connect(self.refresh_compose)
        dialog.changed.connect(self._refresh_settings_summary)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _refresh_settings_summary(self) -> None:
        """Settings → Members says who you are and who else there is: as it changes."""
        group = getattr(self._window._pages.get("settings"), "members", None)
        if group is not None:
            group.refresh()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
