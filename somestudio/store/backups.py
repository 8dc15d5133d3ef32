"""The copy made before a migration: complete and verified, or absent.

It is written under a hidden temporary name, checked with ``PRAGMA integrity_check``,
flushed to disk and only then renamed to ``somestudio-schemaN-<UTC stamp>.db``; a file with
that name is therefore always a whole database. A temporary file left by a killed process
is removed at the next open (unless its process still runs).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from somestudio.store.errors import BackupError
from somestudio.store.files import fsync, process_alive, unlink_quietly

BACKUP_FOLDER = "backups"
BACKUP_GLOB = "somestudio-schema*.db"
PARTIAL_PREFIX = ".partial-"


def backup_database(conn: sqlite3.Connection, folder: Path, version: int, source: Path) -> Path:
    """Copy the live database with SQLite's backup API (consistent even under WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    temporary = folder / f"{PARTIAL_PREFIX}{os.getpid()}-schema{version}-{stamp}.db"
    try:
        folder.mkdir(exist_ok=True)
        dest = sqlite3.connect(temporary, isolation_level=None)
        try:
            conn.backup(dest)
            verdict = [str(r[0]) for r in dest.execute("PRAGMA integrity_check(5)")]
        finally:
            dest.close()
        if verdict != ["ok"]:
            detail = "; ".join(verdict)
            raise BackupError(
                "backup.unverified",
                f"The backup of {source} did not verify ({detail}); the database "
                "was not updated. Run `somestudio doctor`.",
                path=source,
                detail=detail,
            )
        fsync(temporary)
        target = _free_name(folder, version, stamp)
        temporary.rename(target)
        fsync(folder)
    except (OSError, sqlite3.Error) as exc:
        unlink_quietly(temporary)
        raise _failure(source, folder, exc) from exc
    except BaseException:
        unlink_quietly(temporary)
        raise
    return target


def remove_partial_backups(folder: Path) -> None:
    """Delete temporary files of backups whose process is gone (killed mid-copy)."""
    if not folder.is_dir():
        return
    for path in folder.glob(f"{PARTIAL_PREFIX}*"):
        pid = path.name.removeprefix(PARTIAL_PREFIX).split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and process_alive(int(pid)):
            continue
        unlink_quietly(path)


def has_backups(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob(BACKUP_GLOB))


def _failure(source: Path, folder: Path, exc: BaseException) -> BackupError:
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
    full = full or "full" in str(exc).lower()
    if full:
        size = source.stat().st_size if source.exists() else 0
        megabytes = size // 1_000_000 + 1
        return BackupError(
            "backup.no_room",
            f"There is no room in {folder} for the backup Some Studio makes before updating "
            f"the database (about {megabytes} MB). Free some space and start "
            "again; the database was not changed.",
            folder=folder,
            megabytes=megabytes,
        )
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(
        "backup.failed",
        f"The backup of {source} into {folder} failed ({detail}); the database was not "
        "updated. Fix the folder and start again.",
        path=source,
        folder=folder,
        detail=detail,
    )


def _free_name(folder: Path, version: int, stamp: str) -> Path:
    target = folder / f"somestudio-schema{version}-{stamp}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"somestudio-schema{version}-{stamp}-{counter}.db"
    return target
