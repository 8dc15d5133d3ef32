"""Planning use cases: schedule, move, unschedule, publish now, retry, skip, delete, undo.

Each writes in one transaction through ``workspace.writable_connection()`` and then tells
the engine (when one is attached), so its alarms change at once. A change the state machine
does not allow (the delivery is being sent, or already published) raises ``PlanningError``
with a message for the user; nothing is written then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime

from somestudio.app.publish_gate import (
    AccountProblems,
    blocking_problems,
    draft_problems,
    only_errors,
    post_problems,
)
from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.posts import MediaItem
from somestudio.domain.recurrence import Occurrence, Rule, expand, rule_spec
from somestudio.domain.slots import Slot, SlotSyntaxError, format_slots, next_free_slot, parse_slots
from somestudio.domain.timeplan import (
    LocalTimeError,
    UnknownZoneError,
    YearOutOfRangeError,
    check_year,
    zone_for,
)
from somestudio.domain.utc import utc_now
from somestudio.scheduling.engine import Engine
from somestudio.store import accounts as account_rows
from somestudio.store import composition, post_edits, series
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

S = DeliveryState
SLOTS_OPTION = "posting_slots"


class PlanningError(ValueError):
    """A change that cannot be made as asked; the message says why, for the user."""


class PostChangedError(PlanningError):
    """The post was saved elsewhere since the version the edit was made from: nothing was
    written. ``version`` is the post's version now."""

    def __init__(self, post_id: int, made_from: int, version: int) -> None:
        super().__init__(
            f"post {post_id} was changed since version {made_from} (it is at version "
            f"{version} now); nothing was written"
        )
        self.post_id = post_id
        self.version = version


class RecurrenceProblemsError(PlanningError):
    """Some occurrences of a recurring post fall on a wall time that does not exist or
    happens twice; nothing was written. ``problems`` has one error per such occurrence."""

    def __init__(self, problems: Sequence[LocalTimeError]) -> None:
        super().__init__(
            f"{len(problems)} of the times need a decision: " + "; ".join(map(str, problems))
        )
        self.problems = tuple(problems)


def _deliveries_in(
    conn: sqlite3.Connection, post_id: int, allowed: Collection[DeliveryState]
) -> list[delivery_rows.DeliveryRow]:
    """The post's deliveries in ``allowed`` states (the ones to schedule or send); raises
    ``PlanningError`` saying why when there is none: none chosen, or all went out (it said
    "no account to go to" of a post published everywhere)."""
    every = delivery_rows.of_post(conn, post_id)
    rows = [r for r in every if r.state in allowed]
    if rows:
        return rows
    if every and all(r.state in (S.PUBLISHED, S.PUBLISHING) for r in every):
        raise PlanningError(
            "this post is already published on every account; duplicate it to post it again"
        )
    raise PlanningError("this post has no account to go to; choose one first")


class BlockedByProblemsError(PlanningError):
    """Some accounts of the post have errors (too long, a required image missing...);
    nothing was scheduled or sent. ``blocked`` names each such account and its errors."""

    def __init__(self, blocked: Sequence[AccountProblems]) -> None:
        self.blocked = tuple(blocked)
        lines = [
            f"{a.network.display_name} {a.label}: " + " ".join(p.message_in("en") for p in a.errors)
            for a in self.blocked
        ]
        super().__init__("cannot go out until these are fixed: " + "; ".join(lines))


_STATE_WORDS = {
    S.PUBLISHING: "it is being published right now",
    S.PUBLISHED: "it has already been published",
}


# The states a delivery can be skipped from, each with what its log then says.
_SKIPPED = {
    S.FAILED: "skipped by the user after it failed",
    S.NEEDS_ATTENTION: "skipped by the user while it waited for a decision",
    S.MISSED: "skipped by the user after it was missed",
}


class Planner:
    def __init__(
        self,
        workspace: Workspace,
        engine: Engine | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.workspace = workspace
        self.engine = engine
        self._now = now

    def attach(self, engine: Engine | None) -> None:
        self.engine = engine

    def _moment(self) -> datetime:
        return self._now().replace(microsecond=0)

    # ------------------------------------------------------------------ new posts

    def schedule_post(
        self,
        text: str,
        account_ids: Sequence[int],
        *,
        at: datetime,
        zone: str,
        media: Sequence[MediaItem] = (),
        notes: str = "",
        labels: Sequence[str] = (),
    ) -> int:
        """A new post scheduled at ``at`` (aware) for each account; returns the post id."""
        return self._create(text, account_ids, at, zone, media=media, notes=notes, labels=labels)

    def schedule_recurring(
        self,
        text: str,
        account_ids: Sequence[int],
        rule: Rule,
        zone: str,
        start: date,
        *,
        count: int | None = None,
        until: date | None = None,
    ) -> list[int]:
        """One post per occurrence of ``rule`` (a delivery per account each); their ids.

        Raises ``RecurrenceProblemsError`` (writing nothing) when an occurrence's wall time
        does not exist or is ambiguous, so the user can pick other times.
        """
        occurrences = _occurrences(rule, zone, start, count=count, until=until)
        self._check_text(text, ())
        self._gate_approval(None)
        self._gate_text(text, account_ids)
        conn = self.workspace.writable_connection()
        ids: list[int] = []
        delivery_ids: list[int] = []
        with transaction(conn):
            self._check_accounts(conn, account_ids)
            total = len(occurrences)
            for index, occurrence in enumerate(occurrences, start=1):
                assert occurrence.at is not None
                post_id = post_rows.create_post(conn, text, notes=f"recurring post {index}/{total}")
                ids.append(post_id)
                for account_id in account_ids:
                    delivery_ids.append(
                        post_rows.add_delivery(
                            conn,
                            post_id,
                            account_id,
                            scheduled_at=occurrence.at,
                            time_zone=zone,
                            state=S.SCHEDULED,
                        )
                    )
            series.create(conn, ids, rule=rule_spec(rule), zone=zone, now=self._moment())
        self._refresh(delivery_ids)
        return ids

    def _create(
        self,
        text: str,
        account_ids: Sequence[int],
        at: datetime,
        zone: str,
        *,
        media: Sequence[MediaItem],
        notes: str,
        labels: Sequence[str],
    ) -> int:
        self._check_text(text, media)
        self._check_time(at, zone)
        if not account_ids:
            raise PlanningError("choose at least one account")
        self._gate_approval(None)
        self._gate_text(text, account_ids)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._check_accounts(conn, account_ids)
            post_id = post_rows.create_post(conn, text, notes=notes, media=media, labels=labels)
            delivery_ids = [
                post_rows.add_delivery(
                    conn, post_id, account_id, scheduled_at=at, time_zone=zone, state=S.SCHEDULED
                )
                for account_id in dict.fromkeys(account_ids)
            ]
        self._refresh(delivery_ids)
        return post_id

    def schedule_existing(self, post_id: int, at: datetime, zone: str) -> list[int]:
        """Schedule every unsent delivery of a saved post (a composer draft) at ``at``.

        Raises ``BlockedByProblemsError`` (scheduling nothing) when the text or media has an
        error for any of those accounts."""
        self._check_time(at, zone)
        self._gate_post(post_id)
        conn = self.workspace.writable_connection()
        allowed = {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
        with transaction(conn):
            rows = _deliveries_in(conn, post_id, allowed)
            for row in rows:
                delivery_rows.reschedule(conn, row.id, at, zone, self._moment())
        ids = [row.id for row in rows]
        self._refresh(ids)
        return ids

    def publish_post_now(self, post_id: int, *, zone: str = "UTC") -> list[int]:
        """Send every unsent delivery of a saved post at once (none if any has an error).
        A delivery that had no time yet (a draft) is kept in ``zone``, the person's (its
        Local archive metadata and its history read in it)."""
        self._gate_post(post_id)
        now = self._moment()
        conn = self.workspace.writable_connection()
        allowed = {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
        with transaction(conn):
            rows = _deliveries_in(conn, post_id, allowed)
            for row in rows:
                delivery_rows.reschedule(conn, row.id, now, row.time_zone or zone, now)
        ids = [row.id for row in rows]
        self._refresh(ids)
        return ids

    def schedule_existing_recurring(
        self,
        post_id: int,
        rule: Rule,
        zone: str,
        start: date,
        *,
        count: int | None = None,
        until: date | None = None,
    ) -> list[int]:
        """Turn a saved draft into a recurring series: one copy of the post per occurrence
        (its text, each account's own text, its images, labels, language and link card:
        ``posts.duplicate_post``), scheduled for its accounts and kept together as one series
        (``store/series.py``: "post 2 of 4"); the draft itself is then deleted (undo restores
        it). Returns the new ids, first occurrence first.

        The copies are the post as it was checked (``_gate_post``): they were made from its
        text alone, which lost its images, and a channel that needs one (Instagram) then
        refused the series with nothing said."""
        found = post_rows.post_text_and_accounts(self.workspace.connection(), post_id)
        if found is None:
            raise PlanningError(f"post {post_id} does not exist")
        _text, account_ids = found
        if not account_ids:
            raise PlanningError("this post has no account to go to; choose one first")
        occurrences = _occurrences(rule, zone, start, count=count, until=until)
        self._gate_post(post_id)
        now = self._moment()
        conn = self.workspace.writable_connection()
        ids: list[int] = []
        delivery_ids: list[int] = []
        with transaction(conn):
            self._check_accounts(conn, account_ids)
            for occurrence in occurrences:
                assert occurrence.at is not None
                copy = post_rows.duplicate_post(conn, post_id)
                if copy is None:
                    raise PlanningError(f"post {post_id} does not exist")
                ids.append(copy)
                for row in delivery_rows.of_post(conn, copy):
                    delivery_rows.reschedule(conn, row.id, occurrence.at, zone, now)
                    delivery_ids.append(row.id)
            series.create(conn, ids, rule=rule_spec(rule), zone=zone, now=now)
        self._refresh(delivery_ids)
        self.delete_post(post_id)
        return ids

    # ------------------------------------------------------------------ one delivery

    def reschedule(self, delivery_id: int, at: datetime, zone: str) -> None:
        """A new time (and zone) for a draft, scheduled, failed, missed or held delivery."""
        self._check_time(at, zone)
        self._gate_delivery(delivery_id)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._require(
                conn, delivery_id, {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
            )
            delivery_rows.reschedule(conn, delivery_id, at, zone, self._moment())
        self._refresh([delivery_id])

    def move(self, delivery_id: int, at: datetime, zone: str) -> None:
        """A new time for a delivery, keeping what it is: a draft stays a draft (moved on the
        calendar to plan it), anything else is (re)scheduled as ``reschedule`` does."""
        before = delivery_rows.get(self.workspace.connection(), delivery_id)
        if before is not None and before.state is not S.DRAFT:
            self._gate_approval(before.post_id)  # a contributor moves drafts only
        conn = self.workspace.writable_connection()
        with transaction(conn):
            row = self._require(
                conn, delivery_id, {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
            )
            if row.state is S.DRAFT:
                delivery_rows.move_draft(conn, delivery_id, at, zone, self._moment())
            else:
                self._check_time(at, zone)
                delivery_rows.reschedule(conn, delivery_id, at, zone, self._moment())
        self._refresh([delivery_id])

    def reschedule_missed(self, delivery_id: int, at: datetime, zone: str) -> None:
        self._check_time(at, zone)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._require(conn, delivery_id, {S.MISSED})
            delivery_rows.reschedule(conn, delivery_id, at, zone, self._moment())
        self._refresh([delivery_id])

    def unschedule(self, delivery_id: int) -> None:
        """Back to draft; the time stays for reference, nothing will be published."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._require(conn, delivery_id, {S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED})
            delivery_rows.move(
                conn, delivery_id, S.DRAFT, self._moment(), next_attempt_at=None, seen_by_user=True
            )
        self._refresh([delivery_id])

    def publish_now(self, delivery_id: int) -> None:
        """Publish as soon as the engine runs (at once when it is running)."""
        self._gate_delivery(delivery_id)
        now = self._moment()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            row = self._require(
                conn, delivery_id, {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
            )
            delivery_rows.reschedule(conn, delivery_id, now, row.time_zone or "UTC", now)
        self._refresh([delivery_id])

    def retry(self, delivery_id: int) -> None:
        """Try a failed, held or missed delivery again now, keeping its scheduled time."""
        now = self._moment()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._require(conn, delivery_id, {S.FAILED, S.NEEDS_ATTENTION, S.MISSED})
            delivery_rows.move(
                conn,
                delivery_id,
                S.SCHEDULED,
                now,
                only_from=(S.FAILED, S.NEEDS_ATTENTION, S.MISSED),
                next_attempt_at=now,
                last_error=None,
                seen_by_user=True,
            )
        self._refresh([delivery_id])

    def skip_missed(self, delivery_id: int) -> None:
        """Do not publish a missed delivery; it stays as a draft at its old time."""
        now = self._moment()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._require(conn, delivery_id, {S.MISSED})
            delivery_rows.move(
                conn, delivery_id, S.DRAFT, now, only_from=(S.MISSED,), seen_by_user=True
            )
            delivery_rows.append_attempt(
                conn,
                delivery_id,
                started_at=now,
                finished_at=now,
                outcome="skipped",
                message="skipped by the user after it was missed",
            )
        self._refresh([delivery_id])

    def skip(self, delivery_id: int) -> None:
        """Do not publish a failed, held or missed delivery; it stays as a draft at its old
        time, and its log says the user skipped it."""
        now = self._moment()
        conn = self.workspace.writable_connection()
        with transaction(conn):
            row = self._require(conn, delivery_id, set(_SKIPPED))
            _skip_row(conn, row, now)
        self._refresh([delivery_id])

    def skip_all(self, delivery_ids: Iterable[int]) -> list[int]:
        """``skip`` for many at once (after a week away: hundreds missed), in one transaction;
        the ids skipped. One decided meanwhile (published, retried, already skipped) is left
        as it is, not an error: the list the person saw may be a moment old."""
        now = self._moment()
        skipped: list[int] = []
        conn = self.workspace.writable_connection()
        with transaction(conn):
            for delivery_id in dict.fromkeys(delivery_ids):
                row = delivery_rows.get(conn, delivery_id)
                if row is not None and row.state in _SKIPPED and _skip_row(conn, row, now):
                    skipped.append(delivery_id)
        self._refresh(skipped)
        return skipped

    def confirm_published_by_hand(self, delivery_id: int, remote_url: str | None = None) -> None:
        """The user published it themselves (or checked that it went out)."""
        now = self._moment()
        conn = self.workspace.writable_connection()
        done_by_hand = (S.NEEDS_ATTENTION, S.FAILED, S.MISSED)
        with transaction(conn):
            self._require(conn, delivery_id, set(done_by_hand))
            delivery_rows.move(
                conn,
                delivery_id,
                S.PUBLISHED,
                now,
                only_from=done_by_hand,
                published_at=now,
                remote_url=remote_url or None,
                last_error=None,
                seen_by_user=True,
            )
            delivery_rows.append_attempt(
                conn,
                delivery_id,
                started_at=now,
                finished_at=now,
                outcome="reconciled",
                error_kind="manual",
                message=remote_url or "confirmed by the user",
            )
        self._refresh([delivery_id])

    def mark_seen(self, delivery_ids: Iterable[int]) -> None:
        """The user has looked at these failed / held / missed deliveries."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            post_edits.mark_seen(conn, list(delivery_ids))

    # ------------------------------------------------------------------ whole posts

    def delete_post(self, post_id: int) -> None:
        """Soft delete: never published from now on (the claim refuses it); undo restores.
        Refused while a delivery is being sent: whether it reached its network is not known
        yet, and its record must stay to be reconciled."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows = self._not_being_sent(conn, post_id)
            if not post_edits.soft_delete(conn, post_id, self._moment()):
                raise PlanningError(f"post {post_id} does not exist or is already deleted")
            ids = [row.id for row in rows]
        self._refresh(ids)

    def restore_post(self, post_id: int) -> None:
        """Undo a delete. A delivery whose time passed meanwhile follows the catch-up rule."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not post_edits.restore(conn, post_id, self._moment()):
                raise PlanningError(f"post {post_id} is not deleted")
            ids = [row.id for row in delivery_rows.of_post(conn, post_id)]
        self._refresh(ids)  # an overdue one fires at once and meets the catch-up rule

    def update_text(self, post_id: int, text: str, *, version: int | None = None) -> int:
        """New text for a post; deliveries not yet sent use it (it is read at send time).
        With ``version``, only while the post is still at that version (PostChangedError
        otherwise: someone saved it since). Returns the post's new version. Refused while a
        delivery is being sent; a delivery already published keeps the text it went out with
        (the command line rewrote what the calendar said was published)."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            self._not_being_sent(conn, post_id)
            if not composition.replace_text(conn, post_id, text, self._moment(), version=version):
                now = composition.current_version(conn, post_id)
                if now is None or version is None:
                    raise PlanningError(f"post {post_id} does not exist or is deleted")
                raise PostChangedError(post_id, version, now)
            new = composition.current_version(conn, post_id)
        assert new is not None
        return new

    @staticmethod
    def _not_being_sent(conn: sqlite3.Connection, post_id: int) -> list[delivery_rows.DeliveryRow]:
        """The post's deliveries; ``PlanningError`` when one of them is being sent."""
        rows = delivery_rows.of_post(conn, post_id)
        if any(r.state is S.PUBLISHING for r in rows):
            raise PlanningError(
                f"post {post_id} cannot be changed that way: it is being published right now"
            )
        return rows

    # ------------------------------------------------------------------ posting slots

    def set_posting_slots(self, account_id: int, text: str, zone: str) -> tuple[Slot, ...]:
        """Save an account's slots, e.g. ``"Mon, Wed, Fri 09:00"`` in ``zone``."""
        try:
            slots = parse_slots(text)
        except SlotSyntaxError as exc:
            raise PlanningError(str(exc)) from exc
        _check_zone(zone)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            account = account_rows.get_account(conn, account_id)
            if account is None:
                raise PlanningError(f"account {account_id} does not exist")
            options = dict(account.options)
            options[SLOTS_OPTION] = {"slots": format_slots(slots), "zone": zone}
            account_rows.set_options(conn, account_id, options)
        return slots

    def posting_slots(self, account_id: int) -> tuple[tuple[Slot, ...], str] | None:
        account = account_rows.get_account(self.workspace.connection(), account_id)
        raw = account.options.get(SLOTS_OPTION) if account is not None else None
        if not isinstance(raw, dict):
            return None
        return parse_slots(str(raw.get("slots", ""))), str(raw.get("zone", "UTC"))

    def add_to_queue(self, delivery_id: int) -> datetime:
        """Schedule a delivery at its account's next free posting slot; returns the time.
        A draft planned for a later day takes the first free slot from that day on (a post
        planned for January went into next week)."""
        self._gate_delivery(delivery_id)
        conn = self.workspace.writable_connection()
        now = self._moment()
        with transaction(conn):
            row = self._require(conn, delivery_id, {S.DRAFT, S.FAILED, S.MISSED, S.SCHEDULED})
            found = self.posting_slots(row.account_id)
            if found is None or not found[0]:
                raise PlanningError("this account has no posting slots; set them in Accounts")
            at = self._queue(conn, row, found, now)
        self._refresh([delivery_id])
        return at

    def add_post_to_queue(self, post_id: int) -> list[tuple[int, datetime]]:
        """Schedule every unsent delivery of a saved post at its own account's next free
        posting slot (the Schedule dialog's *Add to queue*): (delivery id, time) pairs, the
        earliest first. Nothing is scheduled when an account has no slots: the error names
        each such account."""
        self._gate_post(post_id)
        conn = self.workspace.writable_connection()
        now = self._moment()
        allowed = {S.DRAFT, S.SCHEDULED, S.FAILED, S.MISSED}
        with transaction(conn):
            rows = _deliveries_in(conn, post_id, allowed)
            slots = {row.account_id: self.posting_slots(row.account_id) for row in rows}
            lacking = [
                account_rows.get_account(conn, account_id)
                for account_id, found in slots.items()
                if found is None or not found[0]
            ]
            if lacking:
                names = ", ".join(
                    f"{account.label} ({account.network.display_name})"
                    for account in lacking
                    if account is not None
                )
                raise PlanningError(f"no posting slots for {names}; set them in Accounts")
            queued = []
            for row in rows:
                found = slots[row.account_id]
                assert found is not None
                queued.append((row.id, self._queue(conn, row, found, now)))
        self._refresh([delivery_id for delivery_id, _at in queued])
        return sorted(queued, key=lambda pair: (pair[1], pair[0]))

    @staticmethod
    def _queue(
        conn: sqlite3.Connection,
        row: delivery_rows.DeliveryRow,
        found: tuple[tuple[Slot, ...], str],
        now: datetime,
    ) -> datetime:
        """Reschedule ``row`` at its account's first posting slot (``found``) that no other
        post of the account takes, from now or from the later day it was planned for."""
        slots, zone = found
        after = now
        if row.state is S.DRAFT and row.scheduled_at is not None and row.scheduled_at > now:
            planned = row.scheduled_at.astimezone(zone_for(zone)).replace(
                hour=0, minute=0, second=0, microsecond=0
            )
            after = max(now, planned)
        taken = [
            t
            for t in post_edits.taken_times(conn, row.account_id, now)
            if not (row.scheduled_at is not None and t == row.scheduled_at)
        ]
        at = next_free_slot(slots, zone, after, taken)
        if at is None:
            raise PlanningError("no free posting slot in the next year")
        delivery_rows.reschedule(conn, row.id, at, zone, now)
        return at

    def problems(self, post_id: int) -> list[AccountProblems]:
        """Each account's errors (which block it) and warnings for the saved post."""
        return post_problems(self.workspace, post_id)

    # ------------------------------------------------------------------ helpers

    def _gate_post(self, post_id: int, *, approving: bool = False) -> None:
        """Refuse (``BlockedByProblemsError``) when an unsent delivery's account has an error,
        and (unless ``approving``: the approval's own steps) when the person here must ask
        for approval or the post waits for it."""
        if not approving:
            self._gate_approval(post_id)
        unsent = {S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED}
        rows = delivery_rows.of_post(self.workspace.connection(), post_id)
        accounts = [r.account_id for r in rows if r.state in unsent]
        blocked = blocking_problems(self.workspace, post_id, accounts) if accounts else []
        if blocked:
            raise BlockedByProblemsError(blocked)

    def _gate_text(self, text: str, account_ids: Sequence[int]) -> None:
        """A new post's text against each account's rules, before anything is written."""
        draft = Draft(base_text=text, account_ids=tuple(dict.fromkeys(account_ids)))
        blocked = only_errors(draft_problems(self.workspace, draft))
        if blocked:
            raise BlockedByProblemsError(blocked)

    def _gate_delivery(self, delivery_id: int) -> None:
        row = delivery_rows.get(self.workspace.connection(), delivery_id)
        if row is None:
            return  # the transaction that follows says it is gone
        self._gate_approval(row.post_id)
        blocked = blocking_problems(self.workspace, row.post_id, [row.account_id])
        if blocked:
            raise BlockedByProblemsError(blocked)

    def _gate_approval(self, post_id: int | None) -> None:
        """A contributor asks for approval instead of scheduling; a post waiting for it (or
        returned) is scheduled only by approving it (``app.approval``)."""
        from somestudio.app.approval import ApprovalError  # noqa: PLC0415 - a cycle
        from somestudio.app.team import Team  # noqa: PLC0415
        from somestudio.store import members as member_rows  # noqa: PLC0415

        if not Team(self.workspace).role().approves:
            raise ApprovalError(
                "approval.needed",
                "a contributor asks for approval instead of scheduling (an editor or owner "
                "schedules; who uses this computer: somestudio workspace members me NAME)",
            )
        if post_id is not None and member_rows.approval(self.workspace.connection(), post_id):
            raise ApprovalError("approval.awaiting", "the post is waiting for approval")

    def _require(
        self, conn: sqlite3.Connection, delivery_id: int, allowed: set[DeliveryState]
    ) -> delivery_rows.DeliveryRow:
        row = delivery_rows.get(conn, delivery_id)
        if row is None:
            raise PlanningError(f"delivery {delivery_id} does not exist")
        if row.state not in allowed:
            raise PlanningError(self._refusal(delivery_id, row.state))
        return row

    @staticmethod
    def _refusal(delivery_id: int, state: DeliveryState) -> str:
        why = _STATE_WORDS.get(state, f"it is {state.value.replace('_', ' ')}")
        return f"delivery {delivery_id} cannot be changed that way: {why}"

    @staticmethod
    def _check_text(text: str, media: Sequence[MediaItem]) -> None:
        if not text.strip() and not media:
            raise PlanningError("the post is empty: write some text or add media")

    @staticmethod
    def _check_time(at: datetime, zone: str) -> None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise PlanningError("a scheduled time needs a time zone")
        try:
            check_year(at.year)  # every way in (window, scripts, CSV) has the same bound
        except YearOutOfRangeError as exc:
            raise PlanningError(str(exc)) from exc
        _check_zone(zone)

    @staticmethod
    def _check_accounts(conn: sqlite3.Connection, account_ids: Sequence[int]) -> None:
        for account_id in account_ids:
            if account_rows.get_account(conn, account_id) is None:
                raise PlanningError(f"account {account_id} does not exist")

    def _refresh(self, delivery_ids: Sequence[int]) -> None:
        if self.engine is not None and self.engine.running:
            self.engine.refresh(delivery_ids)


def _occurrences(
    rule: Rule, zone: str, start: date, *, count: int | None, until: date | None
) -> list[Occurrence]:
    """The rule's occurrences from ``start``; ``RecurrenceProblemsError`` when a wall time
    does not exist or is ambiguous (nothing is written then, the user picks other times)."""
    _check_zone(zone)
    occurrences = expand(rule, zone, start, count=count, until=until)
    problems = [o.problem for o in occurrences if o.problem is not None]
    if problems:
        raise RecurrenceProblemsError(problems)
    if not occurrences:
        raise PlanningError("the rule gives no dates in that range")
    return occurrences


def _skip_row(conn: sqlite3.Connection, row: delivery_rows.DeliveryRow, now: datetime) -> bool:
    """A failed, held or missed delivery made a draft at its time, its log saying the user
    skipped it (``skip`` and ``skip_all``); False when it had moved on meanwhile."""
    if not delivery_rows.move(
        conn,
        row.id,
        S.DRAFT,
        now,
        only_from=(row.state,),
        next_attempt_at=None,
        last_error=None,
        seen_by_user=True,
    ):
        return False
    delivery_rows.append_attempt(
        conn,
        row.id,
        started_at=now,
        finished_at=now,
        outcome="skipped",
        message=_SKIPPED[row.state],
    )
    return True


def _check_zone(zone: str) -> None:
    try:
        zone_for(zone)
    except UnknownZoneError as exc:
        raise PlanningError(str(exc)) from exc


class OneDeliveryPlanner(Planner):
    """The planner as the schedule dialog sees it when one delivery is rescheduled (the
    attention dialog's Reschedule…): "schedule this post" moves that delivery only, so a
    sibling the user skipped or published by hand stays as it is."""

    def __init__(self, planner: Planner, delivery_id: int) -> None:
        super().__init__(planner.workspace, planner.engine, now=planner._now)
        self.delivery_id = delivery_id

    def schedule_existing(self, post_id: int, at: datetime, zone: str) -> list[int]:
        row = delivery_rows.get(self.workspace.connection(), self.delivery_id)
        if row is None or row.post_id != post_id:
            raise PlanningError(f"delivery {self.delivery_id} does not exist")
        self.reschedule(self.delivery_id, at, zone)
        return [self.delivery_id]
