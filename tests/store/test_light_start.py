"""A solo user's SQLite workspace does not pay for the shared one: opening it (and importing
what the window and the engine use) loads neither SQLAlchemy nor Alembic nor psycopg, which
together add a noticeable part of a second to start-up on a slow machine. (The start that
creates the file, or updates it to a newer schema revision, runs Alembic once; every start
after that loads none of them.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

PROBE = """
import sys
from datetime import UTC, datetime
from pathlib import Path
import somestudio.cli, somestudio.app.studio, somestudio.app.scheduler
from somestudio.app.workspace import open_workspace
from somestudio.store import deliveries, posts
workspace = open_workspace(Path(sys.argv[1]))
workspace.verified.result(timeout=60)
conn = workspace.connection()
start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
assert posts.entries_between(conn, start, end) == []
assert deliveries.next_due_at(conn) is None
workspace.close()
print(sorted(m for m in ("sqlalchemy", "alembic", "psycopg") if m in sys.modules))
"""


def test_a_solo_workspace_starts_without_the_shared_workspace_libraries(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SOMESTUDIO_HOME": str(home)}
    for _start in ("creates the file", "opens it"):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(home)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
