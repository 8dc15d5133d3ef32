"""One schema, two descriptions kept equal: the SQLite file the legacy steps build and the
PostgreSQL database the schema history (Alembic) builds both match ``store/schema.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from somestudio.store import history
from somestudio.store.database import open_database
from somestudio.store.engines import make_engine, sqlite_engine
from somestudio.store.frozen import schema_0015
from somestudio.store.schema import EXPRESSION_INDEXES, metadata
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer


def _fk_key(fk: sa.ForeignKeyConstraint) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return (
        fk.parent.name,
        tuple(c.name for c in fk.columns),
        tuple(e.target_fullname for e in fk.elements),
    )


def _differences(conn: sa.Connection, expected: sa.MetaData = metadata) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    found = []
    for d in compare_metadata(context, expected):
        change = d[0] if isinstance(d, list) else d
        if change[0] == "remove_table" and change[1].name == "alembic_version":
            continue
        if conn.dialect.name == "sqlite":
            # SQLite reports a non-rowid primary key column as nullable (its old quirk; the
            # app never writes NULL there), and its reflection leaves ON DELETE out: checked
            # below with PRAGMA foreign_key_list instead.
            if (
                change[0] == "modify_nullable"
                and metadata.tables[change[2]].c[change[3]].primary_key
            ):
                continue
            if change[0] in {"add_fk", "remove_fk"}:
                continue
            # SQLite's reflection skips an index on an expression (with a warning): checked
            # below by its CREATE INDEX text instead.
            if change[0] == "add_index" and change[1].name in EXPRESSION_INDEXES:
                continue
        found.append(change)
    return found


def _sqlite_foreign_keys(conn: sa.Connection) -> set[tuple[str, str, str, str]]:
    found = set()
    for table in metadata.tables:
        for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})"):
            found.add((table, row[3], f"{row[2]}.{row[4]}", row[6]))
    return found


def _metadata_foreign_keys() -> set[tuple[str, str, str, str]]:
    return {
        (table.name, fk.parent.name, fk.target_fullname, fk.ondelete or "NO ACTION")
        for table in metadata.tables.values()
        for fk in table.foreign_keys
    }


def _sqlite_expression_indexes(conn: sa.Connection) -> dict[str, str]:
    names = list(EXPRESSION_INDEXES)
    rows = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        f" AND name IN ({','.join('?' * len(names))})",
        tuple(names),
    )
    return {str(name): " ".join(str(sql).split()) for name, sql in rows}


@pytest.mark.filterwarnings("ignore:Generating approximate signature for index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings(
    "ignore:autogenerate skipping metadata-specified expression-based index"
)
def test_sqlite_built_by_the_legacy_steps_matches_the_metadata(tmp_path: Path) -> None:
    database, _ = open_database(tmp_path / "somestudio.db")
    engine = sqlite_engine(database.path)
    with engine.connect() as conn:
        assert _differences(conn) == []
        assert _sqlite_foreign_keys(conn) == _metadata_foreign_keys()
        assert _sqlite_expression_indexes(conn) == EXPRESSION_INDEXES
    engine.dispose()


def test_postgresql_built_by_the_history_matches_the_metadata(
    postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    engine = make_engine(pg_url, lambda: postgres.password)
    with engine.connect() as conn:
        assert history.current(conn) == history.head()
        assert _differences(conn) == []
    engine.dispose()


def test_the_baseline_builds_postgresql_from_schema_15_as_frozen(
    postgres: PostgresServer,
) -> None:
    """The baseline revision alone gives the frozen schema 15, whatever later revisions add
    to ``schema.py`` (a baseline built from the newest schema would add it twice)."""
    from tests.postgres_server import fresh_database  # noqa: PLC0415

    with fresh_database(postgres, None) as url:
        engine = make_engine(url, lambda: postgres.password)
        with engine.connect() as conn:
            history.upgrade(conn, "0015")
            assert history.current(conn) == "0015"
            assert _differences(conn, schema_0015.metadata) == []
        engine.dispose()
