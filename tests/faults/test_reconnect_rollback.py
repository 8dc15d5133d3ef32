"""Finding 10: a reconnect whose sign-in the keyring never stores (the keyring stops
answering) leaves the account exactly as it was: no rename. The keyring is a real
gnome-keyring, stopped with SIGSTOP while the network step runs."""

from __future__ import annotations

import json
import os
import signal
from contextlib import suppress
from pathlib import Path

import pytest

from tests.faults.helpers_input import Answer, Seen, cli_environ, loopback_server, run_cli
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow  # a real keyring daemon on a private bus

TOKEN = "reconnect-token-5551234"


def _keyring_daemons(runtime: str) -> list[int]:
    found: list[int] = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"gnome-keyring-daemon" in cmdline and f"XDG_RUNTIME_DIR={runtime}".encode() in environ:
            found.append(int(proc.name))
    return found


def test_a_reconnect_the_keyring_does_not_store_keeps_the_old_name(tmp_path: Path) -> None:
    stop_keyring = {"now": False}
    stopped: list[int] = []

    def route(seen: Seen) -> Answer:
        if seen.path.startswith("/api/v1/accounts/verify_credentials"):
            if stop_keyring["now"]:  # the keyring stops answering while we talk to the server
                for pid in _keyring_daemons(runtime):
                    os.kill(pid, signal.SIGSTOP)
                    stopped.append(pid)
            return Answer(payload={"id": "1", "acct": "kahvila", "display_name": "Kahvila"})
        return Answer(payload={"configuration": {"statuses": {"max_characters": 500}}})

    with loopback_server(route) as server, secret_service(tmp_path / "kr") as keyring:
        runtime = keyring.environ["XDG_RUNTIME_DIR"]
        env = cli_environ(tmp_path / "env", keyring.environ)
        try:
            first = run_cli(
                env, "account", "add", "mastodon", "--service", server.url, "--name", "Old name",
                stdin=TOKEN,
            )  # fmt: skip
            assert first.returncode == 0, first.stderr
            stop_keyring["now"] = True
            again = run_cli(
                env, "account", "add", "mastodon", "--service", server.url, "--name", "New name",
                stdin=TOKEN, timeout=90,
            )  # fmt: skip
            assert stopped, "the keyring daemon was not found to stop"
        finally:
            for pid in stopped:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)
        listed = json.loads(run_cli(env, "account", "list", "--json").stdout)
    assert again.returncode == 1
    assert "did not answer" in again.stderr
    assert [a["display_name"] for a in listed] == ["Old name"]
