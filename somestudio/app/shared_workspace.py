"""Preparing a shared workspace on PostgreSQL (issue 17): the password into the keyring, the
schema created or brought up to date (with a pg_dump backup first). The window does not open
such a workspace yet; this is the first step of setting one up (docs/workspace-backends.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from somestudio.app.accounts import secret_store
from somestudio.store.backups import BACKUP_FOLDER
from somestudio.store.errors import WorkspaceUrlError
from somestudio.store.postgres_open import open_postgresql
from somestudio.store.workspace_url import POSTGRESQL, WorkspaceUrl, parse


@dataclass(frozen=True, slots=True)
class Prepared:
    url: str  # as it may be shown: no password
    revision: str
    migrated_from: str | None  # None: already up to date; "": created
    backup: Path | None


def prepare_shared_workspace(text: str, data_folder: Path, password: str | None) -> Prepared:
    """Check, create or update the PostgreSQL workspace at ``text``. A given ``password`` is
    tried first and kept in the keyring only once the server has accepted it; without one,
    the keyring's is used. Raises a ``StorageError`` (with its code) on any problem."""
    url = _postgresql(text)
    store = secret_store()
    name = url.keyring_user()

    def lookup() -> str | None:
        return password if password is not None else store.load_password(name)

    engine, report = open_postgresql(url, lookup, backup_folder=data_folder / BACKUP_FOLDER)
    engine.dispose()
    if password is not None:
        store.store_password(name, password)
    return Prepared(url.display(), report.revision, report.migrated_from, report.backup)


def _postgresql(text: str) -> WorkspaceUrl:
    url = parse(text)
    if url.backend != POSTGRESQL:
        raise WorkspaceUrlError(
            "workspace.url_scheme",
            "A workspace is sqlite:PATH or postgresql://user@host/database.",
        )
    return url
