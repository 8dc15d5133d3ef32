"""A published post's first comment: claim it, send it as a reply, record what happened.

The comment has its own claim (``pending → sending``, rowcount 1), its own idempotency key
and its own attempts (``subject='comment'``). It goes out right after its post is recorded
published, and from the sweep: a retry whose time has come, or a comment a crash left
pending after its post went out. Nothing here ever touches the post: a failed comment never
republishes it. An unknown outcome is reconciled by the comment's key or left for the user.

The same sender answers inbox entries (``app.inbox``): built with the inbox's rows
(``store.inbox.replies``, the same functions over its own tables), its own words and events.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.first_comment import Commenter, CommentState, OutgoingComment, as_commenter
from somestudio.domain.publish_result import (
    Final,
    PublishResult,
    Retryable,
    UnknownOutcome,
    WaitingForUser,
)
from somestudio.domain.redaction import redact
from somestudio.scheduling.clock import Clock
from somestudio.scheduling.events import CommentChanged, EngineEvent
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import first_comments
from somestudio.store.sql import Conn

log = logging.getLogger(__name__)

C = CommentState
CRASH_REASON = (
    "The app stopped while the first comment was being sent, and the channel could not "
    "confirm whether it went out. Check the post, then add the comment by hand if it is missing."
)
UNKNOWN_REASON = (
    "The channel did not confirm the first comment ({detail}) and no comment with its key was "
    "found. Check the post, then add the comment by hand if it is missing."
)
UNSUPPORTED_REASON = (
    "This channel cannot take a first comment from Some Studio; add it by hand under the post."
)
HANDED_OFF_REASON = (
    "The post was handed to the server's own schedule, so it has no address to reply to yet; "
    "add the first comment by hand once the post is out."
)


class StatedRow(Protocol):
    @property
    def state(self) -> CommentState: ...


class CommentRows(Protocol):
    """The table functions the sender needs (``store.first_comments``,
    ``store.inbox.replies``); ids are the row's key (delivery id, inbox entry id)."""

    def get(self, conn: Conn, key: int, /) -> StatedRow | None: ...
    def due(self, conn: Conn, now: datetime, /) -> list[int]: ...
    def in_state(self, conn: Conn, state: CommentState, /) -> list[int]: ...
    def sending_since(self, conn: Conn, before: datetime, /) -> list[int]: ...
    def claim(self, conn: Conn, key: int, now: datetime, /) -> bool: ...
    def load_outgoing(self, conn: Conn, key: int, /) -> OutgoingComment | None: ...
    def move(
        self,
        conn: Conn,
        key: int,
        target: CommentState,
        now: datetime,
        /,
        *,
        only_from: Iterable[CommentState],
        last_error: str | None = None,
        next_attempt_at: datetime | None = None,
        remote_id: str | None = None,
        remote_url: str | None = None,
        sent_at: datetime | None = None,
    ) -> bool: ...
    def append_attempt(
        self,
        conn: Conn,
        key: int,
        /,
        *,
        started_at: datetime,
        finished_at: datetime | None,
        outcome: str,
        error_kind: str | None = None,
        message: str = "",
        http_status: int | None = None,
        retry_at: datetime | None = None,
    ) -> None: ...
    def retryable_failures_in_a_row(self, conn: Conn, key: int, /) -> int: ...


@dataclass(frozen=True, slots=True)
class Wording:
    """What the sender says about what it sends (log lines and the reasons the user reads)."""

    what: str = "first comment"
    crash: str = CRASH_REASON
    unknown: str = UNKNOWN_REASON
    unsupported: str = UNSUPPORTED_REASON
    handed_off: str = HANDED_OFF_REASON


def comment_event(
    outgoing: OutgoingComment, state: CommentState, reason: str, remote_url: str
) -> EngineEvent | None:
    return CommentChanged(outgoing.delivery_id, outgoing.post_id, state, reason, remote_url)


class CommentSender:
    def __init__(
        self,
        connection: Callable[[], Conn],
        publishers: PublisherRegistry,
        clock: Clock,
        emit: Callable[[EngineEvent], None],
        *,
        write: Callable[[Conn], AbstractContextManager[Conn]],
        record: Callable[[Callable[[Conn], None]], None],
        policy: RetryPolicy,
        rng: random.Random,
        rows: CommentRows = first_comments,
        wording: Wording = Wording(),
        event: Callable[
            [OutgoingComment, CommentState, str, str], EngineEvent | None
        ] = comment_event,
    ) -> None:
        self._rows = rows
        self._words = wording
        self._event = event
        self._connection = connection
        self._publishers = publishers
        self._clock = clock
        self._emit = emit
        self._write = write
        self._record = record
        self._policy = policy
        self._rng = rng

    def _now(self) -> datetime:
        return self._clock.now().replace(microsecond=0)

    # ------------------------------------------------------------------ the way out

    def sweep(self) -> int:
        """Send every pending comment whose post is out and whose time has come."""
        sent = 0
        for delivery_id in self._rows.due(self._connection(), self._now()):
            try:
                if self.send(delivery_id) is not None:
                    sent += 1
            except Exception:
                log.exception("sending the %s of %s failed", self._words.what, delivery_id)
        return sent

    def send(self, delivery_id: int) -> CommentState | None:  # noqa: PLR0911 - one per outcome
        """Claim and send the comment of a published delivery; None if there is none to take."""
        started = self._now()
        conn = self._connection()
        row = self._rows.get(conn, delivery_id)
        if row is None or row.state is not C.PENDING:
            return None  # most posts have none: no write transaction for them (a burst)
        with self._write(conn):
            if not self._rows.claim(conn, delivery_id, started):
                return None
            outgoing = self._rows.load_outgoing(conn, delivery_id)
        assert outgoing is not None
        publisher = as_commenter(self._publishers.find(outgoing.account))
        if publisher is None:
            reason = self._words.unsupported
            return self._hold(outgoing, started, C.FAILED, reason, kind="unsupported")
        if not outgoing.post_remote_id or outgoing.post_remote_id.startswith("scheduled:"):
            reason = self._words.handed_off
            return self._hold(outgoing, started, C.FAILED, reason, kind="handed_off")
        try:
            result = publisher.comment(outgoing)
        except Retryable as exc:
            return self._retry(outgoing, started, exc)
        except (Final, WaitingForUser) as exc:
            kind = exc.error_kind or "final"
            return self._hold(
                outgoing, started, C.FAILED, exc.reason, kind=kind, http_status=exc.http_status
            )
        except UnknownOutcome as exc:
            return self._reconcile(outgoing, publisher, started, exc.reason)
        except Exception as exc:  # a bug in a publisher: the comment may have gone out
            log.exception("%s of %s raised", self._words.what, delivery_id)
            return self._reconcile(outgoing, publisher, started, f"unexpected error: {exc}")
        return self._sent(outgoing, started, result, reconciled=False)

    # ------------------------------------------------------------------ recovery

    def recover(
        self, before: datetime | None = None, may_send: Callable[[int], bool] | None = None
    ) -> int:
        """Comments a crash left in 'sending': reconcile each by its key, or ask the user.
        On a shared workspace (``before``) only those claimed at ``before`` or earlier — no
        machine can still be sending them — and, with ``may_send``, only those of accounts
        this machine can sign in for (a machine with the token reconciles the others)."""
        conn = self._connection()
        if before is None:
            stuck = self._rows.in_state(conn, C.SENDING)
        else:
            stuck = self._rows.sending_since(conn, before)
        if may_send is not None:
            stuck = [key for key in stuck if self._sendable_here(conn, key, may_send)]
        for delivery_id in stuck:
            log.warning("%s of %s was being sent; checking", self._words.what, delivery_id)
            try:
                self._recover_one(delivery_id)
            except Exception:
                log.exception("recovering the %s of %s failed", self._words.what, delivery_id)
        return len(stuck)

    def _sendable_here(self, conn: Conn, key: int, may_send: Callable[[int], bool]) -> bool:
        outgoing = self._rows.load_outgoing(conn, key)
        return outgoing is not None and may_send(outgoing.account.id)

    def _recover_one(self, delivery_id: int) -> CommentState:
        outgoing = self._rows.load_outgoing(self._connection(), delivery_id)
        assert outgoing is not None
        started = self._now()
        publisher = as_commenter(self._publishers.find(outgoing.account))
        if publisher is None:
            return self._hold(outgoing, started, C.NEEDS_ATTENTION, self._words.crash, kind="crash")
        try:
            found = publisher.reconcile_comment(outgoing)
        except Exception as exc:
            log.warning("reconciling the comment of delivery %s failed: %s", delivery_id, exc)
            reason = f"{self._words.crash} (Checking failed: {exc}.)"
            return self._hold(outgoing, started, C.NEEDS_ATTENTION, reason, kind="crash")
        if found is not None:
            return self._sent(outgoing, started, found, reconciled=True)
        if getattr(publisher, "comment_reconcile_is_conclusive", False):
            # Nothing exists under the comment's key (e.g. Bluesky's rkey): send it again.
            return self._back_to_pending(
                outgoing, started, None, "interrupted before the comment went out; sending again"
            )
        return self._hold(outgoing, started, C.NEEDS_ATTENTION, self._words.crash, kind="crash")

    def _reconcile(
        self, outgoing: OutgoingComment, publisher: Commenter, started: datetime, detail: str
    ) -> CommentState:
        try:
            found = publisher.reconcile_comment(outgoing)
        except Exception as exc:
            log.warning("reconciling the comment of %s failed: %s", outgoing.delivery_id, exc)
            found = None
            detail = f"{detail}; checking failed: {exc}"
        if found is not None:
            return self._sent(outgoing, started, found, reconciled=True)
        reason = self._words.unknown.format(detail=detail)
        return self._hold(outgoing, started, C.NEEDS_ATTENTION, reason, kind="unknown")

    # ------------------------------------------------------------------ outcomes

    def _sent(
        self,
        outgoing: OutgoingComment,
        started: datetime,
        result: PublishResult,
        *,
        reconciled: bool,
    ) -> CommentState:
        now = self._now()

        def write(conn: Conn) -> None:
            self._rows.move(
                conn,
                outgoing.delivery_id,
                C.SENT,
                now,
                only_from=(C.SENDING,),
                remote_id=result.remote_id,
                remote_url=result.remote_url,
                sent_at=result.published_at or now,
            )
            self._rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome="reconciled" if reconciled else "published",
                message=result.remote_id,
            )

        self._record(write)
        log.info("%s of %s sent %s", self._words.what, outgoing.delivery_id, result.remote_id)
        self._tell(outgoing, C.SENT, "", result.remote_url)
        return C.SENT

    def _tell(
        self, outgoing: OutgoingComment, state: CommentState, reason: str, remote_url: str = ""
    ) -> None:
        event = self._event(outgoing, state, reason, remote_url)
        if event is not None:
            self._emit(event)

    def _retry(self, outgoing: OutgoingComment, started: datetime, exc: Retryable) -> CommentState:
        conn = self._connection()
        failures = self._rows.retryable_failures_in_a_row(conn, outgoing.delivery_id) + 1
        if self._policy.gives_up(failures, exc.retry_after):
            reason = f"The {self._words.what} gave up after {failures} tries: {exc.reason}"
            return self._hold(
                outgoing, started, C.FAILED, reason, kind="gave_up", http_status=exc.http_status
            )
        now = self._now()
        retry_at = now + timedelta(seconds=self._policy.delay(failures, exc.retry_after, self._rng))
        retry_at = retry_at.replace(microsecond=0) + timedelta(seconds=1)
        return self._back_to_pending(outgoing, started, exc, exc.reason, retry_at=retry_at)

    def _back_to_pending(
        self,
        outgoing: OutgoingComment,
        started: datetime,
        exc: Retryable | None,
        message: str,
        *,
        retry_at: datetime | None = None,
    ) -> CommentState:
        now = self._now()
        message = redact(message)  # the one redaction step, before the table, log and window
        reason = (
            f"{self._words.what.capitalize()} try failed ({message}); trying again at"
            f" {retry_at:%H:%M:%S} UTC"
            if retry_at
            else message
        )

        def write(conn: Conn) -> None:
            self._rows.move(
                conn,
                outgoing.delivery_id,
                C.PENDING,
                now,
                only_from=(C.SENDING,),
                last_error=reason,
                next_attempt_at=retry_at,
            )
            self._rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome="retryable" if exc is not None else "unknown",
                error_kind=(exc.error_kind or "retryable") if exc is not None else "crash",
                message=message,
                http_status=exc.http_status if exc is not None else None,
                retry_at=retry_at,
            )

        self._record(write)
        log.info("%s of %s: %s", self._words.what, outgoing.delivery_id, reason)
        self._tell(outgoing, C.PENDING, reason)
        return C.PENDING

    def _hold(
        self,
        outgoing: OutgoingComment,
        started: datetime,
        state: CommentState,
        reason: str,
        *,
        kind: str,
        http_status: int | None = None,
    ) -> CommentState:
        now = self._now()
        reason = redact(reason)  # the one redaction step, before the table, log and window
        outcome = "final" if state is C.FAILED else "unknown"

        def write(conn: Conn) -> None:
            self._rows.move(
                conn, outgoing.delivery_id, state, now, only_from=(C.SENDING,), last_error=reason
            )
            self._rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome=outcome,
                error_kind=kind,
                message=reason,
                http_status=http_status,
            )

        self._record(write)
        log.warning("%s of %s %s: %s", self._words.what, outgoing.delivery_id, state, reason)
        self._tell(outgoing, state, reason)
        return state
