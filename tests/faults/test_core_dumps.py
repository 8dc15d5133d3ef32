"""Finding 7: no secret in a core dump. The window, ``run-scheduler`` and every command start
with core dumps off (RLIMIT_CORE 0) and the process marked non-dumpable: even with the core
limit raised from outside and a crash, no core file is written."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from somestudio.commands.run_scheduler import READY
from tests.faults.helpers_input import cli_environ

CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")


def _core_limit(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return " ".join(line.split()[4:6])
    raise AssertionError("no core limit line")


def _cores(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name == "core" or p.name.startswith("core.")]


def _crash_with_cores_allowed(process: subprocess.Popen[bytes]) -> None:
    """Raise the core limit from outside as far as allowed (as a shell's ``ulimit -c
    unlimited`` or a service manager would), then crash the process."""
    _soft, hard = resource.prlimit(process.pid, resource.RLIMIT_CORE)
    resource.prlimit(process.pid, resource.RLIMIT_CORE, (hard, hard))
    process.send_signal(signal.SIGSEGV)
    process.wait(timeout=60)


def _wait_for(process: subprocess.Popen[bytes], ready: bytes, timeout: float = 60) -> None:
    assert process.stdout is not None
    os.set_blocking(process.stdout.fileno(), False)
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and ready not in seen:
        seen += process.stdout.read() or b""
        time.sleep(0.1)
    assert ready in seen, seen


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")
def test_run_scheduler_writes_no_core_even_when_crashed_with_cores_allowed(
    tmp_path: Path,
) -> None:
    if CORE_PATTERN.read_text().startswith("|"):
        pytest.skip("this machine pipes cores to a handler; no core file can appear here")
    env = cli_environ(tmp_path / "env")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    # The control: the same Python, not Some Studio, leaves a core here when it crashes.
    control = subprocess.Popen(
        [sys.executable, "-c", "import time; print('up', flush=True); time.sleep(60)"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
    )
    _wait_for(control, b"up")
    _crash_with_cores_allowed(control)
    control.stdout.close()  # type: ignore[union-attr]
    if not _cores(cwd):
        pytest.skip("this machine writes no core files at all (the control left none)")
    for core in _cores(cwd):
        core.unlink()

    scheduler = subprocess.Popen(
        [sys.executable, "-m", "somestudio", "run-scheduler"],
        cwd=cwd,
        env={**env, "PYTHONPATH": os.environ.get("PYTHONPATH", str(Path.cwd()))},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(scheduler, READY.encode())
        assert _core_limit(scheduler.pid) == "0 0"
        _crash_with_cores_allowed(scheduler)
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
            scheduler.wait()
        scheduler.stdout.close()  # type: ignore[union-attr]
    assert scheduler.returncode == -signal.SIGSEGV
    assert _cores(cwd) == [], "a core file was written: it would hold the tokens"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_command_marks_its_process_non_dumpable(tmp_path: Path) -> None:
    # The real entry point (what `python -m somestudio account list` runs), in a real
    # process that reports its own dumpable flag when it exits.
    code = (
        "import atexit, ctypes, runpy, sys\n"
        "sys.argv = ['somestudio', 'account', 'list']\n"
        "atexit.register(lambda: print('DUMPABLE', ctypes.CDLL(None).prctl(3, 0, 0, 0, 0),"
        " file=sys.stderr, flush=True))\n"
        "runpy.run_module('somestudio', run_name='__main__', alter_sys=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=cli_environ(tmp_path / "env"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "DUMPABLE 0" in done.stderr, done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_the_window_starts_with_core_dumps_off(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env", {"QT_QPA_PLATFORM": "offscreen"})
    window = subprocess.Popen(
        [sys.executable, "-m", "somestudio"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        limit = ""
        while time.monotonic() < deadline and window.poll() is None:
            limit = _core_limit(window.pid)
            if limit == "0 0":
                break
            time.sleep(0.1)
        assert limit == "0 0"
    finally:
        window.terminate()
        try:
            window.wait(timeout=20)
        except subprocess.TimeoutExpired:
            window.kill()
            window.wait()
