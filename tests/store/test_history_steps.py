"""A revision after the baseline runs on both backends from the one history: an existing
SQLite file is backed up and updated in place (its rows, and the rows pointing at a rebuilt
table, kept), an older build refuses the newer file, a failed step leaves the file as it was,
and a PostgreSQL workspace is backed up with pg_dump and updated too.

The revision is the test's own (``history.EXTRA_VERSIONS``), after the shipped history's
newest (``HEAD``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import history
from somestudio.store.accounts import add_account
from somestudio.store.database import (
    BACKUP_FOLDER,
    LEGACY_VERSION,
    MigrationError,
    NewerSchemaError,
    open_database,
)
from somestudio.store.engines import make_engine
from somestudio.store.migrations import MIGRATIONS
from somestudio.store.postgres_open import open_postgresql
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer

HEAD = history.head_number()  # the shipped history's newest revision
NEXT = f"{HEAD + 1:04d}"
STEP = """
import sqlalchemy as sa
from alembic import op

from somestudio.store.schema import labels

revision = "{next}"
down_revision = "{base}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "posts", sa.Column("mood", sa.Text(), nullable=False, server_default=sa.text("'calm'"))
    )
    # On SQLite a changed default rebuilds the table: post_labels points at it with
    # ON DELETE CASCADE, so with foreign keys on the rebuild would delete those rows. The
    # table is given (copy_from), not reflected: reflection would drop its unnamed CHECKs.
    with op.batch_alter_table("labels", {batch}) as batch:
        batch.alter_column("colour", server_default=sa.text("'#000000'"))
    {extra}


def downgrade() -> None:
    raise NotImplementedError
"""


def _revision(folder: Path, extra: str = "", batch: str = "copy_from=labels") -> Path:
    folder.mkdir()
    text = STEP.replace("{extra}", extra).replace("{batch}", batch)
    text = text.replace("{next}", NEXT).replace("{base}", f"{HEAD:04d}")
    (folder / f"v{NEXT}_test_step.py").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = _revision(tmp_path / "revisions")
    monkeypatch.setattr(history, "EXTRA_VERSIONS", [folder])
    yield folder


def _old_file(path: Path) -> int:
    """A file at the shipped schema with a labelled post; its delivery's id."""
    path.parent.mkdir(exist_ok=True)
    database, _ = open_database(path)
    conn = database.connect()
    account = add_account(conn, Network.MASTODON, "me")
    post = create_post(conn, "kept", labels=["spring", "news"])
    delivery = add_delivery(
        conn, post, account, scheduled_at=None, time_zone=None, state=DeliveryState.DRAFT
    )
    conn.close()
    return delivery


def _facts(path: Path) -> tuple[int, list[str], int, list[str], list[object]]:
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        columns = [str(r[1]) for r in conn.execute("PRAGMA table_info(posts)")]
        links = int(conn.execute("SELECT count(*) FROM post_labels").fetchone()[0])
        tables = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")]
        broken = list(conn.execute("PRAGMA foreign_key_check"))
        return version, columns, links, tables, broken
    finally:
        conn.close()


def test_an_existing_sqlite_file_is_backed_up_and_updated_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "home" / "somestudio.db"
    _old_file(path)
    assert _facts(path)[0] == HEAD
    monkeypatch.setattr(history, "EXTRA_VERSIONS", [_revision(tmp_path / "revisions")])

    _db, report = open_database(path)
    assert (report.schema_version, report.migrated_from) == (HEAD + 1, HEAD)
    assert report.backup is not None
    assert report.backup.name.startswith(f"somestudio-schema{HEAD}-")
    version, columns, links, tables, broken = _facts(path)
    assert version == HEAD + 1 and "mood" in columns
    assert links == 2, "the rebuilt labels table took its post_labels rows with it"
    assert "alembic_version" in tables
    assert broken == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (NEXT,)
    assert conn.execute("SELECT mood, base_text FROM posts").fetchall() == [("calm", "kept")]
    conn.close()
    assert _facts(report.backup)[0] == HEAD  # the copy is the file as it was

    _db, again = open_database(path)
    assert again.migrated_from is None and again.backup is None
    assert len(list((path.parent / BACKUP_FOLDER).iterdir())) == 1

    # An older build (one that knows no later revision) refuses the newer file, unchanged.
    monkeypatch.setattr(history, "EXTRA_VERSIONS", [])
    with pytest.raises(NewerSchemaError):
        open_database(path)
    assert _facts(path)[0] == HEAD + 1


def test_a_new_sqlite_file_gets_every_step(tmp_path: Path, next_revision: Path) -> None:
    path = tmp_path / "somestudio.db"
    _db, report = open_database(path)
    assert report.schema_version == HEAD + 1 and report.backup is None
    version, columns, _links, tables, _broken = _facts(path)
    assert version == HEAD + 1 and "mood" in columns and "alembic_version" in tables


def test_a_failed_step_leaves_the_sqlite_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "home" / "somestudio.db"
    _old_file(path)
    before = _facts(path)
    failing = _revision(
        tmp_path / "revisions", extra='op.execute("INSERT INTO nowhere VALUES (1)")'
    )
    monkeypatch.setattr(history, "EXTRA_VERSIONS", [failing])
    with pytest.raises(MigrationError) as caught:
        open_database(path)
    assert f"schema {HEAD + 1}" in str(caught.value) and "nowhere" in str(caught.value)
    assert _facts(path) == before


def test_a_rebuild_that_would_drop_checks_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alembic rebuilds a reflected SQLite table without its unnamed CHECKs (all of ours are
    unnamed): the runner makes that warning an error, so the step fails whole instead of
    quietly weakening the file's rules."""
    path = tmp_path / "home" / "somestudio.db"
    _old_file(path)
    before = _facts(path)
    reflected = _revision(tmp_path / "revisions", batch="recreate='always'")
    monkeypatch.setattr(history, "EXTRA_VERSIONS", [reflected])
    with pytest.raises(MigrationError) as caught:
        open_database(path)
    assert "CHECK constraint" in str(caught.value)
    assert _facts(path) == before


def test_a_postgresql_workspace_is_backed_up_and_updated(
    postgres: PostgresServer, pg_url: WorkspaceUrl, tmp_path: Path, next_revision: Path
) -> None:
    engine = make_engine(pg_url, lambda: postgres.password)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO labels (name) VALUES ('spring')"))
    engine.dispose()
    engine, report = open_postgresql(
        pg_url, lambda: postgres.password, backup_folder=tmp_path / "backups"
    )
    assert (report.revision, report.migrated_from) == (NEXT, f"{HEAD:04d}")
    assert report.backup is not None and report.backup.stat().st_size > 0
    with engine.connect() as conn:
        assert history.current(conn) == NEXT
        columns = {c["name"] for c in sa.inspect(conn).get_columns("posts")}
        assert "mood" in columns
        assert conn.execute(sa.text("SELECT name FROM labels")).scalars().all() == ["spring"]
    engine.dispose()


@pytest.mark.parametrize("old", range(11, LEGACY_VERSION))
def test_a_file_of_an_older_legacy_schema_is_updated_by_the_legacy_steps(
    tmp_path: Path, old: int
) -> None:
    """A user's file at schema 11…14 (before main's steps 012–015 came with this branch's
    history) is backed up and brought to the last legacy schema by the legacy runner (the
    baseline changes nothing on SQLite), then through the shipped revisions."""
    path = tmp_path / "somestudio.db"
    database, _ = open_database(path, migrations=MIGRATIONS[:old])
    conn = database.connect()
    account = add_account(conn, Network.MASTODON, "me")
    # As a build of that schema wrote them (today's writes name columns added since).
    now = "2026-10-25T12:00:00Z"
    with conn:
        post = conn.execute(
            "INSERT INTO posts (base_text, created_at, updated_at) VALUES ('kept #yes', ?, ?)",
            (now, now),
        ).lastrowid
        conn.execute(
            "INSERT INTO deliveries (post_id, account_id, state, idempotency_key, updated_at)"
            " VALUES (?, ?, 'draft', 'k1', ?)",
            (post, account, now),
        )
    conn.close()
    assert _facts(path)[0] == old

    _db, report = open_database(path)
    assert (report.schema_version, report.migrated_from) == (HEAD, old)
    assert report.backup is not None and report.backup.name.startswith(f"somestudio-schema{old}-")
    assert _facts(report.backup)[0] == old
    version, _columns, _links, tables, broken = _facts(path)
    assert version == HEAD and broken == []
    assert "metric_day_totals" in tables
    # the revisions after the baseline (if any) run after the legacy steps
    assert ("alembic_version" in tables) == (HEAD > LEGACY_VERSION)
    check = sqlite3.connect(path)
    # The text's length and hashtags filled in by revision 0019.
    assert check.execute("SELECT base_text, text_length, text_hashtags FROM posts").fetchall() == [
        ("kept #yes", 9, 1)
    ]
    check.close()
