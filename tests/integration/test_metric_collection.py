"""Collecting metrics into SQLite: a Mastodon-shaped server on 127.0.0.1, the tapering
schedule, the request budget, faults (503, 429 + Retry-After, deleted posts), the engine's
interval job."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from somestudio.app.metrics import JOB_KEY, MetricsCollector
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.metric_schedule import Budget
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from tests.integration.engine_fakes import FakeClock, ManualAlarms
from tests.integration.metric_servers import published

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def workspace(home: Path):
    ws = open_workspace(home)
    yield ws
    ws.close()


def add_mastodon(ws: Workspace, server: HTTPServer, method=PublishMethod.API) -> int:
    conn = ws.writable_connection()
    with transaction(conn):
        return account_rows.add_account(
            conn,
            Network.MASTODON,
            "@me",
            instance_url=server.url_for("").rstrip("/"),
            publish_method=method,
        )


def status(likes: int) -> dict[str, int]:
    return {"favourites_count": likes, "reblogs_count": 1, "replies_count": 2, "quotes_count": 0}


def serve_account(server: HTTPServer, followers: int = 40) -> None:
    server.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {"followers_count": followers, "following_count": 3, "statuses_count": 9}
    )


def latest(ws: Workspace, delivery_id: int) -> tuple[int, int] | None:
    row = (
        ws.connection()
        .execute(
            "SELECT likes, (SELECT count(*) FROM metric_snapshots WHERE delivery_id = ?1)"
            " FROM metric_latest WHERE delivery_id = ?1",
            (delivery_id,),
        )
        .fetchone()
    )
    return None if row is None else (row[0], row[1])


def test_a_round_stores_snapshots_then_waits_as_the_schedule_tapers(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    account = add_mastodon(workspace, httpserver)
    conn = workspace.writable_connection()
    with transaction(conn):
        fresh = published(conn, account, T0 - timedelta(minutes=30), "100")
        week_old = published(conn, account, T0 - timedelta(days=3), "200")
        final = published(conn, account, T0 - timedelta(days=120), "300")
    serve_account(httpserver)
    httpserver.expect_request("/api/v1/statuses/100").respond_with_json(status(5))
    httpserver.expect_request("/api/v1/statuses/200").respond_with_json(status(50))
    clock = Clock()
    collector = MetricsCollector(
        workspace.writable_connection, now=clock, token_for=lambda _a: "secret"
    )
    report = collector.run_due()
    assert report is not None
    assert report.errors == []
    assert report.posts_updated == 2
    assert report.outcomes[0].followers == 40
    assert latest(workspace, fresh) == (5, 1)
    assert latest(workspace, week_old) == (50, 1)
    assert latest(workspace, final) is None  # past the last step: never asked
    followers = conn.execute("SELECT followers FROM account_snapshots").fetchall()
    assert followers == [(40,)]

    # 16 minutes on, only the fresh post is due again; six hours on, both are.
    clock.now = T0 + timedelta(minutes=16)
    assert collector.run_due().posts_updated == 1  # type: ignore[union-attr]
    assert latest(workspace, fresh) == (5, 2)
    assert latest(workspace, week_old) == (50, 1)
    clock.now = T0 + timedelta(hours=6, minutes=1)
    assert collector.run_due().posts_updated == 2  # type: ignore[union-attr]
    assert conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0] == 2
    # Forced (the CLI's "fetch now"): everything not final, at once.
    assert collector.refresh().posts_updated == 2
    paths = [request.path for request, _ in httpserver.log]
    assert "/api/v1/statuses/300" not in paths


def test_faults_back_off_and_deleted_posts_stop_being_asked(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    account = add_mastodon(workspace, httpserver)
    conn = workspace.writable_connection()
    with transaction(conn):
        gone = published(conn, account, T0 - timedelta(hours=1), "1")
        flaky = published(conn, account, T0 - timedelta(hours=2, minutes=30), "2")
    serve_account(httpserver)
    httpserver.expect_request("/api/v1/statuses/1").respond_with_json(
        {"error": "Record not found"}, status=404
    )
    answers = [
        Response("Service Unavailable", status=503),
        Response(json.dumps(status(8)), content_type="application/json"),
    ]
    httpserver.expect_request("/api/v1/statuses/2").respond_with_handler(
        lambda _request: answers.pop(0)
    )
    clock = Clock()
    collector = MetricsCollector(workspace.writable_connection, now=clock, token_for=lambda _a: "t")
    report = collector.run_due()
    assert report is not None
    assert report.outcomes[0].posts_gone == 1
    assert len(report.errors) == 1 and "503" in report.errors[0]
    state = conn.execute(
        "SELECT failures, next_fetch_at, last_error FROM metric_fetch_state WHERE delivery_id = ?",
        (flaky,),
    ).fetchone()
    assert state[0] == 1 and "503" in state[2]
    # Backed off past the post's usual hourly interval.
    assert state[1] > "2026-05-04T10:00:00Z"
    assert conn.execute(
        "SELECT gone FROM metric_fetch_state WHERE delivery_id = ?", (gone,)
    ).fetchone() == (1,)
    clock.now = T0 + timedelta(hours=1, minutes=1)
    assert collector.run_due().posts_updated == 0  # type: ignore[union-attr]
    clock.now = T0 + timedelta(hours=3)
    report = collector.run_due()
    assert report is not None and report.posts_updated == 1 and report.errors == []
    assert latest(workspace, flaky) == (8, 1)
    assert [r.path for r, _ in httpserver.log].count("/api/v1/statuses/1") == 1


def test_a_429_pauses_the_account_until_the_server_says(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    account = add_mastodon(workspace, httpserver)
    conn = workspace.writable_connection()
    with transaction(conn):
        delivery = published(conn, account, T0 - timedelta(minutes=5), "9")
    httpserver.expect_ordered_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {"error": "Too many requests"}, status=429, headers={"Retry-After": "600"}
    )
    serve_account(httpserver)
    httpserver.expect_request("/api/v1/statuses/9").respond_with_json(status(3))
    clock = Clock()
    collector = MetricsCollector(workspace.writable_connection, now=clock, token_for=lambda _a: "t")
    first = collector.run_due()
    assert first is not None and "429" in first.errors[0]
    assert latest(workspace, delivery) is None  # the posts waited too
    clock.now = T0 + timedelta(minutes=5)
    assert collector.run_due().posts_updated == 0  # type: ignore[union-attr]
    assert len(httpserver.log) == 1  # nothing was asked during the pause
    clock.now = T0 + timedelta(minutes=11)
    report = collector.run_due()
    assert report is not None and report.posts_updated == 1


def test_the_budget_caps_a_round_and_the_rest_waits(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    account = add_mastodon(workspace, httpserver)
    conn = workspace.writable_connection()
    with transaction(conn):
        ids = [published(conn, account, T0 - timedelta(minutes=m), str(m)) for m in range(1, 8)]
    serve_account(httpserver)
    for m in range(1, 8):
        httpserver.expect_request(f"/api/v1/statuses/{m}").respond_with_json(status(m))
    budget = Budget(requests=8, window=timedelta(minutes=5), batch=1, share=0.5)
    collector = MetricsCollector(
        workspace.writable_connection,
        now=Clock(),
        token_for=lambda _a: "t",
        budgets={Network.MASTODON: budget},
    )
    report = collector.run_due()
    assert report is not None
    # 4 requests allowed: one for the account, three posts (the freshest).
    assert report.posts_updated == 3
    assert report.outcomes[0].posts_waiting == 4
    assert [latest(workspace, d) is not None for d in ids] == [True] * 3 + [False] * 4


def test_accounts_without_api_or_token_are_skipped_with_a_reason(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    add_mastodon(workspace, httpserver, method=PublishMethod.MANUAL)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "someone")
        account_rows.add_account(
            conn, Network.LOCAL, "archive", publish_method=PublishMethod.FOLDER
        )
    report = MetricsCollector(
        workspace.writable_connection, now=Clock(), token_for=lambda _a: None
    ).run_due()
    assert report is not None
    reasons = {o.network: o.skipped for o in report.outcomes}
    assert reasons == {
        Network.MASTODON: "published by hand",
        Network.X: "not signed in",
        Network.LOCAL: "no metrics API",
    }
    assert httpserver.log == []


def test_the_engine_runs_the_collector_as_an_interval_job(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    clock = FakeClock(T0)
    alarms = ManualAlarms(clock)
    engine = create_engine(workspace, clock=clock, alarms=alarms)
    engine.start()
    try:
        assert JOB_KEY in alarms.timers
        first, _, interval = alarms.timers[JOB_KEY]
        assert interval == 300 and first == T0 + timedelta(seconds=300)
        alarms.advance(301)
        assert JOB_KEY in alarms.fired
    finally:
        engine.shutdown()
    assert JOB_KEY not in alarms.timers
    assert create_engine(workspace, clock=clock, alarms=ManualAlarms(clock), collect_metrics=False)
