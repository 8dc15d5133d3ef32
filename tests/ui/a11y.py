"""What the keyboard and accessibility tests look at: focusable controls, their names, the
tab chain as real Tab presses walk it, and labels or buttons whose text does not fit."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollBar,
    QStyle,
    QStyledItemDelegate,
    QTabBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot


def control(widget: QWidget) -> QWidget:
    """The control a widget belongs to: a spin box's or combo box's line edit is the box."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return parent
        parent = parent.parentWidget()
    return widget


def focusable(root: QWidget) -> list[QWidget]:
    """Controls Tab can reach in ``root``: visible, enabled, taking focus by Tab."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not control(widget) or isinstance(widget, QScrollBar):
            continue
        if widget.focusProxy() is not None:
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.isVisible() and widget.isEnabled() and widget.isVisibleTo(root.window()):
            found.append(widget)
    return found


def has_name(widget: QWidget, root: QWidget) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return True
    if isinstance(widget, QTabBar) and widget.count() and widget.tabText(0).strip():
        return True
    return any(label.buddy() is widget for label in root.window().findChildren(QLabel))


def unnamed(root: QWidget) -> list[str]:
    return [describe(w) for w in focusable(root) if not has_name(w, root)]


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return f"{type(widget).__name__}({widget.objectName() or text or '?'})"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_chain(qtbot: QtBot, start: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from ``start`` until focus comes back to it; the controls visited, in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = control(focused())
    chain = [first]
    for _ in range(limit):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        current = control(focused())
        if current is chain[-1]:
            continue  # Tab steps through a date edit's sections before it leaves
        if current is first:
            return chain
        chain.append(current)
    visited = [describe(w) for w in chain]
    raise AssertionError(f"Tab never came back to {describe(first)}: {visited}")


def press_menu_key(widget: QWidget) -> None:
    """What the Menu key (or Shift+F10) makes Qt send: a keyboard context-menu event to the
    focus widget at its cursor rectangle (an item view's current item)."""
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    pos = rect.toRect().center() if hasattr(rect, "toRect") else QPoint(0, 0)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos), Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(widget, event)


def reading_order_problems(chain: list[QWidget], root: QWidget) -> list[str]:
    """Consecutive controls that go back up the page, or leftwards within one row."""
    problems = []

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())

    for a, b in itertools.pairwise(chain):
        ra, rb = box(a), box(b)
        same_row = rb.top() < ra.bottom() and ra.top() < rb.bottom()
        if (same_row and rb.left() <= ra.left()) or (not same_row and rb.top() < ra.top()):
            problems.append(f"{describe(a)} → {describe(b)}")
    return problems


@dataclass(frozen=True, slots=True)
class Clipped:
    widget: str
    text: str
    needed: int
    has: int

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: needs {self.needed}px, has {self.has}px"


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def clipped(root: QWidget) -> list[Clipped]:  # noqa: PLR0912 - one branch per kind
    """Visible labels, buttons, combo boxes, tab bars and header sections whose text does
    not fit. Deliberately elided text (property ``elided``) and empty labels are left out."""
    found: list[Clipped] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        if widget.property("elided"):
            continue
        name = describe(widget)
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.contentsRect().width())
                if needed > widget.height() + 1:
                    found.append(Clipped(name, widget.text(), needed, widget.height()))
                continue
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                found.append(Clipped(name, widget.text(), hint.width(), widget.width()))
        elif isinstance(widget, QAbstractButton) and _text_of(widget):
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1:
                found.append(Clipped(name, widget.text(), hint.width(), widget.width()))
        elif isinstance(widget, QComboBox) and widget.currentText():
            hint = widget.minimumSizeHint()
            if hint.width() > widget.width() + 1:
                found.append(Clipped(name, widget.currentText(), hint.width(), widget.width()))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabSizeHint(i).width() > widget.tabRect(i).width() + 1:
                    found.append(
                        Clipped(
                            name,
                            widget.tabText(i),
                            widget.tabSizeHint(i).width(),
                            widget.tabRect(i).width(),
                        )
                    )
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found += _clipped_cells(widget, name)
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            view = widget.parentWidget()
            if not isinstance(view, QAbstractItemView) or view.model() is None:
                continue
            model = view.model()
            metrics = widget.fontMetrics()
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                needed = widest + 2 * metrics.averageCharWidth()
                if needed > widget.sectionSize(section) + 1:
                    found.append(Clipped(name, text, needed, widget.sectionSize(section)))
    return found


def _clipped_cells(view: QAbstractItemView, name: str, rows: int = 100) -> list[Clipped]:
    """Cells of a table, tree or list drawn by Qt's own delegate whose text does not fit
    (a custom delegate, as the calendar's chips, lays its text out itself and is skipped).
    Each visible cell of the first ``rows`` rows, wrapped where the view wraps."""
    model = view.model()
    if model is None or type(view.itemDelegate()) is not QStyledItemDelegate:
        return []
    metrics = view.fontMetrics()
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    viewport = view.viewport().rect()
    found = []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount to itself: one column
            columns = 1
        for row in range(min(rows, model.rowCount(parent))):
            for column in range(columns):
                index = model.index(row, column, parent)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                rect = view.visualRect(index)
                if not isinstance(text, str) or not text or not viewport.intersects(rect):
                    continue
                room = rect.width() - 2 * margin
                if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                    room -= view.iconSize().width() if view.iconSize().isValid() else 16
                    room -= margin
                flags = Qt.TextFlag.TextWordWrap if wraps else Qt.TextFlag.TextSingleLine
                box = metrics.boundingRect(QRect(0, 0, max(room, 1), 100_000), flags, text)
                if box.width() > room + 1 or box.height() > rect.height():
                    found.append(Clipped(f"{name} cell {row},{column}", text, box.width(), room))
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and model.rowCount(first) and view.isExpanded(first):
                pending.append(first)
    return found
