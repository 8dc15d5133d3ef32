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

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import ImageGrab

from tests.e2e.conftest import REPO_ROOT, SCREEN, isolated_environ, stderr_problems
from tests.secret_service import secret_service

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("atspi_driver.py")
BUS_LAUNCHER_CANDIDATES = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
)
ZONE = "Europe/Helsinki"  # the café is in Finland; never the machine's zone
WINDOW_TIMEOUT = 90.0  # two busy cores make a cold start slow
STEP_TIMEOUT = 30.0

# Lines the program may write to stderr in a journey, each exact, each for a reason that is
# not the program's fault:
KNOWN_HARMLESS = frozenset(
    {
        # libatspi in the test's screen-reader side (atspi_driver.py) asks every application
        # for a private peer-to-peer bus; Qt's AT-SPI bridge does not offer one and says so
        # at warning level each time it is asked. Orca triggers the same line; it is the
        # tool's question, not a fault of the program.
        "qt.accessibility.atspi: AtSpiAdaptor::applicationInterface does not implement "
        '"GetApplicationBusAddress" "/org/a11y/atspi/accessible/root"',
    }
)


# The same, for a line that names an object: the driver walks the tree while the program
# rebuilds part of it (a list refilled, a dialog closed); asked about a control that was
# deleted a moment ago, Qt's AT-SPI bridge answers "no such object" and logs this warning.
# A screen reader meets the same race; nothing in the program went wrong.
KNOWN_HARMLESS_PATTERNS = (
    re.compile(
        r"^qt\.accessibility\.atspi: Could not find accessible on path: "
        r'"/org/a11y/atspi/accessible/\d+"$'
    ),
)


def program_problems(stderr: str) -> list[str]:
    """The lines of the program's stderr that fail a journey."""
    return [
        line
        for line in stderr_problems(stderr, ignore=KNOWN_HARMLESS)
        if not any(
            p.match(re.sub(r"^\[qt \w+\] ", "", line).strip()) for p in KNOWN_HARMLESS_PATTERNS
        )
    ]


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; ./scripts/run-tests installs it")
    return path


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
    """A private X server on a display number it picks itself (-displayfd)."""
    exe = need_tool("Xvfb")
    read_fd, write_fd = os.pipe()
    with (base / "xvfb.log").open("wb") as log:
        server = subprocess.Popen(
            [exe, "-displayfd", str(write_fd), "-nolisten", "tcp", *SCREEN],
            pass_fds=(write_fd,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    os.close(write_fd)
    try:
        number = _read_line(read_fd, 30, "Xvfb")
    except (TimeoutError, RuntimeError) as exc:
        _stop(server)
        pytest.fail(f"{exc}\n{(base / 'xvfb.log').read_text(errors='replace')}")
    finally:
        os.close(read_fd)
    try:
        yield f":{int(number)}"
    finally:
        _stop(server)


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


class DriverError(AssertionError):
    pass


class Driver:
    """The pytest side of atspi_driver.py: one long-lived system-Python process."""

    def __init__(self, pid: int, env: Mapping[str, str], log: Path) -> None:
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(DRIVER), str(pid)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=dict(env),
            text=True,
            encoding="utf-8",
        )
        self._next = 0
        first = self._readline(60)
        if not json.loads(first).get("ready"):
            raise DriverError(f"the AT-SPI driver did not start: {first}")

    def _readline(self, timeout: float) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise DriverError(f"the AT-SPI driver did not answer within {timeout} s")
        line = self.proc.stdout.readline()
        if not line:
            raise DriverError(
                f"the AT-SPI driver exited (it needs {SYSTEM_PYTHON} with Debian's "
                "python3-pyatspi; ./scripts/run-tests installs it):\n"
                + Path(self._log.name).read_text(encoding="utf-8", errors="replace")
            )
        return line

    def call(self, cmd: str, **args: Any) -> Any:
        assert self.proc.stdin is not None
        self._next += 1
        request = {"id": self._next, "cmd": cmd, **args}
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        patience = float(args.get("timeout", 0)) + 60
        reply = json.loads(self._readline(patience))
        if not reply.get("ok"):
            raise DriverError(f"{cmd} {args}: {reply.get('error')}")
        return reply.get("result")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()


@dataclass
class Control:
    """A control as AT-SPI reports it at the moment it was found."""

    ref: int
    role: str
    name: str
    states: list[str]
    extents: tuple[int, int, int, int] | None
    text: str | None
    description: str
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def of(cls, info: dict[str, Any]) -> Control:
        box = info.get("extents")
        return cls(
            ref=int(info["ref"]),
            role=str(info["role"]),
            name=str(info["name"]),
            states=list(info["states"]),
            extents=tuple(box) if box else None,
            text=info.get("text"),
            description=str(info.get("description", "")),
            raw=info,
        )

    @property
    def center(self) -> tuple[int, int]:
        if not self.extents or self.extents[2] <= 0 or self.extents[3] <= 0:
            raise DriverError(f"{self.role} {self.name!r} has no place on screen")
        x, y, w, h = self.extents
        return x + w // 2, y + h // 2

    def has(self, state: str) -> bool:
        return state in self.states


@dataclass
class Program:
    """The running program and everything needed to drive and judge it."""

    name: str
    env: dict[str, str]
    home: Path
    base: Path
    shots: Path
    proc: subprocess.Popen[bytes] | None = None
    driver: Driver | None = None
    step_no: int = 0
    stderr_path: Path | None = None
    stdout_path: Path | None = None

    # -- the program
    def cli(self, *args: str, stdin: str | None = None, check: bool = True) -> str:
        """Run ``python -m somestudio ARGS`` against the same data folder (and keyring)."""
        result = subprocess.run(
            [sys.executable, "-m", "somestudio", *args],
            input=stdin,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=self.base,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"somestudio {' '.join(args)} exited {result.returncode}\n"
                f"{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def start(self) -> None:
        """Start the program and wait until its main window is in the accessibility tree."""
        self.stdout_path = self.base / "app.stdout"
        self.stderr_path = self.base / "app.stderr"
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "somestudio"],
                env=self.env,
                cwd=self.base,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )
        self.driver = Driver(self.proc.pid, self.env, self.base / "atspi-driver.log")
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while True:
            self.check_alive()
            try:
                self.driver.call("wait", role="frame", name="Some Studio", timeout=2)
                break
            except DriverError:
                if time.monotonic() > deadline:
                    raise
        self.focus_window("Some Studio")
        self.check_stderr()

    def focus_window(self, title: str) -> None:
        """Give a top-level window the keyboard, as clicking its title bar would.

        There is no window manager on the private X server, so nothing else does.
        """
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            found = subprocess.run(
                [
                    need_tool("xdotool"),
                    "search",
                    "--onlyvisible",
                    "--name",
                    f"^{re.escape(title)}$",
                ],
                env=self.env,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            if found:
                self.xdotool("windowfocus", "--sync", found[-1])
                return
            if time.monotonic() > deadline:
                pytest.fail(f"no visible window titled {title!r}")
            time.sleep(0.2)

    def check_alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            pytest.fail(f"the program exited ({self.proc.returncode})\n{self.describe()}")

    def stderr(self) -> str:
        if self.stderr_path is None or not self.stderr_path.exists():
            return ""
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stdout(self) -> str:
        if self.stdout_path is None or not self.stdout_path.exists():
            return ""
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def describe(self) -> str:
        return f"--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}"

    def check_stderr(self) -> None:
        problems = program_problems(self.stderr())
        assert problems == [], "the program wrote to stderr:\n" + "\n".join(problems)

    def wait_exit(self, timeout: float = 30) -> int:
        assert self.proc is not None
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the program did not exit within {timeout} s\n{self.describe()}")

    def stop(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    # -- eyes
    def _d(self) -> Driver:
        assert self.driver is not None, "start() the program first"
        return self.driver

    def find(self, role: str | None, name: str | None, **how: Any) -> Control | None:
        info = self._d().call("find", role=role, name=name, **how)
        return Control.of(info) if info else None

    def find_all(self, role: str | None, name: str | None, **how: Any) -> list[Control]:
        return [
            Control.of(i) for i in self._d().call("find", role=role, name=name, all=True, **how)
        ]

    def wait(
        self, role: str | None, name: str | None, timeout: float = STEP_TIMEOUT, **how: Any
    ) -> Control:
        """The first showing control with this role and name, waiting for it to appear."""
        self.check_alive()
        try:
            info = self._d().call("wait", role=role, name=name, timeout=timeout, **how)
        except DriverError as exc:
            self.screenshot("not-found")
            self.check_stderr()
            raise DriverError(f"{exc}\nwhat is on screen:\n{self.tree()}") from None
        self.check_stderr()
        return Control.of(info)

    def wait_gone(
        self, role: str | None, name: str | None, timeout: float = STEP_TIMEOUT, **how: Any
    ) -> None:
        try:
            self._d().call("wait", role=role, name=name, timeout=timeout, gone=True, **how)
        except DriverError as exc:
            self.screenshot("still-there")
            raise DriverError(f"{exc}\nwhat is on screen:\n{self.tree()}") from None
        self.check_stderr()
        if role in ("dialog", "alert", "file chooser"):
            # Without a window manager nobody hands the keyboard back to the main window.
            self.focus_window("Some Studio")

    def wait_until(self, what: str, check: Any, timeout: float = STEP_TIMEOUT) -> Any:
        """Poll ``check()`` until it returns something true; fail naming ``what``."""
        deadline = time.monotonic() + timeout
        while True:
            self.check_alive()
            self.check_stderr()
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                self.screenshot("timeout")
                pytest.fail(f"timed out after {timeout} s waiting for {what}\n{self.tree()}")
            time.sleep(0.2)

    def refresh(self, control: Control) -> Control:
        return Control.of(self._d().call("info", ref=control.ref))

    def children(self, control: Control) -> list[Control]:
        return [Control.of(i) for i in self._d().call("children", ref=control.ref)]

    def tree(self, control: Control | None = None) -> str:
        try:
            return str(self._d().call("tree", ref=control.ref if control else None))
        except DriverError as exc:
            return f"(no tree: {exc})"

    def screenshot(self, step: str) -> Path:
        self.step_no += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.shots / f"{self.step_no:02d}-{slug}.png"
        ImageGrab.grab(xdisplay=self.env["DISPLAY"]).save(path)
        return path

    def step(self, name: str) -> None:
        """A checkpoint: the program is alive, silent on stderr, and photographed."""
        self.check_alive()
        self.check_stderr()
        self.screenshot(name)

    # -- hands
    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            [need_tool("xdotool"), *args],
            # xdotool reads text through the C library's locale: it must be a UTF-8 one.
            env={**self.env, "LC_ALL": "C.UTF-8"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(f"xdotool {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def pointer_to(self, x: int, y: int) -> None:
        """Move the mouse and focus the window under it (click-to-focus, as a window manager
        would do; the private X server has none)."""
        self.xdotool("mousemove", "--sync", str(x), str(y))
        where = dict(
            line.split("=", 1)
            for line in self.xdotool("getmouselocation", "--shell").split()
            if "=" in line
        )
        window = where.get("WINDOW", "")
        if window and window != "0":
            subprocess.run(
                [need_tool("xdotool"), "windowfocus", "--sync", window],
                env=self.env,
                capture_output=True,
                timeout=30,
                check=False,
            )

    def click(self, control: Control, *, button: int = 1, double: bool = False) -> None:
        x, y = self.refresh(control).center
        self.pointer_to(x, y)
        self.xdotool("click", "--repeat", "2" if double else "1", str(button))

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        """Type ASCII text with the keyboard (xdotool)."""
        self.xdotool("type", "--clearmodifiers", "--delay", "25", text)

    def type_into(self, field: Control, text: str) -> None:
        """Click a text field, select what is there, and type ``text`` over it — checking
        each character outside ASCII arrived.

        xdotool types such a character by binding a spare key to it for a moment; when the
        program reads the key before it has seen the new binding, the character is lost
        or comes out as another. That is the tool's race, not the program's, so each one
        is read back over AT-SPI and typed again when it did not land (as a person fixes a
        typo). Upper-case letters outside ASCII are avoided: the binding drops their case.
        """
        self.click(field)
        self.key("ctrl+a")
        if not text:
            self.key("BackSpace")
            return
        typed = ""
        run = ""
        for char in text:
            if char.isascii():
                run += char
                continue
            if run:
                self.type(run)
                typed += run
                run = ""
            for _attempt in range(5):
                self.xdotool("type", "--clearmodifiers", char)
                now = self._text_settled(field, typed + char)
                if now == typed + char:
                    break
                # Take back whatever arrived instead, then try again.
                extra = len(now) - len(typed) if now.startswith(typed) else 0
                for _ in range(max(extra, 0)):
                    self.key("BackSpace")
            else:
                pytest.fail(f"could not type {char!r} into {field.name!r}")
            typed += char
        if run:
            self.type(run)
        self.wait_until(
            f"{text!r} in {field.name!r}", lambda: self.refresh(field).text == text, timeout=10
        )

    def _text_settled(self, field: Control, expected: str) -> str:
        deadline = time.monotonic() + 2
        while True:
            now = self.refresh(field).text or ""
            if now == expected or time.monotonic() > deadline:
                return now
            time.sleep(0.05)

    def drag(self, source: Control, target: Control) -> None:
        """Press on ``source``, move in steps (Qt needs motion to start a drag), drop."""
        sx, sy = self.refresh(source).center
        tx, ty = self.refresh(target).center
        self.pointer_to(sx, sy)
        self.xdotool("mousedown", "1")
        for i in range(1, 21):
            x = sx + (tx - sx) * i // 20
            y = sy + (ty - sy) * i // 20
            self.xdotool("mousemove", "--sync", str(x), str(y))
            time.sleep(0.03)
        time.sleep(0.3)  # let the drop target highlight (a person lingers too)
        self.xdotool("mouseup", "1")

    def set_text(self, control: Control, text: str) -> None:
        self._d().call("set_text", ref=control.ref, text=text)


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
