"""The data folder's single-instance lock, shared by the window and ``run-scheduler``.

A ``QLockFile`` on ``somestudio.lock`` (QtCore only: no application object needed). A lock
whose owner process is gone (a crash, kill -9) is stale and taken over; it never expires by
age.
"""

from __future__ import annotations

from pathlib import Path

LOCK_FILE = "somestudio.lock"


class InstanceLock:
    def __init__(self, home: Path) -> None:
        from PySide6.QtCore import QLockFile  # noqa: PLC0415

        self._lock = QLockFile(str(home / LOCK_FILE))
        self._lock.setStaleLockTime(0)
        self._held = False

    def acquire(self, timeout_ms: int = 100) -> bool:
        self._held = bool(self._lock.tryLock(timeout_ms))
        return self._held

    def owner_pid(self) -> int:
        """PID of the process holding the lock (0 if unknown)."""
        info: object = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname) or not
        if isinstance(info, tuple) and len(info) == 3:
            return int(info[0])
        return 0

    def describe_owner(self) -> str:
        """Who holds the lock, for a message. Qt 6 records only the executable's name (the
        interpreter, for the window and the command line alike), so on Linux the holder's
        command line tells them apart."""
        pid = self.owner_pid()
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return f"another Some Studio process (pid {pid})"
        if b"run-scheduler" in args:
            return f"somestudio run-scheduler (pid {pid})"
        if b"post" in args:
            return f"a somestudio post command (pid {pid})"
        return f"the Some Studio window (pid {pid})"

    def release(self) -> None:
        if self._held:
            self._lock.unlock()
            self._held = False
