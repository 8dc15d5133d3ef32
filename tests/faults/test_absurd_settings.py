"""Finding 11: a hand-edited catch-up window of 10**13 minutes made every sweep and every
dispatch fail (a timedelta overflow), silently. Out-of-range settings are now replaced by
their default with a warning, the engine bounds the window itself, and doctor says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somestudio.app.settings import SETTINGS_FILE
from somestudio.app.workspace import open_workspace
from tests.faults.conftest import add_archive_account, assert_no_traceback, somestudio

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
