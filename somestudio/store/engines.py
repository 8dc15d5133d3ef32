"""SQLAlchemy engines for a workspace: PostgreSQL (psycopg 3) and SQLite (the same file and
pragmas as ``database``).

The PostgreSQL password comes from ``password()`` (the app wires it to the keyring) inside
SQLAlchemy's ``do_connect`` event: it is never part of a URL, so no ``repr``, log line or
error message built from the engine can show it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import NullPool

from somestudio.store.database import connect_file
from somestudio.store.pg_notify import install_sender
from somestudio.store.workspace_url import SQLITE, WorkspaceUrl

CONNECT_TIMEOUT_S = 10
# TCP keepalives (libpq's keepalives* parameters,
# https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES): a server that
# went away without closing (a box unplugged, Wi-Fi lost) is noticed in about a minute
# (30 s idle, then 3 probes 10 s apart) instead of the system's two hours, also by the change
# feed's connection, which only waits.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}
PasswordLookup = Callable[[], str | None]


def make_engine(url: WorkspaceUrl, password: PasswordLookup | None = None) -> sa.Engine:
    if url.backend == SQLITE:
        assert url.path is not None
        return sqlite_engine(url.path)
    return postgresql_engine(url, password)


def postgresql_engine(url: WorkspaceUrl, password: PasswordLookup | None) -> sa.Engine:
    options = dict(url.options)
    connect_args: dict[str, Any] = {
        "connect_timeout": int(options.pop("connect_timeout", CONNECT_TIMEOUT_S)),
        "application_name": options.pop("application_name", "somestudio"),
        **{key: options.pop(key, value) for key, value in KEEPALIVES.items()},
        **options,
    }
    target = sa.URL.create(
        "postgresql+psycopg",
        username=url.user,
        host=url.host,
        port=url.port,
        database=url.database,
    )
    engine = sa.create_engine(
        target,
        connect_args=connect_args,
        pool_pre_ping=True,  # a restarted server costs a reconnect, not an error
        # A connection per live thread (pg_connections): the engine's alarms (4) and sends
        # (8), the window's workers and the GUI thread; ended threads' go back to the pool.
        pool_size=4,
        max_overflow=28,
    )

    @event.listens_for(engine, "do_connect")
    def _password(_dialect: object, _record: object, _args: object, params: dict[str, Any]) -> None:
        secret = password() if password is not None else None
        if secret:
            params["password"] = secret

    install_sender(engine)  # every committed write announces itself (pg_notify)
    return engine


def sqlite_engine(path: Path) -> sa.Engine:
    """An engine over a SQLite file that behaves like ``database.Database.connect()``: the
    same pragmas, and every transaction begun with ``BEGIN IMMEDIATE`` (SQLAlchemy's
    documented pysqlite recipe: the driver's own transaction handling is switched off)."""

    def creator() -> sqlite3.Connection:
        return connect_file(path)

    engine = sa.create_engine("sqlite+pysqlite://", creator=creator, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
