"""`somestudio account add/list/remove` as a process: secrets on stdin only, the keyring real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.e2e.conftest import isolated_environ
from tests.secret_service import secret_service

TOKEN = "cli-mastodon-token-5551234"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "somestudio", "account", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _serve_mastodon(server: HTTPServer) -> None:
    server.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"id": "1", "acct": "kahvila", "display_name": "Kahvila Aurinko"})
    server.expect_request("/api/v2/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 1000}}}
    )


def _keyring_labels(env: dict[str, str]) -> list[str]:
    code = (
        "import secretstorage as s; c = s.dbus_init();"
        "print('\\n'.join(sorted(i.get_label() for i in"
        " s.get_default_collection(c).get_all_items())))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_add_list_remove_with_the_real_keyring(tmp_path: Path, httpserver: HTTPServer) -> None:
    _serve_mastodon(httpserver)
    with secret_service(tmp_path / "kr") as service:
        env = {**isolated_environ(tmp_path / "env"), **service.environ}
        env["SOMESTUDIO_HOME"] = str(tmp_path / "home")
        (tmp_path / "home").mkdir()
        added = _run(
            env, "add", "mastodon", "--service", httpserver.url_for(""), stdin=TOKEN + "\n"
        )
        assert added.returncode == 0, added.stderr
        account_id = added.stdout.strip()
        listed = json.loads(_run(env, "list", "--json").stdout)
        assert [(a["network"], a["handle"], a["display_name"]) for a in listed] == [
            (
                "mastodon",
                f"@kahvila@{httpserver.url_for('').split('://')[1].rstrip('/')}",
                "Kahvila Aurinko",
            ),
        ]
        assert any("account-" in label for label in _keyring_labels(env))
        database = (tmp_path / "home" / "somestudio.db").read_bytes()
        assert TOKEN.encode() not in database
        limits = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
                ".execute('select limits_json from accounts').fetchone()[0])",
                str(tmp_path / "home" / "somestudio.db"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(limits.stdout)["max_characters"] == 1000
        removed = _run(env, "remove", account_id)
        assert removed.returncode == 0, removed.stderr
        assert _keyring_labels(env) == []
        assert json.loads(_run(env, "list", "--json").stdout) == []


def test_no_secure_keyring_connects_nothing(tmp_path: Path, httpserver: HTTPServer) -> None:
    _serve_mastodon(httpserver)
    env = isolated_environ(tmp_path / "env")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    added = _run(env, "add", "mastodon", "--service", httpserver.url_for(""), stdin=TOKEN)
    assert added.returncode == 1
    assert "No secure keyring" in added.stderr
    assert json.loads(_run(env, "list", "--json").stdout) == []
    assert httpserver.log == []  # refused before the token was even sent anywhere


def test_secret_comes_from_stdin_only(tmp_path: Path) -> None:
    env = isolated_environ(tmp_path / "env")
    empty = _run(env, "add", "bluesky", "--handle", "me.example")
    assert empty.returncode == 2 and "standard input" in empty.stderr
    usage = _run(env, "add", "bluesky", "--handle", "me.example", "--password", "x")
    assert usage.returncode == 2 and "unrecognized arguments" in usage.stderr
    by_hand = _run(env, "add", "tiktok", "--handle", "me")
    assert by_hand.returncode == 2 and "--by-hand" in by_hand.stderr


def test_linkedin_by_member_id_needs_no_userinfo(tmp_path: Path, httpserver: HTTPServer) -> None:
    """A token with only w_member_social cannot say whose it is (/v2/userinfo needs openid
    profile): with --person-id nothing is asked of LinkedIn and the account is added."""
    with secret_service(tmp_path / "kr") as service:
        env = {**isolated_environ(tmp_path / "env"), **service.environ}
        env["SOMESTUDIO_HOME"] = str(tmp_path / "home")
        # Anything sent to LinkedIn would reach this loopback server as a proxy request.
        env["HTTPS_PROXY"] = env["HTTP_PROXY"] = httpserver.url_for("")
        (tmp_path / "home").mkdir()
        asked = _run(env, "add", "linkedin", stdin="li-tok\n")
        assert asked.returncode != 0 and len(httpserver.log) == 1  # userinfo: via the proxy
        httpserver.clear_log()
        added = _run(
            env, "add", "linkedin", "--person-id", "urn:li:person:782bbtaQ", stdin="li-tok\n"
        )
        assert added.returncode == 0, added.stderr
        listed = json.loads(_run(env, "list", "--json").stdout)
        assert [(a["network"], a["handle"]) for a in listed] == [
            ("linkedin", "urn:li:person:782bbtaQ")
        ]
        assert httpserver.log == []
