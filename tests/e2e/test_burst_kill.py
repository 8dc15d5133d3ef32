"""``run-scheduler`` killed (SIGKILL) in the middle of a batch: while deliveries are claimed
and being written but not yet recorded, or once their folders are in place but before their
outcomes are recorded. After restarts, every delivery is published exactly once —
reconciled from its folder or sent again — and none is lost."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from somestudio.app.workspace import open_workspace
from somestudio.store.database import DATABASE_FILE
from tests.e2e.conftest import AppProcess, LaunchApp, isolated_environ
from tests.e2e.schedulers import plan_archive_bursts, start_scheduler

pytestmark = pytest.mark.slow

CLUSTERS, SIZE = 4, 150  # 600 posts, bursts one second apart
MAX_ROUNDS = 12


def _prepare(env: dict[str, str], archive: Path) -> None:
    workspace = open_workspace(Path(env["SOMESTUDIO_HOME"]))
    try:
        plan_archive_bursts(
            workspace,
            archive,
            clusters=CLUSTERS,
            size=SIZE,
            lead_s=3,
            zone="UTC",
            text="burst {cluster} post {i}",
            whole_second=True,
        )
    finally:
        workspace.close()


def _counts(env: dict[str, str]) -> Counter[str]:
    path = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        return Counter(
            dict(conn.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall())
        )
    finally:
        conn.close()


def _start(launch: LaunchApp, env: dict[str, str]) -> AppProcess:
    return start_scheduler(launch, env)


def _in_place(archive: Path) -> int:
    return sum(1 for p in archive.iterdir() if not p.name.startswith("."))


def _kill_mid_batch(
    app: AppProcess, env: dict[str, str], archive: Path, *, written: bool = False
) -> None:
    """SIGKILL as soon as the database shows a batch claimed and not all recorded; with
    ``written``, only once a post's folder is in place and its outcome not yet recorded."""
    deadline = time.monotonic() + 60
    while True:
        folders = _in_place(archive) if written else 0  # listed before the database is read
        counts = _counts(env)
        if not (counts["scheduled"] or counts["publishing"]):
            break
        if counts["publishing"] and (not written or folders > counts["published"]):
            break
        assert app.proc.poll() is None, app.describe()
        assert time.monotonic() < deadline, f"no batch in flight: {counts}"
        time.sleep(0.002)
    app.proc.send_signal(signal.SIGKILL)
    app.proc.wait(timeout=10)


def test_sigkill_mid_batch_publishes_each_exactly_once(tmp_path: Path, launch: LaunchApp) -> None:
    env = isolated_environ(tmp_path / "env")
    archive = tmp_path / "archive"
    _prepare(env, archive)
    killed_mid_batch = 0
    for _ in range(MAX_ROUNDS):
        _kill_mid_batch(_start(launch, env), env, archive)
        left = _counts(env)  # what the kill left: the process is gone
        killed_mid_batch += left["publishing"] > 0
        if not (left["scheduled"] or left["publishing"]):
            break
    assert killed_mid_batch, "no kill landed inside a batch; the test proved nothing"
    _finish_and_check(launch, env, archive)


def test_sigkill_after_a_batch_is_written_before_it_is_recorded(
    tmp_path: Path, launch: LaunchApp
) -> None:
    """The kill lands once folders of a batch are in place (durable) and their deliveries
    still say 'publishing': the next start finds them (reconciled), writes none twice."""
    env = isolated_environ(tmp_path / "env")
    archive = tmp_path / "archive"
    _prepare(env, archive)
    written_unrecorded = 0
    for _ in range(MAX_ROUNDS):
        _kill_mid_batch(_start(launch, env), env, archive, written=True)
        left = _counts(env)
        written_unrecorded += _in_place(archive) > left["published"]
        if not (left["scheduled"] or left["publishing"]):
            break
    assert written_unrecorded, "no kill landed between a write and its record"
    reconciled = _finish_and_check(launch, env, archive)
    assert reconciled >= written_unrecorded


def _finish_and_check(launch: LaunchApp, env: dict[str, str], archive: Path) -> int:
    """Run the scheduler until nothing is left, then check each delivery went out once;
    how many were found published after a crash (reconciled)."""
    final = _start(launch, env)
    deadline = time.monotonic() + 120
    while (counts := _counts(env))["scheduled"] or counts["publishing"]:
        assert time.monotonic() < deadline, f"deliveries still pending: {counts}"
        assert final.proc.poll() is None, final.describe()
        time.sleep(0.1)
    final.proc.send_signal(signal.SIGTERM)
    assert final.wait(timeout=30) == 0, final.describe()
    assert final.stderr() == ""

    path = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    rows = conn.execute("SELECT id, state, idempotency_key FROM deliveries").fetchall()
    assert len(rows) == CLUSTERS * SIZE
    # The Local archive's check after a crash is conclusive: nothing is left for the user.
    assert {state for _, state, _ in rows} == {"published"}
    folders = list(archive.iterdir())
    assert not [p.name for p in folders if p.name.startswith(".")]  # no half-written leftovers
    written = Counter(
        json.loads((p / "metadata.json").read_text(encoding="utf-8"))["idempotency_key"]
        for p in folders
    )
    assert set(written) == {key for _, _, key in rows}  # none lost
    assert set(written.values()) == {1}  # none written twice
    outcomes = Counter(
        delivery_id
        for (delivery_id,) in conn.execute(
            "SELECT delivery_id FROM attempts WHERE outcome IN ('published', 'reconciled')"
        )
    )
    assert all(outcomes[delivery_id] == 1 for delivery_id, _, _ in rows)
    # The kills did land between a claim and its record: some were recovered after a crash.
    recovered = conn.execute(
        "SELECT count(*) FROM attempts WHERE outcome = 'reconciled' OR error_kind = 'crash'"
    ).fetchone()[0]
    assert recovered >= 1
    reconciled = int(
        conn.execute("SELECT count(*) FROM attempts WHERE outcome = 'reconciled'").fetchone()[0]
    )
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return reconciled
