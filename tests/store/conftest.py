"""Every store test runs on both backends: ``backend`` is ``sqlite`` (a real file in a temp
folder, opened as the app opens it) or ``postgresql`` (a fresh database on the session's
PostgreSQL server, made from a template the schema history migrated once: the fixtures
``postgres`` and ``pg_url`` in tests/conftest.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from somestudio.store.database import close_connection, open_database
from somestudio.store.engines import make_engine
from somestudio.store.sql import Conn
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer


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
