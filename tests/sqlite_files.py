"""SQLite files made by hand for tests: another program's database, a Some Studio database
whose pages are damaged on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from somestudio.store.database import open_database, transaction

PAGE = 4096


def write_sqlite(path: Path, *statements: str) -> None:
    """A SQLite file at ``path`` made (or changed) by ``statements``, committed."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def scribble_over_pages(path: Path) -> None:
    """Overwrite the file's pages 4 to 8 (table pages; the header stays intact)."""
    data = bytearray(path.read_bytes())
    for offset in range(3 * PAGE, min(len(data), 8 * PAGE)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def damaged_database(path: Path, *, text: str = "x" * 500, wal: bool = False) -> None:
    """A real Some Studio database with 200 posts of ``text`` whose pages are then
    overwritten on disk; all in the main file, in rollback-journal mode unless ``wal``."""
    database, _ = open_database(path)
    conn = database.connect()
    with transaction(conn):
        conn.executemany(
            "INSERT INTO posts (base_text, created_at, updated_at) VALUES (?, 'x', 'x')",
            [(text,)] * 200,
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not wal:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    scribble_over_pages(path)
