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


# The window icon's sizes. X11 window managers take a window's icon from the window
# (_NET_WM_ICON, every size the icon has, as 32-bit pixels): with 256 and 512 that was 1.4 MB
# sent to the X server, and 10 ms decoding the two largest files, before the first frame.
# Docks and menus take the large sizes from the desktop file's icon (resources/icons).
WINDOW_ICON_SIZES = (16, 32, 48, 64, 128)


def app_icon() -> QIcon:
    icons = resource_root() / "icons"
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / "somestudio.png"
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(icons / "somestudio.svg"))
    return icon
