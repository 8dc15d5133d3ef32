"""An opened data folder: checked database, settings and log, ready for use cases."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from somestudio.app.settings import SettingsStore
from somestudio.store.database import (
    DATABASE_FILE,
    Database,
    OpenReport,
    StorageError,
    open_database,
)

__all__ = ["StorageError", "Workspace", "open_workspace"]


@dataclass
class Workspace:
    home: Path
    database: Database
    report: OpenReport
    settings: SettingsStore
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections must not cross threads)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.database.connect()
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def open_workspace(home: Path, *, full_check: bool = False) -> Workspace:
    database, report = open_database(home / DATABASE_FILE, full_check=full_check)
    return Workspace(home=home, database=database, report=report, settings=SettingsStore(home))
