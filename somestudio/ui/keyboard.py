"""Keyboard rules every page follows, applied where the window builds its pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QWidget

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


_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_NO_MODIFIERS = frozenset({Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier})


class _EnterPresses(QObject):
    """On the window: a key a push button leaves alone goes on to its parents, up to the
    window, where this sees it (one filter on one widget, not one on every event)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.key() not in _ENTER_KEYS
            or event.modifiers() not in _NO_MODIFIERS
            or event.isAutoRepeat()
        ):
            return False
        button = QApplication.focusWidget()
        if (
            isinstance(button, QPushButton)
            and button.window() is self._window
            and not button.autoDefault()  # Qt presses those itself
            and button.isEnabled()
        ):
            button.click()
            return True
        return False


def enter_presses_buttons(window: QWidget) -> None:
    """Enter (Return or the keypad's) presses the focused push button on ``window``'s pages
    as Space does (Qt does so in dialogs only: on a page, Enter on a focused button did
    nothing). A push button only: Enter in a line edit or a list stays theirs, and a
    dialog, a window of its own, keeps Qt's rule (its default button)."""
    _EnterPresses(window)
