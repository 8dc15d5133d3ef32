"""Opening, checking and migrating the SQLite file.

Every failure a user can meet here (a corrupt file, another program's file, a file from a
newer version, a folder that is missing or read-only, no room for the backup) raises a
``StorageError`` whose message says what is wrong and where; nothing in this module ever
overwrites or deletes the user's file, and a file that is not ours (``identity``) is not even
switched to WAL. A new database is built under a temporary name and renamed into place, so
``somestudio.db`` is whole or absent.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from somestudio.store import history
from somestudio.store.backups import (
    BACKUP_FOLDER,
    backup_database,
    has_backups,
    remove_partial_backups,
)
from somestudio.store.data_folder import check_data_folder
from somestudio.store.errors import (
    BackupError,
    CorruptDatabaseError,
    DataFolderError,
    ForeignDatabaseError,
    MigrationError,
    NewerSchemaError,
    StorageError,
)
from somestudio.store.files import fsync, process_alive, unlink_quietly
from somestudio.store.identity import APPLICATION_ID, identify, refuse_empty
from somestudio.store.migrations import MIGRATIONS, Migration

__all__ = [
    "BACKUP_FOLDER",
    "DATABASE_FILE",
    "LATEST_VERSION",
    "BackupError",
    "CorruptDatabaseError",
    "DataFolderError",
    "Database",
    "ForeignDatabaseError",
    "MigrationError",
    "NewerSchemaError",
    "OpenReport",
    "StorageError",
    "backup_database",
    "check_data_folder",
    "close_connection",
    "damaged_error",
    "integrity_check",
    "open_database",
    "transaction",
    "verify_integrity",
]

DATABASE_FILE = "somestudio.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
ANALYSIS_LIMIT = 400  # rows per index PRAGMA optimize samples (SQLite's suggested range)
CHECKPOINT_WAIT_MS = 500  # at quit: how long the log's checkpoint waits for other connections
NEW_PREFIX = ".new-"
DATABASE_MODE = 0o600  # a new database file's permissions

# The legacy SQL steps end at schema 15 (the last of MIGRATIONS); every later step is a
# revision of the one history (store/alembic, docs/workspace-backends.md), numbered on.
LEGACY_VERSION = MIGRATIONS[-1].version


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """The schema a file is brought to: the last legacy step, then the history's revisions
    (a shortened legacy list, as tests use to make old files, stops where it ends)."""
    legacy = migrations[-1].version
    return max(legacy, history.head_number()) if legacy == LEGACY_VERSION else legacy


LATEST_VERSION = latest_version()


@dataclass(frozen=True, slots=True)
class Database:
    """A checked, migrated database file. Each thread opens its own connection."""

    path: Path

    def connect(self) -> sqlite3.Connection:
        return _connect(self.path, must_exist=True)

    def change_watch(self) -> ChangeWatch:
        return ChangeWatch(self.path)


class ChangeWatch:
    """Tells, from any thread, whether the database has changed: a read-only connection of
    its own that never writes, so SQLite's ``PRAGMA data_version`` moves on every commit
    (of this process or another) since it last asked. For caches of what the data gives."""

    def __init__(self, path: Path) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._lock = threading.Lock()

    def version(self) -> int:
        """A number that changes whenever any connection has committed a change."""
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()


@dataclass(frozen=True, slots=True)
class OpenReport:
    schema_version: int
    migrated_from: int | None
    backup: Path | None
    integrity: str  # "ok", or "deferred" when the caller runs verify_integrity() itself


def open_database(
    path: Path,
    *,
    full_check: bool = False,
    defer_check: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> tuple[Database, OpenReport]:
    """Check the folder and file, verify integrity, migrate (with a backup) and return it.

    ``defer_check`` skips the page-by-page integrity check when no migration is due, for a
    caller that runs ``verify_integrity`` concurrently and writes nothing until it passes
    (the window, whose start-up would otherwise wait on a scan of the whole file). A
    migration always checks first: it must never build on a damaged file.
    """
    latest = latest_version(migrations)
    legacy_latest = migrations[-1].version
    folder = path.parent
    check_data_folder(folder)
    remove_partial_backups(folder / BACKUP_FOLDER)
    _remove_unfinished_creations(folder, path.name)
    if not path.exists():
        _create(path, migrations)
        return Database(path), OpenReport(latest, migrated_from=0, backup=None, integrity="ok")
    _check_file(path)
    identity = identify(path)  # read-only: a file that is not ours is refused untouched
    if identity.user_version > latest:
        raise NewerSchemaError(
            "database.newer_schema",
            f"The database {path} was written by a newer version of Some Studio "
            f"(schema {identity.user_version}; this version knows up to {latest}). "
            "Install the newer version; the file was not changed.",
            path=path,
            version=identity.user_version,
            latest=latest,
        )
    try:
        conn = _connect(path, must_exist=True)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            "database.cannot_open",
            f"The database {path} cannot be opened: {exc}.",
            path=path,
            detail=exc,
        ) from exc
    try:
        version = _read_version(conn, path)
        if defer_check and version == latest and not identity.adopt:
            integrity = "deferred"
        else:
            integrity = integrity_check(conn, path, full=full_check)
        _enable_wal(conn, path)
        backup = None
        if version < latest:
            backup = backup_database(conn, folder / BACKUP_FOLDER, version, path)
            for migration in migrations:
                if migration.version > version:
                    _apply(conn, migration, path)
            if latest > legacy_latest:
                _history_steps(path, path)
        elif identity.adopt:
            conn.executescript(f"BEGIN IMMEDIATE; {_ID_PRAGMA}; COMMIT;")
        return Database(path), OpenReport(
            schema_version=latest,
            migrated_from=version if version < latest else None,
            backup=backup,
            integrity=integrity,
        )
    finally:
        conn.close()


_ID_PRAGMA = f"PRAGMA application_id = {APPLICATION_ID}"


def _create(path: Path, migrations: Sequence[Migration]) -> None:
    """A new database, built beside its place and renamed there when complete."""
    temporary = path.with_name(f"{NEW_PREFIX}{os.getpid()}-{path.name}")
    try:
        conn = _connect(temporary, must_exist=False)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            for migration in migrations:
                _apply(conn, migration, path)
        finally:
            conn.close()
        if latest_version(migrations) > migrations[-1].version:
            _history_steps(temporary, path)
        # Readable by the user only, as the settings are (SQLite gives its -wal and -shm
        # files the database's own permissions): it holds every post and its numbers.
        temporary.chmod(DATABASE_MODE)
        fsync(temporary)
        _move_into_place(temporary, path)
        fsync(path.parent)
    except FileExistsError:
        pass  # another process created it meanwhile: use theirs
    except (OSError, sqlite3.Error) as exc:
        detail = getattr(exc, "strerror", None) or exc
        raise DataFolderError(
            "database.cannot_create",
            f"The database {path} cannot be created ({detail}).",
            path=path,
            detail=detail,
        ) from exc
    finally:
        unlink_quietly(temporary)
    conn = _connect(path, must_exist=True)
    try:
        _enable_wal(conn, path)
    finally:
        conn.close()


def _move_into_place(temporary: Path, path: Path) -> None:
    # link() fails if another process created the database meanwhile: never replace one.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as exc:  # a file system without hard links (FAT, some network shares)
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if path.exists():
            raise FileExistsError(str(path)) from exc
        temporary.replace(path)


def _remove_unfinished_creations(folder: Path, name: str) -> None:
    for leftover in folder.glob(f"{NEW_PREFIX}*-{name}*"):
        pid = leftover.name.removeprefix(NEW_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            unlink_quietly(leftover)


def verify_integrity(path: Path) -> str:
    """The integrity check on a connection of its own (for a background thread)."""
    conn = _connect(path, must_exist=True)
    try:
        return integrity_check(conn, path, full=False)
    finally:
        conn.close()


def integrity_check(conn: sqlite3.Connection, path: Path, *, full: bool) -> str:
    """Run SQLite's integrity check; raise with the first problems if it is not clean."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc), checked=False) from exc
    if rows != ["ok"]:
        raise _damaged(path, "; ".join(rows[:3]), checked=True)
    if fk:
        raise CorruptDatabaseError(
            "database.broken_links",
            f"The database {path} has {len(fk)}+ rows pointing at missing rows "
            f"(table {fk[0][0]}). It was not changed.",
            path=path,
            count=len(fk),
            table=fk[0][0],
        )
    return "ok"


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken immediately so concurrent writers queue instead of failing.

    A PostgreSQL workspace's connection (SQLAlchemy) gets ``sql.write``'s server transaction,
    so callers written for SQLite keep one transaction helper."""
    if not isinstance(conn, sqlite3.Connection):  # typed as SQLite's until its callers are
        from somestudio.store.sql import write  # type: ignore[unreachable]  # noqa: PLC0415

        with write(conn):
            yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def checkpoint_log(conn: sqlite3.Connection) -> bool:
    """Copy every change committed to the write-ahead log into the database file and empty
    the log (``PRAGMA wal_checkpoint(TRUNCATE)``, https://sqlite.org/pragma.html#pragma_wal_checkpoint),
    waiting at most ``CHECKPOINT_WAIT_MS`` for a writer or a reader of an older snapshot.
    False when that did not happen (busy); nothing is lost either way: SQLite reads the log
    at the next opening."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        busy, _frames, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        return False
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return not busy


def close_connection(
    conn: sqlite3.Connection, *, optimize: bool = True, checkpoint: bool = False
) -> None:
    """Close a connection; with ``optimize``, first let SQLite refresh the query planner's
    statistics of the tables this connection used, as SQLite recommends before closing
    ("PRAGMA optimize", https://sqlite.org/pragma.html#pragma_optimize). The analysis limit
    keeps it to milliseconds on big tables; a busy or read-only file is left as it is.
    With ``checkpoint``, then ``checkpoint_log`` (the statistics go into the file too)."""
    if optimize:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA busy_timeout = 100")  # closing: never wait on a writer
            conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            conn.execute("PRAGMA optimize")
    if checkpoint:
        checkpoint_log(conn)
    conn.close()


def damaged_error(path: Path, detail: str) -> CorruptDatabaseError:
    """The error for a file SQLite found damaged while reading it (after it was opened)."""
    return _damaged(path, detail, checked=False)


def _damaged(path: Path, detail: str, *, checked: bool) -> CorruptDatabaseError:
    """``checked``: the integrity check ran and listed problems (else SQLite could not even
    read the file); the advice names the backups when there are some."""
    backups = path.parent / BACKUP_FOLDER
    restore = f"restore a copy from {backups} or move the file away to start fresh."
    move = "move the file away to start fresh (there is no backup of it in the data folder)."
    if checked:
        head = f"The database {path} failed its integrity check: {detail}. It was not changed; "
        if has_backups(backups):
            return CorruptDatabaseError(
                "database.integrity_failed",
                head + restore,
                path=path,
                detail=detail,
                backups=backups,
            )
        return CorruptDatabaseError(
            "database.integrity_failed_no_backup", head + move, path=path, detail=detail
        )
    head = f"The database {path} is damaged ({detail}). It was not changed; "
    if has_backups(backups):
        return CorruptDatabaseError(
            "database.damaged", head + restore, path=path, detail=detail, backups=backups
        )
    return CorruptDatabaseError("database.damaged_no_backup", head + move, path=path, detail=detail)


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise DataFolderError("database.not_a_file", f"{path} exists but is not a file.", path=path)
    if path.stat().st_size == 0:
        raise refuse_empty(path)
    try:
        with path.open("r+b") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DataFolderError(
            "database.not_writable",
            f"The database {path} cannot be opened for writing ({exc.strerror}). "
            "Fix its permissions; the file was not changed.",
            path=path,
            detail=exc.strerror,
        ) from exc
    if head != SQLITE_MAGIC:
        raise CorruptDatabaseError(
            "database.not_sqlite",
            f"{path} is not a Some Studio database (it is not an SQLite file). "
            "It was not changed; move it away to start fresh.",
            path=path,
        )


def connect_file(path: Path) -> sqlite3.Connection:
    """A connection to an existing database file with the app's pragmas (for engines)."""
    return _connect(path, must_exist=True)


def _connect(path: Path, *, must_exist: bool) -> sqlite3.Connection:
    mode = "rw" if must_exist else "rwc"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # FULL: a claimed or published delivery must survive a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _read_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            "database.unreadable",
            f"The database {path} is damaged or not a database ({exc}). It was not changed.",
            path=path,
            detail=exc,
        ) from exc


def _enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
    if mode.lower() != "wal":
        raise DataFolderError(
            "database.no_wal",
            f"The database {path} cannot use write-ahead logging (journal mode {mode}); "
            "network file systems are not supported for the data folder.",
            path=path,
            mode=mode,
        )


def _history_steps(file: Path, path: Path) -> None:
    """The history's revisions after the legacy steps, on ``file`` (``path`` is the name the
    user knows it by): all in one transaction, foreign keys off during it and checked before
    the commit, as for a legacy step. The caller has made the backup."""
    from somestudio.store.engines import sqlite_engine  # noqa: PLC0415 - engines imports this module

    engine = sqlite_engine(file)
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            raw.execute("PRAGMA foreign_keys = OFF")  # before the transaction begins
            history.upgrade(conn)
    except Exception as exc:
        version = history.head_number()
        raise MigrationError(
            "database.migration_failed",
            f"Updating {path} to schema {version} failed: {exc}. "
            "The database was left at its previous version.",
            path=path,
            version=version,
            name="history",
            detail=exc,
        ) from exc
    finally:
        engine.dispose()


def _apply(conn: sqlite3.Connection, migration: Migration, path: Path) -> None:
    # executescript() commits any open transaction first, so the transaction is begun by the
    # script itself; on failure the script stops inside it and we roll back. Foreign keys are
    # off during the step (a table rebuild must not cascade; SQLite ignores the pragma inside
    # a transaction) and checked before the commit, as SQLite's ALTER TABLE page prescribes.
    script = (
        f"BEGIN IMMEDIATE;\n{migration.sql}\n;PRAGMA user_version = {migration.version};\n"
        f"{_ID_PRAGMA};"
    )
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.executescript(script)
        broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
        if broken:
            raise sqlite3.IntegrityError(
                f"{len(broken)}+ rows would point at missing rows (table {broken[0][0]})"
            )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise MigrationError(
            "database.migration_failed",
            f"Updating {path} to schema {migration.version} ({migration.name}) failed: {exc}. "
            "The database was left at its previous version.",
            path=path,
            version=migration.version,
            name=migration.name,
            detail=exc,
        ) from exc
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
