"""Opening a shared workspace on a real PostgreSQL: created from empty by the schema
history, refused when it is newer or someone else's, clear messages when the server cannot
be reached or refuses the password, and a pg_dump backup (or a clear refusal without one)."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.store import history
from somestudio.store.engines import make_engine
from somestudio.store.errors import (
    BackupError,
    ForeignDatabaseError,
    NewerSchemaError,
    WorkspaceConnectError,
)
from somestudio.store.postgres_open import backup_postgresql, open_postgresql
from somestudio.store.workspace_url import WorkspaceUrl, parse
from tests.postgres_server import PostgresServer, fresh_database


def _run(server: PostgresServer, url: WorkspaceUrl, sql: str) -> None:
    engine = make_engine(url, lambda: server.password)
    with engine.begin() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()


def test_an_empty_database_gets_the_schema_then_opens_as_it_is(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    with fresh_database(postgres, None) as url:
        engine, report = open_postgresql(url, lambda: postgres.password, backup_folder=tmp_path)
        assert (report.revision, report.migrated_from, report.backup) == (history.head(), "", None)
        with engine.connect() as conn:
            assert "deliveries" in sa.inspect(conn).get_table_names()
        engine.dispose()
        engine, report = open_postgresql(url, lambda: postgres.password, backup_folder=tmp_path)
        assert report.migrated_from is None
        engine.dispose()
    assert list(tmp_path.iterdir()) == []


def test_a_newer_schema_is_refused_untouched(
    postgres: PostgresServer, pg_url: WorkspaceUrl, tmp_path: Path
) -> None:
    _run(postgres, pg_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerSchemaError) as caught:
        open_postgresql(pg_url, lambda: postgres.password, backup_folder=tmp_path)
    assert caught.value.code == "workspace.newer_schema"
    assert "9999" in str(caught.value) and pg_url.display() in str(caught.value)


def test_someone_elses_database_is_refused_untouched(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    with fresh_database(postgres, None) as url:
        _run(postgres, url, "CREATE TABLE invoices (id int)")
        with pytest.raises(ForeignDatabaseError) as caught:
            open_postgresql(url, lambda: postgres.password, backup_folder=tmp_path)
        assert "invoices" in str(caught.value)
        engine = make_engine(url, lambda: postgres.password)
        with engine.connect() as conn:
            assert sa.inspect(conn).get_table_names() == ["invoices"]
        engine.dispose()


def test_an_unreachable_server_and_a_refused_password_say_so(
    postgres: PostgresServer, pg_url: WorkspaceUrl, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    nowhere = parse(f"postgresql://studio@127.0.0.1:{closed}/plan")
    with pytest.raises(WorkspaceConnectError) as caught:
        open_postgresql(nowhere, lambda: "x", backup_folder=tmp_path)
    assert caught.value.code == "workspace.unreachable"
    assert "refused" in str(caught.value).lower()
    with pytest.raises(WorkspaceConnectError) as caught:
        open_postgresql(pg_url, lambda: "wrong-password-Q", backup_folder=tmp_path)
    assert caught.value.code == "workspace.password_refused"
    assert "wrong-password-Q" not in str(caught.value)


def test_pg_dump_backs_the_workspace_up(
    postgres: PostgresServer, pg_url: WorkspaceUrl, tmp_path: Path
) -> None:
    dump = backup_postgresql(pg_url, lambda: postgres.password, tmp_path / "backups", "0011")
    assert dump.name.startswith(f"workspace-{pg_url.database}-schema-0011-")
    listed = subprocess.run(
        [str(postgres.bin / "pg_restore"), "--list", str(dump)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "TABLE public deliveries" in listed
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [dump.name]


def test_without_pg_dump_the_backup_is_refused_clearly(
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError) as caught:
        backup_postgresql(pg_url, lambda: postgres.password, tmp_path / "backups", "0011")
    assert caught.value.code == "workspace.no_pg_dump"
    assert "pg_dump" in str(caught.value)
