"""The schema history (Alembic) run on a connection of either backend.

Alembic is configured in code: the revisions live in ``store/alembic/versions`` and the
connection is handed in, so there is no alembic.ini and no URL (nor password) in any file.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

_FOLDER = Path(__file__).resolve().parent / "alembic"


def config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_FOLDER))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision this build knows."""
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None
    return found


def known(revision: str) -> bool:
    """Whether this build's history has ``revision`` (a newer build's is unknown here)."""
    script = ScriptDirectory.from_config(config())
    return any(r.revision == revision for r in script.walk_revisions())


def current(connection: sa.Connection) -> str | None:
    """The revision the database is at; None for one the history has not started on."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: sa.Connection, target: str = "head") -> None:
    """Run every revision after the database's own, each in its own transaction."""
    command.upgrade(config(connection), target)
    if connection.in_transaction():
        connection.commit()
