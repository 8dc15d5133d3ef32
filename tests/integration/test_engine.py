"""The engine on either backend (``rig``) with a hand-moved clock: on time, once, or loudly not."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import timedelta

import pytest

from somestudio.app.planning import Planner
from somestudio.app.scheduler import SHARED_RECOVER_AFTER
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.publish_result import (
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
    UnknownOutcome,
)
from somestudio.domain.utc import utc_text
from somestudio.scheduling.engine import LOOK_AGAIN_KEY, LOOK_AGAIN_SECONDS, Engine
from somestudio.scheduling.events import (
    ClockJumped,
    DeliveryFailed,
    DeliveryMissed,
    DeliveryNeedsAttention,
    DeliveryPublished,
    DeliveryStateChanged,
    EngineStateChanged,
    ManualReminder,
    NextDueChanged,
    RetryScheduled,
)
from somestudio.scheduling.local_archive import LocalArchivePublisher
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run, run_many, write
from tests.integration.scheduling_setup import ZONE, Rig

S = DeliveryState


class ScriptedPublisher:
    """Raises or returns what the test lines up, one per call, and counts every call."""

    def __init__(self, *script: object, conclusive: bool = False) -> None:
        self.script = list(script)
        self.calls: list[OutgoingDelivery] = []
        self.reconciles: list[OutgoingDelivery] = []
        self.found: PublishResult | None = None
        self.reconcile_is_conclusive = conclusive

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.calls.append(delivery)
        step = self.script.pop(0) if self.script else PublishResult("ok", "https://x/ok")
        if isinstance(step, Exception):
            raise step
        assert isinstance(step, PublishResult)
        return step

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        self.reconciles.append(delivery)
        return self.found


def scripted(rig: Rig, *script: object, conclusive: bool = False) -> ScriptedPublisher:
    publisher = ScriptedPublisher(*script, conclusive=conclusive)
    rig.publishers.register(publisher, method=PublishMethod.API, network=Network.MASTODON)
    return publisher


def api_account(rig: Rig) -> int:
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    conn = rig.workspace.writable_connection()
    with transaction(conn):
        return account_rows.add_account(conn, Network.MASTODON, "@api", instance_url="https://m")


def test_publishes_on_the_second_and_only_once(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(90)
    assert rig.alarms.delivery_keys() == {f"delivery-{delivery}"}
    rig.alarms.advance(89)
    assert rig.state(delivery) is S.SCHEDULED
    rig.alarms.advance(1)
    assert rig.state(delivery) is S.PUBLISHED
    (folder,) = rig.folders()
    assert folder.name.startswith("2026-11-21T0801Z-d")
    metadata = json.loads((folder / "metadata.json").read_text())
    assert metadata["published_at"] == "2026-11-21T08:01:30Z"
    assert metadata["time_zone"] == "Europe/Helsinki"
    assert metadata["scheduled_local"] == "2026-11-21T10:01:30"
    assert (folder / "post.txt").read_text(encoding="utf-8") == "Hei"
    assert rig.outcomes(delivery) == ["published"]
    assert rig.column(delivery, "published_at") == "2026-11-21T08:01:30Z"
    assert rig.column(delivery, "remote_id") == folder.name
    # Running the dispatcher again (a late sweep, a second alarm) changes nothing.
    assert rig.engine.dispatch(delivery) is S.PUBLISHED
    rig.alarms.advance(600)
    assert len(rig.folders()) == 1 and rig.outcomes(delivery) == ["published"]
    states = [(e.old, e.new) for e in rig.of_type(DeliveryStateChanged)]
    assert states == [(S.SCHEDULED, S.PUBLISHING), (S.PUBLISHING, S.PUBLISHED)]
    assert [type(e) for e in rig.events][:1] == [EngineStateChanged]
    assert rig.of_type(DeliveryPublished)[0].remote_id == folder.name


def test_own_text_and_thread_parts_are_what_goes_out(rig: Rig) -> None:
    rig.engine.start()
    at = (rig.clock.now() + timedelta(seconds=5)).replace(microsecond=0)
    rig.plan.schedule_post("Base text", [rig.archive_account], at=at, zone="Europe/Helsinki")
    conn = rig.workspace.writable_store_connection()
    (delivery_id,) = [r[0] for r in run(conn, Sql("SELECT id FROM deliveries"))]
    with write(conn):
        run(
            conn,
            Sql("UPDATE deliveries SET text_override = 'Own text' WHERE id = :id"),
            {"id": delivery_id},
        )
        run_many(
            conn,
            Sql("INSERT INTO thread_parts (delivery_id, position, text) VALUES (:d, :p, :t)"),
            [
                {"d": delivery_id, "p": 0, "t": "Osa yksi 1/2"},
                {"d": delivery_id, "p": 1, "t": "Osa kaksi 2/2"},
            ],
        )
    rig.alarms.advance(5)
    (folder,) = rig.folders()
    assert (folder / "post-1.txt").read_text(encoding="utf-8") == "Osa yksi 1/2"
    assert (folder / "post-2.txt").read_text(encoding="utf-8") == "Osa kaksi 2/2"
    assert (folder / "post.txt").read_text(encoding="utf-8") == "Osa yksi 1/2\n\nOsa kaksi 2/2"
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["thread_parts"] == 2


def test_own_text_is_used_when_there_is_no_thread(rig: Rig) -> None:
    rig.engine.start()
    at = (rig.clock.now() + timedelta(seconds=5)).replace(microsecond=0)
    rig.plan.schedule_post("Base text", [rig.archive_account], at=at, zone="Europe/Helsinki")
    conn = rig.workspace.writable_store_connection()
    with write(conn):
        run(conn, Sql("UPDATE deliveries SET text_override = 'Own text for the archive'"))
    rig.alarms.advance(5)
    (folder,) = rig.folders()
    assert (folder / "post.txt").read_text(encoding="utf-8") == "Own text for the archive"
    assert not (folder / "post-1.txt").exists()


def test_media_and_alt_text_are_archived(rig: Rig, tmp_path) -> None:
    from somestudio.domain.posts import MediaItem  # noqa: PLC0415

    image = tmp_path / "kuva.jpg"
    image.write_bytes(b"\xff\xd8 not really a jpeg")
    rig.engine.start()
    at = rig.clock.now() + timedelta(seconds=5)
    post = rig.plan.schedule_post(
        "Kahvia ☕",
        [rig.archive_account],
        at=at.replace(microsecond=0),
        zone="Europe/Helsinki",
        media=[MediaItem(str(image), "image/jpeg", "A cup of coffee")],
    )
    rig.alarms.advance(5)
    (folder,) = rig.folders()
    assert (folder / "01-kuva.jpg").read_bytes() == image.read_bytes()
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["post_id"] == post
    assert metadata["media"] == [
        {
            "file": "01-kuva.jpg",
            "source": str(image),
            "mime_type": "image/jpeg",
            "alt_text": "A cup of coffee",
        }
    ]


def test_catch_up_window_at_start(rig: Rig) -> None:
    young = rig.schedule(-10 * 60)  # 10 min overdue: inside the 15 min window
    old = rig.schedule(-20 * 60)
    rig.engine.start()
    rig.alarms.run_due()  # the overdue one was armed for "now"
    assert rig.state(young) is S.PUBLISHED
    assert rig.state(old) is S.MISSED
    assert rig.column(old, "seen_by_user") == 0
    assert "20 min overdue" in str(rig.column(old, "last_error"))
    (missed,) = rig.of_type(DeliveryMissed)
    assert missed.delivery_id == old
    assert rig.outcomes(old) == []  # missing is not an attempt


def test_catch_up_window_follows_the_setting(rig: Rig) -> None:
    rig.workspace.settings.update(catch_up_minutes=30)
    old = rig.schedule(-20 * 60)
    rig.engine.start()
    rig.alarms.run_due()
    assert rig.state(old) is S.PUBLISHED


def test_the_engine_bounds_an_absurd_catch_up_window_itself(rig: Rig) -> None:
    """Whatever the caller hands it (here 10**13 minutes, past the settings' own check), the
    engine caps the window at MAX_CATCH_UP_MINUTES: a sweep neither overflows (a post due a
    minute ago goes out) nor treats a two-day-old post as catchable."""
    from somestudio.scheduling.engine import MAX_CATCH_UP_MINUTES  # noqa: PLC0415

    rig.workspace.settings.update(catch_up_minutes=10**13)  # update() does not re-check bounds
    assert rig.engine.catch_up() == timedelta(minutes=MAX_CATCH_UP_MINUTES)
    young = rig.schedule(-60)
    old = rig.schedule(-(MAX_CATCH_UP_MINUTES + 60) * 60)
    rig.engine.start()
    rig.alarms.run_due()
    assert rig.state(young) is S.PUBLISHED
    assert rig.state(old) is S.MISSED


def test_a_late_alarm_past_the_window_is_missed_not_published(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(60)
    rig.alarms.started = False  # the machine sleeps: nothing fires
    rig.clock.move(60 + 16 * 60)
    rig.alarms.started = True
    rig.alarms.run_due()
    assert rig.state(delivery) is S.MISSED
    assert rig.folders() == []


def test_deleted_post_is_never_published(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(60)
    post = rig.column(delivery, "post_id")
    rig.plan.delete_post(int(str(post)))
    assert rig.alarms.delivery_keys() == set()
    rig.alarms.advance(120)
    assert rig.state(delivery) is S.SCHEDULED
    assert rig.folders() == []
    # Even a claim racing with the delete is refused by the database itself.
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        assert not delivery_rows.claim(conn, delivery, rig.clock.now())
    assert rig.engine.dispatch(delivery) is S.SCHEDULED
    assert rig.folders() == []


def test_restore_rearms_and_follows_catch_up(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(60)
    post = int(str(rig.column(delivery, "post_id")))
    rig.plan.delete_post(post)
    rig.alarms.advance(120)
    rig.plan.restore_post(post)  # one minute late: inside the window
    rig.alarms.run_due()
    assert rig.state(delivery) is S.PUBLISHED


def test_reschedule_moves_the_alarm_at_once(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(600)
    rig.plan.reschedule(delivery, rig.clock.now() + timedelta(seconds=30), "Europe/Helsinki")
    rig.alarms.advance(30)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.column(delivery, "published_at") == "2026-11-21T08:00:30Z"


def test_reschedule_later_does_not_publish_early(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(30)
    rig.plan.reschedule(delivery, rig.clock.now() + timedelta(minutes=10), "UTC")
    rig.alarms.advance(9 * 60)
    assert rig.state(delivery) is S.SCHEDULED
    rig.alarms.advance(60)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.column(delivery, "time_zone") == "UTC"


def test_unschedule_keeps_a_draft(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(30)
    rig.plan.unschedule(delivery)
    rig.alarms.advance(60)
    assert rig.state(delivery) is S.DRAFT
    assert rig.folders() == []
    rig.plan.publish_now(delivery)
    rig.alarms.run_due()
    assert rig.state(delivery) is S.PUBLISHED


def test_alarms_beyond_the_horizon_are_armed_by_a_later_sweep(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(3 * 3600)
    assert rig.alarms.delivery_keys() == set()
    rig.alarms.advance(3 * 3600)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.column(delivery, "published_at") == "2026-11-21T11:00:00Z"


def test_retry_with_backoff_then_success(rig: Rig) -> None:
    publisher = scripted(rig, Retryable("503"), Retryable("503"))
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.SCHEDULED
    first_retry = rig.of_type(RetryScheduled)[0]
    wait = (first_retry.retry_at - rig.clock.now()).total_seconds()
    assert 15 <= wait <= 32  # half of the 30 s step fixed, half jitter, rounded up
    rig.alarms.advance(wait - 1)
    assert len(publisher.calls) == 1
    rig.alarms.advance(1)  # its own alarm, well before the next whole-minute sweep
    assert len(publisher.calls) == 2
    rig.alarms.advance(3600)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.outcomes(delivery) == ["retryable", "retryable", "published"]
    assert len(publisher.calls) == 3
    assert [c.attempt for c in publisher.calls] == [1, 2, 3]
    assert rig.column(delivery, "attempt_count") == 3
    # Every try went out with the same idempotency key.
    assert len({c.idempotency_key for c in publisher.calls}) == 1


def test_retry_after_is_honoured(rig: Rig) -> None:
    publisher = scripted(rig, Retryable("429", retry_after=600, http_status=429))
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(10)
    retry_at = rig.of_type(RetryScheduled)[0].retry_at
    assert retry_at >= rig.clock.now() + timedelta(seconds=600)
    rig.alarms.advance(599)
    assert len(publisher.calls) == 1
    rig.alarms.advance(700)
    assert rig.state(delivery) is S.PUBLISHED
    attempts = delivery_rows.attempts(rig.workspace.connection(), delivery)
    assert attempts[0].error_kind == "rate_limit" and attempts[0].retry_at == retry_at


def test_retries_give_up_as_failed(rig: Rig) -> None:
    publisher = scripted(rig, *[Retryable("down") for _ in range(10)])
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(6 * 3600)
    assert rig.state(delivery) is S.FAILED
    assert len(publisher.calls) == 5
    assert rig.outcomes(delivery) == ["retryable"] * 4 + ["final"]
    assert "Gave up after 5 tries" in str(rig.column(delivery, "last_error"))
    assert rig.column(delivery, "seen_by_user") == 0
    # The user retries: a fresh round of tries.
    rig.plan.retry(delivery)
    rig.alarms.advance(1)
    assert len(publisher.calls) == 6


def test_final_error_fails_without_retry(rig: Rig) -> None:
    publisher = scripted(rig, Final("text too long", http_status=422))
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(3600)
    assert rig.state(delivery) is S.FAILED
    assert len(publisher.calls) == 1
    assert rig.column(delivery, "last_error") == "text too long"
    assert rig.column(delivery, "seen_by_user") == 0
    assert rig.of_type(DeliveryFailed)[0].reason == "text too long"
    rig.plan.retry(delivery)
    rig.alarms.run_due()
    assert rig.state(delivery) is S.PUBLISHED


def test_unknown_outcome_is_reconciled_not_resent(rig: Rig) -> None:
    publisher = scripted(rig, UnknownOutcome("timeout after sending"))
    publisher.found = PublishResult("109", "https://m/@api/109")
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.outcomes(delivery) == ["reconciled"]
    assert rig.column(delivery, "remote_url") == "https://m/@api/109"
    assert len(publisher.calls) == 1
    assert rig.of_type(DeliveryPublished)[0].reconciled


def test_unknown_outcome_not_found_needs_attention(rig: Rig) -> None:
    publisher = scripted(rig, UnknownOutcome("timeout after sending"))
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(3600)
    assert rig.state(delivery) is S.NEEDS_ATTENTION
    assert len(publisher.calls) == 1 and len(publisher.reconciles) == 1
    assert "timeout after sending" in str(rig.column(delivery, "last_error"))
    assert rig.column(delivery, "seen_by_user") == 0
    assert rig.of_type(DeliveryNeedsAttention)


def test_a_publisher_bug_counts_as_unknown(rig: Rig) -> None:
    publisher = scripted(rig, KeyError("oops"))
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(3600)
    assert rig.state(delivery) is S.NEEDS_ATTENTION
    assert len(publisher.calls) == 1


def test_no_publisher_for_the_account_fails_clearly(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(10, account=api_account(rig))
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.FAILED
    assert "cannot publish to Mastodon" in str(rig.column(delivery, "last_error"))


def test_missing_archive_folder_fails_with_its_name(rig: Rig) -> None:
    """Solo (SQLite): the send fails, naming the folder. Shared (PostgreSQL): a machine
    without the folder does not publish for the archive (``SendGate``), so the post is left
    to a machine that has it, and marked missed when none sent it in the catch-up window."""
    rig.archive.rmdir()
    if rig.shared:  # a fresh engine (its gate judged the folder while it was still there)
        rig.engine.shutdown()
        rig.make_engine()
    rig.engine.start()
    delivery = rig.schedule(10)
    rig.alarms.advance(10)
    if rig.shared:
        assert rig.state(delivery) is S.SCHEDULED and rig.outcomes(delivery) == []
        rig.clock.move(16 * 60)
        rig.engine.sweep()
        assert rig.state(delivery) is S.MISSED and rig.outcomes(delivery) == []
        return
    assert rig.state(delivery) is S.FAILED
    assert str(rig.archive) in str(rig.column(delivery, "last_error"))


def _crash_mid_send(rig: Rig, delivery: int) -> OutgoingDelivery:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        assert delivery_rows.claim(conn, delivery, rig.clock.now())
    outgoing = delivery_rows.load_outgoing(conn, delivery)
    assert outgoing is not None
    return outgoing


def _start_after_the_crash(rig: Rig, delivery: int) -> None:
    """Start the engine over a claim the last run left 'publishing'. Solo (SQLite): it is
    reconciled at start. Shared (PostgreSQL): another machine may still be sending it, so it
    is left alone at start and at a sweep 14 minutes on, and reconciled by the sweep once it
    was claimed ``SHARED_RECOVER_AFTER`` (15 minutes) ago."""
    rig.engine.start()
    if not rig.shared:
        return
    assert rig.state(delivery) is S.PUBLISHING
    rig.clock.move(SHARED_RECOVER_AFTER.total_seconds() - 60)
    rig.engine.sweep()
    assert rig.state(delivery) is S.PUBLISHING
    rig.clock.move(60)
    rig.engine.sweep()


def test_crash_after_the_write_is_reconciled(rig: Rig) -> None:
    delivery = rig.schedule(0)
    outgoing = _crash_mid_send(rig, delivery)
    LocalArchivePublisher(now=rig.clock.now).publish(outgoing)  # written, then the crash
    _start_after_the_crash(rig, delivery)
    assert rig.state(delivery) is S.PUBLISHED
    assert len(rig.folders()) == 1
    assert rig.outcomes(delivery) == ["reconciled"]


def test_crash_before_the_write_sends_once(rig: Rig) -> None:
    delivery = rig.schedule(0)
    outgoing = _crash_mid_send(rig, delivery)
    # A crash mid-write leaves only a hidden partial folder.
    (
        rig.archive / f".partial-2026-11-21T0800Z-d{delivery}-{outgoing.idempotency_key[:8]}-x"
    ).mkdir()
    _start_after_the_crash(rig, delivery)
    assert rig.state(delivery) is S.SCHEDULED  # back in the queue: nothing was written
    rig.alarms.run_due()
    assert rig.state(delivery) is S.PUBLISHED
    assert len(rig.folders()) == 1
    assert [p for p in rig.archive.iterdir() if p.name.startswith(".")] == []
    assert rig.outcomes(delivery) == ["unknown", "published"]


def test_crash_on_a_network_without_proof_needs_attention(rig: Rig) -> None:
    publisher = scripted(rig)
    delivery = rig.schedule(0, account=api_account(rig))
    _crash_mid_send(rig, delivery)
    _start_after_the_crash(rig, delivery)
    assert rig.state(delivery) is S.NEEDS_ATTENTION
    assert publisher.calls == [] and len(publisher.reconciles) == 1
    assert "app stopped while" in str(rig.column(delivery, "last_error"))
    publisher.found = None


def test_crash_on_a_network_that_finds_the_post(rig: Rig) -> None:
    publisher = scripted(rig)
    publisher.found = PublishResult("at://did/app.bsky.feed.post/3k", "")
    delivery = rig.schedule(0, account=api_account(rig))
    _crash_mid_send(rig, delivery)
    _start_after_the_crash(rig, delivery)
    assert rig.state(delivery) is S.PUBLISHED
    assert publisher.calls == []


def test_publish_by_hand_reminds_and_waits(rig: Rig) -> None:
    rig.engine.start()
    delivery = rig.schedule(10, account=rig.manual_account, text="Post me yourself")
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.NEEDS_ATTENTION
    assert rig.column(delivery, "last_error") == "waiting for you to publish by hand"
    (reminder,) = rig.of_type(ManualReminder)
    assert reminder.text == "Post me yourself"
    assert reminder.network is Network.MASTODON
    rig.plan.confirm_published_by_hand(delivery, "https://m/@me/1")
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.column(delivery, "remote_url") == "https://m/@me/1"
    assert rig.column(delivery, "seen_by_user") == 1
    assert rig.outcomes(delivery) == ["unknown", "reconciled"]


def test_clock_jump_is_noticed_and_rechecked(rig: Rig) -> None:
    rig.engine.start()
    soon = rig.schedule(30 * 60)
    later = rig.schedule(2 * 3600)
    rig.alarms.advance(60)  # first whole-minute sweep
    rig.alarms.started = False  # suspended: nothing runs
    rig.clock.jump_wall(3 * 3600)
    rig.alarms.started = True
    rig.clock.move(1)
    rig.alarms.run_due()
    assert rig.of_type(ClockJumped)
    assert rig.engine.stats.clock_jumps == 1
    assert rig.state(soon) is S.MISSED
    assert rig.state(later) is S.MISSED


def test_missed_then_skip_or_reschedule(rig: Rig) -> None:
    one = rig.schedule(-3600)
    two = rig.schedule(-3600 - 60)
    rig.engine.start()
    assert rig.state(one) is S.MISSED and rig.state(two) is S.MISSED
    rig.plan.skip_missed(one)
    assert rig.state(one) is S.DRAFT
    assert rig.outcomes(one) == ["skipped"]
    rig.plan.reschedule_missed(two, rig.clock.now() + timedelta(minutes=5), "Europe/Helsinki")
    assert rig.column(two, "seen_by_user") == 1
    rig.alarms.advance(300)
    assert rig.state(two) is S.PUBLISHED


def test_next_due_changes_are_announced(rig: Rig) -> None:
    rig.engine.start()
    first = rig.schedule(60)
    second = rig.schedule(120)
    dues = [e.delivery_id for e in rig.of_type(NextDueChanged)]
    assert dues[-1] == first
    rig.alarms.advance(60)
    assert rig.of_type(NextDueChanged)[-1].delivery_id == second
    rig.alarms.advance(60)
    assert rig.of_type(NextDueChanged)[-1] == NextDueChanged(None, None)
    rig.engine.shutdown()
    assert rig.events[-1] == EngineStateChanged(running=False)


def test_a_failing_listener_does_not_stop_publishing(rig: Rig) -> None:
    def broken(event: object) -> None:
        raise RuntimeError("listener bug")

    remove = rig.engine.add_listener(broken)
    rig.engine.start()
    delivery = rig.schedule(5)
    rig.alarms.advance(5)
    assert rig.state(delivery) is S.PUBLISHED
    remove()


def test_racing_dispatchers_publish_once(rig: Rig) -> None:
    """Many threads dispatch the same due deliveries at once: each goes out exactly once."""
    deliveries = [rig.schedule(0, text=f"post {i}") for i in range(20)]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            for delivery in deliveries:
                rig.engine.dispatch(delivery)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(rig.state(d) is S.PUBLISHED for d in deliveries)
    assert len(rig.folders()) == 20
    assert all(rig.outcomes(d) == ["published"] for d in deliveries)


@pytest.mark.parametrize("state", [S.PUBLISHING, S.PUBLISHED])
def test_planner_refuses_to_touch_sent_deliveries(rig: Rig, state: DeliveryState) -> None:
    from somestudio.app.planning import PlanningError  # noqa: PLC0415

    delivery = rig.schedule(0)
    if state is S.PUBLISHING:
        _crash_mid_send(rig, delivery)
    else:
        rig.engine.dispatch(delivery)
    for change in (
        lambda: rig.plan.unschedule(delivery),
        lambda: rig.plan.reschedule(delivery, rig.clock.now(), "UTC"),
        lambda: rig.plan.publish_now(delivery),
        lambda: rig.plan.retry(delivery),
        lambda: rig.plan.skip_missed(delivery),
    ):
        with pytest.raises(PlanningError, match=f"delivery {delivery} cannot be changed"):
            change()
    assert rig.state(delivery) is state


def test_a_zero_catch_up_window_still_allows_a_minute(rig: Rig) -> None:
    rig.workspace.settings.update(catch_up_minutes=0)
    late = rig.schedule(-30)
    old = rig.schedule(-120)
    rig.engine.start()
    rig.alarms.run_due()
    assert rig.state(late) is S.PUBLISHED
    assert rig.state(old) is S.MISSED


def test_a_shared_workspace_recovers_only_claims_no_machine_can_still_send(rig: Rig) -> None:
    """Several machines' engines share a PostgreSQL workspace: a delivery another engine has
    just claimed is being sent there, not lost in a crash; it is reconciled only once it was
    claimed ``recover_after`` ago (checked at start and at every sweep)."""
    delivery = rig.schedule(0)
    _crash_mid_send(rig, delivery)  # claimed now, by "another machine"
    shared = Engine(
        rig.workspace.writable_connection,
        rig.publishers,
        clock=rig.clock,
        alarms=rig.alarms,
        recover_after=timedelta(minutes=15),
    )
    shared.start()
    assert rig.state(delivery) is S.PUBLISHING  # left to the machine sending it
    rig.clock.move(14 * 60)
    shared.sweep()
    assert rig.state(delivery) is S.PUBLISHING
    rig.clock.move(60)
    shared.sweep()  # claimed 15 min ago: nobody is sending it any more
    rig.alarms.run_due()
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.outcomes(delivery) == ["unknown", "published"]
    assert len(rig.folders()) == 1
    shared.shutdown(wait=False)


def test_a_machine_arms_only_accounts_it_can_publish_for(rig: Rig) -> None:
    """Shared workspace: the deliveries of an account this machine has no token for are
    left to a machine that has it — never claimed here — and still marked missed when
    overdue past the catch-up window, so none waits unseen."""
    publisher = scripted(rig)
    api = api_account(rig)
    asked: list[int] = []

    def may_send(account_id: int) -> bool:
        asked.append(account_id)
        return account_id != api

    shared = Engine(
        rig.workspace.writable_connection,
        rig.publishers,
        clock=rig.clock,
        alarms=rig.alarms,
        may_send=may_send,
    )
    shared.start()
    elsewhere = rig.schedule(30, account=api)
    here = rig.schedule(30)
    shared.refresh([elsewhere, here])
    assert rig.alarms.delivery_keys() == {f"delivery-{here}"}
    rig.alarms.advance(30)
    assert rig.state(here) is S.PUBLISHED
    assert rig.state(elsewhere) is S.SCHEDULED and publisher.calls == []
    assert api in asked
    rig.clock.move(16 * 60)  # past the 15 min catch-up window: nobody sent it
    shared.sweep()
    assert rig.state(elsewhere) is S.MISSED and publisher.calls == []
    shared.shutdown(wait=False)


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize("backend", ["postgresql"])
def test_what_another_machine_schedules_is_armed_at_once(rig: Rig) -> None:
    """A shared workspace: a post another machine schedules for the next seconds, on an
    account this machine sends for, is armed as soon as the change feed brings the write —
    not at the next whole-minute sweep (which the hand-moved clock never reaches here)."""
    rig.engine.start()
    assert rig.alarms.delivery_keys() == set()
    other = open_workspace(rig.home)  # another machine: its own connections and origin
    try:
        at = (rig.clock.now() + timedelta(seconds=20)).replace(microsecond=0)
        post_id = Planner(other, now=rig.clock.now).schedule_post(
            "Hei", [rig.archive_account], at=at, zone=ZONE
        )
    finally:
        other.close()
    (row,) = delivery_rows.of_post(rig.workspace.connection(), post_id)
    assert _wait_for(lambda: LOOK_AGAIN_KEY in rig.alarms.timers, 15), "no look again"
    rig.alarms.advance(LOOK_AGAIN_SECONDS)
    assert rig.alarms.delivery_keys() == {f"delivery-{row.id}"}
    rig.alarms.advance(20)
    assert rig.state(row.id) is S.PUBLISHED
    assert rig.column(row.id, "published_at") == utc_text(at)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_remote_change_looks_again_once_and_only_for_the_schedule(rig: Rig) -> None:
    """What the change feed says is filtered by table, and a burst of changes (another
    machine claiming a hundred deliveries) makes one look, not a hundred. (Told by hand, on
    SQLite, which has no feed of its own to interleave its news; the feed itself is the
    test above.)"""
    rig.engine.start()
    rig.engine.remote_change("accounts,metric_snapshots")
    assert LOOK_AGAIN_KEY not in rig.alarms.timers
    rig.engine.remote_change("labels,posts")
    when = rig.alarms.timers[LOOK_AGAIN_KEY][0]
    delivery = rig.schedule(5)  # written by this machine's planner: armed by it already
    rig.engine.remote_change("deliveries")
    rig.engine.remote_change("*")
    assert rig.alarms.timers[LOOK_AGAIN_KEY][0] == when  # not pushed back, not doubled
    rig.alarms.advance(LOOK_AGAIN_SECONDS)
    assert LOOK_AGAIN_KEY not in rig.alarms.timers
    rig.engine.remote_change("")  # a reconnect: anything may have changed meanwhile
    assert LOOK_AGAIN_KEY in rig.alarms.timers
    rig.alarms.advance(5)
    assert rig.state(delivery) is S.PUBLISHED
    rig.engine.shutdown(wait=False)
    rig.engine.remote_change("posts")  # a stopped engine arms nothing
    assert LOOK_AGAIN_KEY not in rig.alarms.timers
