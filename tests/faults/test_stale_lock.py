"""Finding 9: a stale lock whose pid was reused by another program kept run-scheduler from
starting, and `post add --now` said "the window publishes it within a minute" while nothing
ran. The reuse is made for real: a process takes the lock and is killed, and the lock file is
pointed at a live, unrelated Python process (what the kernel does when it hands the pid on)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.app.instance_lock import LOCK_FILE
from somestudio.app.workspace import open_workspace
from somestudio.commands.run_scheduler import READY
from tests.accounts_setup import add_archive_account
from tests.faults.conftest import somestudio, spawn

pytestmark = pytest.mark.slow

_TAKE_LOCK_AND_DIE = """
import os, signal, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(1000)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def reused_pid_lock(data_home: Path, tmp_path: Path) -> Iterator[int]:
    """A lock left by a killed Some Studio whose pid now belongs to another Python program."""
    archive = tmp_path / "archive"
    archive.mkdir()
    workspace = open_workspace(data_home)
    add_archive_account(workspace, archive)
    workspace.close()
    lock = data_home / LOCK_FILE
    subprocess.run([sys.executable, "-c", _TAKE_LOCK_AND_DIE, str(lock)], check=False)
    assert lock.exists()
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    lines = lock.read_text().splitlines()
    lock.write_text("\n".join([str(stranger.pid), *lines[1:]]) + "\n")
    try:
        yield stranger.pid
    finally:
        stranger.kill()
        stranger.wait()


def test_run_scheduler_starts_over_a_reused_pid(reused_pid_lock: int, env: dict[str, str]) -> None:
    process = spawn(["run-scheduler"], env)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 30
        line = ""
        while time.monotonic() < deadline and not line:
            line = process.stdout.readline()
        assert line.startswith(READY), process.stderr.read() if process.stderr else line
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "already using" not in err


def test_post_now_publishes_itself_and_does_not_promise_a_window(
    reused_pid_lock: int, env: dict[str, str], tmp_path: Path
) -> None:
    result = somestudio(["post", "add", "--text", "hello", "--to", "archive", "--now"], env)
    assert result.returncode == 0, result.stderr
    assert "within a minute" not in result.stderr
    assert "published" in result.stderr
    assert len(list((tmp_path / "archive").iterdir())) == 1


def test_doctor_names_the_stale_lock(reused_pid_lock: int, env: dict[str, str]) -> None:
    result = somestudio(["doctor"], env)
    assert result.returncode == 1, result.stdout
    assert "!! instance lock" in result.stdout
    assert f"stale (pid {reused_pid_lock} is gone or now another program)" in result.stdout


def test_a_live_holder_is_still_respected(env: dict[str, str], data_home: Path) -> None:
    first = spawn(["run-scheduler"], env)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith(READY)
        second = somestudio(["run-scheduler"], env, timeout=60)
        assert second.returncode == 1
        assert f"run-scheduler (pid {first.pid}) is already using" in second.stderr
        doctor = somestudio(["doctor"], env)
        assert f"held by pid {first.pid}" in doctor.stdout
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)
