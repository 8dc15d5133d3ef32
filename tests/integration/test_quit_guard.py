"""How the window knows whether a headless scheduler holds the data folder before it asks
about quitting: the single-instance lock file, held here by a real second process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from somestudio.app.instance_lock import InstanceLock
from somestudio.app.quit_guard import QuitGuard, headless_scheduler_holds
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

HOLD = """
import sys
from pathlib import Path
from somestudio.app.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[2]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.read()
lock.release()
"""
NOW = datetime(2028, 2, 29, 10, 0, tzinfo=UTC)


@contextmanager
def lock_held_by(home: Path, role: str) -> Iterator[None]:
    """A second process that takes the folder's lock, started with ``role`` in its arguments
    (``run-scheduler`` is what the headless scheduler's command line holds)."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, role, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        try:
            assert process.stdout.readline().strip() == "held"
            yield
        finally:
            process.stdin.close()
            process.wait(timeout=30)


def test_a_run_scheduler_process_holding_the_lock_is_seen(tmp_path: Path) -> None:
    assert not headless_scheduler_holds(tmp_path)  # nobody holds it
    with lock_held_by(tmp_path, "run-scheduler"):
        assert headless_scheduler_holds(tmp_path)
    assert not headless_scheduler_holds(tmp_path)


def test_another_holder_is_not_a_scheduler(tmp_path: Path) -> None:
    with lock_held_by(tmp_path, "post"):
        assert not headless_scheduler_holds(tmp_path)


def test_the_window_holding_it_itself_is_not_a_scheduler(tmp_path: Path) -> None:
    own = InstanceLock(tmp_path)
    assert own.acquire()
    try:
        assert not headless_scheduler_holds(tmp_path)
    finally:
        own.release()


def test_posts_due_soon_are_left_to_a_running_scheduler(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(
                conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER
            )
            post = post_rows.create_post(conn, "Karkauspäivä")
            post_rows.add_delivery(
                conn, post, account, scheduled_at=NOW + timedelta(minutes=30),
                time_zone="Europe/Helsinki", state=DeliveryState.SCHEDULED,
            )  # fmt: skip
        guard = QuitGuard(workspace, now=lambda: NOW)
        assert guard.posts_left_unpublished() == 1
        with lock_held_by(tmp_path, "run-scheduler"):
            assert guard.posts_left_unpublished() == 0
    finally:
        workspace.close()
