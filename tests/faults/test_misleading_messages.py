"""Finding 16 (the data folder and keyring part): messages that named the wrong problem.

- a read-only data folder was reported as "another process (pid 0) is using" it;
- SOMESTUDIO_HOME pointing at a file was reported as "does not exist";
- doctor said "ok keyring" while the keyring daemon was stopped.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE, open_database
from tests.faults.conftest import assert_no_traceback, somestudio
from tests.secret_service import _kill_keyring_daemons, secret_service

pytestmark = pytest.mark.slow


@pytest.fixture
def read_only_home(tmp_path: Path, env: dict[str, str]) -> Iterator[dict[str, str]]:
    seed = tmp_path / "seed"
    seed.mkdir()
    open_database(seed / DATABASE_FILE)
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.fail("a read-only data folder needs a read-only bind mount (run as root)")
    subprocess.run(["mount", "--bind", str(seed), str(folder)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
    try:
        yield {**env, "SOMESTUDIO_HOME": str(folder)}
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("command", [["run-scheduler"], ["post", "list"], []])
def test_a_read_only_data_folder_is_called_not_writable(
    command: list[str], read_only_home: dict[str, str]
) -> None:
    env = {**read_only_home, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"}
    result = somestudio(command, env, timeout=60)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert "not writable" in result.stderr
    assert "pid 0" not in result.stderr
    assert "another some studio process" not in result.stderr.lower()


@pytest.mark.parametrize("command", [["run-scheduler"], ["post", "list"], ["doctor"]])
def test_a_home_that_is_a_file_is_called_a_file(
    command: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    result = somestudio(command, {**env, "SOMESTUDIO_HOME": str(a_file)}, timeout=60)
    assert_no_traceback(result)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "is a file, not a folder" in output
    assert "does not exist" not in output
    assert a_file.read_text() == "not a folder"


def test_doctor_says_when_the_keyring_daemon_is_stopped(
    env: dict[str, str], tmp_path: Path
) -> None:
    with secret_service(tmp_path) as service:
        full = {**service.environ, "SOMESTUDIO_HOME": env["SOMESTUDIO_HOME"]}
        full["QT_QPA_PLATFORM"] = "offscreen"
        healthy = somestudio(["doctor"], full)
        assert "ok keyring" in healthy.stdout, healthy.stdout
        _kill_keyring_daemons(tmp_path / "keyring-runtime")
        stopped = somestudio(["doctor"], full, timeout=120)
    assert_no_traceback(stopped)
    assert stopped.returncode == 1
    assert "!! keyring" in stopped.stdout, stopped.stdout
    assert "not answering" in stopped.stdout


def test_doctor_says_when_the_keyring_hangs(env: dict[str, str], tmp_path: Path) -> None:
    """A keyring daemon that is there but never answers (SIGSTOP: as a hung or locked
    keyring waiting on a prompt nobody sees) is reported, and doctor still ends."""
    import os  # noqa: PLC0415
    import signal  # noqa: PLC0415
    import time  # noqa: PLC0415
    from contextlib import suppress  # noqa: PLC0415

    from tests.faults.test_reconnect_rollback import _keyring_daemons  # noqa: PLC0415

    with secret_service(tmp_path) as service:
        full = {**service.environ, "SOMESTUDIO_HOME": env["SOMESTUDIO_HOME"]}
        full["QT_QPA_PLATFORM"] = "offscreen"
        assert "ok keyring" in somestudio(["doctor"], full).stdout
        stopped = _keyring_daemons(service.environ["XDG_RUNTIME_DIR"])
        assert stopped, "the keyring daemon was not found to stop"
        try:
            for pid in stopped:
                os.kill(pid, signal.SIGSTOP)
            began = time.monotonic()
            hung = somestudio(["doctor"], full, timeout=120)
            took = time.monotonic() - began
        finally:
            for pid in stopped:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)
    assert_no_traceback(hung)
    assert hung.returncode == 1
    assert "!! keyring" in hung.stdout and "not answering" in hung.stdout, hung.stdout
    assert took < 90, f"doctor took {took:.0f} s with a hung keyring"
