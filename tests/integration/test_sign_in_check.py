"""Before a post is scheduled, the accounts nothing will be able to publish to are named
(``app/sign_in_check.py``): a sign-in missing from this computer's keyring, one its network
refused, no keyring at all, and on a shared workspace an account no computer holds. Real
parts: a private gnome-keyring (Secret Service), SQLite files, a local PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyring.backends import fail

from somestudio.app.accounts import Accounts
from somestudio.app.composer import Composer
from somestudio.app.machines import Machines, ThisMachine
from somestudio.app.sign_in_check import sign_in_problems
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain import sign_in_messages
from somestudio.domain.drafts import Draft
from somestudio.domain.findings import Severity
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.publishing import RECONNECT
from somestudio.secrets import SecretStore
from somestudio.store import accounts as rows
from somestudio.store.sql import write

from .test_scheduling_cli import cli  # cli_home: a fixture of conftest.py

NOW = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)


def _add(workspace: Workspace, network: Network, handle: str, method: PublishMethod) -> int:
    conn = workspace.writable_store_connection()
    with write(conn):
        return rows.add_account(conn, network, handle, publish_method=method)


def _codes(accounts: Accounts, post_id: int) -> dict[int, list[str]]:
    found = sign_in_problems(accounts, post_id)
    for account in found:
        assert all(p.severity is Severity.WARNING for p in account.problems)  # never a block
    return {a.account_id: [p.code for p in a.problems] for a in found}


@pytest.fixture
def solo(home: Path) -> Iterator[Workspace]:
    workspace = open_workspace(home)
    yield workspace
    workspace.close()


def test_accounts_without_a_usable_sign_in_here_are_named(
    solo: Workspace, keyring_store: SecretStore
) -> None:
    connected = _add(solo, Network.MASTODON, "@kahvila", PublishMethod.API)
    never = _add(solo, Network.BLUESKY, "kahvila.bsky.social", PublishMethod.API)
    refused = _add(solo, Network.THREADS, "kahvila", PublishMethod.API)
    by_hand = _add(solo, Network.INSTAGRAM, "kahvila", PublishMethod.MANUAL)
    archive = _add(solo, Network.LOCAL, "arkisto", PublishMethod.FOLDER)
    keyring_store.store(connected, {"access_token": "mastodon-token-1"})
    keyring_store.store(refused, {"access_token": "threads-token-1", RECONNECT: "token revoked"})
    post_id = Composer(solo).save(Draft("Huomenta!", (connected, never, refused, by_hand, archive)))
    assert post_id is not None

    accounts = Accounts(solo, keyring_store, now=lambda: NOW)
    assert _codes(accounts, post_id) == {
        never: ["account.not_connected"],
        refused: ["account.reconnect"],
    }
    # In the post's account order, with the account's own label for the window's line.
    assert [a.label for a in sign_in_problems(accounts, post_id)] == [
        "kahvila.bsky.social",
        "kahvila",
    ]
    # Connecting the account (a token in the keyring) is what takes its warning away.
    keyring_store.store(never, {"access_token": "bluesky-token-1"})
    assert _codes(Accounts(solo, keyring_store, now=lambda: NOW), post_id) == {
        refused: ["account.reconnect"]
    }


def test_without_a_keyring_every_signed_in_account_is_named(solo: Workspace) -> None:
    mastodon = _add(solo, Network.MASTODON, "@kahvila", PublishMethod.API)
    by_hand = _add(solo, Network.X, "kahvila", PublishMethod.MANUAL)
    post_id = Composer(solo).save(Draft("Huomenta!", (mastodon, by_hand)))
    assert post_id is not None

    accounts = Accounts(solo, SecretStore(backend=fail.Keyring()), now=lambda: NOW)
    assert _codes(accounts, post_id) == {mastodon: ["account.no_secure_storage"]}


def test_a_post_with_nothing_left_to_send_is_not_checked(
    solo: Workspace, keyring_store: SecretStore
) -> None:
    never = _add(solo, Network.BLUESKY, "kahvila.bsky.social", PublishMethod.API)
    post_id = Composer(solo).save(Draft("Huomenta!", (never,)))
    assert post_id is not None
    conn = solo.writable_connection()
    with write(conn):
        conn.execute(
            "UPDATE deliveries SET state = 'published', scheduled_at = '2027-03-28T08:00:00Z',"
            " time_zone = 'Europe/Helsinki',"
            " published_at = '2027-03-28T08:00:01Z' WHERE post_id = ?",
            (post_id,),
        )
    assert _codes(Accounts(solo, keyring_store, now=lambda: NOW), post_id) == {}


def test_every_warning_has_words_in_english_and_finnish() -> None:
    assert sign_in_messages.codes() == {
        "account.not_connected",
        "account.reconnect",
        "account.no_secure_storage",
        "account.keyring_unknown",
        "account.no_machine",
    }
    for code in sign_in_messages.codes():
        english = sign_in_messages.render(code, "en", {})
        finnish = sign_in_messages.render(code, "fi", {})
        assert code not in (english, finnish)
        assert english != finnish
        assert "Accounts" in english and "Tilit" in finnish  # where to put it right


def test_on_a_shared_workspace_only_an_account_no_computer_holds_is_named(
    two_machine_workspaces: tuple[Workspace, Workspace], keyring_store: SecretStore
) -> None:
    laptop, pi = two_machine_workspaces
    on_the_pi = _add(laptop, Network.MASTODON, "@kahvila", PublishMethod.API)
    here = _add(laptop, Network.THREADS, "kahvila", PublishMethod.API)
    nowhere = _add(laptop, Network.BLUESKY, "kahvila.bsky.social", PublishMethod.API)
    keyring_store.store(here, {"access_token": "threads-token-1"})  # this laptop's keyring
    server = ThisMachine("f" * 32, "pi-server")
    Machines(pi, now=lambda: NOW, machine=server).record(lambda a: a == on_the_pi)
    post_id = Composer(laptop).save(Draft("Huomenta!", (on_the_pi, here, nowhere)))
    assert post_id is not None

    accounts = Accounts(laptop, keyring_store, now=lambda: NOW)
    assert _codes(accounts, post_id) == {nowhere: ["account.no_machine"]}


def test_the_command_line_warns_as_the_window_does(
    cli_home: Path,
    keyring_store: SecretStore,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    workspace = open_workspace(cli_home)
    try:
        _add(workspace, Network.MASTODON, "@kahvila", PublishMethod.API)
    finally:
        workspace.close()

    code, out, err = cli(
        capsys, "post", "add", "--text", "Hei", "--to", "@kahvila", "--at", "2031-01-01T09:00"
    )
    assert code == 0 and out.strip().isdigit()  # scheduled all the same
    assert err.startswith("somestudio post: warning: Mastodon · @kahvila: Not connected:"), err
    assert "Connect it in Accounts" in err
