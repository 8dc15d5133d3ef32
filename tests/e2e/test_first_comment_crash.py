"""The first comment across a SIGKILL: ``somestudio run-scheduler`` as a real process posts to
a Mastodon-like server on 127.0.0.1 (the account added with the real CLI, its token in a real
Secret Service) and is killed while the post is out and its comment is on the wire. After a
restart the comment exists exactly once and the post was never sent again."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from somestudio.app.planning import Planner
from somestudio.app.workspace import open_workspace
from somestudio.domain.utc import utc_now
from somestudio.store import deliveries as delivery_rows
from somestudio.store import first_comments as comment_rows
from somestudio.store.database import DATABASE_FILE, transaction
from tests.e2e.conftest import AppProcess, LaunchApp, isolated_environ
from tests.e2e.schedulers import start_scheduler
from tests.integration.mastodon_server import Server, mastodon
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow

TOKEN = "e2e-mastodon-token-0123456789"


def _add_account(env: dict[str, str], server: Server) -> int:
    added = subprocess.run(
        [sys.executable, "-m", "somestudio", "account", "add", "mastodon", "--service", server.url],
        input=TOKEN + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    return int(added.stdout.strip())


def _schedule(env: dict[str, str], account_id: int) -> int:
    workspace = open_workspace(Path(env["SOMESTUDIO_HOME"]))
    try:
        at = utc_now() + timedelta(seconds=3)
        post_id = Planner(workspace).schedule_post(
            "Kesäkahvila aukeaa", [account_id], at=at, zone="Europe/Helsinki"
        )
        conn = workspace.writable_connection()
        (row,) = delivery_rows.of_post(conn, post_id)
        with transaction(conn):
            comment_rows.set_text(conn, row.id, "Menu: https://example.com/menu", utc_now())
        return row.id
    finally:
        workspace.close()


def _start(launch: LaunchApp, env: dict[str, str]) -> AppProcess:
    return start_scheduler(launch, env, timeout_s=30)


def _db(env: dict[str, str]) -> sqlite3.Connection:
    path = Path(env["SOMESTUDIO_HOME"]) / DATABASE_FILE
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)


@pytest.mark.parametrize("made_before_the_kill", [False, True], ids=["not-made", "made"])
def test_sigkill_between_post_and_comment_sends_the_comment_once(
    tmp_path: Path, launch: LaunchApp, made_before_the_kill: bool
) -> None:
    with secret_service(tmp_path / "kr") as service, mastodon() as server:
        env = {**isolated_environ(tmp_path / "env"), **service.environ}
        server.hold_first_reply = True
        server.create_held = made_before_the_kill
        account_id = _add_account(env, server)
        delivery = _schedule(env, account_id)

        first = _start(launch, env)
        assert server.reply_seen.wait(30), first.describe()  # the post is out, the comment sent
        first.proc.send_signal(signal.SIGKILL)
        first.proc.wait(timeout=10)
        server.release.set()
        conn = _db(env)
        state = conn.execute(
            "SELECT d.state, c.state FROM deliveries d JOIN first_comments c"
            " ON c.delivery_id = d.id WHERE d.id = ?",
            (delivery,),
        ).fetchone()
        conn.close()
        assert state == ("published", "sending")  # killed between the post and the comment

        second = _start(launch, env)
        deadline = time.monotonic() + 30
        while len(server.replies()) < 1 or server.requests["reply"] < 2:
            assert time.monotonic() < deadline, second.describe()
            time.sleep(0.05)
        time.sleep(0.5)  # let it record the outcome
        second.proc.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0, second.describe()

    assert server.requests["post"] == 1  # the post was never sent again
    assert len(server.posts()) == 1 and len(server.replies()) == 1
    (post,), (reply,) = server.posts(), server.replies()
    assert reply["in_reply_to_id"] == post["id"]
    assert server.problems == []
    conn = _db(env)
    comment = conn.execute(
        "SELECT state, remote_id FROM first_comments WHERE delivery_id = ?", (delivery,)
    ).fetchone()
    log = conn.execute(
        "SELECT subject, outcome FROM attempts WHERE delivery_id = ? ORDER BY id", (delivery,)
    ).fetchall()
    conn.close()
    assert comment == ("sent", reply["id"])
    assert log == [("post", "published"), ("comment", "reconciled")]
