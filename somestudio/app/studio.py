"""What the window asks of the data: calendar ranges, the next due post, accounts, drafts."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.utc import utc_now
from somestudio.store import drafts as draft_rows
from somestudio.store.database import transaction

# The window's first frame imports this module: what only a few use cases need (delivery
# history, first comments, publish results and the network catalogue behind them) is
# imported by those use cases, and so are the rows of posts, accounts and labels (5 ms
# before the first frame, which reads none of them; the drafts' row is read as it shows).
if TYPE_CHECKING:
    from somestudio.app.approval import Approvals
    from somestudio.app.collab.service import Collaborations
    from somestudio.app.delivery_history import DeliveryHistory
    from somestudio.app.growth.goals import GoalBook
    from somestudio.app.growth.timeline import Timeline
    from somestudio.app.inbox.saved_replies import SavedReplies
    from somestudio.app.inbox.service import InboxService
    from somestudio.app.planning import Planner
    from somestudio.app.publish_gate import AccountProblems
    from somestudio.app.shared_workspace import Chosen
    from somestudio.app.team import Team
    from somestudio.domain.dashboard import MetricsFilter
    from somestudio.domain.delivery_status import DeliveryStatus
    from somestudio.domain.drafts import Draft
    from somestudio.domain.inbox.community import CommunityNumbers
    from somestudio.domain.inbox.queries import InboxCounts
    from somestudio.domain.members import Approval
    from somestudio.domain.posts import Account, ScheduledEntry
    from somestudio.store import posts as post_rows


@dataclass(frozen=True, slots=True)
class StatusCounts:
    next_due: ScheduledEntry | None
    wanting_user: int
    waiting_by_hand: int
    # Posts scheduled to an account nothing can publish to (``sign_in_check``): they will
    # not go out unless the user connects it first.
    not_going_out: int = 0


class Studio:
    """A thin facade: each method is one use case, run on the calling thread's connection."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._inbox: InboxService | None = None

    # -- the inbox (issue 16): its own services, built on first use
    def inbox(self) -> InboxService:
        """The inbox's use cases (reading, marking, answering) over this workspace."""
        if self._inbox is None:
            from somestudio.app.inbox.service import open_inbox  # noqa: PLC0415

            self._inbox = open_inbox(self.workspace.writable_connection)
        return self._inbox

    def use_inbox(self, inbox: InboxService) -> None:
        """Answer through ``inbox`` (e.g. one over the engine's publishers, or a test's)."""
        self._inbox = inbox

    def use_workspace(self, text: str, password: str | None) -> Chosen:
        """Make ``text`` (``sqlite``, ``sqlite:PATH`` or ``postgresql://…``) this data
        folder's workspace from the next start (``shared_workspace.use_workspace``: tried
        first, the password kept in the keyring, nothing written on a problem). Slow (a
        server): call it on a worker."""
        from somestudio.app.shared_workspace import use_workspace  # noqa: PLC0415

        return use_workspace(text, self.workspace.home, password)

    # -- members and approval (issue 17)
    def team(self) -> Team:
        """The workspace's members and the person at this computer."""
        from somestudio.app.team import Team  # noqa: PLC0415

        return Team(self.workspace)

    def approval_state(self, post_id: int) -> Approval | None:
        """Where the post stands in approval (None: it needs none, or was approved)."""
        from somestudio.store import members as member_rows  # noqa: PLC0415

        return member_rows.approval(self.workspace.connection(), post_id)

    def approvals(self, planner: Planner) -> Approvals:
        """Asking for, approving and returning posts; scheduling through ``planner`` (and on
        its clock: a time asked for has passed by the clock the planner judges it by)."""
        from somestudio.app.approval import Approvals  # noqa: PLC0415

        return Approvals(planner, self.team(), now=planner._now)

    def collabs(self) -> Collaborations:
        """Paid collaborations (issue 18): agreements, deliverables, income, reports."""
        from somestudio.app.collab.service import Collaborations  # noqa: PLC0415

        return Collaborations(self.workspace)

    def inbox_counts(self) -> InboxCounts:
        """The inbox's unread and open entries, on a connection of its own (for a worker
        thread at start-up: no inbox service, network clients or wait for the write lock)."""
        from somestudio.store.inbox import items as item_rows  # noqa: PLC0415

        conn = self.workspace.database.connect()
        try:
            return item_rows.counts(conn)
        finally:
            conn.close()

    def saved_replies(self) -> SavedReplies:
        from somestudio.app.inbox.saved_replies import SavedReplies  # noqa: PLC0415

        return SavedReplies(self.workspace.writable_connection)

    def community(
        self, now: datetime, zone: ZoneInfo, weeks: int = 8, flt: MetricsFilter | None = None
    ) -> CommunityNumbers:
        """Replies received and answered per week, the median time to a first answer and
        what is unanswered after a day (the Metrics page, the monthly report), of the
        networks and accounts ``flt`` names (empty: all)."""
        from somestudio.app.inbox.community import load_community  # noqa: PLC0415

        return load_community(self.workspace.connection(), now, zone, weeks, flt)

    # -- goals and the timeline's actions (issue 18)
    def goals(self) -> GoalBook:
        """Goals kept, changed, removed and measured (on this thread's connection)."""
        from somestudio.app.growth.goals import GoalBook  # noqa: PLC0415

        return GoalBook(self.workspace.writable_connection)

    def timeline(self) -> Timeline:
        """The user's actions, published posts as actions, before/after comparisons."""
        from somestudio.app.growth.timeline import Timeline  # noqa: PLC0415

        return Timeline(self.workspace.writable_connection)

    def entries_between(self, start: datetime, end: datetime) -> list[ScheduledEntry]:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.entries_between(self.workspace.connection(), start, end)

    def first_posts_by_day(
        self, wanted: post_rows.DaysWanted
    ) -> tuple[dict[str, int], list[tuple[str, ScheduledEntry]]]:
        """Each day's number of posts and the deliveries of its first few (a month view)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.first_posts_by_day(self.workspace.connection(), wanted)

    def first_images(self, post_ids: Sequence[int]) -> dict[int, str]:
        """The file of each post's first image (posts without one are left out): on a shared
        workspace this machine's copy of one attached elsewhere (call it off the GUI thread)."""
        # Imported here: its publishing types are not needed for the first frame.
        from somestudio.app.shared_media import shared_media  # noqa: PLC0415
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        found = post_rows.first_images(self.workspace.connection(), post_ids)
        media = shared_media(self.workspace)
        return {post: media.readable_path(path, sha256) for post, (path, sha256) in found.items()}

    def entry(self, delivery_id: int) -> ScheduledEntry | None:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.entry_by_delivery(self.workspace.connection(), delivery_id)

    def next_due(self) -> ScheduledEntry | None:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.next_due(self.workspace.connection())

    def wanting_decision(self) -> list[ScheduledEntry]:
        """Failed, held and missed deliveries: each waits for the user to decide (those
        waiting to be published by hand are reminders, listed apart)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.wanting_decision(self.workspace.connection())

    def history(self, delivery_id: int) -> DeliveryHistory | None:
        """Why the delivery did not go out as planned, and its latest attempts."""
        from somestudio.app.delivery_history import load_history  # noqa: PLC0415

        return load_history(self.workspace.connection(), delivery_id)

    def status_counts(self, unusable: Collection[int] = ()) -> StatusCounts:
        """What the status bar shows, on a connection of its own (for a worker thread: on
        100,000 posts these counts take a fifth of a second). ``unusable``: the accounts
        nothing can publish to (``unusable_sign_ins``, read apart: it asks the keyring)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        conn = self.workspace.database.connect()
        try:
            return StatusCounts(
                next_due=post_rows.next_due(conn),
                wanting_user=post_rows.count_wanting_user(conn),
                waiting_by_hand=post_rows.count_waiting_by_hand(conn),
                not_going_out=post_rows.count_scheduled_to(conn, unusable),
            )
        finally:
            conn.close()

    def unusable_sign_ins(self, now: Callable[[], datetime] = utc_now) -> tuple[int, ...]:
        """The accounts nothing can publish to (``sign_in_check.unusable_accounts``): their
        sign-in is missing or refused here (or has lapsed by ``now``, the window's clock), or
        no computer of the workspace holds it. Reads the system keyring (a D-Bus round trip,
        an unlock prompt where it is locked): call it off the GUI thread, and not over and
        over."""
        from somestudio.app.accounts import Accounts  # noqa: PLC0415
        from somestudio.app.sign_in_check import unusable_accounts  # noqa: PLC0415

        accounts = Accounts(self.workspace, now=now)
        return tuple(unusable_accounts(accounts, [account.id for account in accounts.all()]))

    def count_waiting_by_hand(self) -> int:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.count_waiting_by_hand(self.workspace.connection())

    def count_unseen_missed(self) -> int:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.count_unseen_missed(self.workspace.connection())

    def count_wanting_user(self) -> int:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.count_wanting_user(self.workspace.connection())

    def accounts(self) -> list[Account]:
        from somestudio.store import accounts as account_rows  # noqa: PLC0415

        return account_rows.list_accounts(self.workspace.connection())

    def labels(self) -> list[tuple[str, str]]:
        from somestudio.store import labels as label_rows  # noqa: PLC0415

        return label_rows.list_labels(self.workspace.connection())

    def has_unsaved_draft(self) -> bool:
        """Whether the composer left unsaved work (the composer restores it when built)."""
        return draft_rows.get(self.workspace.connection(), draft_rows.MAIN_SLOT) is not None

    def post_count(self) -> int:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.count_posts(self.workspace.connection())

    def post(self, post_id: int) -> tuple[str, list[int]] | None:
        """The post's text and the ids of the accounts it goes to (None if it is gone)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.post_text_and_accounts(self.workspace.connection(), post_id)

    def scheduled_time(self, post_id: int) -> datetime | None:
        """When the post is scheduled to go out (UTC): its earliest delivery still scheduled,
        or None when none is (a draft, or everything sent)."""
        from somestudio.store import deliveries as delivery_rows  # noqa: PLC0415

        times = [
            row.scheduled_at
            for row in delivery_rows.of_post(self.workspace.connection(), post_id)
            if row.state is DeliveryState.SCHEDULED and row.scheduled_at is not None
        ]
        return min(times, default=None)

    def duplicate_post(self, post_id: int) -> int | None:
        """A draft copy of the post for the same accounts; its id (None if it is gone)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        conn = self.workspace.writable_connection()
        with transaction(conn):
            return post_rows.duplicate_post(conn, post_id)

    def update_post_text(self, post_id: int, text: str) -> bool:
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        conn = self.workspace.writable_connection()
        with transaction(conn):
            return post_rows.update_post_text(conn, post_id, text)

    def save_draft(
        self,
        text: str,
        account_ids: Sequence[int],
        *,
        scheduled_at: datetime | None = None,
        time_zone: str | None = None,
    ) -> int:
        """Keep a new post as a draft for each chosen account (no account: an idea only)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        conn = self.workspace.writable_connection()
        with transaction(conn):
            post_id = post_rows.create_post(conn, text)
            for account_id in account_ids:
                post_rows.add_delivery(
                    conn,
                    post_id,
                    account_id,
                    scheduled_at=scheduled_at,
                    time_zone=time_zone if scheduled_at else None,
                    state=DeliveryState.DRAFT,
                )
        return post_id

    def edit_blockers(self, draft: Draft, *, paid: bool | None = None) -> list[AccountProblems]:
        """The errors that stop saving ``draft`` over its post while it is scheduled (the
        scheduling gate, ``publish_gate.edit_blockers``); empty for a post not scheduled."""
        from somestudio.app.publish_gate import edit_blockers  # noqa: PLC0415

        return edit_blockers(self.workspace, draft, paid=paid)

    def post_is_live(self, post_id: int) -> bool:
        """Whether the post exists and is not deleted (a deleted one can come back: undo)."""
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        return post_rows.is_live(self.workspace.connection(), post_id)

    def post_deliveries(self, post_id: int) -> list[DeliveryStatus]:
        """Each account of the post: its state, time, and the stored reason it failed."""
        from somestudio.domain.delivery_status import DeliveryStatus  # noqa: PLC0415
        from somestudio.store import accounts as account_rows  # noqa: PLC0415
        from somestudio.store import deliveries as delivery_rows  # noqa: PLC0415
        from somestudio.store import first_comments as first_comment_rows  # noqa: PLC0415

        conn = self.workspace.connection()
        accounts = {a.id: a for a in account_rows.list_accounts(conn)}
        found = []
        for row in delivery_rows.of_post(conn, post_id):
            account = accounts.get(row.account_id)
            if account is None:
                continue
            tries = [a for a in delivery_rows.attempts(conn, row.id) if a.subject == "post"]
            comment = first_comment_rows.get(conn, row.id)
            found.append(
                DeliveryStatus(
                    delivery_id=row.id,
                    account_id=row.account_id,
                    network=account.network,
                    account_label=account.label,
                    state=row.state,
                    scheduled_at=row.scheduled_at,
                    time_zone=row.time_zone,
                    last_error=row.last_error,
                    last_attempt=tries[-1].message if tries else "",
                    attempts=len(tries),
                    comment_state=comment.state.value if comment else "",
                    comment_error=comment.last_error if comment else "",
                )
            )
        return found
