"""A PostgreSQL workspace's connections, one per thread, as ``app.workspace.Workspace``
hands out one sqlite3 connection per thread (docs/workspace-backends.md, section 2).

Each connection commits statement by statement (``AUTOCOMMIT``, like sqlite3 with
``isolation_level=None``); ``sql.write`` makes a transaction of a block. A connection the
server dropped (a restart, a network cut) is marked invalid by SQLAlchemy when a statement
fails on it; the failed unit of work reports ``is_disconnect`` and the thread's next
``connection()`` is a new one, so a restarted server costs the work in flight (which the
caller's transaction left undone), never the process.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from somestudio.store.pg_notify import PgChangeFeed


def is_disconnect(exc: BaseException) -> bool:
    """Whether ``exc`` says the connection was lost (its work was not committed)."""
    return isinstance(exc, sa.exc.DBAPIError) and bool(exc.connection_invalidated)


def server_unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` says the server could not be reached or dropped the connection
    (psycopg's ``OperationalError``: refused, gone, timed out), not a fault of the statement."""
    from psycopg import OperationalError  # noqa: PLC0415 - only on a PostgreSQL workspace

    if is_disconnect(exc):
        return True
    original = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    return isinstance(original, OperationalError)


class PgConnections:
    """A connection per thread. A thread that has ended gives its connection back to the
    pool when another thread next asks for one (the app's worker threads come and go: their
    connections must not stay checked out until the pool runs dry)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: dict[threading.Thread, sa.Connection] = {}

    def connection(self) -> sa.Connection:
        """This thread's connection; a new one when the last was lost or closed."""
        conn: sa.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed and not conn.invalidated:
            return conn
        if conn is not None:
            self._forget(conn)
        self._reap()
        conn = self._engine.connect()
        self._local.conn = conn
        with self._lock:
            self._open[threading.current_thread()] = conn
        return conn

    def open_count(self) -> int:
        """How many threads hold a connection (for tests and diagnostics)."""
        with self._lock:
            return len(self._open)

    def close(self) -> None:
        """Close every thread's connection and the engine's pool."""
        with self._lock:
            opened, self._open = list(self._open.values()), {}
        for conn in opened:
            conn.close()
        self._engine.dispose()

    def _reap(self) -> None:
        with self._lock:
            ended = [t for t in self._open if not t.is_alive()]
            closing = [self._open.pop(t) for t in ended]
        for conn in closing:
            conn.close()  # back to the pool (its thread is gone: nobody else uses it)

    def _forget(self, conn: sa.Connection) -> None:
        conn.close()
        with self._lock:
            for thread, held in list(self._open.items()):
                if held is conn:
                    del self._open[thread]


class PgChangeWatch:
    """``database.ChangeWatch`` for PostgreSQL: a number that moves whenever a change has
    been committed to the workspace, by this machine or another. It is the change feed's
    (``pg_notify.PgChangeFeed``: ``LISTEN``, no polling), so reading it costs no query."""

    def __init__(self, engine: sa.Engine) -> None:
        self.feed = PgChangeFeed(engine)

    def version(self) -> int:
        return self.feed.version()

    def close(self) -> None:
        self.feed.close()


class SharedDatabase:
    """What ``database.Database`` offers, for a PostgreSQL workspace: ``connect()`` is a
    connection of the caller's own (closed by the caller), ``change_watch()`` a
    ``PgChangeWatch``; ``path`` is the workspace's URL as it may be shown (no file)."""

    def __init__(self, engine: sa.Engine, name: str) -> None:
        self.engine = engine
        self.path = name
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")

    def connect(self) -> sa.Connection:
        return self._autocommit.connect()

    def change_watch(self) -> PgChangeWatch:
        return PgChangeWatch(self.engine)
