"""Alembic's environment: always handed an open connection (``history.upgrade``); there is
no alembic.ini and no URL here, so no password can reach a configuration file.

All pending revisions run in one transaction. On SQLite the runner has switched foreign keys
off (a table rebuild must not cascade; SQLite ignores the pragma inside a transaction), so
they are checked here before the commit, and each revision also sets ``user_version`` to its
number (see ``store/history.py``).
"""

from __future__ import annotations

from typing import Any

from alembic import context

from somestudio.store.schema import metadata

connection = context.config.attributes["connection"]
sqlite = connection.dialect.name == "sqlite"


def _user_version(ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
    if sqlite and step.is_upgrade:
        number = int(step.up_revision_id)
        current = int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())
        if number > current:  # the baseline is the legacy steps' number: never lower it
            connection.exec_driver_sql(f"PRAGMA user_version = {number}")


context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=sqlite,
    # SQLite changes its schema transactionally too; Alembic assumes it does not and would
    # commit the version table apart from the steps.
    transactional_ddl=True,
    on_version_apply=_user_version,
)
with context.begin_transaction():
    context.run_migrations()
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(5)
        if broken:
            raise RuntimeError(
                f"{len(broken)}+ rows would point at missing rows (table {broken[0][0]})"
            )
