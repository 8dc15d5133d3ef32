"""Schema 11: where the one history starts.

SQLite files reach schema 11 through the legacy steps (``store/migrations/001…011.sql``,
run by ``database.open_database`` with its backup and checks), so on SQLite this revision
only confirms that and changes nothing. PostgreSQL gets the same schema from
``store/schema.py`` plus ``store/schema_postgresql.py`` (json_valid, triggers), in one
transaction.

``schema.py`` describes the newest schema. Before the first later revision changes it, copy
its tables as they are now into a frozen module for this revision to use.
"""

from __future__ import annotations

from alembic import op

from somestudio.store.schema import metadata
from somestudio.store.schema_postgresql import AFTER_TABLES, BEFORE_TABLES

revision = "0011"
down_revision = None
branch_labels = None
depends_on = None

LEGACY_VERSION = 11


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
