"""The data folder's single-instance lock, shared by the window and ``run-scheduler``.

A ``QLockFile`` on ``somestudio.lock`` (QtCore only: no application object needed). A lock
whose owner process is gone (a crash, kill -9) is stale and taken over; it never expires by
age.

Qt records the holder's pid, executable name, host and boot; a pid reused after a crash by
another program of the same executable (any Python script) looks alive to Qt. So the holder
also appends its process start time (``/proc/PID/stat``, clock ticks since boot) to the
lock file; a live process with the recorded pid but another start time is not the holder,
and the lock is taken over. A lock without that line (an older version, or a holder killed
between the two writes) is the holder's only while that process runs ``somestudio``.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
from pathlib import Path

from somestudio.store.files import process_alive

LOCK_FILE = "somestudio.lock"
_START = "somestudio-start "

log = logging.getLogger(__name__)


class LockState(enum.Enum):
    FREE = "free"
    HELD = "held"
    STALE = "stale"  # the recorded process is gone, or its pid now belongs to another program


class InstanceLock:
    def __init__(self, home: Path) -> None:
        from PySide6.QtCore import QLockFile  # noqa: PLC0415

        self.path = home / LOCK_FILE
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)
        self._held = False

    def acquire(self, timeout_ms: int = 100) -> bool:
        if self._try(timeout_ms):
            return True
        if lock_state(self.path) is LockState.STALE:
            log.warning(
                "%s names pid %s, which is no Some Studio process; taking it over",
                self.path,
                self.owner_pid(),
            )
            self._lock.removeStaleLockFile()
            return self._try(timeout_ms)
        return False

    def _try(self, timeout_ms: int) -> bool:
        self._held = bool(self._lock.tryLock(timeout_ms))
        if self._held:
            ticks = start_ticks(os.getpid())
            if ticks is not None:
                with contextlib.suppress(OSError), self.path.open("a", encoding="utf-8") as f:
                    f.write(f"{_START}{ticks}\n")
        return self._held

    def permission_denied(self) -> bool:
        """The last acquire failed because the folder cannot be written, not a holder."""
        from PySide6.QtCore import QLockFile  # noqa: PLC0415

        return self._lock.error() == QLockFile.LockError.PermissionError

    def owner(self) -> tuple[int, str]:
        """PID and application name of the process holding the lock (0, '' if unknown)."""
        info: object = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname) or not
        if isinstance(info, tuple) and len(info) == 3:
            return int(info[0]), str(info[2])
        return 0, ""

    def owner_pid(self) -> int:
        """PID of the process holding the lock (0 if unknown)."""
        return self.owner()[0]

    def describe_owner(self) -> str:
        """Who holds the lock, for a message. Qt 6 records only the executable's name (the
        interpreter, for the window and the command line alike), so on Linux the holder's
        command line tells them apart."""
        pid = self.owner_pid()
        kind = self.owner_kind()
        if kind == "run-scheduler":
            return f"somestudio run-scheduler (pid {pid})"
        if kind == "post":
            return f"a somestudio post command (pid {pid})"
        if kind == "window":
            return f"the Some Studio window (pid {pid})"
        return f"another Some Studio process (pid {pid})"

    def owner_kind(self) -> str:
        """'window', 'run-scheduler', 'post' (a `post add --now`, which publishes only its own
        post) or 'unknown'."""
        try:
            args = Path(f"/proc/{self.owner_pid()}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return "unknown"
        if b"run-scheduler" in args:
            return "run-scheduler"
        if b"post" in args:
            return "post"
        return "window"

    def release(self) -> None:
        if self._held:
            self._lock.unlock()
            self._held = False


def lock_state(path: Path) -> LockState:  # noqa: PLR0911 - one return per verdict
    """Whether the lock file at ``path`` is held by a live Some Studio process. Read only."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return LockState.FREE
    except OSError:
        return LockState.HELD  # cannot tell: never take over what might be held
    if not lines or not lines[0].strip().isdigit():
        return LockState.STALE  # a torn write: no process can be holding it
    pid = int(lines[0])
    import socket  # noqa: PLC0415 - only for a lock file left behind (3 ms at every start)

    if len(lines) > 2 and lines[2] and lines[2] != socket.gethostname():
        return LockState.HELD  # another computer's (a shared folder): not ours to judge
    if not process_alive(pid):
        return LockState.STALE
    if not Path("/proc/self/stat").exists():
        return LockState.HELD  # no way to tell a reused pid here; Qt's check stands
    recorded = next((ln[len(_START) :] for ln in lines if ln.startswith(_START)), None)
    if recorded is not None and recorded.strip().isdigit():
        same = start_ticks(pid) == int(recorded)
        return LockState.HELD if same else LockState.STALE
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return LockState.STALE
    return LockState.HELD if b"somestudio" in cmdline else LockState.STALE


def start_ticks(pid: int) -> int | None:
    """When process ``pid`` started, in clock ticks since boot (Linux), or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    fields = stat.rpartition(")")[2].split()
    try:
        return int(fields[19])  # field 22 overall
    except (IndexError, ValueError):
        return None
