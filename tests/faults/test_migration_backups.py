"""Finding 3: interrupted migrations left partial "backups" named like real ones; with no room
for the backup, a traceback and a 0-byte backup each try; the damaged-database message named
a backups folder that may not exist.

A backup is now written under a temporary name, verified, flushed and renamed: a file named
like a backup is a whole database. A killed copy's temporary file is removed at the next start.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from somestudio.store.backups import BACKUP_FOLDER, BACKUP_GLOB, PARTIAL_PREFIX
from somestudio.store.database import (
    DATABASE_FILE,
    LATEST_VERSION,
    LEGACY_VERSION,
    open_database,
    transaction,
)
from somestudio.store.migrations import MIGRATIONS
from tests.faults.conftest import SmallDisk, assert_no_traceback, digest, somestudio, spawn
from tests.sqlite_files import scribble_over_pages, write_sqlite

pytestmark = pytest.mark.slow

# One legacy step behind (a shortened legacy list builds it; the full list would also run the
# history's revisions and leave nothing to migrate).
OLD = LEGACY_VERSION - 1


def _old_database(path: Path, posts: int, size: int = 2000) -> None:
    """A database one schema behind, holding ``posts`` posts of ``size`` characters."""
    db, _ = open_database(path, migrations=MIGRATIONS[:OLD])
    conn = db.connect()
    with transaction(conn):
        conn.executemany(
            "INSERT INTO posts (base_text, created_at, updated_at) VALUES (?, 'x', 'x')",
            ((f"{n:06d}" + "x" * size,) for n in range(posts)),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _state(path: Path) -> tuple[int, int, str]:
    """(schema version, posts, quick_check verdict) read without changing the file."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        verdict = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        count = int(conn.execute("SELECT count(*) FROM posts").fetchone()[0])
    finally:
        conn.close()
    return version, count, verdict


def _restore(seed: Path, home: Path) -> None:
    for name in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        (home / name).unlink(missing_ok=True)
    shutil.copyfile(seed, home / DATABASE_FILE)


def test_sigkill_during_migration_leaves_the_database_intact_and_no_fake_backup(
    env: dict[str, str], data_home: Path, tmp_path: Path
) -> None:
    posts = 15000
    seed = tmp_path / "seed" / DATABASE_FILE
    seed.parent.mkdir()
    _old_database(seed, posts)
    _restore(seed, data_home)
    started = time.monotonic()
    clean = somestudio(["post", "list", "--json"], env)
    took = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    assert _state(data_home / DATABASE_FILE)[:2] == (LATEST_VERSION, posts)
    shutil.rmtree(data_home / BACKUP_FOLDER)

    rng = random.Random(20261203)
    rounds = 12
    for round_number in range(rounds):
        _restore(seed, data_home)
        process = spawn(["post", "list", "--json"], env)
        time.sleep(rng.uniform(0.15 * took, 0.9 * took))
        process.kill()
        process.communicate()
        version, count, verdict = _state(data_home / DATABASE_FILE)
        assert verdict == "ok", f"round {round_number}: the database is damaged"
        # Each legacy step commits alone, then the revisions together: a kill leaves the
        # file at a step's end, never inside one.
        assert OLD <= version <= LATEST_VERSION
        assert count == posts, f"round {round_number}: posts were lost"
        for backup in (data_home / BACKUP_FOLDER).glob(BACKUP_GLOB):
            assert _state(backup) == (OLD, posts, "ok"), f"{backup.name} is not a whole backup"
    # The next clean start finishes the job and removes what killed copies left behind.
    _restore(seed, data_home)
    final = somestudio(["post", "list", "--json"], env)
    assert final.returncode == 0, final.stderr
    assert _state(data_home / DATABASE_FILE) == (LATEST_VERSION, posts, "ok")
    leftovers = [
        p.name for p in (data_home / BACKUP_FOLDER).iterdir() if p.name.startswith(PARTIAL_PREFIX)
    ]
    assert leftovers == []
    assert len(list((data_home / BACKUP_FOLDER).glob(BACKUP_GLOB))) <= rounds + 1


@pytest.mark.parametrize("small_disk", [16 * 1024 * 1024], indirect=True)
def test_no_room_for_the_backup_is_a_message_and_leaves_nothing(
    env: dict[str, str], small_disk: SmallDisk, tmp_path: Path
) -> None:
    seed = tmp_path / "seed" / DATABASE_FILE
    seed.parent.mkdir()
    _old_database(seed, posts=5000)  # ~11 MB: no room for a second copy on a 16 MB disk
    home = small_disk.path / "home"
    home.mkdir()
    shutil.copyfile(seed, home / DATABASE_FILE)
    before = digest(home / DATABASE_FILE)
    env = {**env, "SOMESTUDIO_HOME": str(home)}
    for _ in range(2):
        result = somestudio(["post", "list"], env)
        assert_no_traceback(result)
        assert result.returncode == 1
        assert "no room" in result.stderr
        assert "the database was not changed" in result.stderr
        backups = home / BACKUP_FOLDER
        assert not backups.exists() or list(backups.iterdir()) == []
    assert digest(home / DATABASE_FILE) == before
    assert _state(home / DATABASE_FILE) == (OLD, 5000, "ok")


def _damage(path: Path) -> None:
    write_sqlite(path, "PRAGMA journal_mode = DELETE")
    scribble_over_pages(path)


def test_the_damage_message_names_backups_only_when_there_are_some(
    env: dict[str, str], data_home: Path
) -> None:
    db = data_home / DATABASE_FILE
    _old_database(db, posts=300)
    _damage(db)
    result = somestudio(["post", "list"], env)
    assert result.returncode == 1
    assert "damaged" in result.stderr or "integrity" in result.stderr
    assert BACKUP_FOLDER not in result.stderr
    assert "there is no backup of it" in result.stderr

    db.unlink()
    _old_database(db, posts=300)
    assert somestudio(["post", "list"], env).returncode == 0  # migrates: makes a backup
    _damage(db)
    result = somestudio(["post", "list"], env)
    assert result.returncode == 1
    assert f"restore a copy from {data_home / BACKUP_FOLDER}" in result.stderr
