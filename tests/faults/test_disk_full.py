"""Finding 5, and a full disk during a publish: on a real tmpfs that fills up.

- During the record: the post went out, then the database's disk was full when the outcome
  was written ("database or disk is full"). The delivery stayed 'publishing' until a restart.
  Now the write is waited out and tried again: once space returns the delivery is
  'published', without a restart and without a second send.
- During the publish: the Local archive's disk is full; the try is a retryable failure and the
  retry publishes once space returns, exactly once.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from somestudio.app.planning import Planner
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import open_workspace
from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.publish_result import OutgoingDelivery, Publisher, PublishResult
from somestudio.domain.utc import utc_now
from somestudio.scheduling.publishers import default_publishers
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from tests.accounts_setup import add_archive_account
from tests.faults.conftest import SmallDisk

pytestmark = pytest.mark.slow


class _DiskFillsDuringTheSend:
    """The real Local archive publisher; while the post goes out, the disk fills up."""

    def __init__(self, inner: Publisher, disk: SmallDisk) -> None:
        self._inner = inner
        self._disk = disk
        self.reconcile_is_conclusive = inner.reconcile_is_conclusive
        self.sends = 0

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        result = self._inner.publish(delivery)
        self.sends += 1
        self._disk.fill()
        return result

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return self._inner.reconcile(delivery)


@pytest.mark.parametrize("small_disk", [8 * 1024 * 1024], indirect=True)
def test_a_full_disk_while_recording_is_waited_out(
    small_disk: SmallDisk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    home = small_disk.path / "home"
    home.mkdir()
    archive = tmp_path / "archive"  # another disk: the send itself succeeds
    archive.mkdir()
    workspace = open_workspace(home)
    account = add_archive_account(workspace, archive)
    publishers = default_publishers()
    archive_account = account_rows.get_account(workspace.connection(), account)
    assert archive_account is not None
    real = publishers.find(archive_account)
    assert real is not None
    filling = _DiskFillsDuringTheSend(real, small_disk)
    publishers.register(filling, method=PublishMethod.FOLDER, network=Network.LOCAL)
    engine = create_engine(workspace, publishers=publishers, collect_metrics=False)
    post = Planner(workspace).schedule_post(
        "written while the disk fills", [account], at=utc_now() - timedelta(seconds=5), zone="UTC"
    )
    conn = workspace.writable_connection()
    delivery = delivery_rows.of_post(conn, post)[0].id
    # The next write must grow the WAL file: no old frames to reuse.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    space_back = threading.Timer(2.0, small_disk.free)
    space_back.start()
    started = time.monotonic()
    try:
        state = engine.dispatch(delivery)  # as `post add --now` does, on this thread
    finally:
        space_back.join()
    assert state is DeliveryState.PUBLISHED
    assert time.monotonic() - started >= 1.5  # it really waited for the space
    row = delivery_rows.get(conn, delivery)
    assert row is not None and row.state is DeliveryState.PUBLISHED
    assert [a.outcome for a in delivery_rows.attempts(conn, delivery)] == ["published"]
    assert filling.sends == 1
    assert len(list(archive.iterdir())) == 1
    assert "database or disk is full" in caplog.text
    workspace.close()


@pytest.mark.parametrize("small_disk", [4 * 1024 * 1024], indirect=True)
def test_a_full_disk_while_publishing_is_retried_once_space_returns(
    small_disk: SmallDisk, home: Path
) -> None:
    archive = small_disk.path / "archive"
    archive.mkdir()
    workspace = open_workspace(home)
    account = add_archive_account(workspace, archive)
    small_disk.fill()
    engine = create_engine(
        workspace, policy=RetryPolicy(base_seconds=0.5, cap_seconds=1), collect_metrics=False
    )
    conn = workspace.writable_connection()
    engine.start()
    try:
        post = Planner(workspace, engine).schedule_post(
            "a post bigger than no room " * 100,
            [account],
            at=utc_now() + timedelta(seconds=1),
            zone="UTC",
        )
        delivery = delivery_rows.of_post(conn, post)[0].id
        deadline = time.monotonic() + 30
        while not [a for a in delivery_rows.attempts(conn, delivery) if a.outcome == "retryable"]:
            assert time.monotonic() < deadline, "the full disk was never met"
            time.sleep(0.1)
        assert not [p for p in archive.iterdir() if not p.name.startswith(".")]
        small_disk.free()
        while (
            row := delivery_rows.get(conn, delivery)
        ) and row.state is not DeliveryState.PUBLISHED:
            assert time.monotonic() < deadline, f"still {row.state} after space returned"
            time.sleep(0.1)
    finally:
        engine.shutdown()
    outcomes = [a.outcome for a in delivery_rows.attempts(conn, delivery)]
    assert outcomes[-1] == "published" and set(outcomes[:-1]) == {"retryable"}
    assert len([p for p in archive.iterdir() if not p.name.startswith(".")]) == 1
    workspace.close()
