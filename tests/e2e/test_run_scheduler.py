"""``somestudio run-scheduler`` as a real process: killed at random moments during bursts and
restarted, started twice at once, and next to the window."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from somestudio.app.workspace import open_workspace
from somestudio.store.database import DATABASE_FILE
from tests.e2e.conftest import AppProcess, LaunchApp, isolated_environ
from tests.e2e.schedulers import SCHEDULER, plan_archive_bursts, start_scheduler

pytestmark = pytest.mark.slow


def _prepare(env: dict[str, str], archive: Path, clusters: int, size: int, lead: float) -> None:
    """A Local archive account and ``clusters`` bursts of ``size`` posts, one second apart."""
    workspace = open_workspace(Path(env["SOMESTUDIO_HOME"]))
    try:
        plan_archive_bursts(
            workspace, archive, clusters=clusters, size=size, lead_s=lead, zone="Europe/Helsinki"
        )
    finally:
        workspace.close()


def _read_db(env: dict[str, str]) -> sqlite3.Connection:
    path = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)


def _pending(env: dict[str, str]) -> int:
    conn = _read_db(env)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM deliveries WHERE state IN ('scheduled', 'publishing')"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def _start(launch: LaunchApp, env: dict[str, str]) -> AppProcess:
    return start_scheduler(launch, env, timeout_s=30)


def test_sigkill_during_bursts_never_duplicates_or_loses(tmp_path: Path, launch: LaunchApp) -> None:
    seed = int(os.environ.get("SOMESTUDIO_CRASH_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    env = isolated_environ(tmp_path / "env")
    archive = tmp_path / "archive"
    rounds, clusters, size = 20, 16, 15
    _prepare(env, archive, clusters, size, lead=2.0)
    for _ in range(rounds):
        app = _start(launch, env)
        time.sleep(rng.uniform(0.02, 0.9))
        app.proc.send_signal(signal.SIGKILL)
        app.proc.wait(timeout=10)
    final = _start(launch, env)
    deadline = time.monotonic() + 60
    while _pending(env):
        assert time.monotonic() < deadline, f"deliveries still pending (seed {seed})"
        assert final.proc.poll() is None, final.describe()
        time.sleep(0.2)
    final.proc.send_signal(signal.SIGTERM)
    assert final.wait(timeout=30) == 0, final.describe()
    assert final.stderr() == ""

    conn = _read_db(env)
    rows = conn.execute(
        "SELECT id, state, idempotency_key, COALESCE(last_error, '') FROM deliveries"
    ).fetchall()
    assert len(rows) == clusters * size
    folders = [p for p in archive.iterdir()]
    assert not [p.name for p in folders if p.name.startswith(".")], f"seed {seed}"
    written = Counter(
        json.loads((p / "metadata.json").read_text(encoding="utf-8"))["idempotency_key"]
        for p in folders
    )
    assert max(written.values()) == 1, f"a post was written twice (seed {seed})"
    outcomes = Counter(
        delivery_id
        for (delivery_id,) in conn.execute(
            "SELECT delivery_id FROM attempts WHERE outcome IN ('published', 'reconciled')"
        )
    )
    for delivery_id, state, key, error in rows:
        if state == "published":
            assert written[key] == 1, (delivery_id, seed)
            assert outcomes[delivery_id] == 1, (delivery_id, seed)
        else:
            assert state == "needs_attention" and error, (delivery_id, state, seed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_two_schedulers_started_together_one_dispatches(tmp_path: Path, launch: LaunchApp) -> None:
    env = isolated_environ(tmp_path / "env")
    _prepare(env, tmp_path / "archive", clusters=1, size=3, lead=1.0)
    first = launch(SCHEDULER, env)
    second = launch(SCHEDULER, env)
    deadline = time.monotonic() + 30
    while first.proc.poll() is None and second.proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    loser, winner = (first, second) if first.proc.poll() is not None else (second, first)
    assert loser.wait(timeout=10) == 1, loser.describe()
    assert "already using the data folder" in loser.stderr()
    assert f"somestudio run-scheduler (pid {winner.proc.pid})" in loser.stderr()
    while _pending(env):
        assert time.monotonic() < deadline, winner.describe()
        time.sleep(0.1)
    winner.proc.send_signal(signal.SIGINT)
    assert winner.wait(timeout=30) == 0, winner.describe()
    assert winner.stdout().splitlines()[-1] == "somestudio run-scheduler: stopped"
    assert winner.stderr() == ""
    assert len(list((tmp_path / "archive").iterdir())) == 3


def test_window_and_scheduler_exclude_each_other(tmp_path: Path, launch: LaunchApp) -> None:
    env = isolated_environ(tmp_path / "env")
    env["QT_QPA_PLATFORM"] = "offscreen"
    home = Path(env["SOMESTUDIO_HOME"])
    scheduler = _start(launch, env)
    window = subprocess.run(
        [sys.executable, "-m", "somestudio"],
        env={**env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert window.returncode == 1, window.stdout + window.stderr
    assert str(scheduler.proc.pid) in window.stderr
    scheduler.proc.send_signal(signal.SIGTERM)
    assert scheduler.wait(timeout=30) == 0

    log = home / "logs" / "somestudio.log"
    gui = launch([sys.executable, "-m", "somestudio"], env)
    deadline = time.monotonic() + 60
    while "window ready" not in (log.read_text() if log.exists() else ""):
        assert gui.proc.poll() is None, gui.describe()
        assert time.monotonic() < deadline, gui.describe()
        time.sleep(0.1)
    refused = subprocess.run(
        SCHEDULER, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert refused.returncode == 1
    assert f"the Some Studio window (pid {gui.proc.pid})" in refused.stderr
    gui.proc.send_signal(signal.SIGTERM)
    assert gui.wait(timeout=30) == 0
