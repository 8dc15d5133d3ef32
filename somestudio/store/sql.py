"""One way to run the store's statements on either backend (docs/workspace-backends.md).

A store function takes a ``Conn``: the ``sqlite3.Connection`` the app hands out today, or a
SQLAlchemy ``Connection`` (PostgreSQL, and SQLite through an engine). Its statements are
``Sql`` objects, written once in the SQL both backends speak, with named parameters:

* on ``sqlite3`` the text runs on that very connection with sqlite3's own named parameters,
  so its transaction, rowcount, errors and speed are exactly as before, and a solo user's
  start-up does not even import SQLAlchemy;
* on SQLAlchemy it runs as ``text()`` for that connection's dialect (SQLAlchemy caches it).

``expanding`` names take a list (``IN :ids``); ``postgresql`` is that dialect's text for the
rare statement whose SQL differs (a string aggregate).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection as SaConnection
    from sqlalchemy.sql.elements import TextClause

    Conn: TypeAlias = sqlite3.Connection | SaConnection
else:
    Conn = sqlite3.Connection  # at run time only a name for annotations

Params = Mapping[str, Any]

# Labels (or any strings) of a group joined by the unit separator, char 31.
STRING_LIST_SQLITE = "group_concat({}, char(31))"
STRING_LIST_POSTGRESQL = "string_agg({}, chr(31))"


@dataclass(frozen=True, eq=False)
class Sql:
    text: str
    expanding: tuple[str, ...] = ()
    postgresql: str | None = None
    _clauses: dict[str, TextClause] = field(default_factory=dict, repr=False)
    _expanded: dict[tuple[int, ...], str] = field(default_factory=dict, repr=False)

    def clause(self, dialect: str) -> TextClause:
        """The statement as SQLAlchemy ``text()`` for ``dialect`` (made once)."""
        found = self._clauses.get(dialect)
        if found is None:
            import sqlalchemy as sa  # noqa: PLC0415 - only a SQLAlchemy connection gets here

            text = self.postgresql if dialect == "postgresql" and self.postgresql else self.text
            found = sa.text(text).bindparams(
                *(sa.bindparam(name, expanding=True) for name in self.expanding)
            )
            self._clauses[dialect] = found
        return found


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


def _expand(statement: Sql, params: Params) -> tuple[str, dict[str, Any]]:
    """``IN :ids`` with ``ids=[1, 2]`` as ``IN (:ids_0, :ids_1)`` (``IN ()`` for none,
    which SQLite reads as an empty set). The text is made once per list lengths."""
    values = dict(params)
    lists = [list(values.pop(name)) for name in statement.expanding]
    for name, items in zip(statement.expanding, lists, strict=True):
        values.update((f"{name}_{i}", item) for i, item in enumerate(items))
    shape = tuple(len(items) for items in lists)
    text = statement._expanded.get(shape)
    if text is None:
        text = statement.text
        for name, count in zip(statement.expanding, shape, strict=True):
            marks = "(" + ", ".join(f":{name}_{i}" for i in range(count)) + ")"
            text = re.sub(rf":{name}(?![A-Za-z0-9_])", marks, text)
        statement._expanded[shape] = text
    return text, values


def run(conn: Conn, statement: Sql, params: Params | None = None) -> Rows:
    """Execute ``statement`` with named ``params`` on either kind of connection."""
    values = params or {}
    if isinstance(conn, sqlite3.Connection):
        if statement.expanding:
            return conn.execute(*_expand(statement, values))
        return conn.execute(statement.text, values)
    result: Rows = conn.execute(statement.clause(conn.dialect.name), dict(values))
    return result


def run_many(conn: Conn, statement: Sql, rows: Sequence[Params]) -> None:
    """Execute ``statement`` once per parameter set (nothing to do for none)."""
    if not rows:
        return
    if isinstance(conn, sqlite3.Connection):
        conn.executemany(statement.text, rows)
        return
    conn.execute(statement.clause(conn.dialect.name), [dict(r) for r in rows])


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
    instead of failing), a server transaction on SQLAlchemy."""
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
            if not conn.invalidated:  # a lost connection's transaction is gone with it
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
