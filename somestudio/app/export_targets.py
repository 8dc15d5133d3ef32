"""Where an export may go: anywhere the user chooses except inside the data folder.

The data folder holds the database (and its ``-wal``/``-shm``), backups, settings and logs;
only the store writes there. An export aimed inside it (e.g. ``--csv`` at ``somestudio.db``)
is refused before anything is written, whatever the name: a file the store owns would be
destroyed, and any other file there is one the store may later trip over.
"""

from __future__ import annotations

import os
from pathlib import Path


class InsideDataFolderError(OSError):
    """The chosen export file is inside the data folder; nothing was written. Like the
    storage errors it carries a ``code`` and ``params`` for the window's wording."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}


def refuse_inside_data_folder(target: Path, home: Path) -> None:
    """Raise ``InsideDataFolderError`` when ``target`` would land inside ``home``."""
    folder = _real(home)
    place = _real(target)
    if place == folder or folder in place.parents or _same_file(target, home):
        raise InsideDataFolderError(
            "export.inside_data_folder",
            f"{target} is inside Some Studio's data folder {home}, where only Some Studio "
            "writes (its database, backups, settings and logs are there). Nothing was "
            "written; choose a file outside that folder.",
            target=target,
            folder=home,
        )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser().absolute()))


def _same_file(target: Path, home: Path) -> bool:
    # A hard link to a store file from outside the folder: the same file by another name.
    try:
        stat = target.stat()
    except OSError:
        return False
    try:
        owned = [p.stat() for p in home.iterdir() if p.is_file()]
    except OSError:
        return False
    return any((s.st_dev, s.st_ino) == (stat.st_dev, stat.st_ino) for s in owned)
