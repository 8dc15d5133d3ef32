"""Writing a file in one step: a reader (a calendar app, a spreadsheet) sees the old file or
the new one, never half of one.

The new content goes to ``.NAME.PID-N.tmp`` beside the target and is renamed over it (``N``
counts this process's writes: two threads writing one target at once each have their own). A
process killed mid-write leaves that temporary behind; the next write to the same target
removes the leftovers of that target whose process is gone (a live writer's temporary is left
alone; ``.NAME.PID.tmp``, as earlier versions named them, too).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

_WRITES = itertools.count(1)  # next() is atomic under the GIL


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


def create_bytes_atomically(target: Path, data: bytes) -> bool:
    """Write ``data`` as ``target`` whole, unless ``target`` exists (another process or thread
    made it first): True if this call made it. The complete file is linked into place, so a
    reader never sees it half written and of two makers exactly one wins."""
    remove_dead_leftovers(target)
    temporary = temporary_for(target, os.getpid())
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, target)
        except FileExistsError:
            return False
        return True
    finally:
        temporary.unlink(missing_ok=True)


def temporary_for(target: Path, pid: int) -> Path:
    """A temporary of ``target`` no other write (of any thread or process) is using."""
    return target.with_name(f".{target.name}.{pid}-{next(_WRITES)}.tmp")


def remove_dead_leftovers(target: Path) -> list[Path]:
    """Remove ``.NAME.PID-N.tmp`` (and ``.NAME.PID.tmp``) files of ``target`` whose PID no
    longer runs; the removed."""
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
        pid_text = name[len(prefix) : -len(".tmp")].partition("-")[0]
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
