"""A data folder whose workspace is the test's backend: ``sqlite`` (the folder's own file, as
a solo user has it) or ``postgresql`` (a fresh database on the session's real PostgreSQL,
recorded in the folder's settings as ``workspace use`` records it). The shared workspace's
password comes from a stand-in for the keyring lookup (``keyring_password``): the keyring
path itself is tested with a real Secret Service in test_workspace_use.py and the e2e
tests; here the point is that the app's code runs on the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import Workspace, open_workspace
from tests.postgres_server import PostgresServer

BACKENDS = ["sqlite", "postgresql"]


def use_backend(
    backend: str, home: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point ``home`` at the backend's workspace (nothing to do for SQLite)."""
    if backend == "sqlite":
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url = request.getfixturevalue("pg_url")
    monkeypatch.setattr(
        "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: server.password
    )
    SettingsStore(home).update(workspace_url=url.display())


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def either_workspace(
    backend: str, home: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    """The data folder opened on the test's backend, its check finished."""
    use_backend(backend, home, request, monkeypatch)
    opened = open_workspace(home)
    opened.verified.result(timeout=60)
    assert opened.is_shared == (backend == "postgresql")
    yield opened
    opened.close()


@pytest.fixture
def either_cli_home(
    backend: str, cli_home: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """``cli_home`` (tests/integration/cli_run.py) on the test's backend."""
    use_backend(backend, cli_home, request, monkeypatch)
    return cli_home
