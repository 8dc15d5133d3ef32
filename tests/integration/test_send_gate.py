"""Which accounts a machine publishes for on a shared workspace (``app.scheduler.SendGate``):
an API account only when this machine's keyring (a real one, a private gnome-keyring) holds
its token, a Local archive account only when its folder exists here, by hand anywhere."""

from __future__ import annotations

from pathlib import Path

from somestudio.app.scheduler import SendGate
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction


def test_the_gate_follows_this_machines_keyring_and_folders(
    workspace: Workspace, keyring_store: SecretStore, tmp_path: Path
) -> None:
    here = tmp_path / "archive"
    here.mkdir()
    conn = workspace.writable_connection()
    with transaction(conn):
        api = account_rows.add_account(conn, Network.MASTODON, "@me", instance_url="https://m")
        archive = account_rows.add_account(
            conn,
            Network.LOCAL,
            "archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(here)},
        )
        away = account_rows.add_account(
            conn,
            Network.LOCAL,
            "other machine's archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path / "not-here")},
        )
        by_hand = account_rows.add_account(
            conn, Network.INSTAGRAM, "@me", publish_method=PublishMethod.MANUAL
        )
    ticks = [0.0]
    gate = SendGate(workspace.connection, keyring_store, ttl=60, monotonic=lambda: ticks[0])
    assert not gate(api)  # no token here
    assert gate(archive) and not gate(away) and gate(by_hand)
    assert not gate(999)  # no such account
    keyring_store.store(api, {"access_token": "tok-123"})
    assert not gate(api)  # the verdict is kept for a minute
    ticks[0] = 61.0
    assert gate(api)
