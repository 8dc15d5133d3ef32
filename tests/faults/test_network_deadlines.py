"""Finding 4: a slow server stalls nothing. Every request has a whole-request deadline (not
only a per-read timeout), and ``run-scheduler`` stops within 5 s of SIGTERM whatever the
network does."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from somestudio.domain.publish_result import Retryable, UnknownOutcome
from somestudio.networks.http import Http, create_session
from somestudio.networks.metrics.base import FetchError, FetchErrorKind, HttpFetcher
from tests.faults.helpers_input import Answer, cli_environ, loopback_server, mastodon_route, run_cli
from tests.secret_service import secret_service

TOKEN = "deadline-test-token-91827364"


def test_a_trickling_server_is_cut_at_the_whole_request_deadline() -> None:
    # One byte a second: each read is quick, so a per-read timeout (5 s) never fires.
    with loopback_server(lambda _seen: Answer("trickle", period=1.0, limit=20)) as server:
        http = Http(create_session(deadline=2.0), "Mastodon", timeout=(2.0, 5.0))
        started = time.monotonic()
        with pytest.raises(UnknownOutcome) as caught:
            http.request("POST", server.url + "/api/v1/statuses", idempotent=False, token=TOKEN)
        took = time.monotonic() - started
    assert took < 4.0, f"the request ran {took:.1f} s past its 2 s deadline"
    assert "2 s" in caught.value.reason


def test_a_server_that_never_answers_is_cut_at_the_deadline() -> None:
    with loopback_server(lambda _seen: Answer("silent", limit=30)) as server:
        http = Http(create_session(deadline=1.5), "Bluesky", timeout=(2.0, 30.0))
        started = time.monotonic()
        with pytest.raises(Retryable):
            http.request("GET", server.url + "/xrpc/x", idempotent=True)
        assert time.monotonic() - started < 3.5


def test_a_metrics_fetch_from_a_trickling_server_is_cut_at_the_deadline() -> None:
    with loopback_server(lambda _seen: Answer("trickle", period=1.0, limit=20)) as server:
        fetcher = HttpFetcher(create_session(deadline=2.0), server.url, TOKEN)
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.get_json("/api/v1/statuses/1")
        assert time.monotonic() - started < 4.0
    assert caught.value.kind is FetchErrorKind.RETRYABLE


def _queue_a_post_to_a_trickling_server(env: dict[str, str], server_url: str) -> None:
    added = run_cli(env, "account", "add", "mastodon", "--service", server_url, stdin=TOKEN)
    assert added.returncode == 0, added.stderr
    from somestudio.domain.utc import utc_now  # noqa: PLC0415

    at = (utc_now() + timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    queued = run_cli(env, "post", "add", "--text", "hei", "--to", "1", "--at", at)
    assert queued.returncode == 0, queued.stderr


def _stop_while_sending(command: list[str], env: dict[str, str], server: Any) -> tuple[float, int]:
    """Start ``command``, wait until its send is stuck on the trickle, SIGTERM it; how long
    it took to exit, and its exit status."""
    process = subprocess.Popen(
        [sys.executable, "-m", "somestudio", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        server.wait_for("/api/v1/statuses", timeout=60)
        time.sleep(1.5)  # the send is now stuck reading a trickle
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = process.wait(timeout=30)
        return time.monotonic() - started, code
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _state(env: dict[str, str]) -> str:
    conn = sqlite3.connect(Path(env["SOMESTUDIO_HOME"]) / "somestudio.db")
    try:
        return str(conn.execute("SELECT state FROM deliveries").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [["run-scheduler"], []],
    ids=["run-scheduler", "window"],
)
def test_stopping_takes_under_5_s_while_a_send_trickles(tmp_path: Path, command: list[str]) -> None:
    route = mastodon_route(Answer("trickle", period=1.0, limit=120), token=TOKEN)
    with loopback_server(route) as server, secret_service(tmp_path / "kr") as keyring:
        env = cli_environ(tmp_path / "env", {**keyring.environ, "QT_QPA_PLATFORM": "offscreen"})
        _queue_a_post_to_a_trickling_server(env, server.url)
        took, code = _stop_while_sending(command, env, server)
        state = _state(env)
    assert took < 5.0, f"it took {took:.1f} s to stop after SIGTERM"
    assert code == 0
    # Never dropped, never failed: Mastodon's idempotency key makes it a plain retry (a
    # network without one stays 'publishing' and the next start reconciles it).
    assert state in ("scheduled", "publishing")
