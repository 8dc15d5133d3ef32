"""`workspace use`: the chosen workspace recorded in the settings (never its password) and
opened by ``open_workspace`` from then on; a wrong URL, a refused password, a server that
cannot be reached and a database from a newer Some Studio are said clearly and nothing is
recorded. Against a real PostgreSQL and a real keyring (a private gnome-keyring)."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from somestudio.app.doctor import _storage_checks
from somestudio.app.paths import DataHome
from somestudio.app.settings import SETTINGS_FILE
from somestudio.app.shared_workspace import use_workspace
from somestudio.app.workspace import open_workspace
from somestudio.secrets import SecretStore
from somestudio.store import posts as post_rows
from somestudio.store.engines import make_engine
from somestudio.store.errors import (
    NewerSchemaError,
    StorageError,
    WorkspaceConnectError,
    WorkspaceUrlError,
)
from somestudio.store.sql import Sql, run, write
from somestudio.store.workspace_url import WorkspaceUrl, parse
from tests.postgres_server import PostgresServer


@pytest.fixture
def keyring(keyring_store: SecretStore, monkeypatch: pytest.MonkeyPatch) -> SecretStore:
    """The app's keyring (``accounts.secret_store()``) is the private test keyring."""
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    return keyring_store


def _recorded(home: Path) -> str | None:
    path = home / SETTINGS_FILE
    if not path.exists():
        return None
    value = json.loads(path.read_text(encoding="utf-8")).get("workspace_url")
    return str(value) if value is not None else None


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_use_records_the_url_and_the_app_opens_that_workspace(
    keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl, home: Path
) -> None:
    with pytest.raises(WorkspaceConnectError) as refused:
        use_workspace(pg_url.display(), home, "wrong-pw-31")
    assert refused.value.code == "workspace.password_refused"
    assert "wrong-pw-31" not in str(refused.value)
    assert _recorded(home) in (None, "")  # nothing recorded
    assert keyring.load_password(pg_url.keyring_user()) is None

    chosen = use_workspace(pg_url.display(), home, postgres.password)
    assert chosen.url == pg_url.display()
    assert _recorded(home) == pg_url.display()
    assert postgres.password not in (home / SETTINGS_FILE).read_text(encoding="utf-8")

    workspace = open_workspace(home)  # the password comes from the keyring now
    try:
        assert workspace.is_shared and workspace.url == pg_url
        assert workspace.damage(RuntimeError("x")) is None
        conn = workspace.writable_store_connection()
        assert run(conn, Sql("SELECT current_database()")).fetchone()[0] == pg_url.database
        workspace.data_version()  # starts the change feed
        feed = workspace._watch.feed  # type: ignore[union-attr]
        assert feed.listening.wait(10)  # it listens, and has moved once to read afresh
        before = workspace.data_version()
        time.sleep(0.2)
        assert workspace.data_version() == before  # nothing committed meanwhile
        with write(conn):  # committed, as the app's writes are
            post_rows.create_post(conn, "shared plan")
        # A commit is seen: through the change feed (LISTEN/NOTIFY), so within a second,
        # not at once.
        deadline = time.monotonic() + 2
        while workspace.data_version() == before and time.monotonic() < deadline:
            time.sleep(0.01)
        assert workspace.data_version() != before
        assert post_rows.count_posts(workspace.store_connection()) == 1
    finally:
        workspace.close()

    # `doctor` checks the workspace in use and names it.
    checks = {c.name: c for c in _storage_checks(DataHome(home, explicit=True))}
    assert checks["database"].value == pg_url.display() and checks["database"].ok
    assert checks["integrity"].ok

    # Back to the data folder's own file: the SQLite path as before.
    assert use_workspace("sqlite", home, None).url == ""
    assert _recorded(home) == ""
    solo = open_workspace(home)
    try:
        assert not solo.is_shared and solo.url is None
        assert solo.database.path == home / "somestudio.db"
        assert post_rows.count_posts(solo.connection()) == 0
    finally:
        solo.close()


def test_a_sqlite_file_elsewhere_can_be_used(tmp_path: Path, home: Path) -> None:
    target = tmp_path / "elsewhere" / "plan.db"
    target.parent.mkdir()
    chosen = use_workspace(f"sqlite:{target}", home, None)
    assert chosen.url == f"sqlite:{target}"
    workspace = open_workspace(home)
    try:
        assert not workspace.is_shared
        assert workspace.database.path == target
    finally:
        workspace.close()
    assert not (home / "somestudio.db").exists()


def test_problems_are_said_and_nothing_is_recorded(
    keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl, home: Path
) -> None:
    use_workspace("sqlite", home, None)  # a settings file that says: the default

    def refused(text: str, password: str | None) -> StorageError:
        with pytest.raises(StorageError) as caught:
            use_workspace(text, home, password)
        assert _recorded(home) == ""
        return caught.value

    bad = refused("postgresql://studio:pw-in-url@127.0.0.1/plan", None)
    assert isinstance(bad, WorkspaceUrlError) and "pw-in-url" not in str(bad)
    assert isinstance(refused("mysql://u@h/d", None), WorkspaceUrlError)

    away = f"postgresql://studio@127.0.0.1:{_closed_port()}/plan?connect_timeout=3"
    unreachable = refused(away, postgres.password)
    assert unreachable.code == "workspace.unreachable"
    assert "cannot be reached" in str(unreachable) and postgres.password not in str(unreachable)

    # A database a newer Some Studio has migrated: refused untouched.
    engine = make_engine(pg_url, lambda: postgres.password)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    newer = refused(pg_url.display(), postgres.password)
    assert isinstance(newer, NewerSchemaError) and "9999" in str(newer)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"
    engine.dispose()


def test_the_app_refuses_a_recorded_workspace_that_went_bad(
    keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl, home: Path
) -> None:
    use_workspace(pg_url.display(), home, postgres.password)
    engine = make_engine(pg_url, lambda: postgres.password)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(NewerSchemaError):
        open_workspace(home)
    # A forgotten password (the keyring's entry removed): the server's refusal, said clearly.
    keyring.delete_password(pg_url.keyring_user())
    with pytest.raises(WorkspaceConnectError) as caught:
        open_workspace(home)
    assert caught.value.code == "workspace.password_refused"
    assert _recorded(home) == parse(pg_url.display()).display()
