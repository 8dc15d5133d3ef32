"""Finding 2: another program's SQLite file (or an empty file) in the data folder was taken
over. Only files carrying Some Studio's application id, or a Some Studio database from before
the id existed, are opened; anything else is refused and left byte for byte as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE, LATEST_VERSION, open_database
from somestudio.store.identity import APPLICATION_ID
from tests.faults.conftest import assert_no_traceback, digest, somestudio
from tests.sqlite_files import write_sqlite

pytestmark = pytest.mark.slow


def _notes_app(path: Path) -> None:
    write_sqlite(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes (body) VALUES ('my shopping list')",
    )


def _has_posts_table(path: Path) -> None:
    write_sqlite(
        path,
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)",
        "INSERT INTO posts (title) VALUES ('a blog post')",
    )


def _other_application_id(path: Path) -> None:
    write_sqlite(
        path,
        "PRAGMA application_id = 1234",
        "PRAGMA user_version = 2",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY)",
        "CREATE TABLE deliveries (id INTEGER PRIMARY KEY)",
    )


def _wal_mode_foreign(path: Path) -> None:
    _notes_app(path)
    write_sqlite(path, "PRAGMA journal_mode = WAL")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


FOREIGN: dict[str, tuple[Callable[[Path], None], str]] = {
    "user_version 0 with tables": (_notes_app, "another program's SQLite file"),
    "a posts table": (_has_posts_table, "another program's SQLite file"),
    "another application id": (_other_application_id, "another application"),
    "WAL mode": (_wal_mode_foreign, "another program's SQLite file"),
    "0-byte file": (_empty_file, "empty file (0 bytes)"),
}


@pytest.mark.parametrize("kind", list(FOREIGN))
def test_a_foreign_file_is_refused_and_untouched(
    kind: str, env: dict[str, str], data_home: Path
) -> None:
    make, expected = FOREIGN[kind]
    db = data_home / DATABASE_FILE
    make(db)
    before = digest(db)
    files = sorted(p.name for p in data_home.iterdir())
    for command in (["post", "list"], ["doctor"]):
        result = somestudio(command, env)
        assert_no_traceback(result)
        assert result.returncode == 1, result.stdout + result.stderr
        output = result.stdout + result.stderr
        assert "not a Some Studio database" in output
        assert expected in output
        assert "It was not changed" in output
        assert digest(db) == before
        # Not even a -wal or -shm beside it, no backup, no new database.
        assert sorted(p.name for p in data_home.iterdir()) == files
    assert "!! database" in result.stdout


def test_a_database_from_before_application_ids_is_adopted(
    env: dict[str, str], data_home: Path
) -> None:
    db = data_home / DATABASE_FILE
    open_database(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 0")  # as every version before this one left it
    conn.execute("INSERT INTO posts (base_text, created_at, updated_at) VALUES ('hei', 'x', 'x')")
    conn.commit()
    conn.close()
    result = somestudio(["post", "list"], env)
    assert result.returncode == 0, result.stderr
    assert "hei" in result.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_a_new_database_carries_the_application_id(env: dict[str, str], data_home: Path) -> None:
    result = somestudio(["post", "list"], env)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(data_home / DATABASE_FILE)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert not [p for p in data_home.iterdir() if p.name.startswith(".new-")]
