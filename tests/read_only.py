"""A folder writes really fail in, as a user would meet it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def read_only_folder(tmp_path: Path, seed: Path | None = None) -> Iterator[Path]:
    """``tmp_path/ro``, holding the files of the folder ``seed`` (if given), made read-only:
    a read-only bind mount as root (root ignores permission bits), permissions otherwise."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if seed is None:
        seed = tmp_path / "seed"
        seed.mkdir()
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(seed), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        for item in seed.iterdir():
            item.rename(folder / item.name)
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
