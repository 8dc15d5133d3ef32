"""A dialog grows to show what it says: a reason shown under its fields (two, one under the
other) was cut at the top and bottom, the dialog staying the size it opened at. And its
buttons are tabbed through in the order they stand."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QDialogButtonBox, QWidget


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


def tab_buttons_as_shown(box: QDialogButtonBox) -> None:
    """Tab goes through ``box``'s buttons in the order they stand, left to right: Qt's
    chain had them as made (Cancel before Schedule and Add to queue, which stand before it
    on the screen; a keyboard-only user's finding). Call once the box is laid out."""
    shown = sorted((b for b in box.buttons() if b.isVisible()), key=lambda b: b.x())
    for before, after in pairwise(shown):
        QWidget.setTabOrder(before, after)
