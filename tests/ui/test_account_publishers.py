"""The Accounts page says which computers can publish each account of a shared workspace
(issue 17, point 3): "Can publish from: laptop (this computer), pi-server (seen 3 min ago)",
or that none can. Two data folders (two machines) on one real PostgreSQL; on a solo SQLite
workspace the page says nothing new."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.machines import Machines, ThisMachine, this_machine
from somestudio.app.scheduler import create_engine
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.store import accounts as rows
from somestudio.store import machines as machine_rows
from somestudio.store.sql import write
from somestudio.ui.pages.accounts_page import AccountsPage
from somestudio.ui.tasks import Tasks

NOW = datetime(2027, 3, 28, 0, 59, tzinfo=UTC)


def _add(workspace: Workspace, network: Network, handle: str, method: PublishMethod) -> int:
    conn = workspace.writable_store_connection()
    with write(conn):
        return rows.add_account(conn, network, handle, publish_method=method)


def _page(qtbot: QtBot, workspace: Workspace, store: SecretStore) -> AccountsPage:
    accounts = Accounts(workspace, store, now=lambda: NOW)
    page = AccountsPage(Studio(workspace), accounts=accounts, tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    return page


def _line(page: AccountsPage, account_id: int) -> str | None:
    for row in range(page.model.rowCount()):
        if page.model.account(row).id == account_id:
            page.table.selectRow(row)
    return page.publishers_line.text() if not page.publishers_line.isHidden() else None


def test_the_accounts_page_says_which_computers_can_publish_each_account(
    qtbot: QtBot, two_machine_workspaces: tuple[Workspace, Workspace], keyring_store: SecretStore
) -> None:
    laptop, pi = two_machine_workspaces
    mastodon = _add(laptop, Network.MASTODON, "kahvila", PublishMethod.API)
    bluesky = _add(laptop, Network.BLUESKY, "kahvila.bsky.social", PublishMethod.API)
    by_hand = _add(laptop, Network.INSTAGRAM, "kahvila", PublishMethod.MANUAL)
    here = this_machine(laptop.home)
    Machines(laptop, now=lambda: NOW).record(lambda a: a == mastodon)
    server = ThisMachine("f" * 32, "pi-server")
    Machines(pi, now=lambda: NOW - timedelta(minutes=3), machine=server).record(
        lambda a: a in (mastodon, by_hand)
    )

    page = _page(qtbot, laptop, keyring_store)
    page.show()
    assert _line(page, mastodon) == (
        f"Can publish from: {here.name} (this computer), pi-server (seen 3 min ago)"
    )
    assert _line(page, bluesky) == "No computer can publish this account — connect it on one."
    assert _line(page, by_hand) is None  # a person publishes it, from any computer
    tips = {
        page.model.account(r).id: page.model.index(r, 3).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(page.model.rowCount())
    }
    assert tips[mastodon] == _line(page, mastodon)  # the Publishing column says it too
    assert tips[by_hand] == "Publish by hand (reminder)"

    # The pi, a day later: the laptop was seen a day ago.
    later = Accounts(pi, keyring_store, now=lambda: NOW + timedelta(days=1))
    later.machines = Machines(pi, now=lambda: NOW + timedelta(days=1), machine=server)
    found = later.publishers()
    assert found is not None
    assert [(p.name, p.here, p.age) for p in found[mastodon]] == [
        ("pi-server", True, timedelta(days=1, minutes=3)),
        (here.name, False, timedelta(days=1)),
    ]


def test_the_engine_records_this_machine_and_a_connect_here_adds_to_it(
    tmp_path: Path, two_machine_workspaces: tuple[Workspace, Workspace], keyring_store: SecretStore
) -> None:
    """At the engine's start a machine records what it can publish (``SendGate``: a Local
    archive whose folder exists here, an API account whose token is in this keyring); a
    Local archive added here is recorded at once."""
    laptop, _pi = two_machine_workspaces
    folder = tmp_path / "archive"
    folder.mkdir()
    conn = laptop.writable_store_connection()
    with write(conn):
        archive = rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(folder)},
        )  # fmt: skip
        elsewhere = rows.add_account(
            conn, Network.LOCAL, "muualla", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path / "not-here")},
        )  # fmt: skip
        signed_in = rows.add_account(conn, Network.MASTODON, "kahvila")
        no_token = rows.add_account(conn, Network.BLUESKY, "kahvila.bsky.social")
    keyring_store.store(signed_in, {"access_token": "machine-test-token-123"})
    create_engine(laptop, collect_metrics=False)  # never started: the record is made at once
    found = machine_rows.publishers(laptop.store_connection())
    me = this_machine(laptop.home).id
    assert {a: [m.id for m in ms] for a, ms in found.items()} == {archive: [me], signed_in: [me]}
    assert elsewhere not in found and no_token not in found

    added = Accounts(laptop, keyring_store).add_local_archive("Toinen", tmp_path / "second")
    assert [m.id for m in machine_rows.publishers(laptop.store_connection())[added.id]] == [me]


def test_a_solo_workspace_shows_nothing_new(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore
) -> None:
    account = _add(workspace, Network.MASTODON, "kahvila", PublishMethod.API)
    page = _page(qtbot, workspace, keyring_store)
    assert _line(page, account) is None
    assert Accounts(workspace, keyring_store).publishers() is None
