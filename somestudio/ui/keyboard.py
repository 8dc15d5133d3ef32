"""Keyboard rules every page follows, applied where the window builds its pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
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


class _DeleteKey(QObject):
    def __init__(self, view: QWidget, remove: Callable[[], object]) -> None:
        super().__init__(view)
        self._remove = remove
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self._remove()
            return True
        return False


def delete_key_removes(view: QWidget, remove: Callable[[], object]) -> None:
    """Delete in ``view`` (a list with focus) calls ``remove``, as Delete in the Drafts list
    does. A key of the list's own, not a QShortcut: the window's Delete (the Drafts dock's)
    and another list's stay theirs."""
    _DeleteKey(view, remove)
