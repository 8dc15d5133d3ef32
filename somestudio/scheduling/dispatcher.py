"""A delivery's way out: check it is due, claim it, publish, record what happened.

The claim is the only door to a send. Every outcome is written in one transaction with its
row in ``attempts`` (a burst's outcomes share one: ``settle``); an unknown outcome is
reconciled or left for the user, never resent. ``burst.Lanes`` drives the batched path.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.publish_result import (
    Final,
    OutgoingDelivery,
    Publisher,
    PublishError,
    PublishResult,
    Retryable,
    UnknownOutcome,
    WaitingForUser,
)
from somestudio.domain.redaction import redact
from somestudio.networks.deadline import ABORTED
from somestudio.scheduling.clock import Clock
from somestudio.scheduling.events import (
    DeliveryFailed,
    DeliveryMissed,
    DeliveryNeedsAttention,
    DeliveryPublished,
    DeliveryStateChanged,
    EngineEvent,
    ManualReminder,
    RetryScheduled,
)
from somestudio.scheduling.first_comments import CommentSender
from somestudio.scheduling.outcome import Outcome, Verdict
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import deliveries as rows
from somestudio.store import sql
from somestudio.store.sql import Conn
from somestudio.store.transient import roll_back, transient

log = logging.getLogger(__name__)

S = DeliveryState
T = TypeVar("T")
PublishBatch = Callable[[Sequence[OutgoingDelivery]], list[PublishResult | Exception]]
# Makes a claimed delivery's media files readable on this machine (a shared workspace's
# copies: app/shared_media.py); raises a ``PublishError`` the delivery shows when it cannot.
MediaLocalizer = Callable[[OutgoingDelivery], OutgoingDelivery]
# Waits between tries to record an outcome the database refused (a full disk, an I/O
# error, a lock; on PostgreSQL also a dropped connection: store/transient.py).
RECORD_RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
CRASH_REASON = (
    "The app stopped while this post was being sent, and the channel could not confirm "
    "whether it went out. Check the channel, then confirm it or publish it again."
)
UNKNOWN_REASON = (
    "The channel did not confirm this post ({detail}) and no post with its key was found. "
    "Check the channel, then confirm it or publish it again."
)


def _publish_batch(publisher: Publisher | None) -> PublishBatch | None:
    """The publisher's ``publish_batch`` (``BatchPublisher``), if it has one."""
    many: PublishBatch | None = getattr(publisher, "publish_batch", None)
    return many


class Dispatcher:
    def __init__(
        self,
        connection: Callable[[], Conn],
        publishers: PublisherRegistry,
        clock: Clock,
        emit: Callable[[EngineEvent], None],
        *,
        policy: RetryPolicy,
        rng: random.Random,
        media: MediaLocalizer | None = None,
    ) -> None:
        self._connection = connection
        self._media = media
        self._publishers = publishers
        self._clock = clock
        self._emit = emit
        self._policy = policy
        self._rng = rng
        # The engine's own writers queue here rather than in SQLite's busy handler, which
        # sleeps in steps of up to 100 ms: a burst's tail would wait on its naps.
        self._write_lock = threading.Lock()
        self._stopping = threading.Event()
        self.comments = CommentSender(
            connection,
            publishers,
            clock,
            emit,
            write=self._write,
            record=self._record,
            policy=policy,
            rng=rng,
        )

    def stop(self) -> None:
        """Stop waiting out a full disk: an outcome not yet recorded is left in 'publishing'
        and reconciled at the next start."""
        self._stopping.set()

    def resume(self) -> None:
        self._stopping.clear()

    def stopping(self) -> bool:
        return self._stopping.is_set()

    @contextlib.contextmanager
    def _write(self, conn: Conn) -> Iterator[Conn]:
        with self._write_lock, sql.write(conn):
            yield conn

    def _record(self, write: Callable[[Conn], T]) -> T:
        """Write the outcome of a send. The post may be out already: a full disk (or an I/O
        error, or a lock held too long) is waited out and the write tried again, so the
        delivery does not stay 'publishing' until a restart once space comes back."""
        tries = 0
        while True:
            conn = self._connection()
            try:
                with self._write(conn):
                    return write(conn)
            except Exception as exc:
                if not transient(exc) or self._stopping.is_set():
                    raise
                roll_back(conn)  # a failed COMMIT leaves it open
                delay = RECORD_RETRY_SECONDS[min(tries, len(RECORD_RETRY_SECONDS) - 1)]
                tries += 1
                log.warning("recording a send failed (%s); trying again in %.1f s", exc, delay)
                if self._stopping.wait(delay):
                    raise

    def _now(self) -> datetime:
        return self._clock.now().replace(microsecond=0)

    # ------------------------------------------------------------------ the way out

    def check(self, delivery_id: int, catch_up: timedelta) -> Verdict:
        """Look at one delivery: not (or no longer) scheduled, not yet due, missed (marked
        so here), or due now (``due_account``: to be claimed with its account's burst)."""
        now = self._now()
        row = rows.get(self._connection(), delivery_id)
        if row is None or row.state is not S.SCHEDULED or row.post_deleted:
            return Verdict(row.state if row else None)
        due = row.due_at
        assert due is not None  # the schema: a scheduled delivery has a time
        if due > now:
            return Verdict(S.SCHEDULED, early=due)
        if now - due > catch_up:
            self.mark_missed(row, now, catch_up)
            return Verdict(S.MISSED)
        return Verdict(S.SCHEDULED, due_account=row.account_id)

    def dispatch(self, delivery_id: int, catch_up: timedelta) -> Verdict:
        """Publish this one delivery now if it is due, on the calling thread."""
        verdict = self.check(delivery_id, catch_up)
        if verdict.due_account is None:
            return verdict
        now = self._now()
        conn = self._connection()
        with self._write(conn):
            if not rows.claim(conn, delivery_id, now):
                return Verdict(None)
            outgoing = rows.load_outgoing(conn, delivery_id)
        assert outgoing is not None
        self._emit(DeliveryStateChanged(delivery_id, outgoing.post_id, S.SCHEDULED, S.PUBLISHING))
        return Verdict(self._finish(self.attempt(outgoing, started=now)))

    def claim_batch(
        self, account_id: int, limit: int, catch_up: timedelta
    ) -> list[tuple[OutgoingDelivery, datetime]]:
        """Claim up to ``limit`` of the account's due deliveries in one transaction; each with
        the time its attempt started."""
        now = self._now()
        conn = self._connection()
        with self._write(conn):
            ids = rows.claim_due(conn, account_id, now, now - catch_up, limit)
            claimed = [rows.load_outgoing(conn, delivery_id) for delivery_id in ids]
        batch = [(outgoing, now) for outgoing in claimed if outgoing is not None]
        for outgoing, _ in batch:
            self._emit(
                DeliveryStateChanged(
                    outgoing.delivery_id, outgoing.post_id, S.SCHEDULED, S.PUBLISHING
                )
            )
        return batch

    def release(self, claimed: list[OutgoingDelivery]) -> None:
        """Give back claimed deliveries whose send never started (the engine is stopping)."""
        if not claimed:
            return
        now = self._now()
        conn = self._connection()
        with self._write(conn):
            released = [o for o in claimed if rows.release(conn, o.delivery_id, now)]
        for outgoing in released:
            self._emit(
                DeliveryStateChanged(
                    outgoing.delivery_id, outgoing.post_id, S.PUBLISHING, S.SCHEDULED
                )
            )

    def settle(self, outcomes: list[Outcome]) -> None:
        """Record the outcomes in one transaction, then announce each. If recording fails
        for good, none is announced: they stay 'publishing' and the next start reconciles."""
        writes = [o.write for o in outcomes if o.write is not None]
        if writes:
            self._record(lambda conn: [write(conn) for write in writes])
        for outcome in outcomes:
            outcome.after()

    def _finish(self, outcome: Outcome) -> DeliveryState:
        self.settle([outcome])
        return outcome.state

    def mark_missed(self, row: rows.DeliveryRow, now: datetime, catch_up: timedelta) -> bool:
        due = row.due_at
        assert due is not None
        late = int((now - due).total_seconds() // 60)
        reason = (
            f"Not published: {late} min overdue, past the catch-up window of "
            f"{int(catch_up.total_seconds() // 60)} min (the app was not running or the "
            "computer was asleep). Publish it now, reschedule or skip it."
        )
        conn = self._connection()
        with self._write(conn):
            moved = rows.move(
                conn,
                row.id,
                S.MISSED,
                now,
                only_from=(S.SCHEDULED,),
                last_error=reason,
                seen_by_user=False,
            )
        if moved:
            log.info("delivery %s missed (%s min overdue)", row.id, late)
            self._emit(DeliveryStateChanged(row.id, row.post_id, S.SCHEDULED, S.MISSED))
            self._emit(DeliveryMissed(row.id, row.post_id, due, reason))
        return moved

    def attempt(self, outgoing: OutgoingDelivery, *, started: datetime) -> Outcome:
        """Send a claimed delivery and judge the result; nothing is recorded yet (``settle``).
        Safe on any thread: it only reads the database."""
        publisher = self._publishers.find(outgoing.account)
        if publisher is None:
            return self._unsupported(outgoing, started)
        ready = self._localized(outgoing)
        if isinstance(ready, PublishError):
            return self._judge(outgoing, started, publisher, ready)
        try:
            result: PublishResult | Exception = publisher.publish(ready)
        except Exception as exc:
            result = exc
        return self._judge(ready, started, publisher, result)

    def _localized(self, outgoing: OutgoingDelivery) -> OutgoingDelivery | PublishError:
        """The delivery with media files this machine can read, or why it cannot have them."""
        if self._media is None or not (outgoing.media or outgoing.link_card):
            return outgoing
        try:
            return self._media(outgoing)
        except PublishError as exc:
            log.warning("delivery %s: %s", outgoing.delivery_id, exc.reason)
            return exc

    def attempt_batch(self, claimed: list[tuple[OutgoingDelivery, datetime]]) -> list[Outcome]:
        """``attempt`` for several claimed deliveries of one account, in one
        ``publish_batch`` call when their channel has one; an outcome for each, in order."""
        if not claimed:
            return []
        publisher = self._publishers.find(claimed[0][0].account)
        many = _publish_batch(publisher)
        if publisher is None or many is None or len(claimed) == 1:
            return [self.attempt(outgoing, started=started) for outgoing, started in claimed]
        ready = [(self._localized(outgoing), outgoing, started) for outgoing, started in claimed]
        sendable = [(r, s) for r, _, s in ready if not isinstance(r, PublishError)]
        sent = iter(self._send_batch(publisher, many, sendable))
        return [
            self._judge(outgoing, started, publisher, r)
            if isinstance(r, PublishError)
            else next(sent)
            for r, outgoing, started in ready
        ]

    def _send_batch(
        self,
        publisher: Publisher,
        many: PublishBatch,
        claimed: list[tuple[OutgoingDelivery, datetime]],
    ) -> list[Outcome]:
        if not claimed:
            return []
        try:
            results = many([outgoing for outgoing, _ in claimed])
        except Exception as exc:  # nothing known of any of them: judged one by one
            results = [exc] * len(claimed)
        if len(results) != len(claimed):  # pragma: no cover - a broken publisher
            error = RuntimeError(f"publish_batch answered {len(results)} of {len(claimed)}")
            results = [error] * len(claimed)
        return [
            self._judge(outgoing, started, publisher, result)
            for (outgoing, started), result in zip(claimed, results, strict=True)
        ]

    def batch_publisher(self, outgoing: OutgoingDelivery) -> bool:
        """Whether this delivery's channel publishes in batches (``attempt_batch``)."""
        return _publish_batch(self._publishers.find(outgoing.account)) is not None

    def _unsupported(self, outgoing: OutgoingDelivery, started: datetime) -> Outcome:
        account = outgoing.account
        return self._failed(
            outgoing,
            started,
            f"This version cannot publish to {account.network.display_name} "
            f"({account.publish_method.value}); choose publish by hand for this account.",
            "unsupported",
        )

    def _judge(  # noqa: PLR0911 - one return per outcome kind
        self,
        outgoing: OutgoingDelivery,
        started: datetime,
        publisher: Publisher,
        result: PublishResult | Exception,
    ) -> Outcome:
        """The outcome of one send: what ``publish`` returned, or the error it raised."""
        if isinstance(result, PublishResult):
            return self._published(outgoing, started, result, reconciled=False)
        if isinstance(result, WaitingForUser):
            return self._waiting_for_user(outgoing, started, result.reason)
        if isinstance(result, Retryable):
            return self._retry(outgoing, started, result)
        if isinstance(result, Final):
            return self._failed(
                outgoing, started, result.reason, result.error_kind or "final", result.http_status
            )
        if isinstance(result, UnknownOutcome):
            if result.error_kind == ABORTED:
                # Cut short because the app is closing: it stays 'publishing', and the next
                # start reconciles it (the crash path) instead of asking the user now.
                log.info("delivery %s: send stopped by shutdown", outgoing.delivery_id)
                return Outcome(outgoing.delivery_id, S.PUBLISHING)
            return self._reconcile(outgoing, publisher, started, result.reason)
        # A bug in a publisher: the post may have gone out.
        log.error("publisher for delivery %s raised", outgoing.delivery_id, exc_info=result)
        return self._reconcile(outgoing, publisher, started, f"unexpected error: {result}")

    # ------------------------------------------------------------------ recovery

    def recover(self, delivery_id: int) -> DeliveryState | None:
        """A delivery left in 'publishing' by a crash: reconcile it, or ask the user."""
        conn = self._connection()
        row = rows.get(conn, delivery_id)
        if row is None or row.state is not S.PUBLISHING:
            return None
        outgoing = rows.load_outgoing(conn, delivery_id)
        assert outgoing is not None
        started = self._now()
        publisher = self._publishers.find(outgoing.account)
        if publisher is None:
            return self._finish(self._needs_attention(outgoing, started, CRASH_REASON, "crash"))
        try:
            found = publisher.reconcile(outgoing)
        except Exception as exc:
            log.warning("reconcile of delivery %s failed: %s", delivery_id, exc)
            return self._finish(
                self._needs_attention(
                    outgoing, started, f"{CRASH_REASON} (Checking failed: {exc}.)", "crash"
                )
            )
        if found is not None:
            return self._finish(self._published(outgoing, started, found, reconciled=True))
        if publisher.reconcile_is_conclusive:
            return self._finish(self._requeue_after_crash(outgoing, started))
        return self._finish(self._needs_attention(outgoing, started, CRASH_REASON, "crash"))

    def _requeue_after_crash(self, outgoing: OutgoingDelivery, started: datetime) -> Outcome:
        moved: list[bool] = []

        def write(conn: Conn) -> None:
            moved.append(
                rows.move(
                    conn, outgoing.delivery_id, S.SCHEDULED, started, only_from=(S.PUBLISHING,)
                )
            )
            if moved[-1]:
                rows.append_attempt(
                    conn,
                    outgoing.delivery_id,
                    started_at=started,
                    finished_at=self._now(),
                    outcome="unknown",
                    error_kind="crash",
                    message="interrupted before anything was published; sending again",
                )

        def after() -> None:
            if moved and moved[-1]:
                self._emit(
                    DeliveryStateChanged(
                        outgoing.delivery_id, outgoing.post_id, S.PUBLISHING, S.SCHEDULED
                    )
                )

        return Outcome(outgoing.delivery_id, S.SCHEDULED, write, after)

    def _reconcile(
        self, outgoing: OutgoingDelivery, publisher: Publisher, started: datetime, detail: str
    ) -> Outcome:
        try:
            found = publisher.reconcile(outgoing)
        except Exception as exc:
            log.warning("reconcile of delivery %s failed: %s", outgoing.delivery_id, exc)
            found = None
            detail = f"{detail}; checking failed: {exc}"
        if found is not None:
            return self._published(outgoing, started, found, reconciled=True)
        return self._needs_attention(
            outgoing, started, UNKNOWN_REASON.format(detail=detail), "unknown"
        )

    # ------------------------------------------------------------------ outcomes

    def _published(
        self,
        outgoing: OutgoingDelivery,
        started: datetime,
        result: PublishResult,
        *,
        reconciled: bool,
    ) -> Outcome:
        now = self._now()
        moved: list[bool] = []

        def write(conn: Conn) -> None:
            moved.append(
                rows.move(
                    conn,
                    outgoing.delivery_id,
                    S.PUBLISHED,
                    now,
                    only_from=(S.PUBLISHING,),
                    remote_id=result.remote_id or None,
                    remote_url=result.remote_url or None,
                    published_at=result.published_at or now,
                    last_error=None,
                    next_attempt_at=None,
                )
            )
            rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome="reconciled" if reconciled else "published",
                message=result.remote_id,
            )

        def after() -> None:
            if not (moved and moved[-1]):  # pragma: no cover - only a claimed one reaches here
                log.error("delivery %s published but no longer publishing", outgoing.delivery_id)
            log.info("delivery %s published %s", outgoing.delivery_id, result.remote_id)
            self._emit(
                DeliveryStateChanged(
                    outgoing.delivery_id, outgoing.post_id, S.PUBLISHING, S.PUBLISHED
                )
            )
            self._emit(
                DeliveryPublished(
                    outgoing.delivery_id,
                    outgoing.post_id,
                    result.remote_id,
                    result.remote_url,
                    reconciled=reconciled,
                )
            )
            # Right after the post: its first comment, if it has one (a no-op otherwise).
            try:
                self.comments.send(outgoing.delivery_id)
            except Exception:  # the post is recorded; the sweep tries the comment again
                log.exception("first comment of delivery %s not sent", outgoing.delivery_id)

        return Outcome(outgoing.delivery_id, S.PUBLISHED, write, after)

    def _retry(self, outgoing: OutgoingDelivery, started: datetime, exc: Retryable) -> Outcome:
        conn = self._connection()
        now = self._now()
        # The one redaction step, before the text reaches the table, the log or the window.
        exc.reason = redact(exc.reason)
        failures = rows.retryable_failures_in_a_row(conn, outgoing.delivery_id) + 1
        if self._policy.gives_up(failures, exc.retry_after):
            if failures >= self._policy.max_attempts:
                reason = f"Gave up after {failures} tries: {exc.reason}"
            else:
                reason = (
                    f"The channel asked to wait {(exc.retry_after or 0) / 3600:.1f} h, too long "
                    f"to keep the post waiting: {exc.reason}. Retry it or reschedule it."
                )
            return self._failed(outgoing, started, reason, "gave_up", exc.http_status)
        retry_at = now + timedelta(seconds=self._policy.delay(failures, exc.retry_after, self._rng))
        retry_at = retry_at.replace(microsecond=0) + timedelta(seconds=1)
        reason = f"Try {failures} failed ({exc.reason}); trying again at {retry_at:%H:%M:%S} UTC"

        def write(conn: Conn) -> None:
            rows.move(
                conn,
                outgoing.delivery_id,
                S.SCHEDULED,
                now,
                only_from=(S.PUBLISHING,),
                next_attempt_at=retry_at,
                last_error=reason,
            )
            rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome="retryable",
                error_kind=exc.error_kind
                or ("rate_limit" if exc.retry_after is not None else "retryable"),
                message=exc.reason,
                http_status=exc.http_status,
                retry_at=retry_at,
            )

        def after() -> None:
            log.info("delivery %s: %s", outgoing.delivery_id, reason)
            self._emit(
                DeliveryStateChanged(
                    outgoing.delivery_id, outgoing.post_id, S.PUBLISHING, S.SCHEDULED
                )
            )
            self._emit(
                RetryScheduled(
                    outgoing.delivery_id, outgoing.post_id, retry_at, failures, exc.reason
                )
            )

        return Outcome(outgoing.delivery_id, S.SCHEDULED, write, after)

    def _failed(
        self,
        outgoing: OutgoingDelivery,
        started: datetime,
        reason: str,
        kind: str,
        http_status: int | None = None,
    ) -> Outcome:
        reason = redact(reason)  # before the table, the log and the window see it

        def failed() -> None:
            log.warning("delivery %s failed: %s", outgoing.delivery_id, reason)
            self._emit(DeliveryFailed(outgoing.delivery_id, outgoing.post_id, reason))

        return self._hold(
            outgoing,
            started,
            S.FAILED,
            outcome="final",
            reason=reason,
            kind=kind,
            http_status=http_status,
            then=failed,
        )

    def _needs_attention(
        self,
        outgoing: OutgoingDelivery,
        started: datetime,
        reason: str,
        kind: str,
        then: Callable[[], None] | None = None,
    ) -> Outcome:
        reason = redact(reason)  # before the table, the log and the window see it

        def announce() -> None:
            level = logging.INFO if kind == "manual" else logging.WARNING
            log.log(level, "delivery %s needs attention: %s", outgoing.delivery_id, reason)
            self._emit(DeliveryNeedsAttention(outgoing.delivery_id, outgoing.post_id, reason))
            if then is not None:
                then()

        return self._hold(
            outgoing,
            started,
            S.NEEDS_ATTENTION,
            outcome="unknown",
            reason=reason,
            kind=kind,
            then=announce,
        )

    def _hold(
        self,
        outgoing: OutgoingDelivery,
        started: datetime,
        state: DeliveryState,
        *,
        outcome: str,
        reason: str,
        kind: str,
        then: Callable[[], None],
        http_status: int | None = None,
    ) -> Outcome:
        """Stop a claimed delivery where the user has to decide (failed, needs attention):
        the state and its attempt in one transaction, then the state-change event."""
        reason = redact(reason)
        now = self._now()

        def write(conn: Conn) -> None:
            rows.move(
                conn,
                outgoing.delivery_id,
                state,
                now,
                only_from=(S.PUBLISHING,),
                last_error=reason,
                seen_by_user=False,
                next_attempt_at=None,
            )
            rows.append_attempt(
                conn,
                outgoing.delivery_id,
                started_at=started,
                finished_at=now,
                outcome=outcome,
                error_kind=kind,
                message=reason,
                http_status=http_status,
            )

        def after() -> None:
            self._emit(
                DeliveryStateChanged(outgoing.delivery_id, outgoing.post_id, S.PUBLISHING, state)
            )
            then()

        return Outcome(outgoing.delivery_id, state, write, after)

    def _waiting_for_user(
        self, outgoing: OutgoingDelivery, started: datetime, reason: str
    ) -> Outcome:
        account = outgoing.account

        def remind() -> None:
            self._emit(
                ManualReminder(
                    outgoing.delivery_id,
                    outgoing.post_id,
                    account.network,
                    account.label,
                    "\n\n".join(outgoing.parts),  # a thread: its posts one after the other
                    tuple(m.path for m in outgoing.media),
                )
            )

        return self._needs_attention(outgoing, started, reason, "manual", then=remind)
