"""The running program, with the eyes (AT-SPI) and hands (xdotool) that use it like a person,
screenshots of each step, and the stderr rule checked all along."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import ImageGrab

from tests.x_display import state

from .screen_reader import Control, Driver, DriverError
from .stderr_rules import program_problems

WINDOW_TIMEOUT = 90.0  # two busy cores make a cold start slow
STEP_TIMEOUT = 30.0


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; ./scripts/run-tests installs it")
    return path


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
        display = self.env.get("DISPLAY", "")
        where = state(int(display[1:])) if display[1:].isdigit() else "no display"
        return (
            f"--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}\n"
            f"--- X server ---\n{where}"
        )

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
        """Poll ``check()`` until it returns something true; fail naming ``what``.

        A control that went away while being read (the program rebuilt it) counts as "not
        yet", like any other answer that is not true."""
        deadline = time.monotonic() + timeout
        last_error = ""
        while True:
            self.check_alive()
            self.check_stderr()
            try:
                value = check()
            except DriverError as exc:
                value, last_error = None, f"\n(last answer: {exc})"
            if value:
                return value
            if time.monotonic() > deadline:
                self.screenshot("timeout")
                pytest.fail(
                    f"timed out after {timeout} s waiting for {what}{last_error}\n{self.tree()}"
                )
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
