"""Writing a collaboration document (partner report, media kit, income CSV) where the user
chose: never inside the data folder, and in one step (a temporary beside it, renamed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from somestudio.app.atomic_files import write_atomically_with, write_bytes_atomically
from somestudio.app.export_targets import refuse_inside_data_folder


def save_drawn(target: Path, home: Path, draw: Callable[[Path], object]) -> None:
    """``draw`` paints into the temporary path it is given. Raises OSError (including the
    refusal of a file inside the data folder); nothing is left half written."""
    refuse_inside_data_folder(target, home)

    def write(temporary: Path) -> None:
        draw(temporary)

    write_atomically_with(target, write)


def save_text(target: Path, home: Path, text: str) -> None:
    refuse_inside_data_folder(target, home)
    write_bytes_atomically(target, text.encode("utf-8"))
