"""Bursts: many deliveries due at once go out in batches, one lane per account.

A lane claims a batch of its account's due deliveries in one transaction, sends them (several
at once where the network's pace allows: ``NetworkDescriptor.publish_pace``; many posts per
send where the channel publishes in batches, as the Local archive does) and records the
outcomes in grouped transactions: each time a send finishes, every outcome finished by then is
written together. Exactly once is kept as in the one-by-one path: nothing is sent unclaimed,
and a claimed delivery whose outcome was not recorded (a crash, a database that refuses) stays
'publishing' and is reconciled at the next start. A lane stopping claims nothing more and gives
back what it claimed but did not start sending.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from functools import partial

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor
from somestudio.domain.networks.descriptor import PublishPace
from somestudio.domain.publish_result import OutgoingDelivery
from somestudio.scheduling.dispatcher import Dispatcher
from somestudio.scheduling.outcome import Outcome

log = logging.getLogger(__name__)

SEND_THREADS = 8  # sends of all lanes together; each lane keeps to its own pace within


def pace_of(network: str | None) -> PublishPace:
    try:
        return descriptor(Network(network or "")).publish_pace
    except ValueError:  # an account of a network this version does not know
        return PublishPace()


class Lanes:
    """At most one lane runs per account; a kick while it runs makes it look again."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        catch_up: Callable[[], timedelta],
        rearm: Callable[[list[int]], None],
    ) -> None:
        """``rearm`` is told the deliveries that went back to 'scheduled' (a retry later)."""
        self._dispatcher = dispatcher
        self._catch_up = catch_up
        self._rearm = rearm
        self._lock = threading.Lock()
        self._again: dict[int, bool] = {}  # running lanes: kicked again meanwhile?
        self._pool: ThreadPoolExecutor | None = None

    def kick(self, account_id: int) -> bool:
        """If the account's lane runs, make it look again for due deliveries and say so."""
        with self._lock:
            if account_id not in self._again:
                return False
            self._again[account_id] = True
            return True

    def run(self, account_id: int, network: str | None) -> int:
        """Publish the account's due deliveries on this thread, unless its lane already runs
        (that one is told to look again). How many deliveries this call settled."""
        with self._lock:
            if account_id in self._again:
                self._again[account_id] = True
                return 0
            self._again[account_id] = False
        pace = pace_of(network)
        settled = 0
        try:
            while True:
                settled += self._drain(account_id, pace)
                with self._lock:  # the same hold as kick's: a kick is never lost in between
                    if not self._again[account_id] or self._dispatcher.stopping():
                        del self._again[account_id]
                        return settled
                    self._again[account_id] = False
        except BaseException:
            with self._lock:
                self._again.pop(account_id, None)
            raise

    def _kicked(self, account_id: int) -> bool:
        """Whether the running lane was kicked since it last looked (and it looks now)."""
        with self._lock:
            kicked = self._again.get(account_id, False)
            self._again[account_id] = False
            return kicked

    def shutdown(self, *, wait: bool = True) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait)

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(SEND_THREADS, thread_name_prefix="send")
            return self._pool

    def _drain(self, account_id: int, pace: PublishPace) -> int:
        """Claim, send and record until nothing of the account is due (or the engine stops)."""
        if pace.parallel <= 1 and pace.batch <= 1:
            return self._drain_one_by_one(account_id, pace)
        dispatcher = self._dispatcher
        sends = _Sends(
            self._executor(),
            dispatcher.attempt_batch,
            parallel=pace.parallel,
            batch=pace.batch,
            batches=dispatcher.batch_publisher,
            stopping=dispatcher.stopping,
        )
        ahead = 2 * pace.parallel * pace.batch  # waiting to be sent, claimed ahead of time
        settled = 0
        first, exhausted = True, False
        try:
            while True:
                if dispatcher.stopping():
                    dispatcher.release(sends.stop())
                elif (
                    sends.waiting < ahead
                    and sends.unsent < pace.claimed
                    and (not exhausted or self._kicked(account_id))
                ):
                    # Claimed before the queue runs dry; sent-but-unrecorded outcomes do not
                    # hold the claim back (while a record waits on the disk, sends go on).
                    # The first claim is small, so the first sends start at once. Once all
                    # due ones are taken, only an alarm (a kick) makes the lane look again.
                    room = pace.claimed - sends.unsent
                    if first:
                        room, first = min(room, max(2 * pace.parallel, pace.batch)), False
                    claimed = dispatcher.claim_batch(account_id, room, self._catch_up())
                    exhausted = len(claimed) < room
                    sends.add(claimed)
                if not sends.unsettled:  # nothing claimed, nothing in flight: done
                    return settled
                # Recorded while the next sends run: every outcome finished by now together.
                outcomes = sends.take()
                self._settle(outcomes)
                settled += len(outcomes)
        finally:
            # On an error: sends already started finish, their outcomes are left unrecorded
            # ('publishing', reconciled at the next start); the unstarted are given back.
            left = sends.stop()
            sends.join()
            if left:
                try:
                    dispatcher.release(left)
                except Exception:
                    log.exception("giving back %s claimed deliveries failed", len(left))

    def _drain_one_by_one(self, account_id: int, pace: PublishPace) -> int:
        dispatcher = self._dispatcher
        settled = 0
        while not dispatcher.stopping():
            claimed = dispatcher.claim_batch(account_id, max(1, pace.claimed), self._catch_up())
            if not claimed:
                break
            for index, (outgoing, started) in enumerate(claimed):
                if dispatcher.stopping():
                    dispatcher.release([o for o, _ in claimed[index:]])
                    break
                self._settle([dispatcher.attempt(outgoing, started=started)])
                settled += 1
        return settled

    def _settle(self, outcomes: list[Outcome]) -> None:
        if not outcomes:
            return
        self._dispatcher.settle(outcomes)
        again = [o.delivery_id for o in outcomes if o.state is DeliveryState.SCHEDULED]
        if again:
            self._rearm(again)


class _Sends:
    """One lane's claimed deliveries: waiting, being sent (``parallel`` sends at a time,
    each of one delivery, or of up to ``batch`` where the channel publishes in batches;
    started again as soon as one finishes, on the pool's threads) and finished, not yet
    recorded."""

    def __init__(
        self,
        pool: ThreadPoolExecutor,
        attempt: Callable[[list[tuple[OutgoingDelivery, datetime]]], list[Outcome]],
        *,
        parallel: int,
        batch: int,
        batches: Callable[[OutgoingDelivery], bool],
        stopping: Callable[[], bool],
    ) -> None:
        self._pool = pool
        self._attempt = attempt
        self._parallel = parallel
        self._batch = batch
        self._batches = batches
        self._stopping = stopping
        self._cond = threading.Condition()
        self._waiting: deque[tuple[OutgoingDelivery, datetime]] = deque()
        self._sends = 0  # sends running
        self._running = 0  # deliveries in them
        self._finished: list[Outcome] = []
        self._stopped = False

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._waiting)

    @property
    def unsent(self) -> int:
        """Claimed and not yet sent (waiting or being sent)."""
        with self._cond:
            return len(self._waiting) + self._running

    @property
    def unsettled(self) -> int:
        """Claimed and not yet handed to ``take``'s caller."""
        with self._cond:
            return len(self._waiting) + self._running + len(self._finished)

    def add(self, claimed: list[tuple[OutgoingDelivery, datetime]]) -> None:
        with self._cond:
            self._waiting.extend(claimed)
            self._start()

    def take(self) -> list[Outcome]:
        """Wait until a send finished (or none runs); every finished outcome so far."""
        with self._cond:
            while not self._finished and self._running:
                self._cond.wait()
            finished, self._finished = self._finished, []
            return finished

    def stop(self) -> list[OutgoingDelivery]:
        """Start no more sends; the claimed deliveries that were waiting."""
        with self._cond:
            self._stopped = True
            left = [outgoing for outgoing, _ in self._waiting]
            self._waiting.clear()
            self._cond.notify_all()
            return left

    def join(self) -> None:
        with self._cond:
            while self._running:
                self._cond.wait()

    def _start(self) -> None:  # with the lock held
        stopped = self._stopped or self._stopping()
        while self._waiting and self._sends < self._parallel and not stopped:
            size = 1
            if self._batch > 1 and self._batches(self._waiting[0][0]):
                size = min(self._batch, len(self._waiting))
            taken = [self._waiting.popleft() for _ in range(size)]
            self._sends += 1
            self._running += size
            future = self._pool.submit(self._attempt, taken)
            future.add_done_callback(partial(self._done, size))

    def _done(self, size: int, future: Future[list[Outcome]]) -> None:
        with self._cond:
            self._sends -= 1
            self._running -= size
            error = future.exception()
            if error is None:
                self._finished.extend(future.result())
            else:
                # Left 'publishing' for the next start to reconcile, never guessed at.
                log.error("the outcome of %s sends could not be judged: %r", size, error)
            self._start()
            self._cond.notify_all()
