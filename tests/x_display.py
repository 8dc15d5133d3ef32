"""Private X servers for the tests that run the real program: checked to answer before a test
uses them. Two full runs of the suite saw the program refused by a display (":0") that its
Xvfb had just reported ready ("could not connect to display :0", every other test on the same
kind of server passing); the cause was not found. A server that does not answer on its socket
is now stopped and replaced, and its log kept in the failure message if none answers."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

SOCKETS = Path("/tmp/.X11-unix")
ANSWER_TIMEOUT_S = 5.0
TRIES = 3


def answers(
    server: subprocess.Popen[bytes], number: int, timeout: float = ANSWER_TIMEOUT_S
) -> bool:
    """Whether the X server ``server`` on display ``number`` is running and accepts a
    connection on its socket file (what a client falls back to)."""
    path = str(SOCKETS / f"X{number}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(path)
            except OSError:
                time.sleep(0.05)
                continue
        return True
    return False


def state(number: int) -> str:
    """What is there for display ``number``, for a failure message."""
    lock = Path(f"/tmp/.X{number}-lock")
    sock = SOCKETS / f"X{number}"
    owner = lock.read_text(errors="replace").strip() if lock.exists() else "none"
    there = "present" if sock.exists() else "absent"
    return f"display :{number}: lock file pid {owner}, socket file {there}"
