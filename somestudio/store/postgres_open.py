"""Opening a shared workspace on PostgreSQL: reach it, check it is ours and not newer than
this build, and bring its schema up to date, the counterpart of ``database.open_database``.

PRAGMA-only features in PostgreSQL's terms (docs/workspace-backends.md, section 3): the
schema's revision (``alembic_version``) must be one this build knows; a database with tables
but no revision is someone else's and is refused untouched; before a migration of a database
that has data, ``pg_dump`` makes a backup in the data folder, and without ``pg_dump`` the
migration is refused with a message that says how to proceed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from somestudio.store import history
from somestudio.store.engines import PasswordLookup, make_engine
from somestudio.store.errors import (
    BackupError,
    ForeignDatabaseError,
    MigrationError,
    NewerSchemaError,
    WorkspaceConnectError,
)
from somestudio.store.workspace_url import POSTGRESQL, WorkspaceUrl

PG_DUMP_TIMEOUT_S = 600
_REFUSED = ("password authentication failed", "no password supplied")


@dataclass(frozen=True, slots=True)
class PostgresReport:
    revision: str
    migrated_from: str | None  # None: no migration ran; "" : the schema was created
    backup: Path | None


def open_postgresql(
    url: WorkspaceUrl,
    password: PasswordLookup,
    *,
    backup_folder: Path,
    pg_dump: str | None = None,
) -> tuple[sa.Engine, PostgresReport]:
    """The workspace's engine, its schema at this build's newest revision."""
    assert url.backend == POSTGRESQL
    engine = make_engine(url, password)
    try:
        report = _prepare(engine, url, password, backup_folder, pg_dump)
    except BaseException:
        engine.dispose()
        raise
    return engine, report


def _prepare(
    engine: sa.Engine,
    url: WorkspaceUrl,
    password: PasswordLookup,
    backup_folder: Path,
    pg_dump: str | None,
) -> PostgresReport:
    try:
        conn = engine.connect()
    except sa.exc.OperationalError as exc:
        raise connect_error(url, exc) from None
    with conn:
        current = history.current(conn)
        head = history.head()
        if current == head:
            return PostgresReport(head, migrated_from=None, backup=None)
        if current is not None and not history.known(current):
            raise NewerSchemaError(
                "workspace.newer_schema",
                f"The workspace {url.display()} was set up by a newer version of Some Studio "
                f"(schema {current}). Install the newer version; nothing was changed.",
                url=url.display(),
                version=current,
            )
        tables = sa.inspect(conn).get_table_names()
        if current is None and tables:
            raise ForeignDatabaseError(
                "workspace.foreign_database",
                f"The database {url.display()} already has tables that are not Some Studio's "
                f"({', '.join(sorted(tables)[:3])}). Use an empty database; nothing was changed.",
                url=url.display(),
                tables=", ".join(sorted(tables)[:3]),
            )
        backup = None
        if current is not None:
            backup = backup_postgresql(url, password, backup_folder, current, pg_dump=pg_dump)
        try:
            history.upgrade(conn)
        except sa.exc.SQLAlchemyError as exc:
            raise MigrationError(
                "workspace.migration_failed",
                f"Updating the workspace {url.display()} to schema {head} failed: "
                f"{_first_line(exc)}. It was left at its previous schema.",
                url=url.display(),
                version=head,
                detail=_first_line(exc),
            ) from None
        return PostgresReport(head, migrated_from=current or "", backup=backup)


def connect_error(url: WorkspaceUrl, exc: sa.exc.OperationalError) -> WorkspaceConnectError:
    """The message for a server that cannot be reached or refuses us (psycopg's text names
    the server and the reason; it never contains the password)."""
    detail = _first_line(exc)
    if any(marker in detail for marker in _REFUSED):
        return WorkspaceConnectError(
            "workspace.password_refused",
            f"The server of {url.display()} refused the password of {url.user}. Enter the "
            "right password (it is kept in the system keyring).",
            url=url.display(),
            user=url.user,
        )
    return WorkspaceConnectError(
        "workspace.unreachable",
        f"The workspace {url.display()} cannot be reached: {detail}",
        url=url.display(),
        detail=detail,
    )


def backup_postgresql(
    url: WorkspaceUrl,
    password: PasswordLookup,
    folder: Path,
    revision: str,
    *,
    pg_dump: str | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Path:
    """A ``pg_dump`` custom-format archive of the workspace, made before a migration."""
    program = pg_dump or shutil.which("pg_dump")
    if program is None:
        raise BackupError(
            "workspace.no_pg_dump",
            f"The workspace {url.display()} needs a schema update, and Some Studio backs it "
            "up first with pg_dump, which is not installed here. Install PostgreSQL's client "
            "tools (or back the database up yourself and update from a machine that has "
            "them); nothing was changed.",
            url=url.display(),
        )
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"workspace-{url.database}-schema-{revision}-{stamp}.dump"
    partial = target.with_name(f".partial-{target.name}")
    env = dict(os.environ)
    secret = password()
    if secret:
        env["PGPASSWORD"] = secret  # the child's environment only: never its arguments
    args = [
        program,
        "--format=custom",
        f"--file={partial}",
        f"--host={url.host}",
        f"--port={url.port}",
        f"--username={url.user}",
        "--no-password",
        url.database,
    ]
    try:
        done = subprocess.run(
            args, env=env, capture_output=True, timeout=PG_DUMP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(
            "workspace.backup_failed",
            f"The backup of {url.display()} before its schema update failed ({exc}); "
            "nothing was changed.",
            url=url.display(),
            detail=exc,
        ) from None
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        raise BackupError(
            "workspace.backup_failed",
            f"The backup of {url.display()} before its schema update failed ({detail[0]}); "
            "nothing was changed.",
            url=url.display(),
            detail=detail[0],
        )
    partial.replace(target)
    return target


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
