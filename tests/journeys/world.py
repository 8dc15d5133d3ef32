"""The world a journey runs in, and the hands and eyes that drive the real program.

Each journey gets its own X server (Xvfb), its own D-Bus session bus (with a real
gnome-keyring on it when the journey stores a secret), its own accessibility bus, and the
real program started as ``python -m somestudio`` on a fresh data folder. Controls are found
the way a screen reader finds them — by role and accessible name over AT-SPI, through
``atspi_driver.py`` run by the system Python — and operated with the mouse and keyboard
through xdotool, like a person. Every important step leaves a screenshot in
``artifacts/journeys/<journey>/NN-step.png``.

A journey fails as soon as the program writes a Python traceback, an exception or a Qt
warning to its stderr (checked at every step and at the end).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import REPO_ROOT, SCREEN, isolated_environ
from tests.secret_service import secret_service
from tests.x_display import start_xvfb, stop_xvfb

from .program import Program, need_tool

BUS_LAUNCHER_CANDIDATES = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
)
ZONE = "Europe/Helsinki"  # the café is in Finland; never the machine's zone


def bus_launcher() -> str:
    for candidate in BUS_LAUNCHER_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    pytest.fail("at-spi-bus-launcher is not installed (Debian: at-spi2-core)")


def _stop(proc: subprocess.Popen[Any], *, group: bool = False) -> None:
    """End a process we started (and, for launchers, the group it leads)."""
    if proc.poll() is None:
        try:
            if group:
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
            proc.wait(timeout=10)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            if group:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
            proc.wait(timeout=10)
    elif group:
        # The leader is gone; children it left in its group (a11y bus, registry) are not.
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)


def _read_line(fd: int, timeout: float, what: str) -> str:
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"{what} did not answer within {timeout} s")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError(f"{what} exited")
            data += chunk
    return data.decode().strip()


@contextmanager
def xvfb(base: Path) -> Iterator[str]:
    """A private X server on a display number it picks itself, checked to answer on its
    socket (``tests/x_display.py``)."""
    server, number = start_xvfb(need_tool("Xvfb"), base, SCREEN)
    try:
        yield f":{number}"
    finally:
        stop_xvfb(server)


@contextmanager
def session_bus(base: Path, env: Mapping[str, str]) -> Iterator[str]:
    """A private D-Bus session bus; yields its address."""
    exe = need_tool("dbus-daemon")
    with (base / "dbus.log").open("wb") as log:
        bus = subprocess.Popen(
            [exe, "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            stderr=log,
            env=dict(env),
        )
    assert bus.stdout is not None
    try:
        address = _read_line(bus.stdout.fileno(), 30, "dbus-daemon")
    except (TimeoutError, RuntimeError) as exc:
        _stop(bus)
        pytest.fail(str(exc))
    try:
        yield address
    finally:
        _stop(bus)
        bus.stdout.close()


@contextmanager
def accessibility_bus(base: Path, env: Mapping[str, str]) -> Iterator[None]:
    """at-spi-bus-launcher on the session bus: Qt finds the accessibility bus through it."""
    log = (base / "at-spi.log").open("wb")
    launcher = subprocess.Popen(
        [bus_launcher(), "--launch-immediately"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(env),
        start_new_session=True,  # its own group: the a11y bus and registry go with it
    )
    try:
        _wait_for_bus_name(env, "org.a11y.Bus")
        yield
    finally:
        _stop(launcher, group=True)
        log.close()


def _wait_for_bus_name(env: Mapping[str, str], name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
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
            env=dict(env),
            capture_output=True,
            text=True,
            check=False,
        )
        if f'"{name}"' in names.stdout:
            return
        time.sleep(0.1)
    pytest.fail(f"{name} did not appear on the private session bus")


def app_environ(base: Path) -> dict[str, str]:
    env = isolated_environ(base / "env")
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        TZ=ZONE,
        # English words with 24-hour times; the journeys type times the way the locale shows them.
        LANG="en_GB.UTF-8",
        LANGUAGE="en_GB:en",
    )
    env.pop("LC_ALL", None)
    # The program must come from this checkout, whatever the caller's PYTHONPATH says.
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


@contextmanager
def world(name: str, base: Path, *, keyring: bool) -> Iterator[Program]:
    """Everything one journey needs, torn down in reverse order."""
    shots = (
        Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO_ROOT / "artifacts")) / "journeys" / name
    )
    if shots.exists():
        shutil.rmtree(shots)
    shots.mkdir(parents=True)
    with ExitStack() as stack:
        env = app_environ(base)
        display = stack.enter_context(xvfb(base))
        env["DISPLAY"] = display
        if keyring:
            service = stack.enter_context(secret_service(base))
            env["DBUS_SESSION_BUS_ADDRESS"] = service.environ["DBUS_SESSION_BUS_ADDRESS"]
        else:
            env["DBUS_SESSION_BUS_ADDRESS"] = stack.enter_context(session_bus(base, env))
        stack.enter_context(accessibility_bus(base, env))
        program = Program(
            name=name, env=env, home=Path(env["SOMESTUDIO_HOME"]), base=base, shots=shots
        )
        stack.callback(program.stop)
        yield program
