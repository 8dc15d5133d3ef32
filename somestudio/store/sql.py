"""One way to run the store's statements on either backend (docs/workspace-backends.md).

A store function takes a ``Conn``: the ``sqlite3.Connection`` the app hands out today, or a
SQLAlchemy ``Connection`` (PostgreSQL, and SQLite through an engine). Its statements are
SQLAlchemy Core objects, usually ``text()`` with named parameters, written once:

* on ``sqlite3`` a statement is compiled for the SQLite dialect once (cached) and run on that
  very connection, so its transaction, rowcount and ``sqlite3`` errors are exactly as before;
* on SQLAlchemy it is run by SQLAlchemy for that connection's dialect.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection as SaConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

Conn = sqlite3.Connection | SaConnection
Params = Mapping[str, Any]

_SQLITE = sqlite_dialect.dialect(paramstyle="qmark")
# A compiled statement per statement object, for the sqlite3 path. Statements are module
# constants (or built by a few fixed shapes), so this stays small.
_COMPILED: dict[int, tuple[ClauseElement, SQLCompiler]] = {}


class Rows(Protocol):
    """What both a ``sqlite3.Cursor`` and a SQLAlchemy ``CursorResult`` offer."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


def backend(conn: Conn) -> str:
    """``"sqlite"`` or ``"postgresql"``."""
    if isinstance(conn, sqlite3.Connection):
        return "sqlite"
    return str(conn.dialect.name)


def _compiled(statement: ClauseElement) -> SQLCompiler:
    hit = _COMPILED.get(id(statement))
    if hit is not None and hit[0] is statement:
        return hit[1]
    compiled = cast(SQLCompiler, statement.compile(dialect=_SQLITE))
    _COMPILED[id(statement)] = (statement, compiled)  # holding it keeps the id unique
    return compiled


def run(conn: Conn, statement: ClauseElement, params: Params | None = None) -> Rows:
    """Execute ``statement`` with named ``params`` on either kind of connection."""
    values = dict(params or {})
    if not isinstance(conn, sqlite3.Connection):
        result: Rows = conn.execute(statement, values)  # type: ignore[call-overload]
        return result
    compiled = _compiled(statement)
    if compiled.post_compile_params or compiled.literal_execute_params:
        state = compiled.construct_expanded_state(values)
        return conn.execute(state.statement, state.positional_parameters)
    bound = compiled.construct_params(values)
    return conn.execute(str(compiled), tuple(bound[name] for name in compiled.positiontup or ()))


def run_many(conn: Conn, statement: ClauseElement, rows: Sequence[Params]) -> None:
    """Execute ``statement`` once per parameter set (nothing to do for none)."""
    if not rows:
        return
    if not isinstance(conn, sqlite3.Connection):
        conn.execute(statement, [dict(r) for r in rows])  # type: ignore[call-overload]
        return
    compiled = _compiled(statement)
    order = compiled.positiontup or ()
    values = [compiled.construct_params(dict(r)) for r in rows]
    conn.executemany(str(compiled), [tuple(v[name] for name in order) for v in values])


def one_id(rows: Rows) -> int:
    """The id an ``INSERT … RETURNING id`` gave back."""
    found = rows.fetchall()
    if len(found) != 1:
        raise RuntimeError(f"expected one row back, got {len(found)}")
    return int(found[0][0])


def changed(rows: Rows) -> int:
    """How many rows an ``UPDATE … RETURNING`` changed (reads them all, which is also what
    lets sqlite3 finish the statement before the transaction commits)."""
    return len(rows.fetchall())


@contextlib.contextmanager
def write(conn: Conn) -> Iterator[Conn]:
    """One write transaction: ``BEGIN IMMEDIATE`` on sqlite3 (concurrent writers queue
    instead of failing), a SQLAlchemy transaction otherwise."""
    if isinstance(conn, sqlite3.Connection):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return
    if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        # The workspace's connections commit each statement alone, as sqlite3's do with
        # isolation_level=None; a write block is an explicit transaction on the server.
        conn.exec_driver_sql("BEGIN")
        try:
            yield conn
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")
        return
    if conn.in_transaction():
        # SQLAlchemy 2 begins implicitly on first use ("autobegin"): finish what a read began
        # so this block is one transaction of its own.
        conn.commit()
    with conn.begin():
        yield conn


def aggregate(expression: str, separator: str) -> sa.ColumnElement[str]:
    """A string aggregate: ``group_concat`` on SQLite, ``string_agg`` on PostgreSQL."""
    return sa.func.aggregate_strings(sa.literal_column(expression), separator)
