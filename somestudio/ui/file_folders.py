"""Where a file dialog opens: the folder the user last chose for that purpose (kept in the
settings), else the system's Pictures folder for media and Documents for reports, exports
and imports. Never the process's working folder."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from somestudio.app.settings import SettingsStore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

MEDIA = "media"  # images and videos for a post
DOCUMENTS = "documents"  # reports, CSV exports and imports, guidelines

_store: list[SettingsStore] = []  # the window's settings, once it has them


def remember_in(store: SettingsStore | None) -> None:
    """Keep the chosen folders in ``store`` (the window calls this; None forgets it)."""
    _store[:] = [] if store is None else [store]


def _default(purpose: str) -> str:
    kind = (
        QStandardPaths.StandardLocation.PicturesLocation
        if purpose == MEDIA
        else QStandardPaths.StandardLocation.DocumentsLocation
    )
    found = QStandardPaths.writableLocation(kind)
    return found if found and Path(found).is_dir() else str(Path.home())


def start_folder(purpose: str) -> str:
    """The folder a dialog for ``purpose`` opens in."""
    if _store:
        last = _store[0].value.last_folders.get(purpose)
        if isinstance(last, str) and last and Path(last).is_dir():
            return last
    return _default(purpose)


def remember(purpose: str, chosen: str | Path) -> None:
    """The user chose ``chosen`` (a file or a folder) for ``purpose``: start there next time."""
    if not _store or not str(chosen):
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    store = _store[0]
    folders = dict(store.value.last_folders)
    if folders.get(purpose) != str(folder):
        folders[purpose] = str(folder)
        # settings that cannot be written: the folder is only not remembered
        with contextlib.suppress(OSError):
            store.update(last_folders=folders)


def start_in(dialog: QFileDialog, purpose: str) -> None:
    """Open ``dialog`` in the folder for ``purpose`` and remember what the user picks."""
    dialog.setDirectory(start_folder(purpose))

    def chosen(paths: list[str]) -> None:
        if paths:
            remember(purpose, paths[0])

    dialog.filesSelected.connect(chosen)


def as_kind(chosen: str | Path, *suffixes: str) -> Path:
    """``chosen`` (a save dialog's answer) ending in one of ``suffixes`` ("pdf"): the first
    is added when it ends in another (a PDF saved as "report.csv" was written under that
    name, said "Saved …csv", and opened in no spreadsheet)."""
    path = Path(chosen)
    if path.suffix.lower().lstrip(".") in {s.lower() for s in suffixes}:
        return path
    return path.with_name(f"{path.name}.{suffixes[0]}")
