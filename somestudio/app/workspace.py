"""An opened data folder: checked database, settings and log, ready for use cases.

The database is the data folder's own SQLite file unless the settings name another workspace
(``somestudio workspace use URL``): a SQLite file elsewhere, or a shared PostgreSQL database
whose password is in the system keyring (docs/workspace-backends.md).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from somestudio.app.settings import SettingsStore
from somestudio.store.database import (
    ChangeWatch,
    Database,
    OpenReport,
    StorageError,
    close_connection,
    damaged_error,
    open_database,
    verify_integrity,
)
from somestudio.store.workspace_url import POSTGRESQL, WorkspaceUrl, default_url, parse

if TYPE_CHECKING:
    from somestudio.store.pg_connections import PgConnections
    from somestudio.store.sql import Conn

__all__ = ["StorageError", "Workspace", "open_workspace", "workspace_url"]

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
    # The workspace's URL; a PostgreSQL workspace's connections in ``shared``.
    url: WorkspaceUrl | None = None
    shared: PgConnections | None = field(default=None, repr=False)

    @property
    def is_shared(self) -> bool:
        """Whether this is a PostgreSQL workspace (several machines may use it)."""
        return self.shared is not None

    def data_version(self) -> tuple[int, int]:
        """A value that changes whenever anything has been committed to the database (by any
        connection), from any thread: the key of caches of what the data gives. The first
        part counts the watching connections opened (their numbers do not compare)."""
        with self._watch_lock:
            if self._watch is None:
                self._watch = self.database.change_watch()
                self._watches += 1
            return self._watches, self._watch.version()

    def on_remote_change(self, listener: Callable[[str], None]) -> bool:
        """Call ``listener`` (on the change feed's own thread, with the changed tables as
        ``"posts,deliveries"``, ``"*"`` or ``""`` after a reconnect) whenever a change is
        committed to a shared workspace, by any machine (docs/workspace-backends.md,
        section 9). False on a SQLite workspace, which only this machine changes: there the
        callers' own writes are what changes it."""
        feed = self._change_feed()
        if feed is None:
            return False
        feed.listeners.append(listener)
        return True

    def on_reachability(self, listener: Callable[[bool], None]) -> bool:
        """Call ``listener(False)`` when a shared workspace's server stops answering (it went
        away, or the network did) and ``listener(True)`` once it answers again, on the change
        feed's thread; the feed retries every few seconds by itself. False on SQLite."""
        feed = self._change_feed()
        if feed is None:
            return False
        feed.reach_listeners.append(listener)
        return True

    def _change_feed(self) -> Any:
        """A shared workspace's change feed (``pg_notify.PgChangeFeed``), started on first
        use; None on SQLite."""
        if self.shared is None:
            return None
        self.data_version()  # starts the watch and its feed
        with self._watch_lock:
            watch = self._watch
        return getattr(watch, "feed", None)

    def unreachable(self, exc: BaseException) -> bool:
        """Whether ``exc`` says a shared workspace's server could not be reached (refused,
        gone, a dropped connection): the work it interrupted was not committed, and it is
        worth trying again once the server is back. Always False on SQLite."""
        if self.shared is None:
            return False
        from somestudio.store.pg_connections import server_unreachable  # noqa: PLC0415

        return server_unreachable(exc)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections must not cross threads).

        On a PostgreSQL workspace it is this thread's SQLAlchemy connection, on which only
        code written with ``store.sql`` runs; it is typed as SQLite's until every caller is
        (``store_connection`` is the honest type for code that is)."""
        if self.shared is not None:
            return cast(sqlite3.Connection, self.shared.connection())
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

    def store_connection(self) -> Conn:
        """This thread's connection, for code written with ``store.sql`` (both backends)."""
        return self.connection()

    def writable_store_connection(self) -> Conn:
        """``writable_connection`` for code written with ``store.sql`` (both backends)."""
        return self.writable_connection()

    def damage(self, exc: BaseException) -> StorageError | None:
        """``exc`` as the damaged-database error to show, when it is SQLite finding the file
        damaged during a read (the checks at opening cannot read every page first); None for
        anything else (a full disk, a lock, a constraint: not damage)."""
        if self.shared is not None:
            return None  # the server guards its own files
        corrupt = (getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26))
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in corrupt:
            return damaged_error(self.database.path, str(exc))
        return None

    def close(self, *, checkpoint: bool = False) -> None:
        """Close this thread's connection. The planner's statistics are kept up to date here
        (SQLite's advice: optimize before closing), never on a file not verified.
        A PostgreSQL workspace closes every thread's connection and its pool.

        ``checkpoint`` (the app's quit): first move everything committed from the write-ahead
        log into the database file. SQLite does that by itself when the last connection
        closes, but idle worker threads still hold theirs when the app quits: the log stayed
        beside the file with the last changes in it, and a copy of the database file alone
        (a backup made after quitting) lacked them."""
        if self.shared is not None:
            with self._watch_lock:
                if self._watch is not None:
                    self._watch.close()
                    self._watch = None
            self.shared.close()
            return
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        verified = self.verified.done() and self.verified.exception() is None
        if checkpoint and verified and conn is None:
            conn = self.connection()
        if conn is not None:
            # The statistics first: optimizing writes them, and the checkpoint takes that too.
            close_connection(conn, optimize=verified, checkpoint=checkpoint and verified)
            self._local.conn = None
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None


def open_workspace(
    home: Path,
    *,
    full_check: bool = False,
    verify_in_background: bool = False,
    settings: SettingsStore | None = None,
) -> Workspace:
    """Open the data folder's workspace (its settings say which). With
    ``verify_in_background`` the integrity check of a SQLite file (a scan of the whole file)
    runs on its own thread while the caller carries on reading; writes wait for it. The
    window passes the ``settings`` it was built with (read from ``home``).
    """
    if settings is None:
        settings = SettingsStore(home)
    url = workspace_url(home, settings)
    if url.backend == POSTGRESQL:
        return _open_shared(home, settings, url)
    assert url.path is not None
    database, report = open_database(
        url.path, full_check=full_check, defer_check=verify_in_background
    )
    workspace = Workspace(
        home=home,
        database=database,
        report=report,
        settings=settings,
        url=url if settings.value.workspace_url else None,
    )
    if report.integrity == "deferred":
        threading.Thread(
            target=_verify, args=(workspace,), name="integrity-check", daemon=True
        ).start()
    else:
        workspace.verified.set_result(report.integrity)
    return workspace


def workspace_url(home: Path, settings: SettingsStore) -> WorkspaceUrl:
    """The workspace the settings name (the data folder's own file when none); a URL that
    no longer reads is a ``WorkspaceUrlError`` (settings edited by hand)."""
    text = settings.value.workspace_url
    return parse(text) if text else default_url(home)


def _open_shared(home: Path, settings: SettingsStore, url: WorkspaceUrl) -> Workspace:
    """A PostgreSQL workspace: reached with the keyring's password, its schema checked and
    brought up to date (``store.postgres_open``), its connections one per thread."""
    from somestudio.app.shared_workspace import keyring_password  # noqa: PLC0415
    from somestudio.store.backups import BACKUP_FOLDER  # noqa: PLC0415
    from somestudio.store.pg_connections import PgConnections, SharedDatabase  # noqa: PLC0415
    from somestudio.store.postgres_open import open_postgresql  # noqa: PLC0415

    engine, opened = open_postgresql(url, keyring_password(url), backup_folder=home / BACKUP_FOLDER)
    report = OpenReport(
        schema_version=int(opened.revision),
        migrated_from=None if opened.migrated_from is None else int(opened.migrated_from or 0),
        backup=opened.backup,
        integrity="ok",  # the revision and the server's own checks (postgres_open)
    )
    workspace = Workspace(
        home=home,
        database=cast(Database, SharedDatabase(engine, url.display())),
        report=report,
        settings=settings,
        url=url,
        shared=PgConnections(engine),
    )
    workspace.verified.set_result("ok")
    return workspace


def _verify(workspace: Workspace) -> None:
    from somestudio.app.niceness import lower_this_thread  # noqa: PLC0415

    lower_this_thread()  # a scan of the whole file: after the window's first paints, not beside
    try:
        workspace.verified.set_result(verify_integrity(workspace.database.path))
    except StorageError as exc:
        workspace.verified.set_exception(exc)
