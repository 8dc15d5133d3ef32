"""The change feed on a real PostgreSQL (issue 17, "live for everyone"): a change committed
through one workspace moves the other's ``data_version`` within a second, through
``LISTEN/NOTIFY`` (store/pg_notify.py), also after the server restarted."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
import sqlalchemy as sa

from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.store import posts as post_rows
from somestudio.store.pg_connections import PgChangeWatch, is_disconnect
from somestudio.store.pg_notify import CHANNEL, changed_table, payload
from somestudio.store.sql import Sql, run, write
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer

LIVE_S = 1.0


@pytest.fixture
def two_desks(
    tmp_path: Path, postgres: PostgresServer, pg_url: WorkspaceUrl, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workspace, Workspace]]:
    """Two data folders (two machines) whose settings name the same PostgreSQL workspace."""
    monkeypatch.setattr(
        "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: postgres.password
    )
    opened = []
    for name in ("laptop", "desktop"):
        home = tmp_path / name
        home.mkdir()
        SettingsStore(home).update(workspace_url=pg_url.display())
        opened.append(open_workspace(home))
    try:
        yield opened[0], opened[1]
    finally:
        for workspace in opened:
            workspace.close()


def _feed(workspace: Workspace) -> PgChangeWatch:
    workspace.data_version()  # starts the watch
    watch = cast(PgChangeWatch, workspace._watch)
    assert type(watch).__name__ == "PgChangeWatch"
    assert watch.feed.listening.wait(10), "the change feed never listened"
    return watch


def _seen_within(watcher: Workspace, change: object, seconds: float) -> float:
    """Run ``change()`` on another thread (its own connection) and return how long until
    ``watcher``'s data_version moved; fails after ``seconds``."""
    before = watcher.data_version()
    done = threading.Event()
    failed: list[BaseException] = []

    def act() -> None:
        try:
            change()  # type: ignore[operator]
        except BaseException as exc:
            failed.append(exc)
        done.set()

    started = time.monotonic()
    threading.Thread(target=act).start()
    assert done.wait(10)
    assert not failed, failed
    while watcher.data_version() == before:
        elapsed = time.monotonic() - started
        assert elapsed < seconds, f"not seen within {seconds} s"
        time.sleep(0.005)
    return time.monotonic() - started


def test_a_change_on_one_desk_moves_the_others_version_within_a_second(
    two_desks: tuple[Workspace, Workspace],
) -> None:
    laptop, desktop = two_desks
    watch = _feed(desktop)

    def new_post() -> None:  # a transaction (sql.write)
        post_rows.create_post(laptop.writable_store_connection(), "from the laptop")

    def alone() -> None:  # a single statement that commits alone (AUTOCOMMIT)
        run(laptop.writable_store_connection(), Sql("UPDATE posts SET notes = 'edited'"))

    assert _seen_within(desktop, new_post, LIVE_S) < LIVE_S
    assert _seen_within(desktop, alone, LIVE_S) < LIVE_S

    # Reads and rolled-back writes say nothing: no reload storm.
    before = watch.version()
    conn = laptop.writable_store_connection()
    for _ in range(5):
        assert post_rows.count_posts(conn) == 1
    with pytest.raises(RuntimeError), write(conn):
        run(conn, Sql("DELETE FROM posts"))
        raise RuntimeError("changed my mind")
    with pytest.raises(sa.exc.IntegrityError):  # a statement alone that fails writes nothing
        run(conn, Sql("INSERT INTO posts (id, base_text) VALUES (NULL, 'x')"))
    assert post_rows.count_posts(conn) == 1
    time.sleep(0.5)
    assert watch.version() == before
    assert post_rows.count_posts(conn) == 1


def test_the_feed_listens_again_after_a_server_restart(
    two_desks: tuple[Workspace, Workspace], postgres: PostgresServer
) -> None:
    laptop, desktop = two_desks
    watch = _feed(desktop)
    post_rows.create_post(laptop.writable_store_connection(), "before")
    postgres.restart()
    deadline = time.monotonic() + 20
    while watch.feed.reconnects == 0:
        assert time.monotonic() < deadline, "the feed did not reconnect"
        time.sleep(0.05)
    assert watch.feed.listening.wait(10)

    def after_restart() -> None:
        try:
            post_rows.create_post(laptop.writable_store_connection(), "after")
        except sa.exc.DBAPIError as exc:  # the laptop's own connection died with the server
            assert is_disconnect(exc)
            post_rows.create_post(laptop.writable_store_connection(), "after")

    assert _seen_within(desktop, after_restart, LIVE_S) < LIVE_S
    with pytest.raises(sa.exc.DBAPIError) as lost:  # this thread's connection, from before
        post_rows.count_posts(laptop.store_connection())
    assert is_disconnect(lost.value)
    assert post_rows.count_posts(laptop.store_connection()) == 2


def test_a_notification_names_the_tables_a_transaction_changed(
    two_desks: tuple[Workspace, Workspace],
) -> None:
    laptop, desktop = two_desks
    watch = _feed(desktop)
    heard: list[str] = []
    watch.feed.listeners.append(heard.append)
    before = watch.version()
    conn = laptop.writable_store_connection()
    with write(conn):
        post_id = post_rows.create_post(conn, "one")
        run(conn, Sql("UPDATE posts SET notes = 'two' WHERE id = :id"), {"id": post_id})
    assert watch.feed.wait_for(before, LIVE_S)
    time.sleep(0.2)
    assert heard == ["posts"]  # one transaction, one notification


def test_a_workspace_tells_its_listeners_of_other_machines_changes(
    two_desks: tuple[Workspace, Workspace], workspace: Workspace
) -> None:
    laptop, desktop = two_desks
    heard: list[str] = []
    seen = threading.Event()

    def listener(what: str) -> None:
        heard.append(what)
        if what:
            seen.set()

    assert desktop.on_remote_change(listener)
    assert not workspace.on_remote_change(listener)  # SQLite: nobody else changes it
    assert _feed(desktop).feed.listening.wait(10)
    post_rows.create_post(laptop.writable_store_connection(), "for the listener")
    assert seen.wait(LIVE_S)
    # Perhaps "" first (the catch-up once listening, if the listener came before it).
    assert [what for what in heard if what] == ["posts"]


def test_once_listening_everything_is_read_afresh(two_desks: tuple[Workspace, Workspace]) -> None:
    """A change committed after the window's first reads but before its LISTEN was in place
    is not announced to it: the number moves once listening, so its caches read afresh."""
    _laptop, desktop = two_desks
    watch = _feed(desktop)
    assert watch.feed.version() == 1  # no write yet: the catch-up alone
    assert watch.feed.reconnects == 0


def test_a_workspaces_own_writes_move_its_version_but_are_not_news_to_it(
    two_desks: tuple[Workspace, Workspace],
) -> None:
    """The window has shown its own write already: its echo moves the caches' number (they
    were read before it) but does not ask the window to reload; another machine's does."""
    laptop, desktop = two_desks
    watch = _feed(desktop)
    heard: list[str] = []
    watch.feed.listeners.append(heard.append)
    before = watch.version()
    post_rows.create_post(desktop.writable_store_connection(), "mine")
    assert watch.feed.wait_for(before, LIVE_S)
    after_mine = watch.version()
    post_rows.create_post(laptop.writable_store_connection(), "theirs")
    assert watch.feed.wait_for(after_mine, LIVE_S)
    time.sleep(0.2)
    assert heard == ["posts"]  # the laptop's; the desktop's own echo is not news


def test_statements_are_read_for_the_tables_they_change() -> None:
    assert changed_table("INSERT INTO posts (body) VALUES (:b)") == "posts"
    assert changed_table('  update "deliveries" SET state = 1') == "deliveries"
    assert changed_table("DELETE FROM labels WHERE id = 1") == "labels"
    assert changed_table("TRUNCATE TABLE attempts") == "attempts"
    assert changed_table("WITH x AS (SELECT 1) UPDATE posts SET notes = ''") == "*"
    assert changed_table("SELECT * FROM posts WHERE body = 'INSERT INTO x'") is None
    assert changed_table(f"LISTEN {CHANNEL}") is None
    assert payload({"b", "a"}) == "a,b"
    assert payload({f"t{i:04}" for i in range(500)}) == "*"
