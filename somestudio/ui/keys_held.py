"""Keys typed while the window is still its first frame, kept and then used in order.

The app shows its window's frame first (``ui/launch.py``) and builds the menus and their
shortcuts a few dozen milliseconds later. Keys pressed in between (Ctrl+N and the first words
of a post, typed the moment the window appears) would otherwise reach the page list, which
has the keyboard then, and be lost. ``KeysHeld`` watches the window's native window, keeps
each key press, and ``release()`` hands them on once the window is complete: a press that is
an enabled action's shortcut triggers that action (Qt matches shortcuts before the window
sees a key, so a press handed on later is not matched by Qt), any other goes to the widget
that has the keyboard then. Mouse clicks in that moment are ignored: a menu title clicked
before its menu had actions stayed highlighted, with no menu, for several clicks more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QWindow


_DROPPED = (
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
)


class KeysHeld(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._held: list[QKeyEvent] = []
        self._handle: QWindow | None = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The key classes when a key comes: the filter is in place before the first frame.
        from PySide6.QtGui import QKeyEvent  # noqa: PLC0415

        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._held.append(
                QKeyEvent(
                    kind,
                    event.key(),
                    event.modifiers(),
                    event.text(),
                    event.isAutoRepeat(),
                    event.count(),
                )
            )
            return True
        # A click meanwhile is let go: a menu title pressed while its menu is still empty
        # stayed highlighted with no menu, and took clicks to recover.
        return kind in _DROPPED

    def release(self) -> None:
        """Stop holding keys and hand on those held, in the order they were pressed."""
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None
        held, self._held = self._held, []
        for event in held:
            if not self._trigger_shortcut(event):
                target = QApplication.focusWidget() or self._window
                QApplication.sendEvent(target, event)
        self.deleteLater()

    def _trigger_shortcut(self, event: QKeyEvent) -> bool:
        from PySide6.QtGui import QAction, QKeySequence  # noqa: PLC0415 - see eventFilter

        pressed = QKeySequence(event.keyCombination())
        for action in self._window.findChildren(QAction):
            if not action.isEnabled():
                continue
            if any(
                shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for shortcut in action.shortcuts()
            ):
                action.trigger()
                return True
        return False
