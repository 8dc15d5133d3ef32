"""Private X servers for the tests that run the real program: checked to answer before a test
uses them. Two full runs of the suite saw the program refused by a display (":0") that its
Xvfb had just reported ready ("could not connect to display :0", every other test on the same
kind of server passing), and a third saw it at two programs' second starts; the cause is not
proven. A server that does not answer on its socket is stopped and replaced, and its log kept
in the failure message if none answers; servers run with -noreset (see ``start_xvfb``); a
failure message says whether anything answered on the display's socket just then."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

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
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(sock))
            now = "a server answers on it now"
        except OSError as exc:
            now = f"nothing answers on it now ({exc.strerror or exc})"
    return f"display :{number}: lock file pid {owner}, socket file {there}, {now}"


def start_xvfb(exe: str, logs: Path, screen: Sequence[str]) -> tuple[subprocess.Popen[bytes], int]:
    """A private Xvfb on a display number it picks itself (-displayfd) that answers on its
    socket, and that number; up to ``TRIES`` servers, their logs ``logs/xvfb-N.log``."""
    said: list[str] = []
    for attempt in range(TRIES):
        log_path = logs / f"xvfb-{attempt}.log"
        read_fd, write_fd = os.pipe()
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                # -noreset: an X server resets when its last client leaves (a program the
                # test killed, before it starts the next), and a client connecting during
                # the reset is refused (the likeliest cause of the runs above, not proven)
                [exe, "-displayfd", str(write_fd), "-nolisten", "tcp", "-noreset", *screen],
                pass_fds=(write_fd,),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        os.close(write_fd)
        try:
            number = _read_display_number(read_fd, timeout=30)
        except (TimeoutError, RuntimeError, ValueError) as exc:
            stop_xvfb(server)
            pytest.fail(f"{exc}\n{log_path.read_text(errors='replace')}")
        finally:
            os.close(read_fd)
        if answers(server, number):
            return server, number
        said.append(f"{state(number)}; its log:\n{log_path.read_text(errors='replace')}")
        stop_xvfb(server)
    pytest.fail("no Xvfb answered on its display:\n" + "\n".join(said))


def stop_xvfb(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _read_display_number(fd: int, timeout: float) -> int:
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("Xvfb did not report its display number")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                raise RuntimeError("Xvfb exited before reporting its display number")
            data += chunk
    return int(data.strip())
