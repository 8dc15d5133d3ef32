"""The engine: alarms for due deliveries, a sweep every minute, listeners for the UI.

At start it recovers deliveries a crash left in 'publishing', then sweeps: deliveries overdue
past the catch-up window become missed, younger overdue ones and those due within the
horizon get an alarm (one date job each, id ``delivery-<id>``). The sweep repeats on every
whole minute; it arms what entered the horizon, catches what an alarm missed, and notices a
wall-clock jump (suspend/resume) by comparing wall and monotonic progress since the last
sweep, re-arming everything when it sees one.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.delivery_state import DeliveryState
from somestudio.networks.deadline import abort_requests
from somestudio.scheduling.alarms import Alarms, SchedulerAlarms
from somestudio.scheduling.burst import Lanes
from somestudio.scheduling.clock import SYSTEM_CLOCK, Clock
from somestudio.scheduling.dispatcher import Dispatcher, MediaLocalizer
from somestudio.scheduling.events import (
    ClockJumped,
    EngineEvent,
    EngineStateChanged,
    NextDueChanged,
)
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import deliveries as rows
from somestudio.store.sql import Conn

log = logging.getLogger(__name__)

Listener = Callable[[EngineEvent], None]
SWEEP_KEY = "sweep"
LOOK_AGAIN_KEY = "look-again"
LOOK_AGAIN_SECONDS = 0.5  # another machine's change: the deliveries are looked at this soon,
# at most once in this time however many changes come (a burst claimed elsewhere)
DEFAULT_CATCH_UP_MINUTES = 15
MAX_CATCH_UP_MINUTES = 24 * 60
GRACE_SECONDS = 1.0  # a send about to finish may finish on its own
SHUTDOWN_SECONDS = 4.0  # then requests in flight are aborted; shutdown never takes longer


# What another machine's write must touch to change what this engine arms: a post (its
# time, its deletion), its deliveries, its approval.
_SCHEDULE_TABLES = frozenset({"posts", "deliveries", "post_approvals"})


def alarm_key(delivery_id: int) -> str:
    return f"delivery-{delivery_id}"


@dataclass
class EngineStats:
    sweeps: int = 0
    alarms_fired: int = 0
    clock_jumps: int = 0


class Engine:
    """Publishes due deliveries exactly once. Thread-safe; never imports Qt.

    ``connection`` returns the calling thread's connection, SQLite or PostgreSQL (it is
    called on the engine's worker threads). ``catch_up_minutes`` is read at each use, so a
    changed setting applies at the next sweep.

    ``recover_after`` is for a shared workspace, where other machines' engines claim too: a
    delivery left 'publishing' is reconciled only once it was claimed that long ago (another
    machine may still be sending it), at start and at every sweep; None (one machine, the
    data folder's lock held) reconciles every one at start. ``may_send(account_id)`` says
    whether this machine can publish for the account (its token is in this machine's
    keyring): the deliveries of others are not armed here but left to a machine that can
    (they are still marked missed when overdue, so none waits unseen); None: every account.
    ``media`` makes a claimed delivery's media files readable here before it is sent (a
    shared workspace's files attached on another machine); None: used at their paths.
    """

    def __init__(
        self,
        connection: Callable[[], Conn],
        publishers: PublisherRegistry,
        *,
        clock: Clock = SYSTEM_CLOCK,
        alarms: Alarms | None = None,
        catch_up_minutes: Callable[[], int] = lambda: DEFAULT_CATCH_UP_MINUTES,
        policy: RetryPolicy | None = None,
        horizon: timedelta = timedelta(hours=1),
        sweep_seconds: float = 60.0,
        jump_tolerance_seconds: float = 30.0,
        rng: random.Random | None = None,
        recover_after: timedelta | None = None,
        may_send: Callable[[int], bool] | None = None,
        media: MediaLocalizer | None = None,
    ) -> None:
        self._connection = connection
        self._recover_after = recover_after
        self._may_send = may_send
        self._clock = clock
        self._alarms: Alarms = alarms if alarms is not None else SchedulerAlarms()
        self._catch_up_minutes = catch_up_minutes
        self._horizon = horizon
        self._sweep_seconds = sweep_seconds
        self._jump_tolerance = jump_tolerance_seconds
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()
        self._armed: dict[int, datetime] = {}
        self._running = False
        self._last_tick: tuple[datetime, float] | None = None
        self._next_due: tuple[int, datetime] | None = None
        self._next_due_known = False
        self._look_pending = False
        self._periodic: dict[str, tuple[float, Callable[[], None]]] = {}
        self._recoveries: list[Callable[[datetime | None], object]] = []
        self.stats = EngineStats()
        self._dispatcher = Dispatcher(
            connection,
            publishers,
            clock,
            self._emit,
            policy=policy or RetryPolicy(),
            rng=rng or random.Random(),  # noqa: S311 - jitter, not security
            media=media,
        )
        self._lanes = Lanes(self._dispatcher, self.catch_up, self.refresh)

    # ------------------------------------------------------------------ listeners

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event (on an engine thread); returns a remover."""
        with self._lock:
            self._listeners.append(listener)
        return partial(self.remove_listener, listener)

    def remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def announce(self, event: EngineEvent) -> None:
        """Tell the listeners about work done beside the engine's own (e.g. the inbox)."""
        self._emit(event)

    def _emit(self, event: EngineEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("an engine listener failed on %s", type(event).__name__)

    # ------------------------------------------------------------------ periodic work

    def add_periodic(self, key: str, seconds: float, action: Callable[[], None]) -> None:
        """Also run ``action`` every ``seconds`` on the engine's workers while it runs (the
        first time ``seconds`` after start), e.g. fetching metrics. A failure is logged and
        the next run goes ahead; ``key`` replaces an earlier job of the same key."""
        with self._lock:
            self._periodic[key] = (seconds, action)
            if self._running:
                self._arm_periodic(key)

    def add_recovery(self, action: Callable[[datetime | None], object]) -> None:
        """Also run ``action(before)`` at each start, with the engine's own recovery of sends a
        crash left in flight (e.g. inbox answers left 'sending'), before anything new is sent;
        on a shared workspace also at each sweep, with ``before`` the latest claim time no
        machine can still be sending (None: every one, the single machine's start)."""
        with self._lock:
            self._recoveries.append(action)

    def _arm_periodic(self, key: str) -> None:
        seconds, action = self._periodic[key]
        first = self._clock.now() + timedelta(seconds=seconds)
        self._alarms.every(key, seconds, first, partial(self._run_periodic, key, action))

    @staticmethod
    def _run_periodic(key: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception:
            log.exception("periodic job %s failed; it runs again at its next time", key)

    # ------------------------------------------------------------------ life cycle

    @property
    def running(self) -> bool:
        return self._running

    @property
    def next_due(self) -> tuple[int, datetime] | None:
        """(delivery id, due time) of the next scheduled delivery, as of the last change."""
        with self._lock:
            if self._next_due_known:
                return self._next_due
        return rows.next_due_at(self._connection())

    def start(self) -> None:
        """Start the alarms and, on a worker thread, recover and sweep. Returns at once."""
        with self._lock:
            if self._running:
                return
            self._running = True
            self._look_pending = False  # one set before a shutdown never ran
        self._dispatcher.resume()
        self._alarms.start()
        log.info("scheduling engine started")
        self._emit(EngineStateChanged(running=True))
        self._alarms.submit(self._startup)

    def shutdown(self, *, wait: bool = True, limit_seconds: float = SHUTDOWN_SECONDS) -> bool:
        """Stop the alarms; with ``wait``, let sends in flight be recorded, within
        ``limit_seconds`` whatever the network does: requests still running are then aborted
        (a send whose network makes a retry safe is retried later; any other stays
        'publishing' and the next start reconciles it — never resent blindly). False when a
        worker thread is still stuck (e.g. in a name lookup) at the limit."""
        with self._lock:
            if not self._running:
                return True
            self._running = False
            self._armed.clear()
        self._dispatcher.stop()  # a send waiting out a full disk gives up; recovered at start
        if not wait:
            self._alarms.shutdown(wait=False)
            self._lanes.shutdown(wait=False)
        else:
            stopper = threading.Thread(
                target=self._alarms.shutdown, kwargs={"wait": True}, name="engine-stop", daemon=True
            )
            stopper.start()
            deadline = time.monotonic() + limit_seconds
            stopper.join(min(limit_seconds, GRACE_SECONDS))
            while stopper.is_alive() and time.monotonic() < deadline:
                abort_requests()  # again: a reconcile may have started a new request
                stopper.join(0.1)
            if stopper.is_alive():
                log.warning("sends still running after %s s; stopping without them", limit_seconds)
                self._lanes.shutdown(wait=False)
                self._emit(EngineStateChanged(running=False))
                return False
            self._lanes.shutdown()
        log.info("scheduling engine stopped")
        self._emit(EngineStateChanged(running=False))
        return True

    def _startup(self) -> None:
        try:
            self.recover()
            self.sweep()
        except Exception:
            log.exception("the engine's start-up sweep failed; the next sweep tries again")
        now = self._clock.now()
        first = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
        with self._lock:
            if self._running:
                self._alarms.every(SWEEP_KEY, self._sweep_seconds, first, self._sweep_safely)
                for key in self._periodic:
                    self._arm_periodic(key)

    # ------------------------------------------------------------------ the work

    def catch_up(self) -> timedelta:
        # At least a minute: a burst's tail a few seconds late is on time, not missed.
        # At most a day: a hand-edited setting of 10**12 must not make every sweep overflow.
        return timedelta(minutes=min(max(1, self._catch_up_minutes()), MAX_CATCH_UP_MINUTES))

    def recover(self) -> int:
        """Reconcile deliveries a crash left in 'publishing', and first comments and inbox
        answers left 'sending'; returns how many deliveries there were."""
        stuck = self._recover_stuck()
        self._recover_replies()
        return len(stuck)

    def _recover_replies(self) -> None:
        """First comments and inbox answers left 'sending'. On a shared workspace only those
        claimed ``recover_after`` ago or earlier (another machine may still be sending a newer
        one: their claim sets the row's time, as a delivery's does), of accounts this machine
        can sign in for."""
        before = None
        if self._recover_after is not None:
            before = self._clock.now() - self._recover_after
        try:
            self._dispatcher.comments.recover(before, self._may_send)
        except Exception:
            log.exception("recovering first comments failed; the next sweep tries again")
        with self._lock:
            recoveries = list(self._recoveries)
        for action in recoveries:
            try:
                action(before)
            except Exception:
                log.exception("a recovery failed; its periodic job tries again")

    def _recover_stuck(self) -> list[int]:
        if self._recover_after is None:
            conn = self._connection()
            stuck = [row.id for row in rows.in_state(conn, DeliveryState.PUBLISHING)]
        else:
            before = self._clock.now() - self._recover_after
            stuck = rows.publishing_since(self._connection(), before)
        for delivery_id in stuck:
            log.warning("delivery %s was being sent when an engine stopped; checking", delivery_id)
            try:
                self._dispatcher.recover(delivery_id)
            except Exception:
                log.exception("recovering delivery %s failed", delivery_id)
        return stuck

    def sweep(self) -> None:
        """Mark the long-overdue missed, arm what is due within the horizon (on a shared
        workspace first reconcile the claims no machine can still be sending)."""
        self.stats.sweeps += 1
        if self._recover_after is not None:
            self._recover_stuck()
            self._recover_replies()
        now = self._clock.now()
        if self._clock_jumped(now, self._clock.monotonic()):
            self._disarm_all()
        self._arm_due(now)
        # First comments: retries whose time came, and any a crash left after their post.
        self._dispatcher.comments.sweep()
        self._update_next_due()

    def _arm_due(self, now: datetime) -> None:
        """Arm what is due within the horizon; mark missed what is overdue past the catch-up
        window."""
        catch_up = self.catch_up()
        for row in rows.scheduled_due_by(self._connection(), now + self._horizon):
            due = row.due_at
            assert due is not None
            if now - due > catch_up:
                self._dispatcher.mark_missed(row, now.replace(microsecond=0), catch_up)
            else:
                self._arm(row.id, due, row.account_id)

    def remote_change(self, tables: str) -> None:
        """A shared workspace's change feed says another machine committed a change
        (``Workspace.on_remote_change``: the tables, ``"*"``, or ``""`` after a reconnect).
        When it may have touched the schedule, the deliveries are looked at again in
        ``LOOK_AGAIN_SECONDS``: a post another machine schedules for the next minute (or
        publishes now) on an account only this machine can send for goes out on time, not
        at the next whole-minute sweep."""
        changed = set(tables.split(",")) if tables not in ("", "*") else None
        if changed is not None and not changed & _SCHEDULE_TABLES:
            return
        with self._lock:
            if not self._running or self._look_pending:
                return
            self._look_pending = True
        when = self._clock.now() + timedelta(seconds=LOOK_AGAIN_SECONDS)
        self._alarms.set(LOOK_AGAIN_KEY, when, self._look_again)

    def _look_again(self) -> None:
        with self._lock:
            self._look_pending = False
        try:
            self._arm_due(self._clock.now())
            self._update_next_due()
        except Exception:
            log.exception("looking at the deliveries again failed; the next sweep does")

    def refresh(self, delivery_ids: Iterable[int]) -> None:
        """Bring the alarms of these deliveries in line with the database (after any edit)."""
        conn = self._connection()
        end = self._clock.now() + self._horizon
        for delivery_id in delivery_ids:
            row = rows.get(conn, delivery_id)
            due = row.due_at if row is not None else None
            if (
                row is not None
                and due is not None
                and row.state is DeliveryState.SCHEDULED
                and not row.post_deleted
                and due <= end
            ):
                self._arm(row.id, due, row.account_id)
            else:
                self._disarm(delivery_id)
        self._update_next_due()

    def dispatch(self, delivery_id: int) -> DeliveryState | None:
        """Publish one delivery now if it is due, on the calling thread; its new state."""
        verdict = self._dispatcher.dispatch(delivery_id, self.catch_up())
        if verdict.state is DeliveryState.SCHEDULED:  # not yet due, or a retry later on
            self.refresh([delivery_id])
        else:
            self._update_next_due()
        return verdict.state

    def _publish_due(self, delivery_id: int) -> None:
        """An alarm rang: publish the delivery with every other of its account due by now,
        in batches (``burst``); a lane already at work for the account just looks again."""
        verdict = self._dispatcher.check(delivery_id, self.catch_up())
        if verdict.early is not None:  # rang early: set it again
            self.refresh([delivery_id])
            return
        account = verdict.due_account
        if account is None:  # gone, missed, or already taken by a lane
            if verdict.state is not DeliveryState.PUBLISHING:
                self._update_next_due()
            return
        network = rows.account_network(self._connection(), account)
        if self._lanes.run(account, network):
            self._update_next_due()

    # ------------------------------------------------------------------ alarms

    def _arm(self, delivery_id: int, due: datetime, account_id: int) -> None:
        if self._may_send is not None and not self._may_send(account_id):
            self._disarm(delivery_id)  # left for a machine that can send it
            return
        with self._lock:
            if not self._running or self._armed.get(delivery_id) == due:
                return
            self._armed[delivery_id] = due
            self._alarms.set(
                alarm_key(delivery_id), due, partial(self._fire, delivery_id, due, account_id)
            )

    def _disarm(self, delivery_id: int) -> None:
        with self._lock:
            if self._armed.pop(delivery_id, None) is not None:
                self._alarms.cancel(alarm_key(delivery_id))

    def _disarm_all(self) -> None:
        with self._lock:
            for delivery_id in list(self._armed):
                self._disarm(delivery_id)

    def _fire(self, delivery_id: int, due: datetime, account_id: int) -> None:
        with self._lock:
            if self._armed.get(delivery_id) == due:
                del self._armed[delivery_id]
        self.stats.alarms_fired += 1
        # In a burst, the account's lane is at work already: it takes this one with the rest
        # (a thousand alarms ringing at one second must not each query the database).
        if self._lanes.kick(account_id):
            return
        try:
            self._publish_due(delivery_id)
        except Exception:
            # A database error before the claim leaves the delivery scheduled (the next
            # sweep retries); after it, 'publishing' (recovered at the next start).
            log.exception("dispatching delivery %s failed", delivery_id)

    def _sweep_safely(self) -> None:
        try:
            self.sweep()
        except Exception:
            log.exception("the sweep failed; the next one tries again")

    def _clock_jumped(self, now: datetime, monotonic: float) -> bool:
        with self._lock:
            last, self._last_tick = self._last_tick, (now, monotonic)
        if last is None:
            return False
        wall = (now - last[0]).total_seconds()
        steady = monotonic - last[1]
        if abs(wall - steady) <= self._jump_tolerance:
            return False
        self.stats.clock_jumps += 1
        log.info("wall clock moved %.0f s in %.0f s (suspend or a clock change)", wall, steady)
        self._emit(ClockJumped(wall, steady))
        return True

    def _update_next_due(self) -> None:
        current = rows.next_due_at(self._connection())
        with self._lock:
            changed = not self._next_due_known or current != self._next_due
            self._next_due, self._next_due_known = current, True
        if changed:
            self._emit(
                NextDueChanged(current[0] if current else None, current[1] if current else None)
            )
