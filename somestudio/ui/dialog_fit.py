"""A dialog grows to show what it says: a reason shown under its fields (two, one under the
other) was cut at the top and bottom, the dialog staying the size it opened at."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(dialog: QWidget) -> None:
    """``dialog`` taller when its layout needs it at its width (never shorter)."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return
    layout.activate()
    width = dialog.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > dialog.height():
        dialog.resize(width, needed)
