"""Unsaved work on a shared PostgreSQL workspace (issue 17): each machine keeps its own in its
data folder, so two people composing at once never take each other's, and what was typed is
kept while the server is away."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.app.composer import AUTOSAVE_FILE, Composer
from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.drafts import Draft
from somestudio.store import drafts as autosave_rows
from somestudio.store.workspace_url import parse
from tests.postgres_server import (
    PostgresServer,
    admin_engine,
    fresh_database,
    postgres_server,
)


def _desks(
    tmp_path: Path,
    url: str,
    password: str,
    monkeypatch: pytest.MonkeyPatch,
    names: tuple[str, ...] = ("laptop", "desktop"),
) -> list[Workspace]:
    monkeypatch.setattr(
        "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: password
    )
    opened = []
    for name in names:
        home = tmp_path / name
        home.mkdir()
        SettingsStore(home).update(workspace_url=url)
        opened.append(open_workspace(home))
    return opened


@pytest.fixture
def two_desks(
    tmp_path: Path, postgres: PostgresServer, pg_template: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workspace, Workspace]]:
    with fresh_database(postgres, pg_template) as url:
        laptop, desktop = _desks(tmp_path, url.display(), postgres.password, monkeypatch)
        try:
            yield laptop, desktop
        finally:
            laptop.close()
            desktop.close()


def test_each_machine_keeps_its_own_unsaved_post(two_desks: tuple[Workspace, Workspace]) -> None:
    laptop, desktop = two_desks
    Composer(laptop).autosave(Draft(base_text="Jonnan luonnos"))
    Composer(desktop).autosave(Draft(base_text="Pekan luonnos"))
    assert Composer(laptop).recovered() == Draft(base_text="Jonnan luonnos")
    assert Composer(desktop).recovered() == Draft(base_text="Pekan luonnos")
    # Not in the shared database, where the one slot would be everyone's.
    assert autosave_rows.get(laptop.store_connection(), autosave_rows.MAIN_SLOT) is None
    assert (laptop.home / AUTOSAVE_FILE).exists()

    post_id = Composer(laptop).save(Draft(base_text="Jonnan luonnos"))
    assert post_id is not None
    assert Composer(laptop).recovered() is None  # saved: nothing left to bring back
    assert not (laptop.home / AUTOSAVE_FILE).exists()
    assert Composer(desktop).recovered() == Draft(base_text="Pekan luonnos")

    Composer(desktop).discard_autosave()
    assert Composer(desktop).recovered() is None


def test_unsaved_work_of_another_workspace_waits_for_it(
    two_desks: tuple[Workspace, Workspace],
) -> None:
    laptop, _ = two_desks
    Composer(laptop).autosave(Draft(base_text="toisen työtilan luonnos"))
    state = (laptop.home / AUTOSAVE_FILE).read_text(encoding="utf-8")
    (laptop.home / AUTOSAVE_FILE).write_text(
        state.replace(laptop.url.display(), "postgresql://studio@elsewhere/other"),  # type: ignore[union-attr]
        encoding="utf-8",
    )
    assert Composer(laptop).recovered() is None
    Composer(laptop).discard_autosave()  # not this workspace's to drop
    assert (laptop.home / AUTOSAVE_FILE).exists()


def test_typing_is_kept_while_the_server_is_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with postgres_server() as server:
        # A server of this test's own, stopped below (the session's stays up for the rest).
        admin = admin_engine(server)
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE away")
        admin.dispose()
        url = parse(server.url("away"))
        (laptop,) = _desks(tmp_path, url.display(), server.password, monkeypatch, ("laptop",))
        try:
            composer = Composer(laptop)
            subprocess.run(
                [*server.run_as, str(server.bin / "pg_ctl"), "-D", str(server.folder / "data"),
                 "-m", "fast", "-w", "stop"],
                capture_output=True, timeout=60, check=True,
            )  # fmt: skip
            composer.autosave(Draft(base_text="kirjoitettu palvelimen ollessa poissa"))
            again = Composer(laptop)
            assert again.recovered() == Draft(base_text="kirjoitettu palvelimen ollessa poissa")
            assert parse(url.display()).database in (laptop.home / AUTOSAVE_FILE).read_text(
                encoding="utf-8"
            )
        finally:
            laptop.close()
