"""Setting up and choosing a workspace (issue 17): ``prepare`` a PostgreSQL database (the
password into the keyring, the schema created or brought up to date with a pg_dump backup
first), and ``use`` one, which records its URL in the settings (never the password) so that
``open_workspace`` opens it for the window, the command line and ``run-scheduler``
(docs/workspace-backends.md).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from somestudio.app.accounts import secret_store
from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import workspace_url
from somestudio.secrets import SecretStoreError
from somestudio.store.backups import BACKUP_FOLDER
from somestudio.store.database import latest_version, open_database
from somestudio.store.engines import PasswordLookup
from somestudio.store.errors import MoveError, WorkspaceUrlError
from somestudio.store.postgres_open import open_postgresql
from somestudio.store.workspace_url import POSTGRESQL, SQLITE, WorkspaceUrl, parse

DEFAULT = "sqlite"  # ``workspace use sqlite``: back to the data folder's own file


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


@dataclass(frozen=True, slots=True)
class Chosen:
    url: str  # as it may be shown; "" for the data folder's own file
    revision: str


def use_workspace(text: str, data_folder: Path, password: str | None) -> Chosen:
    """Make ``text`` the data folder's workspace: ``sqlite`` (the folder's own file),
    ``sqlite:PATH`` or ``postgresql://…``. The workspace is opened first (a PostgreSQL one
    prepared, its password tried and then kept in the keyring); only when that worked is
    its URL written to the settings. On any problem a ``StorageError`` and nothing written."""
    settings = SettingsStore(data_folder)
    if text.strip() == DEFAULT:
        settings.update(workspace_url="")
        return Chosen("", "")
    url = parse(text)
    if url.backend == SQLITE:
        assert url.path is not None
        _database, report = open_database(url.path)
        revision = str(report.schema_version)
    else:
        revision = prepare_shared_workspace(text, data_folder, password).revision
    settings.update(workspace_url=url.display())
    return Chosen(url.display(), revision)


def keyring_password(url: WorkspaceUrl) -> PasswordLookup:
    """The workspace's password from the keyring, read once (on the first connection) and
    kept for the process; None when none is stored or no keyring can be read (the server
    then refuses with its own, clear message)."""
    lock = threading.Lock()
    found: list[str | None] = []

    def lookup() -> str | None:
        with lock:
            if not found:
                try:
                    found.append(secret_store().load_password(url.keyring_user()))
                except SecretStoreError:
                    return None
            return found[0]

    return lookup


@dataclass(frozen=True, slots=True)
class Moved:
    source: str  # as it may be shown
    target: str
    tables: int
    rows: int
    digest: str
    media_files: int = 0  # attached files whose bytes went into the workspace
    media_not_found: tuple[str, ...] = ()  # attached files not found on this machine


def move_workspace(
    text: str,
    data_folder: Path,
    password: str | None,
    progress: Callable[[str, int], None] = lambda _table, _rows: None,
) -> Moved:
    """Copy the data folder's workspace into the empty one at ``text`` (``postgresql://…``,
    or ``sqlite:PATH`` for a new file), check the copy (row counts and a content hash per
    table) and then use it. The source is only read; on any problem a ``StorageError``,
    the target without data (a new SQLite file removed) and the settings unchanged."""
    from somestudio.store import move  # noqa: PLC0415 - SQLAlchemy only for a move
    from somestudio.store.engines import make_engine  # noqa: PLC0415

    settings = SettingsStore(data_folder)
    source_url = workspace_url(data_folder, settings)
    target_url = parse(text)
    if target_url.display() == source_url.display():
        raise MoveError(
            "workspace.move_same",
            f"The workspace is already {source_url.display()}; nothing was copied.",
            url=source_url.display(),
        )
    if source_url.backend == SQLITE:
        assert source_url.path is not None
        found = move.sqlite_version(source_url.path) if source_url.path.exists() else None
        if found != latest_version():
            raise MoveError(
                "workspace.move_source_version",
                f"The workspace {source_url.display()} is not at this version's schema "
                f"({found} here, {latest_version()} expected). Open it with Some Studio once, "
                "then move it; nothing was copied.",
                url=source_url.display(),
                found=found,
                expected=latest_version(),
            )
        source = move.read_only_sqlite(source_url.path)
    else:
        source, _report = open_postgresql(
            source_url, keyring_password(source_url), backup_folder=data_folder / BACKUP_FOLDER
        )
    created: Path | None = None
    try:
        if target_url.backend == SQLITE:
            assert target_url.path is not None
            if target_url.path.exists():
                raise MoveError(
                    "workspace.move_target_exists",
                    f"{target_url.path} already exists; a workspace is moved into a new file. "
                    "Nothing was copied.",
                    path=target_url.path,
                )
            target_url.path.parent.mkdir(parents=True, exist_ok=True)
            created = target_url.path
            open_database(created)
            target = make_engine(target_url)
        else:
            prepare_shared_workspace(text, data_folder, password)
            target = make_engine(target_url, keyring_password(target_url))
        try:
            report = move.copy_workspace(
                source,
                target,
                source_name=source_url.display(),
                target_name=target_url.display(),
                progress=progress,
            )
        finally:
            target.dispose()
    except BaseException:
        if created is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{created}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        source.dispose()
    settings.update(workspace_url=target_url.display())
    return Moved(
        source_url.display(),
        target_url.display(),
        len(report.tables),
        report.rows,
        report.digest,
        report.media_files,
        report.media_not_found,
    )
