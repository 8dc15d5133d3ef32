"""Opening, checking and migrating the SQLite file.

Every failure a user can meet here (a corrupt file, a file from a newer version, a folder
that is missing or read-only) raises a ``StorageError`` whose message says what is wrong and
where; nothing in this module ever overwrites or deletes the user's file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from somestudio.store.migrations import MIGRATIONS, Migration

DATABASE_FILE = "somestudio.db"
BACKUP_FOLDER = "backups"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    """A problem with the data folder or database that the user must resolve."""


class DataFolderError(StorageError):
    pass


class CorruptDatabaseError(StorageError):
    pass


class NewerSchemaError(StorageError):
    pass


class MigrationError(StorageError):
    pass


LATEST_VERSION = MIGRATIONS[-1].version


@dataclass(frozen=True, slots=True)
class Database:
    """A checked, migrated database file. Each thread opens its own connection."""

    path: Path

    def connect(self) -> sqlite3.Connection:
        return _connect(self.path, must_exist=True)


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
    latest = migrations[-1].version
    folder = path.parent
    _check_folder(folder)
    existed = path.exists()
    if existed:
        _check_file(path)
    try:
        conn = _connect(path, must_exist=existed)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(f"The database {path} cannot be opened: {exc}.") from exc
    try:
        version = _read_version(conn, path)
        if version > latest:
            raise NewerSchemaError(
                f"The database {path} was written by a newer version of Some Studio "
                f"(schema {version}; this version knows up to {latest}). "
                "Install the newer version; the file was not changed."
            )
        if defer_check and version == latest:
            integrity = "deferred"
        else:
            integrity = integrity_check(conn, path, full=full_check or version == 0)
        _enable_wal(conn, path)
        backup = None
        if version < latest:
            if version > 0:
                backup = backup_database(conn, folder / BACKUP_FOLDER, version)
            for migration in migrations:
                if migration.version > version:
                    _apply(conn, migration, path)
        return Database(path), OpenReport(
            schema_version=latest,
            migrated_from=version if version < latest else None,
            backup=backup,
            integrity=integrity,
        )
    finally:
        conn.close()


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
        raise CorruptDatabaseError(
            f"The database {path} is damaged ({exc}). It was not changed; restore a copy "
            f"from {path.parent / BACKUP_FOLDER} or move the file away to start fresh."
        ) from exc
    if rows != ["ok"]:
        detail = "; ".join(rows[:3])
        raise CorruptDatabaseError(
            f"The database {path} failed its integrity check: {detail}. It was not changed; "
            f"restore a copy from {path.parent / BACKUP_FOLDER} or move the file away."
        )
    if fk:
        raise CorruptDatabaseError(
            f"The database {path} has {len(fk)}+ rows pointing at missing rows "
            f"(table {fk[0][0]}). It was not changed."
        )
    return "ok"


def backup_database(conn: sqlite3.Connection, folder: Path, version: int) -> Path:
    """Copy the live database with SQLite's backup API (consistent even under WAL)."""
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"somestudio-schema{version}-{stamp}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"somestudio-schema{version}-{stamp}-{counter}.db"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken immediately so concurrent writers queue instead of failing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise DataFolderError(
            f"The data folder {folder} does not exist. Create it, or point SOMESTUDIO_HOME "
            "at an existing folder."
        )
    # A real write probe: permission bits lie for root, ACLs and read-only mounts.
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".write-probe-"):
            pass
    except OSError as exc:
        raise DataFolderError(
            f"The data folder {folder} is not writable ({exc.strerror}). Some Studio keeps "
            "its database there; fix the folder's permissions or choose another folder "
            "with SOMESTUDIO_HOME."
        ) from exc


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise DataFolderError(f"{path} exists but is not a file.")
    try:
        with path.open("r+b") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DataFolderError(
            f"The database {path} cannot be opened for writing ({exc.strerror}). "
            "Fix its permissions; the file was not changed."
        ) from exc
    if head and head != SQLITE_MAGIC:
        raise CorruptDatabaseError(
            f"{path} is not a Some Studio database (it is not an SQLite file). "
            "It was not changed; move it away to start fresh."
        )


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
            f"The database {path} is damaged or not a database ({exc}). It was not changed."
        ) from exc


def _enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
    if mode.lower() != "wal":
        raise DataFolderError(
            f"The database {path} cannot use write-ahead logging (journal mode {mode}); "
            "network file systems are not supported for the data folder."
        )


def _apply(conn: sqlite3.Connection, migration: Migration, path: Path) -> None:
    # executescript() commits any open transaction first, so the transaction is begun by the
    # script itself; on failure the script stops inside it and we roll back. Foreign keys are
    # off during the step (a table rebuild must not cascade; SQLite ignores the pragma inside
    # a transaction) and checked before the commit, as SQLite's ALTER TABLE page prescribes.
    script = f"BEGIN IMMEDIATE;\n{migration.sql}\n;PRAGMA user_version = {migration.version};"
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
            f"Updating {path} to schema {migration.version} ({migration.name}) failed: {exc}. "
            "The database was left at its previous version."
        ) from exc
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
