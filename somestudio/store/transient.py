"""Which database errors a writer waits out and tries again, on either backend.

SQLite: a full disk, an I/O error, a lock held too long (``SQLITE_FULL``/``IOERR``/``BUSY``).
PostgreSQL: a connection the server dropped (a restart, a network cut: the unit of work was
not committed and the thread's next connection is a new one, ``pg_connections``), a
serialization failure or deadlock, a lock or statement timeout, and the server being out of
disk or shutting down. Imports no SQLAlchemy: a solo SQLite start-up stays light.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys

from somestudio.store.sql import Conn

_SQLITE = frozenset({sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_BUSY})
# SQLSTATEs: serialization_failure, deadlock_detected, lock_not_available, query_canceled
# (statement_timeout), disk_full, admin_shutdown, crash_shutdown, cannot_connect_now.
_POSTGRESQL = frozenset({"40001", "40P01", "55P03", "57014", "53100", "57P01", "57P02", "57P03"})


def transient(exc: BaseException) -> bool:
    """Whether ``exc`` is a database error worth waiting out and trying again."""
    if isinstance(exc, sqlite3.OperationalError):
        return getattr(exc, "sqlite_errorcode", 0) & 0xFF in _SQLITE
    sa = sys.modules.get("sqlalchemy")  # only a PostgreSQL workspace has loaded it
    if sa is None or not isinstance(exc, sa.exc.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None)
    return state in _POSTGRESQL


def roll_back(conn: Conn) -> None:
    """End a transaction a failed statement or COMMIT left open (nothing if none is)."""
    if isinstance(conn, sqlite3.Connection):
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        return
    if conn.invalidated or conn.closed:
        return
    with contextlib.suppress(Exception):
        conn.exec_driver_sql("ROLLBACK")


def operational(exc: BaseException) -> bool:
    """Whether ``exc`` is the database failing to do its work (a full disk, a lost server),
    not a bug: sqlite3's ``OperationalError``, or SQLAlchemy's on a PostgreSQL workspace."""
    if isinstance(exc, sqlite3.OperationalError):
        return True
    sa = sys.modules.get("sqlalchemy")
    return sa is not None and isinstance(exc, sa.exc.OperationalError)
