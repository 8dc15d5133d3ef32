"""Finding the shipped resources (icons, desktop file) in a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

import somestudio


@cache
def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    package = Path(somestudio.__file__).resolve().parent
    candidates = [
        *([Path(bundle) / "resources"] if bundle else []),
        package / "resources",  # installed wheel: resources/ is mapped into the package
        package.parent / "resources",  # source checkout or editable install
    ]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("Some Studio's resources folder is missing from this installation")


def app_icon() -> QIcon:
    icons = resource_root() / "icons"
    icon = QIcon()
    for png in sorted((icons / "hicolor").glob("*/apps/somestudio.png")):
        icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(icons / "somestudio.svg"))
    return icon
