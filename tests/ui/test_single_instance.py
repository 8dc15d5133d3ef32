from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from somestudio.ui.single_instance import LOCK_FILE, SingleInstance

_HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(1000)
print("locked", flush=True)
time.sleep(60)
"""


def test_second_instance_is_refused_and_raises_the_first(qtbot: QtBot, home: Path) -> None:
    first = SingleInstance(home)
    assert first.acquire()
    first.listen()
    second = SingleInstance(home)
    try:
        assert not second.acquire()
        assert second.owner()[0] == os.getpid()
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.ask_running_instance_to_raise()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_stale_lock_from_a_killed_process_is_recovered(home: Path) -> None:
    # What a crashed run leaves behind: a process takes the lock and is killed with SIGKILL.
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(home / LOCK_FILE)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait(timeout=10)
    holder.stdout.close()
    assert (home / LOCK_FILE).exists()
    guard = SingleInstance(home)
    try:
        assert guard.acquire()
    finally:
        guard.release()


def test_different_data_folders_do_not_collide(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    try:
        assert a.acquire()
        assert b.acquire()
    finally:
        a.release()
        b.release()


_LATE_LISTENER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from somestudio.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(Path(sys.argv[1]))
assert guard.acquire()
print("locked", flush=True)
guard.activation_requested.connect(lambda: (print("raised", flush=True), app.quit()))
QTimer.singleShot(1500, guard.listen)  # its window is still coming up meanwhile
QTimer.singleShot(30000, app.quit)
app.exec()
guard.release()
"""


def test_a_launch_a_moment_after_another_raises_it_once_it_is_up(home: Path) -> None:
    """A double click on a launcher: the second start finds the lock taken before the first
    window listens, and keeps asking rather than saying another process holds the folder."""
    first = subprocess.Popen(
        [sys.executable, "-c", _LATE_LISTENER, str(home)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "locked"
        second = SingleInstance(home)
        assert not second.acquire()
        assert second.ask_running_instance_to_raise(wait_s=20)
        assert first.stdout.readline().strip() == "raised"
    finally:
        first.kill()
        first.wait(30)
        if first.stdout is not None:
            first.stdout.close()


def test_the_window_names_the_background_scheduler_holding_the_folder(home: Path) -> None:
    """With the README's service running, the window said "Another Some Studio process
    (python3.11, pid 994) is using the data folder": nothing said what it was or what to do."""
    import signal  # noqa: PLC0415

    from somestudio.commands.run_scheduler import READY  # noqa: PLC0415

    env = {**os.environ, "SOMESTUDIO_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keyring is needed for this
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "somestudio", "run-scheduler"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert scheduler.stdout is not None
        assert scheduler.stdout.readline().startswith(READY)
        window = subprocess.run(
            [sys.executable, "-m", "somestudio"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert window.returncode == 1
        assert f"background scheduler (run-scheduler, pid {scheduler.pid})" in window.stderr
        assert "systemctl --user stop somestudio-scheduler" in window.stderr
    finally:
        scheduler.send_signal(signal.SIGTERM)
        scheduler.wait(30)
        if scheduler.stdout is not None:
            scheduler.stdout.close()
