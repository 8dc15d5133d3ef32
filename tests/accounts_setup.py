"""Accounts a test needs in its workspace, added as the app stores them."""

from __future__ import annotations

from pathlib import Path

from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction


def add_archive_account(workspace: Workspace, archive: Path, name: str = "archive") -> int:
    """A Local archive account called ``name`` that publishes into the folder ``archive``;
    its id."""
    with transaction(conn := workspace.writable_connection()):
        return account_rows.add_account(
            conn,
            Network.LOCAL,
            name,
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(archive)},
        )
