"""Keyboard rules every page follows, applied where the window builds its pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPushButton,
    QWidget,
)

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


def shift_f10_opens_menu(view: QWidget, open_menu: Callable[[], object], what: str) -> None:
    """Shift+F10 in ``view`` (with focus) opens its chosen row's menu, as the Menu key does
    (Qt knows only the key). ``what``: the shortcut's description in Help → Keyboard
    shortcuts."""
    keys = QShortcut(QKeySequence("Shift+F10", QKeySequence.SequenceFormat.PortableText), view)
    keys.setContext(Qt.ShortcutContext.WidgetShortcut)
    keys.setWhatsThis(what)
    keys.activated.connect(open_menu)


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


class _MenuKeyThroughMenuBar(QObject):
    """On the menu bar: the Menu key (or Shift+F10) while the bar holds the keyboard."""

    def __init__(self, bar: QWidget) -> None:
        super().__init__(bar)
        self._bar = bar
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if not menu_key or QApplication.focusWidget() is not self._bar:
            return False
        # The bar lets go as at a second Escape (the keyboard goes back where it was) ...
        escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self._bar, escape)
        target = QApplication.focusWidget()
        if target is None or target is self._bar:
            return True
        # ... and the menu opens there, as the key would have opened it.
        rect = target.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        if isinstance(rect, QRectF):
            rect = rect.toRect()
        at = rect.center() if isinstance(rect, QRect) else target.rect().center()
        menu = QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, at, target.mapToGlobal(at), event.modifiers()
        )
        QApplication.sendEvent(target, menu)
        return True


def menu_key_through_menu_bar(bar: QWidget) -> None:
    """The Menu key pressed while the menu bar holds the keyboard (Alt and a menu's letter,
    then Escape, leave it there, its title lit) did nothing: the bar lets go, and the menu
    of what had the keyboard before opens (a new user's finding: the Menu key "stopped
    working" in the calendar after the File menu was used)."""
    _MenuKeyThroughMenuBar(bar)


def _inside_a_box(widget: QWidget) -> bool:
    """A spin box's or combo box's own line edit: Tab reaches the box, not its part."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _tab_stop(widget: QWidget) -> bool:
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or _inside_a_box(widget):
        return False
    proxy = widget.focusProxy()
    if proxy is not None:
        _owned_as_qt_owns([proxy])
        return False
    return True


def focus_ring(window: QWidget) -> list[QWidget]:
    """The window's focus chain as Qt keeps it, from ``window`` round.

    PySide makes the widget ``nextInFocusChain()`` (or ``previousInFocusChain()``,
    ``focusProxy()``) returns its record's "child" of the widget asked, whatever Qt's
    parents are; deleting that widget then marks the child's Qt-made parts dead for Python
    (``tests/ui/test_focus_ring_wrappers.py``). So the window is never asked for as
    anyone's next (the walk stops at the last widget, asked of the window first), and each
    widget met is given back to its Qt parent (``_owned_as_qt_owns``)."""
    last = window.previousInFocusChain()
    ring = [window]
    if last is None or last is window:
        return ring
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(ring) < 100_000:
        ring.append(widget)
        if widget is last:
            break
        widget = widget.nextInFocusChain()
    _owned_as_qt_owns(ring[1:])
    return ring


def _owned_as_qt_owns(widgets: list[QWidget]) -> None:
    """Each of ``widgets`` recorded by PySide as its Qt parent's child again (``findChildren``
    records each child it finds as the asker's; ``parentWidget()`` records nothing)."""
    parents: dict[int, QWidget] = {}
    for widget in widgets:
        parent = widget.parentWidget()
        if parent is not None:
            parents.setdefault(id(parent), parent)
    for parent in parents.values():
        parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)


def tabbable_in(container: QWidget, ring: list[QWidget]) -> list[QWidget]:
    """The controls Tab can stop at inside ``container`` (shown or not), in ``ring``'s
    order (``focus_ring``)."""
    return [w for w in ring if w is not container and container.isAncestorOf(w) and _tab_stop(w)]


def step_in_order(page: QWidget, order: list[QWidget], forward: bool) -> bool | None:
    """Tab (``forward``) or Shift+Tab within ``page`` in ``order`` (a list of its controls)
    instead of Qt's focus chain, which puts controls made later at its end. Those hidden
    or disabled are passed over; past either end, the keyboard leaves ``page`` for the
    window's next (or previous) control outside it. None when the focus is on none of
    them: Qt's own chain then applies."""
    focus = QApplication.focusWidget()
    if focus is None:
        return None
    shown: list[QWidget] = []
    for widget in order:
        if widget.isVisible() and widget.isEnabled() and widget not in shown:
            shown.append(widget)
    here = next((i for i, w in enumerate(shown) if w is focus), None)
    if here is None:  # a box's own line edit: the box
        here = next((i for i, w in enumerate(shown) if w.isAncestorOf(focus)), None)
    if here is None:
        return None
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    step = here + (1 if forward else -1)
    if 0 <= step < len(shown):
        shown[step].setFocus(reason)
        return True
    ring = focus_ring(page.window())
    if not forward:
        ring.reverse()
    start = ring.index(focus) if focus in ring else 0
    for widget in ring[start + 1 :] + ring[: start + 1]:
        if (
            not page.isAncestorOf(widget)
            and widget is not page
            and _tab_stop(widget)
            and widget.isVisible()
            and widget.isEnabled()
        ):
            widget.setFocus(reason)
            return True
    shown[0 if forward else -1].setFocus(reason)  # the page is all there is: round again
    return True
