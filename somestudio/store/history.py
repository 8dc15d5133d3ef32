"""The schema history (Alembic) run on a connection of either backend.

Alembic is configured in code: the revisions live in ``store/alembic/versions`` and the
connection is handed in, so there is no alembic.ini and no URL (nor password) in any file.
Revision ids are numbers (``0015``, ``0016``…) continuing SQLite's ``PRAGMA user_version``:
on SQLite each revision also sets ``user_version`` to its number, so an older Some Studio,
which knows only ``user_version``, still refuses a file from a newer one.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only when a migration may run: a solo start-up stays quick
    import sqlalchemy as sa
    from alembic.config import Config
    from alembic.script import ScriptDirectory

FOLDER = Path(__file__).resolve().parent / "alembic"
VERSIONS = FOLDER / "versions"
# Further revision folders (a test's own revisions); empty in the app.
EXTRA_VERSIONS: list[Path] = []
_FILE = re.compile(r"^v(\d{4})_\w+\.py$")


def _locations() -> list[Path]:
    return [VERSIONS, *EXTRA_VERSIONS]


def head_number() -> int:
    """The newest revision's number, read from the file names alone (``vNNNN_name.py``):
    cheap enough for every start-up, without importing Alembic."""
    numbers = [
        int(match.group(1))
        for folder in _locations()
        for path in folder.iterdir()
        if (match := _FILE.match(path.name))
    ]
    return max(numbers)


def config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - only when a migration may run

    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", ":".join(str(p) for p in _locations()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(config())


def head() -> str:
    """The newest revision this build knows."""
    found = _script().get_current_head()
    assert found is not None
    return str(found)


def known(revision: str) -> bool:
    """Whether this build's history has ``revision`` (a newer build's is unknown here)."""
    return any(r.revision == revision for r in _script().walk_revisions())


def current(connection: sa.Connection) -> str | None:
    """The revision the database is at; None for one the history has not started on."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    found = MigrationContext.configure(connection).get_current_revision()
    return str(found) if found is not None else None


def upgrade(connection: sa.Connection, target: str = "head") -> None:
    """Run every revision after the database's own, all in one transaction (PostgreSQL and
    SQLite both change their schema transactionally): a failed step leaves none applied."""
    from alembic import command  # noqa: PLC0415

    with warnings.catch_warnings():
        # A SQLite table rebuilt from reflection loses its unnamed CHECK constraints (all of
        # the legacy schema's are unnamed), and Alembic only warns: fail the step instead.
        # A revision that rebuilds a table passes it whole (batch_alter_table copy_from=).
        warnings.filterwarnings(
            "error", message=r".*CHECK constraint.*omitted", category=UserWarning
        )
        command.upgrade(config(connection), target)
    if connection.in_transaction():
        connection.commit()
