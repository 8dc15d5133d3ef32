"""Whether a data folder can be used: kept apart from ``database`` so that the window's first
frame, which checks the folder before it shows, does not import SQLite."""

from __future__ import annotations

import tempfile
from pathlib import Path

from somestudio.store.errors import DataFolderError


def check_data_folder(folder: Path) -> None:
    """Raise ``DataFolderError`` unless ``folder`` is a folder this process can write in."""
    if not folder.is_dir():
        raise DataFolderError(
            "folder.missing",
            f"The data folder {folder} does not exist. Create it, or point SOMESTUDIO_HOME "
            "at an existing folder.",
            folder=folder,
        )
    # A real write probe: permission bits lie for root, ACLs and read-only mounts.
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".write-probe-"):
            pass
    except OSError as exc:
        raise DataFolderError(
            "folder.not_writable",
            f"The data folder {folder} is not writable ({exc.strerror}). Some Studio keeps "
            "its database there; fix the folder's permissions or choose another folder "
            "with SOMESTUDIO_HOME.",
            folder=folder,
            detail=exc.strerror,
        ) from exc
