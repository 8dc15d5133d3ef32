"""Alembic's environment: always handed an open connection (``history.upgrade``); there is
no alembic.ini and no URL here, so no password can reach a configuration file."""

from __future__ import annotations

from alembic import context

from somestudio.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
