"""The legacy steps' schema: where the one history starts.

Its revision id is the number of the last legacy step (``store/migrations/NNN_*.sql``,
today 015), so it follows that list as it stands (a branch that adds a legacy step before
the first later revision moves it along); its file is numbered 0000 so that it never counts
as a step after the legacy ones. SQLite files reach that schema through the legacy steps
(run by ``database.open_database`` with its backup and checks), so on SQLite this revision
only confirms that and changes nothing. PostgreSQL gets the same schema from
schema 15's metadata and its PostgreSQL extras (json_valid, triggers), in one transaction.

``schema.py`` describes the newest schema, so this revision builds from schema 15 as it was
frozen (``store/frozen/schema_0015.py`` and ``schema_0015_postgresql.py``); later revisions
change it from there.
"""

from __future__ import annotations

from alembic import op

from somestudio.store.frozen.schema_0015 import metadata
from somestudio.store.frozen.schema_0015_postgresql import AFTER_TABLES, BEFORE_TABLES
from somestudio.store.migrations import MIGRATIONS

LEGACY_VERSION = MIGRATIONS[-1].version
revision = f"{LEGACY_VERSION:04d}"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        version = int(bind.exec_driver_sql("PRAGMA user_version").scalar_one())
        if version < LEGACY_VERSION:
            raise RuntimeError(
                f"this SQLite file is at schema {version}: the legacy steps take it to "
                f"{LEGACY_VERSION} first (database.open_database)"
            )
        return
    for statement in BEFORE_TABLES:
        op.execute(statement)
    metadata.create_all(bind)
    for statement in AFTER_TABLES:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
