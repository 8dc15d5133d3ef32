"""Finding 6: a server that echoes the bearer token in its error body. The one redaction step
runs before the text is stored (deliveries.last_error, attempts.message) and before it is
shown (post add, post list, account add), whatever shape the token has."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.faults.helpers_input import Answer, Seen, cli_environ, loopback_server, run_cli
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow  # a real keyring daemon on a private bus

# No "Bearer " before it and no "token=" pair in the echo: only knowing the secret finds it.
TOKEN = "Zq8Lm3Xv0Rt7Yp2Wn5Ks9Hd4"


def _echo(seen: Seen) -> str:
    sent = seen.headers.get("authorization", "").removeprefix("Bearer ")
    return f"credential {sent} is not allowed to post here"


def _route(seen: Seen) -> Answer:
    if seen.path.startswith("/api/v1/accounts/verify_credentials"):
        return Answer(payload={"id": "1", "acct": "kahvila", "display_name": "Kahvila"})
    if seen.path.startswith("/api/v2/instance"):
        return Answer(payload={"configuration": {"statuses": {"max_characters": 500}}})
    return Answer(status=422, payload={"error": _echo(seen)})


def _stored_texts(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "somestudio.db")
    try:
        errors = [r[0] or "" for r in conn.execute("SELECT last_error FROM deliveries")]
        messages = [r[0] or "" for r in conn.execute("SELECT message FROM attempts")]
    finally:
        conn.close()
    return errors + messages


def test_an_echoed_token_is_redacted_in_tables_and_command_output(tmp_path: Path) -> None:
    with loopback_server(_route) as server, secret_service(tmp_path / "kr") as keyring:
        env = cli_environ(tmp_path / "env", keyring.environ)
        added = run_cli(env, "account", "add", "mastodon", "--service", server.url, stdin=TOKEN)
        assert added.returncode == 0, added.stderr
        published = run_cli(env, "post", "add", "--text", "hei", "--to", "1", "--now")
        listed = run_cli(env, "post", "list")
        listed_json = run_cli(env, "post", "list", "--json")
        stored = _stored_texts(Path(env["SOMESTUDIO_HOME"]))
    assert server.seen and any(TOKEN in _echo(s) for s in server.seen)  # it did echo it
    assert published.returncode == 1
    assert "is not allowed to post here" in published.stderr  # the message still says why
    assert any("is not allowed to post here" in text for text in stored)
    for text in [published.stdout, published.stderr, listed.stdout, listed_json.stdout, *stored]:
        assert TOKEN not in text


def test_account_add_does_not_print_an_echoed_token(tmp_path: Path) -> None:
    def refuse(seen: Seen) -> Answer:
        return Answer(status=403, payload={"error": _echo(seen)})

    with loopback_server(refuse) as server, secret_service(tmp_path / "kr") as keyring:
        env = cli_environ(tmp_path / "env", keyring.environ)
        added = run_cli(env, "account", "add", "mastodon", "--service", server.url, stdin=TOKEN)
    assert added.returncode == 1
    assert "is not allowed to post here" in added.stderr
    assert TOKEN not in added.stderr + added.stdout
