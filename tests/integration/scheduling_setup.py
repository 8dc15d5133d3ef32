"""An engine on the test's backend (a real SQLite file in a temp folder, or a fresh database on
the session's real PostgreSQL: ``either_backend``), a hand-moved clock and recorded events.

On PostgreSQL ``create_engine`` builds a shared workspace's engine: a claim left 'publishing'
is reconciled only once claimed ``SHARED_RECOVER_AFTER`` ago, and a machine sends only for
accounts it can (``SendGate``). This machine's keyring is a stand-in holding a token for every
account (``EveryToken``), so the gate lets the tests' API accounts through; the gate's
refusals are tested in test_send_gate.py and test_engine.py."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from somestudio.app.planning import Planner
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.scheduling.engine import Engine
from somestudio.scheduling.events import EngineEvent
from somestudio.scheduling.publishers import PublisherRegistry, default_publishers
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from tests.integration.either_backend import use_backend
from tests.integration.engine_fakes import FakeClock, ManualAlarms

E = TypeVar("E")
START = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
ZONE = "Europe/Helsinki"


class EveryToken:
    """This machine's keyring on a shared workspace, holding a token for every account."""

    def load(self, account_id: int) -> dict[str, str] | None:
        return {"access_token": f"tok-{account_id}"}

    def save(self, account_id: int, bundle: Mapping[str, str]) -> None:
        raise AssertionError("the engine tests store no token")


@dataclass
class Rig:
    home: Path
    backend: str
    workspace: Workspace
    clock: FakeClock
    alarms: ManualAlarms
    archive: Path
    archive_account: int
    manual_account: int
    publishers: PublisherRegistry
    events: list[EngineEvent] = field(default_factory=list)
    current_engine: Engine | None = None
    planner: Planner | None = None

    def make_engine(self) -> Engine:
        engine = create_engine(
            self.workspace, clock=self.clock, publishers=self.publishers, alarms=self.alarms
        )
        engine.add_listener(self.events.append)
        self.current_engine = engine
        self.planner = Planner(self.workspace, engine, now=self.clock.now)
        return engine

    @property
    def engine(self) -> Engine:
        assert self.current_engine is not None
        return self.current_engine

    @property
    def plan(self) -> Planner:
        assert self.planner is not None
        return self.planner

    def schedule(
        self, seconds_from_now: float, *, account: int | None = None, text: str = "Hei"
    ) -> int:
        """A post due ``seconds_from_now``; returns its (only) delivery id."""
        at = (self.clock.now() + timedelta(seconds=seconds_from_now)).replace(microsecond=0)
        post_id = self.plan.schedule_post(text, [account or self.archive_account], at=at, zone=ZONE)
        (row,) = delivery_rows.of_post(self.workspace.connection(), post_id)
        return row.id

    def state(self, delivery_id: int) -> DeliveryState:
        row = delivery_rows.get(self.workspace.connection(), delivery_id)
        assert row is not None
        return row.state

    @property
    def shared(self) -> bool:
        """PostgreSQL: the engine is a shared workspace's (see the module docstring)."""
        return self.workspace.is_shared

    def column(self, delivery_id: int, name: str) -> object:
        statement = Sql(f"SELECT {name} FROM deliveries WHERE id = :id")
        return run(self.workspace.store_connection(), statement, {"id": delivery_id}).fetchone()[0]

    def outcomes(self, delivery_id: int) -> list[str]:
        return [a.outcome for a in delivery_rows.attempts(self.workspace.connection(), delivery_id)]

    def folders(self) -> list[Path]:
        return sorted(p for p in self.archive.iterdir() if not p.name.startswith("."))

    def of_type(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def rig(
    backend: str,
    home: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Rig]:
    """The rig on each backend in turn."""
    yield from _rig(backend, home, tmp_path, request, monkeypatch)


def _rig(
    backend: str,
    home: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Rig]:
    use_backend(backend, home, request, monkeypatch)
    if backend == "postgresql":
        monkeypatch.setattr("somestudio.app.accounts.secret_store", EveryToken)
    workspace = open_workspace(home)
    assert workspace.is_shared == (backend == "postgresql")
    archive = tmp_path / "archive"
    archive.mkdir()
    conn = workspace.writable_connection()
    with transaction(conn):
        archive_account = account_rows.add_account(
            conn,
            Network.LOCAL,
            "archive",
            display_name="My archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(archive)},
        )
        manual_account = account_rows.add_account(
            conn, Network.MASTODON, "@me", publish_method=PublishMethod.MANUAL
        )
    clock = FakeClock(START)
    rig = Rig(
        home=home,
        backend=backend,
        workspace=workspace,
        clock=clock,
        alarms=ManualAlarms(clock),
        archive=archive,
        archive_account=archive_account,
        manual_account=manual_account,
        publishers=default_publishers(now=clock.now),
    )
    rig.make_engine()
    yield rig
    rig.engine.shutdown()
    workspace.close()
