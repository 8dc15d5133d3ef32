"""`somestudio inbox list/reply/done` as processes, with the real keyring (a private Secret
Service) and a Mastodon-like loopback server checked against Mastodon's OpenAPI
description: the account connected with `account add`, the inbox read, answered once and
marked done from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from somestudio.store.engines import make_engine
from somestudio.store.workspace_url import WorkspaceUrl
from tests.e2e.conftest import isolated_environ
from tests.integration.mastodon_inbox_server import (
    account,
    mastodon_inbox,
    notification,
    status,
)
from tests.postgres_server import PostgresServer
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow
TOKEN = "tok-inbox"


def _run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "somestudio", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_list_reply_and_done_from_the_command_line(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """On both backends: on PostgreSQL the data folder is pointed at the shared workspace
    with `workspace use` first (its password into the real keyring)."""
    zsc = account(971724, "zsc", "Zsc")
    with mastodon_inbox() as server, secret_service(tmp_path / "kr") as keyring:
        server.add(
            notification(10, "mention", zsc, "2026-11-20T10:01:00.000Z",
                         status(501, zsc, "<p>Milloin auki?</p>", reply_to=("500", "7"))),
            notification(11, "follow", zsc, "2026-11-20T10:02:00.000Z", None),
        )  # fmt: skip
        env = {**isolated_environ(tmp_path / "env"), **keyring.environ}
        if backend == "postgresql":
            server_db: PostgresServer = request.getfixturevalue("postgres")
            url: WorkspaceUrl = request.getfixturevalue("pg_url")
            used = _run(
                env, "workspace", "use", url.display(), "--password-stdin",
                stdin=server_db.password + "\n",
            )  # fmt: skip
            assert used.returncode == 0, used.stderr
        added = _run(env, "account", "add", "mastodon", "--service", server.url, stdin=TOKEN + "\n")
        assert added.returncode == 0, added.stderr

        listed = _run(env, "inbox", "list", "--refresh", "--json")
        assert listed.returncode == 0, listed.stderr
        entries = json.loads(listed.stdout)
        assert [(e["kind"], e["author"]["handle"], e["text"]) for e in entries] == [
            ("follow", "@zsc", ""),
            ("reply", "@zsc", "Milloin auki?"),
        ]
        reply_id = str(entries[1]["id"])
        assert (entries[1]["liked"], entries[1]["hidden"], entries[1]["problem"]) == (
            False, False, ""
        )  # fmt: skip
        assert _run(env, "inbox", "list", "--refresh").returncode == 0  # read again: no copies
        assert len(json.loads(_run(env, "inbox", "list", "--json").stdout)) == 2

        follow = _run(env, "inbox", "reply", str(entries[0]["id"]), "--text", "Kiitos")
        assert follow.returncode == 2 and "takes no reply" in follow.stderr
        empty = _run(env, "inbox", "reply", reply_id, "--text", "  ")
        assert empty.returncode == 2 and "empty" in empty.stderr

        sent = _run(env, "inbox", "reply", reply_id, "--file", "-", stdin="Kello 10–18 ☕\n")
        assert sent.returncode == 0, sent.stderr
        again = _run(env, "inbox", "reply", reply_id, "--text", "Toinen")
        assert again.returncode == 2 and "already answered" in again.stderr
        assert [b["status"] for b in server.posts] == ["@zsc Kello 10–18 ☕"]
        assert server.posts[0]["in_reply_to_id"] == "501"

        # Answered means done: the open list holds the follow only; mark it done too.
        assert [e["kind"] for e in json.loads(_run(env, "inbox", "list", "--json").stdout)] == [
            "follow"
        ]
        assert _run(env, "inbox", "done", str(entries[0]["id"])).returncode == 0
        assert json.loads(_run(env, "inbox", "list", "--json").stdout) == []
        every = json.loads(_run(env, "inbox", "list", "--all", "--json").stdout)
        assert [(e["done"], e["reply"]) for e in every] == [(True, ""), (True, "sent")]
        undone = _run(env, "inbox", "done", reply_id, "--undo")
        assert undone.returncode == 0
        assert [e["id"] for e in json.loads(_run(env, "inbox", "list", "--json").stdout)] == [
            int(reply_id)
        ]
        missing = _run(env, "inbox", "done", "999")
        assert missing.returncode == 2 and "no inbox entry 999" in missing.stderr
        assert server.problems == []
        local = Path(env["SOMESTUDIO_HOME"]) / "somestudio.db"
        if backend == "postgresql":
            assert not local.exists()  # everything went to the server
            engine = make_engine(url, lambda: server_db.password)
            with engine.connect() as conn:
                dumped = repr(conn.exec_driver_sql("SELECT * FROM inbox_items").fetchall())
                dumped += repr(conn.exec_driver_sql("SELECT * FROM accounts").fetchall())
            engine.dispose()
            assert "Milloin auki?" in dumped and TOKEN not in dumped
        else:
            assert TOKEN.encode() not in local.read_bytes()
