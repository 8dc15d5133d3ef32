"""An inbox answer across a SIGKILL: ``somestudio inbox reply`` as a real process (the
account added with the real CLI, its token in a real Secret Service) is killed while its
reply is on the wire to a Mastodon-like server on 127.0.0.1, made there or not. The next
``run-scheduler`` recovers it at start: the answer exists exactly once (its Idempotency-Key)
and its log says it was reconciled."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from somestudio.commands.run_scheduler import READY
from somestudio.store.database import DATABASE_FILE
from tests.e2e.conftest import AppProcess, LaunchApp, isolated_environ
from tests.integration.mastodon_inbox_server import (
    Server,
    account,
    mastodon_inbox,
    notification,
    status,
)
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow
CLI = [sys.executable, "-m", "somestudio"]


def _cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], input=stdin, env=env, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip


def _db(env: dict[str, str]) -> sqlite3.Connection:
    path = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)


def _state(env: dict[str, str], item_id: int) -> str:
    conn = _db(env)
    try:
        row = conn.execute("SELECT state FROM inbox_replies WHERE item_id = ?", (item_id,))
        found = row.fetchone()
        return str(found[0]) if found else ""
    finally:
        conn.close()


def _scheduler(launch: LaunchApp, env: dict[str, str]) -> AppProcess:
    app = launch([*CLI, "run-scheduler"], env)
    deadline = time.monotonic() + 30
    while not app.stdout().startswith(READY):
        assert app.proc.poll() is None, app.describe()
        assert time.monotonic() < deadline, app.describe()
        time.sleep(0.02)
    return app


def _serve(server: Server) -> None:
    zsc = account(971724, "zsc", "Zsc")
    question = status(501, zsc, "<p>Onko auki?</p>", reply_to=("500", "7"))
    server.add(notification(10, "mention", zsc, "2026-11-20T10:01:00.000Z", question))


@pytest.mark.parametrize("made_before_the_kill", [False, True], ids=["not-made", "made"])
def test_sigkill_mid_answer_sends_it_once(
    tmp_path: Path, launch: LaunchApp, made_before_the_kill: bool
) -> None:
    with secret_service(tmp_path / "kr") as keyring, mastodon_inbox() as server:
        _serve(server)
        server.hold_first_post = True
        server.create_held = made_before_the_kill
        env = {**isolated_environ(tmp_path / "env"), **keyring.environ}
        added = _cli(
            env, "account", "add", "mastodon", "--service", server.url, stdin="tok-inbox\n"
        )
        assert added.returncode == 0, added.stderr
        listed = _cli(env, "inbox", "list", "--refresh", "--json")
        (entry,) = json.loads(listed.stdout)
        item_id = int(entry["id"])

        answering = subprocess.Popen(
            [*CLI, "inbox", "reply", str(item_id), "--text", "On, klo 10–18"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            assert server.post_seen.wait(30)  # the answer is on the wire
            answering.send_signal(signal.SIGKILL)
            answering.wait(timeout=10)
        finally:
            if answering.poll() is None:
                answering.kill()
            for stream in (answering.stdout, answering.stderr):
                if stream is not None:
                    stream.close()
        server.release.set()
        assert _state(env, item_id) == "sending"  # killed mid-send

        scheduler = _scheduler(launch, env)
        deadline = time.monotonic() + 30
        while _state(env, item_id) != "sent":
            assert time.monotonic() < deadline, scheduler.describe()
            time.sleep(0.05)
        scheduler.proc.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=30) == 0, scheduler.describe()

    assert len(server.statuses) == 1  # one answer, whatever the kill interrupted
    assert [b["in_reply_to_id"] for b in server.posts] == ["501", "501"]  # the resend
    assert server.problems == []
    conn = _db(env)
    log = conn.execute(
        "SELECT outcome FROM inbox_reply_attempts WHERE item_id = ? ORDER BY id", (item_id,)
    ).fetchall()
    conn.close()
    assert log == [("reconciled",)]
