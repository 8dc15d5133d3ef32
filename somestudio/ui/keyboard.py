"""Keyboard rules every page follows, applied where the window builds its pages."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget


def leave_by_tab(root: QWidget) -> None:
    """Tab moves to the next control, never cell to cell inside a table (QTableView's
    default): a keyboard user would be stuck in a table until its last cell. The arrow
    keys still move between cells."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
