"""The README's keyring unlock for an always-on box works as written: its shell block run
word for word by bash — with the session bus where dbus-user-session puts it
($XDG_RUNTIME_DIR/bus), the password typed on standard input — leaves a Secret Service that
``somestudio doctor`` calls secure. Private bus, runtime folder and home: the user's own
keyring is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.secret_service import _kill_keyring_daemons, _need, _service_env

REPO = Path(__file__).resolve().parents[2]
HEADING = "## An always-on box"


def unlock_block() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(HEADING)
    section = text[start : text.index("\n## ", start + len(HEADING))]
    blocks = [b.split("```", 1)[0] for b in section.split("```sh\n")[1:]]
    (block,) = [b for b in blocks if "gnome-keyring-daemon" in b]
    return block


def test_the_readme_unlock_leaves_a_secure_keyring(tmp_path: Path) -> None:
    dbus = _need("dbus-daemon")
    _need("gnome-keyring-daemon")
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "GNOME_KEYRING", "SOMESTUDIO_"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(runtime),
        SOMESTUDIO_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(REPO),
    )
    bus = subprocess.Popen(
        [dbus, "--session", "--nofork", "--nopidfile", f"--address=unix:path={runtime}/bus"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        env=_service_env(env),
    )
    # Then what run-scheduler does with it: keep the workspace's password and read it back
    # (a locked keyring, with no screen for its unlock prompt, would refuse or time out).
    kept = (
        "from somestudio.secrets import SecretStore; s = SecretStore(timeout=5); "
        "s.store_password('workspace:box', 'pg-secret'); "
        "print('read back:', s.load_password('workspace:box') == 'pg-secret')"
    )
    script = (
        f'somestudio() {{ "{sys.executable}" -m somestudio "$@"; }}\n'
        + unlock_block()
        + f'"{sys.executable}" -c "{kept}"\n'
    )
    try:
        for _ in range(100):  # the bus socket appears once dbus-daemon listens
            if (runtime / "bus").exists():
                break
            time.sleep(0.05)
        done = subprocess.run(
            ["bash", "-c", script],
            input="a keyring password\n",
            env=_service_env(env),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        said = done.stdout + done.stderr
        keyring = [line for line in said.splitlines() if " keyring " in f" {line} "]
        assert keyring and keyring[0].startswith("ok keyring"), said
        assert "(secure)" in keyring[0]
        assert "a keyring password" not in said  # read, never echoed
        assert "read back: True" in said, said
    finally:
        _kill_keyring_daemons(runtime)
        bus.send_signal(signal.SIGTERM)
        bus.wait(timeout=10)
