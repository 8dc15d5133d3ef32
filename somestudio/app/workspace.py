"""An opened data folder: checked database, settings and log, ready for use cases."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from somestudio.app.settings import SettingsStore
from somestudio.store.database import (
    DATABASE_FILE,
    ChangeWatch,
    Database,
    OpenReport,
    StorageError,
    close_connection,
    damaged_error,
    open_database,
    verify_integrity,
)

__all__ = ["StorageError", "Workspace", "open_workspace"]

VERIFY_TIMEOUT_S = 600.0


@dataclass
class Workspace:
    home: Path
    database: Database
    report: OpenReport
    settings: SettingsStore
    verified: Future[str] = field(default_factory=Future, repr=False)
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _watch: ChangeWatch | None = field(default=None, repr=False)
    _watch_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _watches: int = field(default=0, repr=False)

    def data_version(self) -> tuple[int, int]:
        """A value that changes whenever anything has been committed to the database (by any
        connection), from any thread: the key of caches of what the data gives. The first
        part counts the watching connections opened (their numbers do not compare)."""
        with self._watch_lock:
            if self._watch is None:
                self._watch = self.database.change_watch()
                self._watches += 1
            return self._watches, self._watch.version()

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections must not cross threads)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.database.connect()
            self._local.conn = conn
        return conn

    def writable_connection(self) -> sqlite3.Connection:
        """This thread's connection, once the integrity check has passed (raises if it failed).

        Nothing is written to a file that has not been verified since it was opened.
        """
        self.verified.result(timeout=VERIFY_TIMEOUT_S)
        return self.connection()

    def damage(self, exc: BaseException) -> StorageError | None:
        """``exc`` as the damaged-database error to show, when it is SQLite finding the file
        damaged during a read (the checks at opening cannot read every page first); None for
        anything else (a full disk, a lock, a constraint: not damage)."""
        corrupt = (getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26))
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in corrupt:
            return damaged_error(self.database.path, str(exc))
        return None

    def close(self) -> None:
        """Close this thread's connection. The planner's statistics are kept up to date here
        (SQLite's advice: optimize before closing), never on a file not verified."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            verified = self.verified.done() and self.verified.exception() is None
            close_connection(conn, optimize=verified)
            self._local.conn = None
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None


def open_workspace(
    home: Path, *, full_check: bool = False, verify_in_background: bool = False
) -> Workspace:
    """Open the data folder. With ``verify_in_background`` the integrity check (a scan of the
    whole file) runs on its own thread while the caller carries on reading; writes wait for it.
    """
    database, report = open_database(
        home / DATABASE_FILE, full_check=full_check, defer_check=verify_in_background
    )
    workspace = Workspace(home=home, database=database, report=report, settings=SettingsStore(home))
    if report.integrity == "deferred":
        threading.Thread(
            target=_verify, args=(workspace,), name="integrity-check", daemon=True
        ).start()
    else:
        workspace.verified.set_result(report.integrity)
    return workspace


def _verify(workspace: Workspace) -> None:
    try:
        workspace.verified.set_result(verify_integrity(workspace.database.path))
    except StorageError as exc:
        workspace.verified.set_exception(exc)
