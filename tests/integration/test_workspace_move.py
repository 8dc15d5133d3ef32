"""`workspace move`: a demo-filled SQLite workspace copied completely into a real PostgreSQL
(every table, its row counts and content checked here independently of the move's own
check), the SQLite file left byte for byte as it was, and moved back into a new SQLite
file; a target that holds data, a file that exists and a copy that does not match are
refused with nothing changed. Into PostgreSQL the attached files go along: each media row
gets its file's SHA-256 and the bytes are kept once in ``media_blobs``."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.app.settings import SettingsStore
from somestudio.app.shared_workspace import move_workspace
from somestudio.app.workspace import open_workspace
from somestudio.secrets import SecretStore
from somestudio.store import posts as post_rows
from somestudio.store import schema
from somestudio.store.engines import make_engine
from somestudio.store.errors import StorageError
from somestudio.store.workspace_url import WorkspaceUrl
from tests.conftest import demo_folder
from tests.postgres_server import PostgresServer

DEMO_DAY = date(2026, 11, 20)


@pytest.fixture
def keyring(keyring_store: SecretStore, monkeypatch: pytest.MonkeyPatch) -> SecretStore:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    return keyring_store


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_folder(tmp_path, DEMO_DAY)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows_sqlite(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {
            table.name: sorted(
                (tuple(r) for r in conn.execute(f"SELECT * FROM {table.name}")),
                key=repr,
            )
            for table in schema.metadata.sorted_tables
        }
    finally:
        conn.close()


def _rows_pg(engine: sa.Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {
            table.name: sorted(
                (tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {table.name}"))),
                key=repr,
            )
            for table in schema.metadata.sorted_tables
        }


def _as_moved(
    original: dict[str, list[tuple[object, ...]]],
) -> tuple[dict[str, list[tuple[object, ...]]], dict[str, bytes]]:
    """The source's rows as a move into PostgreSQL leaves them: each media row with its
    file's hash (read here, independently of the move); and the files' bytes by hash."""
    names = list(schema.media.columns.keys())
    path_at, sha_at = names.index("path"), names.index("sha256")
    files: dict[str, bytes] = {}
    media = []
    for row in original["media"]:
        data = Path(str(row[path_at])).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        files[sha] = data
        media.append(tuple(sha if i == sha_at else v for i, v in enumerate(row)))
    return {**original, "media": sorted(media, key=repr)}, files


def test_a_demo_workspace_moves_to_postgresql_and_back(
    keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl, demo: Path, tmp_path: Path
) -> None:
    source = demo / "somestudio.db"
    before = _sha(source)
    original = _rows_sqlite(source)
    assert all(original[name] for name in ("posts", "deliveries", "attempts", "metric_snapshots"))
    assert sum(1 for rows in original.values() if rows) >= 15  # a well-filled workspace

    assert original["media"] and not original["media_blobs"]  # the demo's images, as files
    expected, files = _as_moved(original)

    moved = move_workspace(pg_url.display(), demo, postgres.password)
    assert (moved.source, moved.target) == (f"sqlite:{source}", pg_url.display())
    assert moved.tables == len(schema.metadata.tables)
    assert moved.rows == sum(len(rows) for rows in original.values()) + len(files)
    assert (moved.media_files, moved.media_not_found) == (len(files), ())
    assert _sha(source) == before  # the SQLite file untouched
    assert SettingsStore(demo).value.workspace_url == pg_url.display()

    engine = make_engine(pg_url, lambda: postgres.password)
    on_pg = _rows_pg(engine)
    blobs = on_pg.pop("media_blobs")
    assert {str(r[0]): (r[1], r[2]) for r in blobs} == {
        sha: (data, len(data)) for sha, data in files.items()
    }
    for name, rows in expected.items():
        if name != "media_blobs":
            assert on_pg[name] == rows, name
    # The app opens the moved workspace and goes on numbering after the copied ids.
    workspace = open_workspace(demo)
    try:
        conn = workspace.writable_store_connection()
        assert post_rows.count_posts(conn) == len(original["posts"])
        new_id = post_rows.create_post(conn, "after the move")
        assert new_id > max(int(str(r[0])) for r in original["posts"])
    finally:
        workspace.close()
    with engine.begin() as conn:  # the new post away again, so the trip back compares equal
        conn.execute(sa.text("DELETE FROM posts WHERE id = :id"), {"id": new_id})
    engine.dispose()

    back = tmp_path / "back" / "plan.db"
    returned = move_workspace(f"sqlite:{back}", demo, None)
    assert returned.digest == moved.digest  # the same content, by the move's own hash
    assert SettingsStore(demo).value.workspace_url == f"sqlite:{back}"
    assert _rows_sqlite(back) == {**expected, "media_blobs": blobs}
    assert _sha(source) == before


def test_refusals_change_nothing(
    keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl, demo: Path, tmp_path: Path
) -> None:
    source = demo / "somestudio.db"
    before = _sha(source)

    def refused(text: str, code: str) -> StorageError:
        with pytest.raises(StorageError) as caught:
            move_workspace(text, demo, postgres.password)
        assert caught.value.code == code, caught.value
        assert SettingsStore(demo).value.workspace_url == ""
        assert _sha(source) == before
        return caught.value

    existing = tmp_path / "existing.db"
    existing.write_bytes(b"")
    refused(f"sqlite:{existing}", "workspace.move_target_exists")
    assert existing.read_bytes() == b""
    refused(f"sqlite:{source}", "workspace.move_same")

    engine = make_engine(pg_url, lambda: postgres.password)
    # A target whose copy would not be what was sent (a trigger there alters the posts): the
    # check finds it, and the whole copy is undone.
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE FUNCTION mangle() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN NEW.base_text := NEW.base_text || '!'; RETURN NEW; END $$"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER mangle BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION mangle()"
        )
    differs = refused(pg_url.display(), "workspace.move_differs")
    assert "posts" in str(differs)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM posts").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM accounts").scalar() == 0
        conn.exec_driver_sql("DROP TRIGGER mangle ON posts")
        conn.exec_driver_sql("INSERT INTO labels (name) VALUES ('already here')")
    refused(pg_url.display(), "workspace.move_target_not_empty")
    engine.dispose()
