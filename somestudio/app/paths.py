"""Where the user's data lives: the platform's data folder, or SOMESTUDIO_HOME."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from somestudio import APP_ID
from somestudio.store.data_folder import check_data_folder
from somestudio.store.errors import DataFolderError, StorageError

# StorageError: what prepare_home and opening the folder's workspace raise, for callers that
# must not import the store (the window's first frame: ui/launch.py).
__all__ = ["ENV_HOME", "DataHome", "StorageError", "prepare_home", "resolve_home"]

ENV_HOME = "SOMESTUDIO_HOME"


@dataclass(frozen=True, slots=True)
class DataHome:
    path: Path
    explicit: bool  # chosen by SOMESTUDIO_HOME (or --demo) rather than the platform default


def resolve_home(environ: Mapping[str, str] | None = None) -> DataHome:
    env = os.environ if environ is None else environ
    override = env.get(ENV_HOME, "").strip()
    if override:
        return DataHome(Path(override).expanduser().absolute(), explicit=True)
    import platformdirs  # noqa: PLC0415 - not needed when the folder is given

    return DataHome(platformdirs.user_data_path(APP_ID, appauthor=False), explicit=False)


def prepare_home(home: DataHome) -> Path:
    """Make sure the folder exists, creating it (and missing parents, mode 0700) if need be.

    A SOMESTUDIO_HOME that does not exist yet is created too when its nearest existing parent
    is a writable folder; only a folder that cannot be made is refused, saying why.
    """
    if home.path.is_dir():
        # Before the lock: a read-only folder is "not writable", not "another process (pid 0)".
        check_data_folder(home.path)
        return home.path
    if home.path.exists():
        source = f" (from {ENV_HOME})" if home.explicit else ""
        raise DataFolderError(
            "folder.is_a_file_from_env" if home.explicit else "folder.is_a_file",
            f"The data folder {home.path}{source} is a file, not a folder. Point {ENV_HOME} "
            "at a folder (Some Studio keeps its database and settings there).",
            folder=home.path,
            variable=ENV_HOME,
        )
    _make_folder(home.path)
    return home.path


def _make_folder(path: Path) -> None:
    missing: list[Path] = []
    parent = path
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    if not parent.is_dir():
        raise DataFolderError(
            "folder.parent_is_a_file",
            f"The data folder {path} cannot be created: {parent} is a file, not a folder.",
            folder=path,
            parent=parent,
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DataFolderError(
            "folder.parent_not_writable",
            f"The data folder {path} cannot be created: {parent} is not writable. Create "
            f"the folder yourself or point {ENV_HOME} somewhere you can write.",
            folder=path,
            parent=parent,
            variable=ENV_HOME,
        )
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700)
            folder.chmod(0o700)  # mkdir's mode is masked by the umask
    except OSError as exc:
        raise DataFolderError(
            "folder.cannot_create",
            f"The data folder {path} cannot be created ({exc.strerror}).",
            folder=path,
            detail=exc.strerror,
        ) from exc
