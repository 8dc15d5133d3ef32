"""End-to-end fixtures: the real app as a process, a private Xvfb, a clean environment."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.x_display import start_xvfb, stop_xvfb

REPO_ROOT = Path(__file__).resolve().parents[2]
SHOWN_LINE = "somestudio: window shown"
WINDOW_CLASS = "somestudio"  # WM_CLASS: the application name Qt registers

# The rule for stderr: a clean start and quit prints nothing there. The app routes Qt's
# messages to its log file and echoes only warnings and worse to stderr; Python warnings and
# tracebacks land there too. Should Qt's default handler be in charge instead, this pattern
# marks every message with its type, so debug and info output can be told apart and allowed.
QT_MESSAGE_PATTERN = "[qt %{type}] %{if-category}%{category}: %{endif}%{message}"
_HARMLESS_PREFIXES = ("[qt debug]", "[qt info]")
_QT_PREFIX = re.compile(r"^\[qt \w+\] ")

# A known limitation of Qt's offscreen platform plugin (QMainWindow asks it to propagate size
# hints), not of the app; only ignored where the offscreen platform is in use.
OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


def stderr_problems(text: str, *, ignore: frozenset[str] = frozenset()) -> list[str]:
    """The lines of ``text`` that are not allowed on a clean run's stderr."""
    problems = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(_HARMLESS_PREFIXES):
            continue
        if _QT_PREFIX.sub("", line).strip() in ignore:
            continue
        problems.append(line)
    return problems


@dataclass
class AppProcess:
    """A running app process whose output goes to files (a full pipe can never block it)."""

    proc: subprocess.Popen[bytes]
    stdout_path: Path
    stderr_path: Path

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def describe(self) -> str:
        return (
            f"exit code: {self.proc.returncode}\n"
            f"--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}"
        )

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            # Every thread's Python stack on stderr first (PYTHONFAULTHANDLER, set for the
            # app's processes here): what it was stuck on is then in the failure's text.
            self.proc.send_signal(signal.SIGABRT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
            pytest.fail(f"the app did not exit within {timeout} s\n{self.describe()}")

    def wait_for_stdout_line(self, line: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if line in self.stdout().splitlines():
                return
            if self.proc.poll() is not None and line not in self.stdout().splitlines():
                pytest.fail(f"the app exited before printing {line!r}\n{self.describe()}")
            time.sleep(0.05)
        pytest.fail(f"the app did not print {line!r} within {timeout} s\n{self.describe()}")


def isolated_environ(base: Path) -> dict[str, str]:
    """os.environ with HOME, XDG folders and the data folder inside ``base``.

    No session bus either: the app must never reach the real user's keyring from a test.
    """
    env = dict(os.environ)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "DISPLAY", "SOMESTUDIO_HOME"):
        env.pop(name, None)
    folders = {
        "HOME": "home",
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "data",
        "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state",
        "SOMESTUDIO_HOME": "somestudio-home",
    }
    for name, folder in folders.items():
        path = base / folder
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    runtime = base / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    runtime.chmod(0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["QT_MESSAGE_PATTERN"] = QT_MESSAGE_PATTERN
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONFAULTHANDLER"] = "1"  # a stuck app's stacks, when a test gives up (wait)
    return env


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment for one app process; QT_QPA_PLATFORM is offscreen."""
    env = isolated_environ(tmp_path / "env")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


LaunchApp = Callable[[Sequence[str], Mapping[str, str]], AppProcess]


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[LaunchApp]:
    """Start a command (the app) with output to files; kill whatever is left at teardown."""
    started: list[AppProcess] = []

    def start(command: Sequence[str], env: Mapping[str, str]) -> AppProcess:
        index = len(started)
        out = tmp_path / f"app-{index}.stdout"
        err = tmp_path / f"app-{index}.stderr"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            proc = subprocess.Popen(
                list(command),
                env=dict(env),
                cwd=tmp_path,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
            )
        app = AppProcess(proc, out, err)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.proc.poll() is None:
            app.proc.kill()
            app.proc.wait(timeout=10)


@pytest.fixture
def app_command() -> list[str]:
    """How to start the app from this checkout (the bundle test has its own)."""
    return [sys.executable, "-m", "somestudio"]


SCREEN = ("-screen", "0", "1280x800x24", "-nocursor")


@pytest.fixture
def xvfb_display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb server (1280x800x24) on a display number it chose itself, checked to
    answer on its socket (``tests/x_display.py``)."""
    exe = shutil.which("Xvfb")
    if exe is None:
        pytest.fail("Xvfb is not installed; ./scripts/run-tests installs it (Debian: xvfb)")
    server, number = start_xvfb(exe, tmp_path, SCREEN)
    try:
        yield f":{number}"
    finally:
        stop_xvfb(server)


XdoTool = Callable[..., str]


@pytest.fixture
def xdotool(xvfb_display: str) -> XdoTool:
    """Run xdotool against the private display and return its stdout."""
    exe = shutil.which("xdotool")
    if exe is None:
        pytest.fail("xdotool is not installed; ./scripts/run-tests installs it")
    env = {**os.environ, "DISPLAY": xvfb_display}

    def run(*args: str, timeout: float = 10, check: bool = True) -> str:
        result = subprocess.run(
            [exe, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            pytest.fail(f"xdotool {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result.stdout

    return run


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests leave files for people to look at (screenshots); kept after the run."""
    path = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO_ROOT / "artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path
