"""Is this file a Some Studio database? Decided before anything is written to it.

Every database this app creates carries ``PRAGMA application_id = APPLICATION_ID``. On open:

- our id: ours;
- id 0, ``user_version`` > 0 and our core tables: ours from before the id existed; adopted
  (the id is set in the next write transaction);
- anything else (another id; id 0 with ``user_version`` 0 and any tables or none; a 0-byte
  file): refused, and the file is left byte for byte as it was. A 0-byte file is never ours:
  a new database is built under a temporary name and renamed into place complete.

The check reads through a read-only connection; when there is no ``-wal`` beside the file it
is opened immutable, so not even a ``-shm`` appears next to someone else's file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from somestudio.store.errors import CorruptDatabaseError, ForeignDatabaseError

APPLICATION_ID = 0x536F5374  # "SoSt"
CORE_TABLES = frozenset({"accounts", "posts", "deliveries", "attempts"})


@dataclass(frozen=True, slots=True)
class Identity:
    user_version: int
    adopt: bool  # ours from before application ids: set the id on the next write


def identify(path: Path) -> Identity:
    """Classify an existing, non-empty SQLite file; raise unless it is ours."""
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            "database.cannot_open",
            f"The database {path} cannot be opened: {exc}.",
            path=path,
            detail=exc,
        ) from exc
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            "database.unreadable",
            f"The database {path} is damaged or not a database ({exc}). It was not changed.",
            path=path,
            detail=exc,
        ) from exc
    finally:
        conn.close()
    if app_id == APPLICATION_ID:
        return Identity(version, adopt=False)
    if app_id == 0 and version > 0 and tables >= CORE_TABLES:
        return Identity(version, adopt=True)
    raise _foreign(path, app_id, version, tables)


def _foreign(path: Path, app_id: int, version: int, tables: set[str]) -> ForeignDatabaseError:
    def sentence(whose: str) -> str:
        return (
            f"{path} is not a Some Studio database: {whose}. It was not changed. Move it out "
            "of the data folder (or point SOMESTUDIO_HOME at another folder) to start fresh."
        )

    if app_id != 0:
        shown_id = f"{app_id:#010x}"
        return ForeignDatabaseError(
            "database.foreign_application",
            sentence(f"it belongs to another application (application id {shown_id})"),
            path=path,
            application_id=shown_id,
        )
    if not tables:
        return ForeignDatabaseError(
            "database.foreign_no_tables",
            sentence("it is an SQLite file with no tables, not one Some Studio made"),
            path=path,
        )
    listed = ", ".join(sorted(tables)[:5])
    return ForeignDatabaseError(
        "database.foreign_tables",
        sentence(f"it is another program's SQLite file (schema {version}; tables {listed})"),
        path=path,
        version=version,
        tables=listed,
    )


def refuse_empty(path: Path) -> ForeignDatabaseError:
    return ForeignDatabaseError(
        "database.empty_file",
        f"{path} is an empty file (0 bytes), not a Some Studio database; Some Studio never "
        "leaves one behind. It was not changed. Delete it or move it away to start fresh.",
        path=path,
    )
