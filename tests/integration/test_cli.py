"""The command line as a user meets it: real processes, real files, a real Secret Service."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE, LATEST_VERSION, open_database
from tests.e2e.conftest import isolated_environ
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "somestudio", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environ = isolated_environ(tmp_path / "env")
    environ["QT_QPA_PLATFORM"] = "offscreen"
    return environ


def test_doctor_is_healthy_with_a_real_keyring(tmp_path: Path, env: dict[str, str]) -> None:
    with secret_service(tmp_path) as service:
        full = {
            **service.environ,
            "SOMESTUDIO_HOME": env["SOMESTUDIO_HOME"],
            "QT_QPA_PLATFORM": "offscreen",
        }
        # A real database first: the GUI opens (and creates) it, then quits.
        shown = run([], {**full, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"})
        assert shown.returncode == 0, shown.stderr
        result = run(["doctor"], full)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"{env['SOMESTUDIO_HOME']} (SOMESTUDIO_HOME)" in out
    assert f"schema version  {LATEST_VERSION} (latest {LATEST_VERSION})" in out
    assert "integrity       ok" in out
    assert "SecretService" in out and "(secure)" in out
    assert "Qt platform     offscreen" in out
    assert "time zone" in out


def test_doctor_without_a_keyring_says_so_and_fails(env: dict[str, str]) -> None:
    result = run(["doctor"], env)
    assert result.returncode == 1
    assert "!! keyring" in result.stdout
    assert "NOT secure" in result.stdout
    assert "cannot be connected" in result.stdout


def test_doctor_reports_a_corrupt_database(env: dict[str, str]) -> None:
    db = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    db.write_bytes(b"\x00" * 4096)
    result = run(["doctor"], env)
    assert result.returncode == 1
    assert "!! database" in result.stdout
    assert "not an SQLite file" in result.stdout


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("problem", ["corrupt", "newer", "unmakeable-folder"])
def test_window_refuses_a_bad_data_folder(env: dict[str, str], problem: str) -> None:
    home = Path(env["SOMESTUDIO_HOME"])
    db = home / DATABASE_FILE
    if problem == "corrupt":
        db.write_bytes(b"my notes, not a database")
        expected = "not an SQLite file"
    elif problem == "newer":
        open_database(db)  # a Some Studio database (an empty SQLite file would be refused)
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        conn.close()
        expected = "newer version of Some Studio"
    else:
        # A missing folder is created now; one under a file cannot be.
        (home / "a-file").write_text("x", encoding="utf-8")
        env = {**env, "SOMESTUDIO_HOME": str(home / "a-file" / "studio")}
        expected = "cannot be created"
    before = _digest(db) if db.exists() else None
    result = run([], {**env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"})
    assert result.returncode == 1
    assert expected in result.stderr
    # A folder that cannot be made is refused before any window; the database is opened once
    # the window's frame shows (ui/launch.py), and refused over it.
    shown = "somestudio: window shown" in result.stdout
    assert shown is (problem != "unmakeable-folder")
    if before is not None:
        assert _digest(db) == before
    if problem == "unmakeable-folder":
        assert (home / "a-file").is_file()


def test_version(env: dict[str, str]) -> None:
    result = run(["--version"], env)
    assert result.returncode == 0
    assert result.stdout.startswith("somestudio ")


def test_unknown_command_is_a_usage_error(env: dict[str, str]) -> None:
    result = run(["frobnicate"], env)
    assert result.returncode == 2
    assert "frobnicate" in result.stderr


def test_second_launch_raises_the_first_window(tmp_path: Path, env: dict[str, str]) -> None:
    home = Path(env["SOMESTUDIO_HOME"])
    log = home / "logs" / "somestudio.log"
    with (tmp_path / "first.err").open("wb") as stderr:
        first = subprocess.Popen(
            [sys.executable, "-m", "somestudio"],
            env={**env, "PYTHONFAULTHANDLER": "1"},  # a crash says where, in first.err
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 60
        while "window ready" not in (log.read_text() if log.exists() else ""):
            assert first.poll() is None, (tmp_path / "first.err").read_text()
            assert time.monotonic() < deadline, "the first window never became ready"
            time.sleep(0.1)
        second = run([], env)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        deadline = time.monotonic() + 10
        while "raised for a second launch" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        assert first.poll() is None  # the first one is still there
    finally:
        first.terminate()
        code = first.wait(timeout=30)
        assert code == 0, (code, (tmp_path / "first.err").read_text(errors="replace")[-4000:])
