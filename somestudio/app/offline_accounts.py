"""Accounts that need no sign-in: a Local archive folder and publish by hand.

They work without a keyring (nothing secret is kept), so the window and the command line
can add them on any computer. Errors carry a ``code`` the window words in its language.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as rows
from somestudio.store.database import transaction

ARCHIVE_FOLDER = "archive"  # the suggested Local archive folder, inside the data folder


class OfflineAccountError(ValueError):
    """The account could not be added; ``code`` names why (for the window's wording):
    ``no_name``, ``exists``, ``not_a_folder`` or ``folder_unusable``."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def suggested_archive_folder(home: Path) -> Path:
    return home / ARCHIVE_FOLDER


def prepare_archive_folder(folder: Path) -> Path:
    """The folder, made if it does not exist yet; its absolute path."""
    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise OfflineAccountError(
            "not_a_folder", f"{folder} is a file, not a folder", folder=str(folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OfflineAccountError(
            "folder_unusable",
            f"the folder {folder} cannot be made ({exc.strerror or exc})",
            folder=str(folder),
        ) from exc
    return folder.resolve()


def add_offline_account(
    conn: sqlite3.Connection,
    network: Network,
    handle: str,
    method: PublishMethod,
    *,
    display_name: str = "",
    instance_url: str = "",
    options: dict[str, object] | None = None,
) -> int:
    """Add the account (or bring back a removed one with the same name); its id."""
    handle = handle.strip()
    if not handle:
        raise OfflineAccountError("no_name", "enter the account's name")
    with transaction(conn):
        found = rows.find_account(conn, network, handle, instance_url)
        if found is None:
            return rows.add_account(
                conn,
                network,
                handle,
                display_name=display_name.strip(),
                instance_url=instance_url,
                publish_method=method,
                options=options or {},
            )
        account_id, removed = found
        if not removed:
            raise OfflineAccountError(
                "exists",
                f"a {network.display_name} account {handle!r} already exists",
                name=handle,
            )
        rows.update_account(
            conn,
            account_id,
            display_name=display_name.strip(),
            publish_method=method,
            options=options or {},
        )
        return account_id
