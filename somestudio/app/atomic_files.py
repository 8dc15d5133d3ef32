"""Writing a file in one step: a reader (a calendar app, a spreadsheet) sees the old file or
the new one, never half of one.

The new content goes to ``.NAME.PID.tmp`` beside the target and is renamed over it. A process
killed mid-write leaves that temporary behind; the next write to the same target removes the
leftovers of that target whose process is gone (a live writer's temporary is left alone).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def write_bytes_atomically(target: Path, data: bytes) -> None:
    def write(temporary: Path) -> None:
        with temporary.open("wb") as handle:
            handle.write(data)

    write_atomically_with(target, write)


def write_atomically_with(target: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary file beside ``target``, then rename it over the target."""
    remove_dead_leftovers(target)
    temporary = temporary_for(target, os.getpid())
    try:
        write(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


def temporary_for(target: Path, pid: int) -> Path:
    return target.with_name(f".{target.name}.{pid}.tmp")


def remove_dead_leftovers(target: Path) -> list[Path]:
    """Remove ``.NAME.PID.tmp`` files of ``target`` whose PID no longer runs; the removed."""
    prefix = f".{target.name}."
    removed: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix) : -len(".tmp")]
        if not pid_text.isdigit() or _alive(int(pid_text)) or not entry.is_file():
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0:
        return True  # not a process id we wrote; leave it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False
    return True
