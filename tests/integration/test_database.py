"""The database file under real conditions: fresh, migrated, damaged, newer, read-only."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.store.database import (
    BACKUP_FOLDER,
    DATABASE_FILE,
    LATEST_VERSION,
    CorruptDatabaseError,
    DataFolderError,
    MigrationError,
    NewerSchemaError,
    open_database,
)
from somestudio.store.migrations import MIGRATIONS, Migration
from tests.read_only import read_only_folder
from tests.sqlite_files import damaged_database, write_sqlite


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_has_schema_wal_and_foreign_keys(home: Path) -> None:
    db, report = open_database(home / DATABASE_FILE)
    assert report.migrated_from == 0
    assert report.backup is None  # nothing to back up yet
    conn = db.connect()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"accounts", "posts", "deliveries", "attempts", "metric_snapshots"} <= tables
    assert "account_snapshots" in tables


def test_reopening_does_not_migrate_again(home: Path) -> None:
    open_database(home / DATABASE_FILE)
    _, report = open_database(home / DATABASE_FILE)
    assert report.migrated_from is None


def _with_extra(sql: str) -> list[Migration]:
    return [*MIGRATIONS, Migration(LATEST_VERSION + 1, "test_step", text=sql)]


def _seed_post(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO posts (base_text, created_at, updated_at) VALUES ('hei', 'x', 'x')")
    conn.commit()
    conn.close()


def test_migration_backs_up_first_and_keeps_data(home: Path) -> None:
    path = home / DATABASE_FILE
    open_database(path)
    _seed_post(path)
    _, report = open_database(
        path, migrations=_with_extra("ALTER TABLE posts ADD COLUMN mood TEXT;")
    )
    assert report.migrated_from == LATEST_VERSION
    assert report.backup is not None and report.backup.parent == home / BACKUP_FOLDER
    backup = sqlite3.connect(report.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert backup.execute("SELECT base_text FROM posts").fetchall() == [("hei",)]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 1
    assert conn.execute("SELECT base_text, mood FROM posts").fetchall() == [("hei", None)]


def test_failed_migration_rolls_back_whole_step(home: Path) -> None:
    path = home / DATABASE_FILE
    open_database(path)
    _seed_post(path)
    broken = "ALTER TABLE posts ADD COLUMN mood TEXT; INSERT INTO nowhere VALUES (1);"
    with pytest.raises(MigrationError, match=f"schema {LATEST_VERSION + 1} \\(test_step\\) failed"):
        open_database(path, migrations=_with_extra(broken))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    columns = [r[1] for r in conn.execute("PRAGMA table_info(posts)")]
    assert "mood" not in columns  # the first statement of the step was rolled back too
    assert conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 1


def test_newer_schema_is_refused_and_untouched(home: Path) -> None:
    path = home / DATABASE_FILE
    open_database(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="newer version of Some Studio"):
        open_database(path)
    assert digest(path) == before


def test_not_a_database_is_refused_and_untouched(home: Path) -> None:
    path = home / DATABASE_FILE
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = digest(path)
    with pytest.raises(CorruptDatabaseError, match="not an SQLite file"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in home.iterdir()) == [DATABASE_FILE]


def test_damaged_pages_are_reported_and_untouched(home: Path) -> None:
    path = home / DATABASE_FILE
    damaged_database(path)  # table pages scribbled over, the header intact
    before = digest(path)
    with pytest.raises(CorruptDatabaseError, match=r"damaged|integrity"):
        open_database(path)
    assert digest(path) == before


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFolderError, match="does not exist"):
        open_database(tmp_path / "gone" / DATABASE_FILE)
    assert not (tmp_path / "gone").exists()


@pytest.fixture
def readonly_folder(tmp_path: Path) -> Iterator[Path]:
    """A read-only folder holding a database (in rollback-journal mode: one file)."""
    seed = tmp_path / "seed"
    seed.mkdir()
    open_database(seed / DATABASE_FILE)
    write_sqlite(seed / DATABASE_FILE, "PRAGMA journal_mode = DELETE")
    with read_only_folder(tmp_path, seed) as folder:
        yield folder


def test_read_only_folder_is_refused_and_untouched(readonly_folder: Path) -> None:
    path = readonly_folder / DATABASE_FILE
    before = digest(path)
    with pytest.raises(DataFolderError, match="not writable"):
        open_database(path)
    assert digest(path) == before


def test_attempts_are_append_only(home: Path) -> None:
    db, _ = open_database(home / DATABASE_FILE)
    conn = db.connect()
    conn.execute("INSERT INTO accounts (network, handle, created_at) VALUES ('local', 'a', 'x')")
    conn.execute("INSERT INTO posts (base_text, created_at, updated_at) VALUES ('t', 'x', 'x')")
    conn.execute(
        "INSERT INTO deliveries (post_id, account_id, idempotency_key, updated_at)"
        " VALUES (1, 1, 'k', 'x')"
    )
    conn.execute("INSERT INTO attempts (delivery_id, started_at, outcome) VALUES (1, 'x', 'final')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE attempts SET outcome = 'published'")


def test_scheduled_delivery_needs_time_and_zone(home: Path) -> None:
    db, _ = open_database(home / DATABASE_FILE)
    conn = db.connect()
    conn.execute("INSERT INTO accounts (network, handle, created_at) VALUES ('local', 'a', 'x')")
    conn.execute("INSERT INTO posts (base_text, created_at, updated_at) VALUES ('t', 'x', 'x')")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO deliveries (post_id, account_id, state, idempotency_key, updated_at)"
            " VALUES (1, 1, 'scheduled', 'k', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO deliveries (post_id, account_id, state, scheduled_at,"
            " idempotency_key, updated_at) VALUES (1, 1, 'scheduled', '2026-01-01T00:00:00Z',"
            " 'k', 'x')"
        )


def test_closing_a_workspace_keeps_the_planner_statistics(home: Path) -> None:
    """The app maintains SQLite's statistics itself (PRAGMA optimize before closing): a table
    queried in one session has them in the next, without anyone running ANALYZE."""
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    at = "2026-01-01T00:00:00Z"
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO accounts (id, network, handle, created_at) VALUES (1, 'mastodon', 'a', ?)",
        (at,),
    )
    conn.executemany(
        "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [(i, f"post {i}", at, at) for i in range(1, 301)],
    )
    conn.executemany(
        "INSERT INTO deliveries (post_id, account_id, state, idempotency_key, updated_at)"
        " VALUES (?, 1, 'draft', ?, ?)",
        [(i, f"k{i}", at) for i in range(1, 301)],
    )
    conn.execute("COMMIT")
    conn.execute("SELECT count(*) FROM deliveries WHERE state = 'scheduled'").fetchone()
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchall()
    workspace.close()
    conn = sqlite3.connect(home / DATABASE_FILE)
    analysed = {r[0] for r in conn.execute("SELECT tbl FROM sqlite_stat1")}
    conn.close()
    assert "deliveries" in analysed


def test_an_unverified_database_is_not_written_at_close(home: Path) -> None:
    from somestudio.store.database import close_connection  # noqa: PLC0415

    db, _ = open_database(home / DATABASE_FILE)
    conn = db.connect()
    conn.execute("SELECT count(*) FROM deliveries WHERE state = 'scheduled'").fetchone()
    close_connection(conn, optimize=False)
    conn = sqlite3.connect(home / DATABASE_FILE)
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchall()
    conn.close()


@pytest.mark.parametrize("checkpoint", [True, False])
def test_the_apps_close_leaves_the_database_file_whole_beside_idle_workers(
    home: Path, tmp_path: Path, checkpoint: bool
) -> None:
    """At the app's quit, worker threads still hold their connections (idle), so SQLite does
    not fold the write-ahead log into the file at the last close. The app's close does it:
    a copy of the database file alone (a backup made after quitting) has every change.
    Without it (``checkpoint=False``, what other callers
    do) the copy lacks the last changes: the case this guards against."""
    import threading  # noqa: PLC0415

    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(home)
    workspace.writable_connection()  # this thread's, as the window's
    written, done = threading.Event(), threading.Event()

    def worker() -> None:  # a pool thread: writes, then waits idle with its connection open
        conn = workspace.writable_connection()
        conn.execute(
            "INSERT INTO accounts (id, network, handle, created_at)"
            " VALUES (7, 'mastodon', 'idle', '2026-01-01T00:00:00Z')"
        )
        written.set()
        done.wait(10)
        workspace.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert written.wait(10)
        workspace.close(checkpoint=checkpoint)
        log = home / f"{DATABASE_FILE}-wal"
        copy = tmp_path / "backup.db"
        copy.write_bytes((home / DATABASE_FILE).read_bytes())
        conn = sqlite3.connect(copy)
        handles = [r[0] for r in conn.execute("SELECT handle FROM accounts WHERE id = 7")]
        conn.close()
        if checkpoint:
            assert log.stat().st_size == 0
            assert handles == ["idle"]
        else:
            assert log.stat().st_size > 0
            assert handles == []
    finally:
        done.set()
        thread.join(10)


def test_a_new_database_and_its_log_are_the_users_alone(home: Path) -> None:
    """Made 0644 by the process's umask (the settings beside it are 0600); SQLite gives the
    write-ahead log and its index the database's own permissions."""
    import stat  # noqa: PLC0415

    db, _ = open_database(home / DATABASE_FILE)
    conn = db.connect()
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("INSERT INTO scratch VALUES (1)")
    for name in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    conn.close()
