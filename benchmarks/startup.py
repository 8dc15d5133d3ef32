"""Start-up benchmark: how long until the main window shows and answers input, and how much
memory it holds.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--posts 10000] [--xvfb]

Times, for the app on a data folder with --posts posts and side by side with a bare PySide6
QMainWindow (alternating which goes first):

- *first frame*: process start -> main window exposed (the ``somestudio: window shown`` line
  under SOMESTUDIO_EXIT_WHEN_SHOWN=1);
- *responsive*: process start -> the window answers input and keeps answering: under
  SOMESTUDIO_EXIT_WHEN_SHOWN=responsive the app pings its GUI thread from the first frame on
  (``ui/watchdog.py``, a posted event every 5 ms, like a key press) until the engine is built
  and attached, and reports the end of the last ping that waited 50 ms or more (else the first
  answer). The bare window reports its first answered ping.

The app shows its window's frame first (``ui/launch.py``: no database, no Qt enum) and
builds the rest in the turns after it. Its first frame takes the colours the window showed
last (``Settings.colour_scheme``): the untimed start before the timed ones runs the app until
its engine runs, as any session does, so the timed starts are every start but the very first
(which asks the system for its scheme before the frame: 14 ms more).

Then starts the app once more without the exit switch, lets it idle, and reads its VmRSS.
Prints PASS/MISS against the goals (first frame ratio <= 1.5, responsive ratio <= 2.0, idle
RSS <= 150 MiB) and exits 0 either way: a benchmark reports, it does not judge a slow
machine. It exits 1 only when a start fails (a crash, no window, a non-zero exit).
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bytecode_first import compile_app

SHOWN_LINE = "somestudio: window shown"
RESPONSIVE_LINE = "somestudio: window responsive at"
GOAL_RATIO = 1.5
GOAL_RESPONSIVE_RATIO = 2.0
GOAL_RSS_MIB = 150.0
IDLE_SECONDS = 2.0

BARE_WINDOW = """\
import os, sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

PING = QEvent.Type(QEvent.registerEventType())

class Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            print("somestudio: window shown", flush=True)
            if os.environ.get("SOMESTUDIO_EXIT_WHEN_SHOWN") == "responsive":
                QCoreApplication.postEvent(self, QEvent(PING))
            else:
                QTimer.singleShot(0, app.quit)
        return False

    def event(self, event):
        if event.type() == PING:
            now = time.perf_counter()
            print(f"somestudio: window responsive at {now:.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            return True
        return super().event(event)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1000, 700)
window.show()
shown = Shown()
window.windowHandle().installEventFilter(shown)
sys.exit(app.exec())
"""


class BenchmarkError(RuntimeError):
    pass


def wait_for_line(
    proc: subprocess.Popen[bytes], line: str, timeout: float, buffer: bytearray | None = None
) -> float:
    """Block until ``proc`` prints ``line`` (or a line starting with it); the perf_counter
    time it was seen. ``buffer`` keeps what was read, for the next line."""
    assert proc.stdout is not None
    buffer = bytearray() if buffer is None else buffer
    deadline = time.monotonic() + timeout
    wanted = line.encode()
    while True:
        if any(seen.startswith(wanted) for seen in bytes(buffer).splitlines()[:-1]):
            return time.perf_counter()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise BenchmarkError(f"no {line!r} within {timeout} s")
        ready, _, _ = select.select([proc.stdout], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            raise BenchmarkError(f"exited with {proc.wait()} before printing {line!r}")
        buffer += chunk
        if any(seen.startswith(wanted) for seen in bytes(buffer).splitlines()):
            return time.perf_counter()


def timed_start(
    command: list[str], env: dict[str, str], log: Path, *, responsive: bool = False
) -> float:
    """Seconds from starting ``command`` until it reports its window shown (with
    ``responsive``: answering input); it must exit 0."""
    with log.open("wb") as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr
        )
        try:
            buffer = bytearray()
            shown = wait_for_line(proc, SHOWN_LINE, timeout=120, buffer=buffer)
            if responsive:
                wait_for_line(proc, RESPONSIVE_LINE, timeout=120, buffer=buffer)
                line = next(
                    seen
                    for seen in bytes(buffer).splitlines()
                    if seen.startswith(b"somestudio: window responsive")
                )
                shown = float(line.split()[-1])
            code = proc.wait(timeout=60)
        except (BenchmarkError, subprocess.TimeoutExpired) as exc:
            proc.kill()
            proc.wait()
            raise BenchmarkError(f"{command}: {exc}\n{log.read_text(errors='replace')}") from exc
        finally:
            assert proc.stdout is not None
            proc.stdout.close()
    if code != 0:
        raise BenchmarkError(f"{command} exited {code}\n{log.read_text(errors='replace')}")
    return shown - started


def idle_rss_mib(command: list[str], env: dict[str, str], settle: float, log: Path) -> float:
    """VmRSS of the app after it has had ``settle`` seconds to show and then idled."""
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
    try:
        time.sleep(settle + IDLE_SECONDS)
        if proc.poll() is not None:
            raise BenchmarkError(f"the app exited early ({proc.returncode})")
        status = Path(f"/proc/{proc.pid}/status").read_text()
        kib = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return kib / 1024


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb on a free display number; yields ':N'."""
    exe = shutil.which("Xvfb")
    if exe is None:
        raise BenchmarkError("--xvfb needs Xvfb (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [exe, "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write_fd,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            number = pipe.readline().strip()
        if not number:
            raise BenchmarkError("Xvfb did not start")
        yield f":{number.decode()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def private_env(root: Path, home: Path, platform: str, display: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "DISPLAY"):
        env.pop(name, None)
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = root / name.lower()
        path.mkdir(exist_ok=True)
        env[name] = str(path)
    runtime = root / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["SOMESTUDIO_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = platform
    if display is not None:
        env["DISPLAY"] = display
    return env


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def run(args: argparse.Namespace, root: Path, display: str | None) -> None:
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415 - after argument parsing

    home = root / "somestudio-home"
    home.mkdir()
    started = time.perf_counter()
    build_demo_home(home, post_count=args.posts)
    print(f"  data folder with {args.posts} posts built in {time.perf_counter() - started:.1f} s")

    bare_script = root / "bare_window.py"
    bare_script.write_text(BARE_WINDOW)
    platform = "xcb" if display is not None else "offscreen"
    env = private_env(root, home, platform, display)
    timed_env = {**env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"}
    responsive_env = {**env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "responsive"}
    app = [sys.executable, "-m", "somestudio"]
    bare = [sys.executable, str(bare_script)]
    log = root / "stderr.log"

    # One untimed start each: migrations, caches and the page cache settle first, and the
    # app runs until its engine does (it remembers the colours it showed, as a session does).
    timed_start(app, responsive_env, log, responsive=True)
    timed_start(bare, timed_env, log)

    times: dict[tuple[str, bool], list[float]] = {}
    for index in range(args.runs):
        order = [("app", app), ("bare", bare)]
        if index % 2:
            order.reverse()
        for responsive in (False, True):
            for name, command in order:
                run_env = responsive_env if responsive else timed_env
                seconds = timed_start(command, run_env, log, responsive=responsive)
                times.setdefault((name, responsive), []).append(seconds)
        print(
            f"  run {index + 1}: first frame app {times['app', False][-1]:.3f} s, "
            f"bare {times['bare', False][-1]:.3f} s; responsive app "
            f"{times['app', True][-1]:.3f} s, bare {times['bare', True][-1]:.3f} s"
        )

    for responsive, what, goal in ((False, "first frame", GOAL_RATIO),
                                   (True, "responsive", GOAL_RESPONSIVE_RATIO)):  # fmt: skip
        app_median = statistics.median(times["app", responsive])
        bare_median = statistics.median(times["bare", responsive])
        ratio = app_median / bare_median
        print(f"  median time to {what}: app {app_median:.3f} s, bare {bare_median:.3f} s")
        print(f"  {what} ratio app / bare: {ratio:.2f} (goal <= {goal}) {verdict(ratio <= goal)}")
    # No "shown" signal without the exit switch: allow twice the slowest timed start.
    rss = idle_rss_mib(app, env, settle=2 * max(times["app", True]), log=log)
    print(
        f"  idle RSS of the app: {rss:.1f} MiB (goal <= {GOAL_RSS_MIB:.0f} MiB) "
        f"{verdict(rss <= GOAL_RSS_MIB)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed starts of each (default 7)")
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the data folder")
    parser.add_argument("--xvfb", action="store_true", help="use a private Xvfb, not offscreen")
    args = parser.parse_args()

    if not compile_app():  # bytecode first, as an installed app has it
        return 1
    mode = "Xvfb" if args.xvfb else "offscreen"
    print(f"Some Studio start-up benchmark ({mode}, {args.posts} posts, {args.runs} runs each)")
    with tempfile.TemporaryDirectory(prefix="somestudio-bench-") as tmp:
        try:
            if args.xvfb:
                with xvfb() as display:
                    run(args, Path(tmp), display)
            else:
                run(args, Path(tmp), None)
        except BenchmarkError as exc:
            print(f"  the benchmark could not run: {exc}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
