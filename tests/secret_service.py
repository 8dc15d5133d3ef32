"""A real Secret Service for tests: a private D-Bus session bus with gnome-keyring on it.

Nothing here touches the user's own session: the bus address is new and only the processes
given ``environ`` see it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

KEYRING_PASSWORD = b"test-keyring-password"


@dataclass(frozen=True)
class SecretService:
    environ: dict[str, str]


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is not installed; ./scripts/run-tests installs it (dbus, gnome-keyring)"
        )
    return path


@contextmanager
def secret_service(base: Path) -> Iterator[SecretService]:
    dbus = _need("dbus-daemon")
    keyring = _need("gnome-keyring-daemon")
    home = base / "keyring-home"
    (home / ".local" / "share").mkdir(parents=True)
    runtime = base / "keyring-runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    bus = subprocess.Popen(
        [dbus, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=_service_env(env),
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    if not address:
        bus.kill()
        pytest.fail("dbus-daemon did not print its address")
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.run(
        [keyring, "--unlock", "--components=secrets"],
        input=KEYRING_PASSWORD,
        env=_service_env(env),
        capture_output=True,
        timeout=30,
        check=False,
    )
    try:
        if daemon.returncode != 0:
            pytest.fail(f"gnome-keyring-daemon failed: {daemon.stderr.decode(errors='replace')}")
        _wait_for_secrets(_service_env(env))
        yield SecretService(env)
    finally:
        _kill_keyring_daemons(runtime)
        bus.send_signal(signal.SIGTERM)
        bus.wait(timeout=10)
        bus.stdout.close()


def _service_env(env: dict[str, str]) -> dict[str, str]:
    """The environment for the bus and keyring daemons: without a faked clock.

    The suite also runs under libfaketime at other dates (scripts/run-tests); that tests our
    code's idea of "today", not gnome-keyring's, which refuses to start with a faked clock.
    The processes under test keep the faked clock (``SecretService.environ``).
    """
    return {
        key: value
        for key, value in env.items()
        if key != "LD_PRELOAD" and not key.startswith("FAKETIME")
    }


def _wait_for_secrets(env: dict[str, str]) -> None:
    # The daemon answers before the secrets component owns its bus name; wait until it does.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        names = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.ListNames",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if "org.freedesktop.secrets" in names.stdout:
            return
        time.sleep(0.1)
    pytest.fail("the Secret Service did not appear on the private bus")


def _kill_keyring_daemons(runtime: Path) -> None:
    """gnome-keyring-daemon forks away from us; find ours by the runtime folder it uses."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"gnome-keyring-daemon" in cmdline and f"XDG_RUNTIME_DIR={runtime}".encode() in environ:
            with suppress(ProcessLookupError):
                os.kill(int(proc.name), signal.SIGTERM)
