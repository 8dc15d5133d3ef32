"""Finding 1: an export aimed inside the data folder destroyed the database. Exports now
refuse any target inside the data folder (exit 2, nothing written), and a killed export
leaves its target complete or absent."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE, open_database
from tests.conftest import FIXED_DAY
from tests.faults.conftest import assert_no_traceback, digest, somestudio, spawn

pytestmark = pytest.mark.slow

EXPORTS = {
    "export --csv": ["export", "--csv"],
    "export --ics": ["export", "--ics"],
    "metrics export --csv": ["metrics", "export", "--month", "2026-11", "--tz", "UTC", "--csv"],
    "metrics export --pdf": ["metrics", "export", "--month", "2026-11", "--tz", "UTC", "--pdf"],
}


@pytest.mark.parametrize("command", list(EXPORTS))
def test_export_onto_the_database_is_refused(
    command: str, env: dict[str, str], data_home: Path
) -> None:
    db = data_home / DATABASE_FILE
    open_database(db)
    before = digest(db)
    result = somestudio([*EXPORTS[command], str(db)], env)
    assert_no_traceback(result)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "inside Some Studio's data folder" in result.stderr
    assert "Nothing was written" in result.stderr
    assert digest(db) == before
    sqlite3.connect(db).execute("PRAGMA quick_check").fetchone()


@pytest.mark.parametrize(
    "inside",
    ["settings.json", "somestudio.db-wal", "backups/somestudio-schema3-x.db", "my-plan.csv"],
)
def test_no_file_inside_the_data_folder_is_written(
    inside: str, env: dict[str, str], data_home: Path, tmp_path: Path
) -> None:
    open_database(data_home / DATABASE_FILE)
    (data_home / "backups").mkdir()
    # Also through a link from outside: the real place counts, not the name typed.
    outside = tmp_path / "looks-outside"
    outside.symlink_to(data_home)
    before = sorted(p.name for p in data_home.rglob("*"))
    for target in (data_home / inside, outside / inside):
        result = somestudio(["export", "--csv", str(target)], env)
        assert result.returncode == 2, result.stderr
        assert "inside Some Studio's data folder" in result.stderr
    assert sorted(p.name for p in data_home.rglob("*")) == before


def _big_plan(home: Path) -> None:
    """The demo month, copied until the export takes a noticeable moment."""
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415

    build_demo_home(home, today=FIXED_DAY)
    conn = sqlite3.connect(home / DATABASE_FILE)
    for _ in range(5):
        start = conn.execute("SELECT max(id) FROM posts").fetchone()[0]
        conn.execute(
            "INSERT INTO posts (id, base_text, notes, created_at, updated_at) "
            "SELECT id + ?, base_text || ' ' || id, notes, created_at, updated_at FROM posts "
            "WHERE deleted_at IS NULL",
            (start,),
        )
        conn.execute(
            "INSERT INTO deliveries (post_id, account_id, text_override, scheduled_at, time_zone,"
            " state, idempotency_key, updated_at) SELECT post_id + ?, account_id, text_override,"
            " scheduled_at, time_zone, state, idempotency_key || '-' || ?, updated_at"
            " FROM deliveries WHERE post_id + ? IN (SELECT id FROM posts)",
            (start, start, start),
        )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", ["export --csv", "metrics export --csv"])
def test_a_killed_export_leaves_the_target_complete_or_absent(
    command: str, env: dict[str, str], data_home: Path, tmp_path: Path
) -> None:
    _big_plan(data_home)
    reference = tmp_path / "reference.out"
    started = time.monotonic()
    done = somestudio([*EXPORTS[command], str(reference)], env)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = reference.read_bytes()
    assert len(expected) > 1000
    target = tmp_path / "out" / "plan.out"
    target.parent.mkdir()
    rng = random.Random(13)
    seen_absent = seen_complete = 0
    for _ in range(8):
        target.unlink(missing_ok=True)
        process = spawn([*EXPORTS[command], str(target)], env)
        time.sleep(rng.uniform(0.3 * took, 1.1 * took))
        process.kill()
        process.communicate()
        if target.exists():
            assert target.read_bytes() == expected, "a killed export left a partial file"
            seen_complete += 1
        else:
            seen_absent += 1
    assert seen_absent + seen_complete == 8


def _dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_the_next_export_removes_a_killed_exports_leftover(
    env: dict[str, str], data_home: Path, tmp_path: Path
) -> None:
    """A SIGKILLed export leaves ``.NAME.PID.tmp`` beside its target; the next export to the
    same target removes it (its process is gone) but not a live writer's, nor another
    target's."""
    _big_plan(data_home)
    target = tmp_path / "out" / "plan.csv"
    target.parent.mkdir()
    dead = target.parent / f".plan.csv.{_dead_pid()}.tmp"
    dead.write_bytes(b"half a plan")
    alive = subprocess.Popen(["sleep", "120"])  # a writer still at work
    live = target.parent / f".plan.csv.{alive.pid}.tmp"
    live.write_bytes(b"being written")
    other = target.parent / f".other.csv.{_dead_pid()}.tmp"
    other.write_bytes(b"not ours")
    # A real kill mid-write too, where it leaves one.
    process = spawn(["export", "--csv", str(target)], env)
    time.sleep(0.8)
    process.kill()
    process.communicate()
    try:
        result = somestudio(["export", "--csv", str(target)], env)
        assert_no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 1000
        left = sorted(p.name for p in target.parent.iterdir())
        assert left == sorted(["plan.csv", live.name, other.name]), left
    finally:
        alive.kill()
        alive.wait()


def test_a_hard_link_to_the_database_is_refused(
    env: dict[str, str], data_home: Path, tmp_path: Path
) -> None:
    """The same file by another name outside the folder: a hard link to the database."""
    db = data_home / DATABASE_FILE
    open_database(db)
    link = tmp_path / "innocent.csv"
    link.hardlink_to(db)
    before = digest(db)
    for command, args in EXPORTS.items():
        result = somestudio([*args, str(link)], env)
        assert_no_traceback(result)
        assert result.returncode == 2, (command, result.stderr)
        assert "inside Some Studio's data folder" in result.stderr
        assert digest(db) == before
    sqlite3.connect(db).execute("PRAGMA quick_check").fetchone()


def test_the_windows_exports_refuse_the_data_folder(data_home: Path) -> None:
    """What the window writes where the user chose (plan CSV, calendar file, the calendar feed
    folder, guidelines, the monthly report) goes through the same refusal as the commands."""
    from datetime import date  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.calendar_feed import CalendarFeed, export_ics  # noqa: PLC0415
    from somestudio.app.csv_export import export_csv  # noqa: PLC0415
    from somestudio.app.export_targets import InsideDataFolderError  # noqa: PLC0415
    from somestudio.app.metrics_report import build_report  # noqa: PLC0415
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.report_export import save_report_csv  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(data_home)
    try:
        db = data_home / DATABASE_FILE
        before = digest(db)
        report = build_report(workspace.connection, date(2026, 11, 1), ZoneInfo("UTC"))
        writers = [
            lambda: export_csv(workspace, db),
            lambda: export_ics(workspace, db),
            lambda: PlanLibrary(workspace).export_rulebook(db),
            lambda: save_report_csv(report, db, data_home),
            lambda: CalendarFeed(workspace).configure(data_home),
        ]
        for write in writers:
            with pytest.raises(InsideDataFolderError):
                write()
            assert digest(db) == before
        assert sorted(p.name for p in data_home.iterdir() if p.suffix in {".ics", ".tmp"}) == []
        assert CalendarFeed(workspace).settings() is None  # the refused folder was not kept
    finally:
        workspace.close()
