"""Issue 13 ("nothing stuck"): a database whose damage the checks at opening cannot see
(pages only a view reads) made the window print a traceback per view and stay open on the
damaged file until killed. Now the first read that finds damage gives the damaged-database
message and the window exits 1 at once; the file is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE
from tests.faults.conftest import assert_no_traceback, digest, somestudio
from tests.sqlite_files import damaged_database

pytestmark = pytest.mark.slow


def _damage_the_posts(path: Path) -> None:
    """A real Some Studio database with its posts' pages overwritten on disk."""
    damaged_database(path, text="kahvia " * 80, wal=True)  # all in the main file; stays WAL


def test_the_window_exits_with_the_message_when_a_view_finds_damage(
    env: dict[str, str], data_home: Path
) -> None:
    db = data_home / DATABASE_FILE
    _damage_the_posts(db)
    before = digest(db)
    result = somestudio([], env, timeout=60)  # it hung here until killed
    assert result.returncode == 1, result.stdout + result.stderr
    assert_no_traceback(result)
    assert f"The database {db} is damaged (database disk image is malformed)" in result.stderr
    assert "It was not changed" in result.stderr
    assert digest(db) == before
