"""Finding 11: a hand-edited catch-up window of 10**13 minutes made every sweep and every
dispatch fail (a timedelta overflow), silently. Out-of-range settings are now replaced by
their default with a warning, the engine bounds the window itself, and doctor says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somestudio.app.settings import SETTINGS_FILE
from somestudio.app.workspace import open_workspace
from somestudio.store import accounts as account_rows
from tests.accounts_setup import add_archive_account
from tests.faults.conftest import assert_no_traceback, somestudio

pytestmark = pytest.mark.slow


@pytest.fixture
def absurd(data_home: Path, tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    workspace = open_workspace(data_home)
    add_archive_account(workspace, archive)
    workspace.close()
    (data_home / SETTINGS_FILE).write_text(
        json.dumps({"catch_up_minutes": 10**13}), encoding="utf-8"
    )
    return archive


def test_publishing_works_with_an_absurd_catch_up_window(absurd: Path, env: dict[str, str]) -> None:
    result = somestudio(
        ["post", "add", "--text", "still goes out", "--to", "archive", "--now"], env
    )
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "published" in result.stderr
    assert len(list(absurd.iterdir())) == 1


def test_doctor_reports_the_absurd_setting(absurd: Path, env: dict[str, str]) -> None:
    result = somestudio(["doctor"], env)
    assert result.returncode == 1
    assert "!! settings" in result.stdout
    assert "catch_up_minutes is 10000000000000" in result.stdout
    assert "between 0 and 1440" in result.stdout


def test_run_scheduler_sweeps_with_an_absurd_catch_up_window(
    absurd: Path, env: dict[str, str], data_home: Path
) -> None:
    """A real ``run-scheduler`` over settings.json's catch_up_minutes = 10**13 and a post due a
    minute ago: the sweep publishes it (it does not fail silently)."""
    import signal  # noqa: PLC0415
    import sqlite3  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415
    import time  # noqa: PLC0415
    from datetime import timedelta  # noqa: PLC0415

    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.domain.utc import utc_now  # noqa: PLC0415

    workspace = open_workspace(data_home)
    (account,) = [a.id for a in account_rows.list_accounts(workspace.connection())]
    Planner(workspace).schedule_post(
        "due a minute ago", [account], at=utc_now() - timedelta(minutes=1), zone="UTC"
    )
    workspace.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "somestudio", "run-scheduler"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(absurd.iterdir()) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert "Traceback" not in out + err, err
    assert len(list(absurd.iterdir())) == 1, err
    conn = sqlite3.connect(data_home / "somestudio.db")
    try:
        states = [r[0] for r in conn.execute("SELECT state FROM deliveries")]
    finally:
        conn.close()
    assert states == ["published"], err
