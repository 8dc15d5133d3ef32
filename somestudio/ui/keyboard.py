"""Keyboard rules every page follows, applied where the window builds its pages."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

# An action whose text changes with what it would do (Undo "Move post to Friday") gives the
# shortcuts list (ui/shortcuts_dialog.py) its fixed name in this dynamic property; the list
# shows shortcuts, not the undo stack. Here, not there: the window's first frame sets it and
# does not need the dialog.
SHORTCUT_NAME = "shortcutName"


def leave_by_tab(root: QWidget) -> None:
    """Tab moves to the next control, never cell to cell inside a table (QTableView's
    default): a keyboard user would be stuck in a table until its last cell. The arrow
    keys still move between cells."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
