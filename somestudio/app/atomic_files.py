"""Writing a file in one step: a reader (a calendar app, a spreadsheet) sees the old file or
the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_bytes_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
