"""Bursts on a real SQLite file: batched claims, sends at the network's pace, grouped records,
and what a stop or a crash in the middle of a batch leaves behind."""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import cast

import sqlalchemy as sa

from somestudio.app.scheduler import SHARED_RECOVER_AFTER
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import descriptor
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import Final, OutgoingDelivery, PublishResult, Retryable
from somestudio.scheduling.events import DeliveryPublished, EngineEvent
from somestudio.scheduling.local_archive import (
    METADATA,
    FileFlush,
    FolderSync,
    LocalArchivePublisher,
)
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.store.pg_connections import SharedDatabase
from tests.integration.scheduling_setup import Rig

S = DeliveryState
LOCAL_PACE = descriptor(Network.LOCAL).publish_pace


class CountingPublisher:
    """Publishes through the real Local archive, counting sends at once; ``hold`` keeps each
    send open until that many are in flight (or a short wait passes)."""

    reconcile_is_conclusive = True

    def __init__(self, rig: Rig, *, hold: int = 0, archive: bool = True) -> None:
        self._inner = LocalArchivePublisher(now=rig.clock.now) if archive else None
        self._lock = threading.Lock()
        self._hold = hold
        self._enough = threading.Event()
        self.now = 0
        self.most = 0
        self.calls = 0
        self.on_call: list[object] = []

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        with self._lock:
            self.now += 1
            self.calls += 1
            self.most = max(self.most, self.now)
            if self.now >= self._hold:
                self._enough.set()
        try:
            self._enough.wait(timeout=0.5)
            for hook in self.on_call:
                hook()  # type: ignore[operator]
            if self._inner is None:
                return PublishResult(f"r{delivery.delivery_id}", "https://m/r")
            return self._inner.publish(delivery)
        finally:
            with self._lock:
                self.now -= 1

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return self._inner.reconcile(delivery) if self._inner is not None else None


def _burst(rig: Rig, count: int, *, account: int | None = None, after: int = 5) -> list[int]:
    return [rig.schedule(after, account=account, text=f"burst {i}") for i in range(count)]


BEGINS = ("BEGIN IMMEDIATE", "BEGIN")  # sql.write's on SQLite, on PostgreSQL


@contextmanager
def _statements(rig: Rig) -> Iterator[list[str]]:
    """The statements this thread runs inside the block, each once, on either backend:
    SQLite's trace (which names an ``UPDATE … RETURNING`` again when its rows are read: the
    same text twice in a row is one statement run), or SQLAlchemy's ``before_cursor_execute``
    on the PostgreSQL workspace's engine (``BEGIN``/``COMMIT`` included: ``sql.write`` sends
    them itself)."""
    seen: list[str] = []
    here = threading.get_ident()

    def note(statement: str) -> None:
        if not (seen and seen[-1] == statement and " RETURNING " in statement):
            seen.append(statement)

    if not rig.shared:
        conn = rig.workspace.connection()
        conn.set_trace_callback(note)
        try:
            yield seen
        finally:
            conn.set_trace_callback(None)
        return
    engine = cast(SharedDatabase, rig.workspace.database).engine

    def before(_c: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.get_ident() == here:
            seen.append(statement)

    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)


def test_a_burst_is_claimed_in_one_transaction_and_sent_in_parallel(rig: Rig) -> None:
    publisher = CountingPublisher(rig, hold=LOCAL_PACE.parallel)
    rig.publishers.register(publisher, method=PublishMethod.FOLDER, network=Network.LOCAL)
    rig.engine.start()
    deliveries = _burst(rig, LOCAL_PACE.parallel * 8)
    with _statements(rig) as seen:  # the lane runs on this (the alarm's) thread
        rig.alarms.advance(5)

    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)
    assert all(rig.outcomes(d) == ["published"] for d in deliveries)
    assert len(rig.folders()) == len(deliveries)
    assert publisher.calls == len(deliveries)
    assert publisher.most == LOCAL_PACE.parallel  # in parallel, never more than the pace
    # Every claim of the burst inside the first transaction, before any send was recorded.
    claims = [
        i for i, s in enumerate(seen) if s.startswith("UPDATE deliveries SET state = 'publishing'")
    ]
    begins = [i for i, s in enumerate(seen) if s in BEGINS]
    commits = [i for i, s in enumerate(seen) if s == "COMMIT"]
    assert len(claims) == len(deliveries)
    assert begins[0] < claims[0] and claims[-1] < commits[0]
    # Sends of one post each finish one by one, so how many outcomes share a record depends
    # on timing here; the Local archive's batches below are recorded a batch at a time.


def test_an_api_account_sends_one_at_a_time(rig: Rig) -> None:
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    conn = rig.workspace.writable_connection()
    with transaction(conn):
        api = account_rows.add_account(conn, Network.MASTODON, "@api", instance_url="https://m")
    publisher = CountingPublisher(rig, hold=2, archive=False)
    rig.publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
    rig.engine.start()
    deliveries = _burst(rig, 4, account=api)
    rig.alarms.advance(5)
    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)
    assert publisher.calls == 4 and publisher.most == 1


def test_settle_records_many_outcomes_in_one_transaction(rig: Rig) -> None:
    deliveries = _burst(rig, 5, after=0)
    dispatcher = rig.engine._dispatcher
    (archive_batch) = dispatcher.claim_batch(rig.archive_account, 10, timedelta(minutes=15))
    assert sorted(o.delivery_id for o, _ in archive_batch) == sorted(deliveries)
    outcomes = [dispatcher.attempt(o, started=started) for o, started in archive_batch]
    assert all(rig.state(d) is S.PUBLISHING for d in deliveries)  # sent, not yet recorded
    with _statements(rig) as seen:
        dispatcher.settle(outcomes)
    assert sum(s in BEGINS for s in seen) == 1 and seen.count("COMMIT") == 1
    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)


def test_claim_batch_takes_only_the_due_live_deliveries_of_its_account(rig: Rig) -> None:
    due = _burst(rig, 3, after=0)
    later = rig.schedule(60)
    too_old = rig.schedule(-20 * 60)
    deleted = rig.schedule(0)
    rig.plan.delete_post(int(str(rig.column(deleted, "post_id"))))
    other = rig.schedule(0, account=rig.manual_account)
    batch = rig.engine._dispatcher.claim_batch(rig.archive_account, 2, timedelta(minutes=15))
    assert [o.delivery_id for o, _ in batch] == due[:2]  # earliest first, no more than asked
    assert [rig.state(d) for d in due] == [S.PUBLISHING, S.PUBLISHING, S.SCHEDULED]
    for untouched in (later, too_old, deleted, other):
        assert rig.state(untouched) is S.SCHEDULED
    assert rig.column(due[0], "attempt_count") == 1


def test_stopping_mid_batch_gives_back_what_was_not_sent(rig: Rig) -> None:
    """The engine stops while a batch is in flight: sends already started are recorded, the
    claimed ones not yet started go back to 'scheduled' untouched, nothing is written twice."""
    publisher = CountingPublisher(rig, hold=LOCAL_PACE.parallel)
    stopped = threading.Event()

    def stop_once() -> None:
        if not stopped.is_set():
            stopped.set()
            rig.engine._dispatcher.stop()

    publisher.on_call.append(stop_once)
    # The stop comes once every sender of the first wave is in flight; the rest wait.
    rig.publishers.register(publisher, method=PublishMethod.FOLDER, network=Network.LOCAL)
    rig.engine.start()
    deliveries = _burst(rig, LOCAL_PACE.parallel * 3)
    rig.alarms.advance(5)
    states = {d: rig.state(d) for d in deliveries}
    sent = [d for d in deliveries if states[d] is S.PUBLISHED]
    back = [d for d in deliveries if states[d] is S.SCHEDULED]
    assert len(sent) == publisher.calls == LOCAL_PACE.parallel
    assert len(sent) + len(back) == len(deliveries)
    assert all(rig.outcomes(d) == [] and rig.column(d, "attempt_count") == 0 for d in back)
    assert len(rig.folders()) == len(sent)
    # Started again, the engine sends the rest, each once.
    rig.engine.shutdown()
    rig.make_engine().start()
    rig.alarms.run_due()
    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)
    assert len(rig.folders()) == len(deliveries)
    assert all(rig.outcomes(d) == ["published"] for d in deliveries)


def test_a_crash_mid_batch_is_reconciled_without_a_second_write(rig: Rig) -> None:
    """What a kill leaves: a claimed batch, some of it written but not recorded, one write cut
    off half way. At the next start each is reconciled or sent again — exactly once. On a
    shared workspace (PostgreSQL) another machine may still be sending the batch: it is left
    alone at start, and reconciled by the sweep once claimed ``SHARED_RECOVER_AFTER`` ago."""
    deliveries = _burst(rig, 10, after=0)
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        claimed = delivery_rows.claim_due(
            conn, rig.archive_account, rig.clock.now(), rig.clock.now() - timedelta(hours=1), 10
        )
    assert claimed == deliveries
    outgoing = [delivery_rows.load_outgoing(conn, d) for d in deliveries]
    archive = LocalArchivePublisher(now=rig.clock.now)
    for item in outgoing[:4]:
        assert item is not None
        archive.publish(item)  # written, then the kill: never recorded
    half = outgoing[4]
    assert half is not None
    (rig.archive / f".partial-x-d{half.delivery_id}-{half.idempotency_key[:8]}-ab").mkdir()
    rig.engine.start()
    if rig.shared:
        assert all(rig.state(d) is S.PUBLISHING for d in deliveries)
        rig.clock.move(SHARED_RECOVER_AFTER.total_seconds() - 60)
        rig.engine.sweep()
        assert all(rig.state(d) is S.PUBLISHING for d in deliveries)
        rig.clock.move(60)
        rig.engine.sweep()
    rig.alarms.run_due()
    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)
    assert len(rig.folders()) == 10
    for d in deliveries[:4]:
        assert rig.outcomes(d) == ["reconciled"]
    for d in deliveries[4:]:
        assert rig.outcomes(d) == ["unknown", "published"]


def test_folder_sync_shares_fsyncs_and_never_answers_early(tmp_path: Path) -> None:
    runs: list[tuple[float, float]] = []

    def slow_fsync(folder: Path) -> None:
        started = time.monotonic()
        time.sleep(0.02)
        runs.append((started, time.monotonic()))

    sync = FolderSync(slow_fsync)
    calls: list[tuple[float, float]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(12)

    def caller() -> None:
        barrier.wait()
        asked = time.monotonic()
        sync.sync(tmp_path)
        with lock:
            calls.append((asked, time.monotonic()))

    threads = [threading.Thread(target=caller) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 12
    assert len(runs) < 12  # shared
    for asked, answered in calls:  # each waited for an fsync that began after it asked
        assert any(asked <= start and end <= answered for start, end in runs)


def test_folder_sync_reports_a_failure_to_its_caller(tmp_path: Path) -> None:
    failures = [OSError(5, "Input/output error")]

    def flaky(folder: Path) -> None:
        if failures:
            raise failures.pop()

    sync = FolderSync(flaky)
    try:
        sync.sync(tmp_path)
    except OSError as exc:
        assert exc.errno == 5
    else:
        raise AssertionError("the failed fsync was not reported")
    sync.sync(tmp_path)  # the next one runs its own fsync, which succeeds


class WatchedArchive(LocalArchivePublisher):
    """The real Local archive with its two flushes watched: what the archive folder held at
    each (``files``: hidden folders whose last file is written; ``names``: folders in place),
    and the size of each batch."""

    def __init__(self, rig: Rig, *, fail_files: int = 0) -> None:
        self.log: list[tuple[str, set[str]]] = []
        self.batches: list[int] = []
        self._fail_files = fail_files
        super().__init__(
            now=rig.clock.now,
            flush=FileFlush(self._files_flushed),
            renames=FolderSync(self._names_flushed),
        )

    def publish_batch(
        self, deliveries: Sequence[OutgoingDelivery]
    ) -> list[PublishResult | Exception]:
        self.batches.append(len(deliveries))
        return super().publish_batch(deliveries)

    def _files_flushed(self, folder: Path) -> None:
        if self._fail_files:
            self._fail_files -= 1
            raise OSError(errno.EIO, "Input/output error")
        written = {
            p.name for p in folder.iterdir() if p.name.startswith(".") and (p / METADATA).exists()
        }
        self.log.append(("files", written))

    def _names_flushed(self, folder: Path) -> None:
        self.log.append(("names", {p.name for p in folder.iterdir() if not p.name.startswith(".")}))


def _outgoing(rig: Rig, count: int) -> list[OutgoingDelivery]:
    _burst(rig, count, after=0)
    claimed = rig.engine._dispatcher.claim_batch(rig.archive_account, count, timedelta(hours=1))
    return [outgoing for outgoing, _ in claimed]


def test_the_local_archive_publishes_a_burst_in_batches_durable_before_recorded(
    rig: Rig,
) -> None:
    """Each batch's files are flushed while the posts are still hidden, then renamed into
    place, then the names are flushed; a post is recorded as published only after that."""
    archive = WatchedArchive(rig)
    rig.publishers.register(archive, method=PublishMethod.FOLDER, network=Network.LOCAL)
    names_on_disk_when_recorded: dict[int, bool] = {}

    def recorded(event: EngineEvent) -> None:
        if isinstance(event, DeliveryPublished):  # announced only after its commit
            flushed = set().union(*(names for kind, names in archive.log if kind == "names"))
            state = rig.state(event.delivery_id)
            names_on_disk_when_recorded[event.delivery_id] = (
                event.remote_id in flushed and state is S.PUBLISHED
            )

    rig.engine.add_listener(recorded)
    rig.engine.start()
    deliveries = _burst(rig, LOCAL_PACE.batch * 3 + 5)
    with _statements(rig) as seen:  # the lane runs on this (the alarm's) thread
        rig.alarms.advance(5)

    assert all(rig.outcomes(d) == ["published"] for d in deliveries)
    assert len(rig.folders()) == len(deliveries)
    assert not [p for p in rig.archive.iterdir() if p.name.startswith(".")]
    assert sum(archive.batches) == len(deliveries)
    assert max(archive.batches) == LOCAL_PACE.batch  # many posts per send
    assert names_on_disk_when_recorded == dict.fromkeys(deliveries, True)
    # Claimed a few transactions at a time, recorded at most one transaction per batch.
    claims = [s for s in seen if s.startswith("UPDATE deliveries SET state = 'publishing'")]
    assert len(claims) == len(deliveries)
    assert seen.count("COMMIT") <= len(deliveries) // LOCAL_PACE.batch + 3 + len(archive.batches)
    # Two flushes per batch, not three per post.
    assert len(archive.log) <= 2 * len(archive.batches) < len(deliveries)
    for folder in rig.folders():
        first_named = next(i for i, (_, names) in enumerate(archive.log) if folder.name in names)
        hidden = [
            i
            for i, (kind, names) in enumerate(archive.log)
            if kind == "files" and any(n.startswith(f".partial-{folder.name}-") for n in names)
        ]
        assert hidden and hidden[0] < first_named  # its files flushed before its rename


def test_a_batch_answers_each_delivery_as_publish_would(rig: Rig, tmp_path: Path) -> None:
    fine, done_before, taken, elsewhere, lost = _outgoing(rig, 5)
    archive = WatchedArchive(rig)
    earlier = archive.publish(done_before)
    name_of_taken = rig.archive / earlier.remote_id.replace(
        f"d{done_before.delivery_id}-{done_before.idempotency_key[:8]}",
        f"d{taken.delivery_id}-{taken.idempotency_key[:8]}",
    )
    (name_of_taken).mkdir()
    (name_of_taken / METADATA).write_text('{"idempotency_key": "someone else"}', encoding="utf-8")
    gone = replace(
        elsewhere, account=replace(elsewhere.account, options={"folder": str(tmp_path / "gone")})
    )

    # Its media went missing: the post is half written when that is found.
    lost_media = replace(lost, media=(MediaItem(str(tmp_path / "gone.jpg"), "image/jpeg", ""),))

    results = archive.publish_batch([fine, done_before, taken, gone, lost_media])

    ok, again, refused, missing, half = results
    assert isinstance(ok, PublishResult) and (rig.archive / ok.remote_id / METADATA).exists()
    assert again == earlier  # the folder written before, not a second one
    assert isinstance(refused, Final) and "belongs to another post" in refused.reason
    assert isinstance(missing, Final) and "does not exist" in missing.reason
    assert isinstance(half, Final) and "media file" in half.reason
    assert len(rig.folders()) == 3  # fine, done_before and the one in the way: none half
    assert not [p for p in rig.archive.iterdir() if p.name.startswith(".")]


def test_a_failed_flush_publishes_nothing_of_its_batch(rig: Rig) -> None:
    outgoing = _outgoing(rig, 3)
    archive = WatchedArchive(rig, fail_files=1)
    results = archive.publish_batch(outgoing)
    assert all(isinstance(r, Retryable) and "failed for now" in r.reason for r in results)
    assert list(rig.archive.iterdir()) == []  # none renamed into place, no hidden leftover
    again = archive.publish_batch(outgoing)  # the retry writes each once
    assert all(isinstance(r, PublishResult) for r in again)
    assert len(rig.folders()) == 3


class BrokenBatch(LocalArchivePublisher):
    """Writes the first half of a batch, then raises as a bug would."""

    def publish_batch(
        self, deliveries: Sequence[OutgoingDelivery]
    ) -> list[PublishResult | Exception]:
        half = len(deliveries) // 2
        super().publish_batch(deliveries[:half])
        raise RuntimeError("a bug in the middle of a batch")


def test_a_batch_that_raises_is_reconciled_delivery_by_delivery(rig: Rig) -> None:
    """Nothing is known of any delivery of a batch that raised: each is looked up; the ones
    written are published, the others wait for the user (unknown outcome), none resent."""
    rig.publishers.register(
        BrokenBatch(now=rig.clock.now), method=PublishMethod.FOLDER, network=Network.LOCAL
    )
    outgoing = _outgoing(rig, 4)
    started = rig.clock.now()
    outcomes = rig.engine._dispatcher.attempt_batch([(o, started) for o in outgoing])
    rig.engine._dispatcher.settle(outcomes)
    states = [rig.state(o.delivery_id) for o in outgoing]
    assert states == [S.PUBLISHED, S.PUBLISHED, S.NEEDS_ATTENTION, S.NEEDS_ATTENTION]
    assert [rig.outcomes(o.delivery_id) for o in outgoing] == [
        ["reconciled"],
        ["reconciled"],
        ["unknown"],
        ["unknown"],
    ]
    assert len(rig.folders()) == 2


class StoppingArchive(WatchedArchive):
    """Stops the engine as its first batch starts: batches in flight finish, the rest waits."""

    def __init__(self, rig: Rig) -> None:
        super().__init__(rig)
        self._rig = rig

    def publish_batch(
        self, deliveries: Sequence[OutgoingDelivery]
    ) -> list[PublishResult | Exception]:
        if not self.batches:
            self._rig.engine._dispatcher.stop()
        return super().publish_batch(deliveries)


def test_stopping_mid_burst_finishes_the_batch_in_flight_and_gives_back_the_rest(
    rig: Rig,
) -> None:
    archive = StoppingArchive(rig)
    rig.publishers.register(archive, method=PublishMethod.FOLDER, network=Network.LOCAL)
    rig.engine.start()
    deliveries = _burst(rig, LOCAL_PACE.batch * 4)
    rig.alarms.advance(5)
    states = {d: rig.state(d) for d in deliveries}
    sent = [d for d in deliveries if states[d] is S.PUBLISHED]
    back = [d for d in deliveries if states[d] is S.SCHEDULED]
    # The batches in flight (the first, perhaps one started beside it) finish and are
    # recorded; nothing else is sent, the rest is given back untouched.
    assert len(sent) == sum(archive.batches) and len(archive.batches) <= LOCAL_PACE.parallel
    assert back and len(sent) + len(back) == len(deliveries)
    assert all(rig.outcomes(d) == ["published"] for d in sent)
    assert all(rig.outcomes(d) == [] and rig.column(d, "attempt_count") == 0 for d in back)
    assert len(rig.folders()) == len(sent)
    rig.engine.shutdown()
    rig.make_engine().start()
    rig.alarms.run_due()
    assert all(rig.outcomes(d) == ["published"] for d in deliveries)
    assert len(rig.folders()) == len(deliveries)
