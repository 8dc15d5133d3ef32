"""Where the user's data lives: the platform's data folder, or SOMESTUDIO_HOME."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from somestudio import APP_ID
from somestudio.store.database import DataFolderError, check_data_folder

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
    """Make sure the folder exists.

    The platform default is created on first run. An explicit folder that is missing is an
    error: a typo in SOMESTUDIO_HOME must not quietly start an empty workspace that looks
    like the user's posts are gone.
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
    if home.explicit:
        raise DataFolderError(
            "folder.missing_from_env",
            f"The data folder {home.path} (from {ENV_HOME}) does not exist. Create it, "
            f"or unset {ENV_HOME} to use the default folder.",
            folder=home.path,
            variable=ENV_HOME,
        )
    try:
        home.path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            "folder.cannot_create",
            f"The data folder {home.path} cannot be created ({exc.strerror}).",
            folder=home.path,
            detail=exc.strerror,
        ) from exc
    return home.path
