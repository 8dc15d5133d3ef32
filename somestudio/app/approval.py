"""Approval of contributors' posts (issue 17, point 5).

A contributor does not schedule: "Ask for approval" keeps the post's deliveries as drafts at
the time asked for and marks the post *waiting*; while it waits (or after it is returned),
no delivery of it can be claimed by any engine (``store.deliveries``' claim), and the
planner refuses to schedule it. An editor or owner approves it (scheduled as asked, in one
transaction) or returns it with a comment the contributor reads in the composer. Every
request, approval and return is logged with who and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.team import Team
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import Approval, ApprovalAction, ApprovalEvent, ApprovalState
from somestudio.domain.utc import utc_now
from somestudio.store import deliveries as delivery_rows
from somestudio.store import members as member_rows
from somestudio.store.database import transaction


class ApprovalError(PlanningError):
    """An approval step that cannot be taken; ``code`` says why (the window words it):
    ``approval.not_editor``, ``approval.not_waiting``, ``approval.empty_comment``,
    ``approval.time_passed``, ``approval.no_accounts``, ``approval.needed``,
    ``approval.awaiting``, ``approval.no_repeat``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class Approvals:
    def __init__(
        self,
        planner: Planner,
        team: Team,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.planner = planner
        self.workspace = planner.workspace
        self.team = team
        self._now = now

    def _moment(self) -> datetime:
        return self._now().replace(microsecond=0)

    # -- reading
    def state(self, post_id: int) -> Approval | None:
        """Where the post stands (None: it needs no approval, or was approved)."""
        return member_rows.approval(self.workspace.connection(), post_id)

    def history(self, post_id: int) -> list[ApprovalEvent]:
        return member_rows.events(self.workspace.connection(), post_id)

    def waiting(self) -> list[Approval]:
        return member_rows.waiting(self.workspace.connection())

    def last_event_id(self) -> int:
        return member_rows.last_event_id(self.workspace.connection())

    def requests_after(self, event_id: int) -> list[ApprovalEvent]:
        """Requests logged after ``event_id`` whose post still waits (to notify editors)."""
        return member_rows.requests_after(self.workspace.connection(), event_id)

    # -- the contributor
    def request(self, post_id: int, at: datetime, zone: str) -> list[int]:
        """Ask for ``post_id`` to go out at ``at`` in ``zone``: its unsent deliveries keep
        that time as drafts and the post waits for an editor. Raises ``PlanningError`` (or
        ``BlockedByProblemsError``) when the time or the post could not go out."""
        self.planner._check_time(at, zone)
        self.planner._gate_post(post_id, approving=True)
        now = self._moment()
        if at < now:
            raise ApprovalError("approval.time_passed", "the time asked for has passed")
        me = self.team.me()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows = [
                r
                for r in delivery_rows.of_post(conn, post_id)
                if r.state in {DeliveryState.DRAFT, DeliveryState.SCHEDULED}
            ]
            if not rows:
                raise ApprovalError("approval.no_accounts", "the post has no account to go to")
            for row in rows:
                if row.state is DeliveryState.SCHEDULED:
                    delivery_rows.move(conn, row.id, DeliveryState.DRAFT, now)
                delivery_rows.move_draft(conn, row.id, at, zone, now)
            member_rows.put_waiting(conn, post_id, me.id if me else None, now)
            member_rows.log_event(
                conn, post_id, ApprovalAction.REQUESTED, member=me, comment="", now=now
            )
        ids = [r.id for r in rows]
        self.planner._refresh(ids)  # a scheduled one is no longer due
        return ids

    # -- the editor
    def approve(self, post_id: int) -> list[int]:
        """Schedule the waiting post as it was asked (each delivery at its own time)."""
        self._require_editor()
        self.planner._gate_post(post_id, approving=True)
        now = self._moment()
        me = self.team.me()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            found = member_rows.approval(conn, post_id)
            if found is None or found.state is not ApprovalState.WAITING:
                raise ApprovalError("approval.not_waiting", "the post is not waiting")
            rows = [
                r
                for r in delivery_rows.of_post(conn, post_id)
                if r.state is DeliveryState.DRAFT and r.scheduled_at is not None
            ]
            if not rows:
                raise ApprovalError("approval.no_accounts", "the post has no account to go to")
            if any(r.scheduled_at is not None and r.scheduled_at < now for r in rows):
                raise ApprovalError(
                    "approval.time_passed",
                    "the time asked for has passed: move the post to a new time first",
                )
            member_rows.clear_waiting(conn, post_id)
            for row in rows:
                assert row.scheduled_at is not None
                delivery_rows.reschedule(
                    conn, row.id, row.scheduled_at, row.time_zone or "UTC", now
                )
            member_rows.log_event(
                conn, post_id, ApprovalAction.APPROVED, member=me, comment="", now=now
            )
        ids = [r.id for r in rows]
        self.planner._refresh(ids)  # armed at once
        return ids

    def return_post(self, post_id: int, comment: str) -> None:
        """Back to its writer with ``comment`` (required: it says what to change)."""
        self._require_editor()
        text = comment.strip()
        if not text:
            raise ApprovalError("approval.empty_comment", "say what should change")
        now = self._moment()
        me = self.team.me()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not member_rows.mark_returned(conn, post_id, text):
                raise ApprovalError("approval.not_waiting", "the post is not waiting")
            member_rows.log_event(
                conn, post_id, ApprovalAction.RETURNED, member=me, comment=text, now=now
            )

    def _require_editor(self) -> None:
        if not self.team.role().approves:
            raise ApprovalError("approval.not_editor", "only an editor or owner approves")


class RequestingPlanner(Planner):
    """The planner as the schedule dialog sees it for a contributor: "schedule this post"
    asks for approval at that time instead."""

    def __init__(self, approvals: Approvals) -> None:
        planner = approvals.planner
        super().__init__(planner.workspace, planner.engine, now=planner._now)
        self.approvals = approvals

    def schedule_existing(self, post_id: int, at: datetime, zone: str) -> list[int]:
        return self.approvals.request(post_id, at, zone)

    def schedule_existing_recurring(self, *_args: object, **_kwargs: object) -> list[int]:
        raise ApprovalError("approval.no_repeat", "a repeating post cannot be asked for yet")
