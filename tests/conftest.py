"""Shared test set-up: offscreen Qt, isolated user folders, the reference data location."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported in the fixtures, after the environment below is set
    from somestudio.app.workspace import Workspace
    from somestudio.secrets import SecretStore
    from somestudio.store.workspace_url import WorkspaceUrl
    from tests.postgres_server import PostgresServer

# Before anything imports Qt: widgets are real but draw into memory.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Before anything imports Qt, too: its enums as the app has them (the package sets PySide's
# enum options; tests/ui/test_qt_enums.py checks they hold here).
import somestudio  # noqa: F401

# Never read or write the real user's folders, settings or keyring from a test.
_SANDBOX = Path(tempfile.mkdtemp(prefix="somestudio-tests-"))
for _name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    _path = _SANDBOX / _name.lower()
    _path.mkdir()
    os.environ[_name] = str(_path)
_RUNTIME = _SANDBOX / "runtime"
_RUNTIME.mkdir(mode=0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)
os.environ.pop("SOMESTUDIO_HOME", None)
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
# The composer reads link cards from the web: in tests (and programs they start), loopback only.
os.environ["SOMESTUDIO_LINK_CARD_HOSTS"] = "127.0.0.1,localhost"

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE = (REPO_ROOT.parent / "shared" / "reference").resolve()

# The day the tests' demo is built around and their windows' clocks start on (at noon in
# the demo's zone, Europe/Helsinki): no test reads the real date. An ordinary day: a
# Thursday mid-month, no month's end, no clock change, no leap day; the one the README's
# screenshots are taken on.
FIXED_DAY = date(2026, 12, 10)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver's one server per session listens on IPv4 loopback, whichever test
    starts it first (its default, "localhost", broke tests that insist on 127.0.0.1)."""
    return ("127.0.0.1", 0)


@pytest.fixture
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.fail(f"reference data not found at {REFERENCE} (expected ../shared/reference)")
    return REFERENCE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty data folder."""
    path = tmp_path / "somestudio-home"
    path.mkdir()
    return path


def demo_folder(parent: Path, today: date = FIXED_DAY) -> Path:
    """``parent``/demo-home filled with the demo around noon of ``today`` (the same posts
    whatever the real date is)."""
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415

    path = parent / "demo-home"
    path.mkdir()
    build_demo_home(path, today=today)
    return path


@pytest.fixture
def demo_home(tmp_path: Path) -> Iterator[Path]:
    """The demo around ``FIXED_DAY`` (``make_window``'s clock starts at its noon)."""
    yield demo_folder(tmp_path)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    """The empty data folder opened, its check finished (a test file may define its own)."""
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    opened = open_workspace(home)
    opened.verified.result(timeout=60)
    yield opened
    opened.close()


@pytest.fixture
def keyring_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretStore]:
    """A real keyring: a private gnome-keyring on its own D-Bus (tests/secret_service.py)."""
    from keyring.backends import SecretService  # noqa: PLC0415

    from somestudio.secrets import SecretStore  # noqa: PLC0415
    from tests.secret_service import secret_service  # noqa: PLC0415

    with secret_service(tmp_path / "kr") as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.environ["DBUS_SESSION_BUS_ADDRESS"])
        yield SecretStore(backend=SecretService.Keyring())


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """Debian's PostgreSQL on 127.0.0.1 for this test session (tests/postgres_server.py);
    started by the first test that asks, stopped at the end."""
    from tests.postgres_server import postgres_server  # noqa: PLC0415

    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def pg_template(postgres: PostgresServer) -> str:
    from tests.postgres_server import migrated_template  # noqa: PLC0415

    return migrated_template(postgres)


@pytest.fixture
def pg_url(postgres: PostgresServer, pg_template: str) -> Iterator[WorkspaceUrl]:
    """A fresh database at the newest schema for one test (copied from a template)."""
    from tests.postgres_server import fresh_database  # noqa: PLC0415

    with fresh_database(postgres, pg_template) as url:
        yield url


@pytest.fixture
def two_machine_workspaces(
    tmp_path: Path,
    keyring_store: SecretStore,
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Workspace, Workspace]]:
    """Two data folders ("laptop" and "pi": two machines) open on one shared PostgreSQL
    workspace, its password in the real keyring."""
    from somestudio.app.shared_workspace import use_workspace  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    opened = []
    for name in ("laptop", "pi"):
        home = tmp_path / name
        home.mkdir()
        use_workspace(pg_url.display(), home, postgres.password)
        opened.append(open_workspace(home))
    yield opened[0], opened[1]
    for workspace in opened:
        workspace.close()


@pytest.fixture(autouse=True)
def _garbage_on_the_gui_thread() -> Iterator[None]:
    """As the app does (``ui/gui_gc.py``): once Qt is in use, cyclic garbage is collected on
    the GUI thread only. A test's widget left in a cycle was otherwise deleted by whichever
    thread collected next, a worker of a later test among them, while the GUI thread painted
    or laid it out: a crash about one full run in ten. Between tests, what is due is collected
    here, on the main thread."""
    yield
    import sys  # noqa: PLC0415

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.ui import gui_gc  # noqa: PLC0415

    if QApplication.instance() is not None:
        gui_gc.install()
        gui_gc.collect_if_due(full=True)  # spaced by what they cost (nothing is frozen)
