"""Every store test runs on both backends: ``backend`` is ``sqlite`` (a real file in a temp
folder, opened as the app opens it) or ``postgresql`` (a fresh database on the session's
PostgreSQL server, made from a template the schema history migrated once)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.store import history
from somestudio.store.database import close_connection, open_database
from somestudio.store.engines import make_engine
from somestudio.store.sql import Conn
from somestudio.store.workspace_url import WorkspaceUrl, parse
from tests.postgres_server import PostgresServer, postgres_server

TEMPLATE = "somestudio_template"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


def _admin(server: PostgresServer) -> sa.Engine:
    engine = make_engine(parse(server.url("postgres")), lambda: server.password)
    return engine.execution_options(isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template(postgres: PostgresServer) -> str:
    """A database at the newest schema, made by the schema history (Alembic) once."""
    admin = _admin(postgres)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {TEMPLATE}")
    admin.dispose()
    engine = make_engine(parse(postgres.url(TEMPLATE)), lambda: postgres.password)
    with engine.connect() as conn:
        history.upgrade(conn)
    engine.dispose()  # a template must have no connections when it is copied
    return TEMPLATE


@pytest.fixture
def pg_url(postgres: PostgresServer, pg_template: str) -> Iterator[WorkspaceUrl]:
    """A fresh, migrated database for one test."""
    name = f"test_{next(_names)}"
    admin = _admin(postgres)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield parse(postgres.url(name))
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


Connect = Callable[[], Conn]


@pytest.fixture
def connect(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Connect]:
    """Opens connections to one fresh workspace of the test's backend (closed after it; a
    SQLite connection opened on another thread is closed by that thread, as sqlite3 wants)."""
    opened: list[Conn] = []
    if backend == "sqlite":
        database, _report = open_database(tmp_path / "somestudio.db")
        here = threading.get_ident()

        def sqlite_conn() -> Conn:
            conn = database.connect()
            if threading.get_ident() == here:
                opened.append(conn)
            return conn

        yield sqlite_conn
        for conn in opened:
            close_connection(conn, optimize=False)  # type: ignore[arg-type]
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url: WorkspaceUrl = request.getfixturevalue("pg_url")
    engine = make_engine(url, lambda: server.password)

    def pg_conn() -> Conn:
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        opened.append(conn)
        return conn

    yield pg_conn
    for conn in opened:
        conn.close()
    engine.dispose()


@pytest.fixture
def conn(connect: Connect) -> Conn:
    return connect()
