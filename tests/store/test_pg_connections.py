"""PostgreSQL connections per thread, and a server restart in the middle: the work in
flight fails whole (nothing half-written), the next connection works, nothing is lost."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from somestudio.domain.networks import Network
from somestudio.store.accounts import add_account, list_accounts
from somestudio.store.engines import make_engine
from somestudio.store.pg_connections import PgConnections, SharedDatabase, is_disconnect
from somestudio.store.posts import count_posts, create_post
from somestudio.store.sql import write
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer

NOW = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_one_connection_per_thread(postgres: PostgresServer, pg_url: WorkspaceUrl) -> None:
    connections = PgConnections(make_engine(pg_url, lambda: postgres.password))
    mine = connections.connection()
    assert connections.connection() is mine
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(connections.connection()))
    worker.start()
    worker.join(10)
    assert seen and seen[0] is not mine
    add_account(mine, Network.MASTODON, "me")  # autocommit: another connection sees it
    assert [a.handle for a in list_accounts(seen[0])] == ["me"]  # type: ignore[arg-type]
    connections.close()


def test_a_server_restart_costs_the_work_in_flight_only(
    postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    connections = PgConnections(make_engine(pg_url, lambda: postgres.password))
    conn = connections.connection()
    create_post(conn, "before the restart")
    try:
        with pytest.raises(Exception) as caught, write(conn):
            create_post(conn, "half a unit of work")
            postgres.restart()  # mid-transaction: the server forgets what was not committed
            create_post(conn, "the rest of it")
        assert is_disconnect(caught.value), caught.value
        again = connections.connection()
        assert again is not conn
        assert count_posts(again) == 1  # the first post kept, the interrupted one not half-there
        with write(again):
            create_post(again, "after the restart")
        assert count_posts(again) == 2
    finally:
        connections.close()


def test_the_change_watch_moves_on_commits_and_outlives_a_restart(
    postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    """``Workspace.data_version`` on PostgreSQL: the same number while nothing commits, a new
    one after another connection's commit, and a restarted server costs a reconnect."""
    engine = make_engine(pg_url, lambda: postgres.password)
    database = SharedDatabase(engine, pg_url.display())
    watch = database.change_watch()
    other = database.connect()
    try:
        assert watch.feed.listening.wait(10)
        first = watch.version()
        assert watch.version() == first
        with write(other):
            create_post(other, "seen by the watch")
        assert watch.feed.wait_for(first, 1.0)  # LISTEN/NOTIFY (store/pg_notify.py)
        moved = watch.version()
        assert watch.version() == moved
        postgres.restart()
        assert watch.feed.wait_for(moved, 20)  # reconnected; counted as a change
    finally:
        other.close()
        watch.close()
        engine.dispose()


def test_threads_that_ended_give_their_connections_back(
    postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    """The app's workers come and go; each one's connection must return to the pool, or
    the ninth worker would wait for the pool's timeout (and then fail)."""
    connections = PgConnections(make_engine(pg_url, lambda: postgres.password))
    counted: list[int] = []
    try:
        for _ in range(30):
            worker = threading.Thread(
                target=lambda: counted.append(count_posts(connections.connection()))
            )
            worker.start()
            worker.join(20)
            assert not worker.is_alive(), "a worker waited for a connection"
        assert counted == [0] * 30
        assert connections.open_count() <= 1
    finally:
        connections.close()


def test_connections_probe_a_silent_server_with_tcp_keepalives(
    postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    """A server that vanished without closing (a box unplugged) is noticed in about a minute,
    by the pool's connections and the change feed's: libpq is asked for keepalives."""
    engine = make_engine(pg_url, lambda: postgres.password)
    raw = engine.raw_connection()
    try:
        parameters = raw.driver_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        raw.close()
        engine.dispose()
    assert parameters["keepalives"] == "1"
    assert parameters["keepalives_idle"] == "30"
    assert int(parameters["keepalives_interval"]) * int(parameters["keepalives_count"]) <= 60
