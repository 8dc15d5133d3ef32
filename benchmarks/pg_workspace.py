"""A benchmark's data folder on a shared PostgreSQL workspace (issue 17): its SQLite workspace
copied into a throw-away server (Debian's binaries, a cluster in a temporary folder on
127.0.0.1, started as the tests start it: tests/postgres_server.py) with ``store.move``, then
opened as the app opens a shared workspace (``open_workspace``: the app's own engine and
connection settings). The keyring is the one part stood in for: the throw-away server's
password is handed to the engine where the keyring lookup would give it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from somestudio.app import shared_workspace
from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.store import move
from somestudio.store.engines import make_engine
from somestudio.store.workspace_url import default_url
from tests.postgres_server import fresh_database, migrated_template, postgres_server

SETTLE_TIMEOUT_S = 180.0


@contextmanager
def postgres_workspace(home: Path, *, settle: bool = False) -> Iterator[Workspace]:
    """``home``'s workspace moved into a fresh PostgreSQL database and opened there (closed
    and the server stopped afterwards). With ``settle``, wait until the server's
    autovacuum has analysed the copied tables (what a workspace used for a while has)."""
    source_url = default_url(home)
    assert source_url.path is not None
    with postgres_server() as server, fresh_database(server, migrated_template(server)) as url:
        source = move.read_only_sqlite(source_url.path)
        target = make_engine(url, lambda: server.password)
        try:
            report = move.copy_workspace(
                source, target, source_name=source_url.display(), target_name=url.display()
            )
            if settle:
                _wait_for_autoanalyze(target)
        finally:
            target.dispose()
            source.dispose()
        print(f"  (moved to PostgreSQL: {report.rows} rows in {len(report.tables)} tables)")
        SettingsStore(home).update(workspace_url=url.display())
        original = shared_workspace.keyring_password
        shared_workspace.keyring_password = lambda _url: lambda: server.password  # type: ignore[assignment]
        try:
            workspace = open_workspace(home)
        finally:
            shared_workspace.keyring_password = original
        try:
            yield workspace
        finally:
            workspace.close()


def _wait_for_autoanalyze(engine: sa.Engine) -> None:
    started = time.monotonic()
    query = sa.text(
        "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('posts', 'deliveries')"
        " AND last_autoanalyze IS NULL"
    )
    while time.monotonic() - started < SETTLE_TIMEOUT_S:
        with engine.connect() as conn:
            if conn.execute(query).scalar_one() == 0:
                print(
                    f"  (autovacuum analysed the tables after {time.monotonic() - started:.0f} s)"
                )
                return
        time.sleep(2)
    print("  (autovacuum had not analysed the tables yet; measured without statistics)")


__all__ = ["postgres_workspace"]
