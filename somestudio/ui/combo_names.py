"""A drop-down list's name for screen readers: its label, not its current choice.

On Linux Qt names a QComboBox by the text it shows ("All accounts", "English",
"Europe/Helsinki") and ignores the accessible name given to it, so a screen reader said the
choice and never what is being chosen. Here a combo box's accessibility interface takes its
name from its accessible name (or the label whose buddy it is) and keeps the choice as its
value; the list it opens and its actions stay as Qt's (its popup list is its child, Space
or Alt+Down open it). A combo box with neither name nor label is named by its choice, as
Qt does. Every combo box gets this interface, whenever first asked: a combo box asked
while being built (an item added) would otherwise keep Qt's for good."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QComboBox, QLabel, QWidget

_installed = False


def label_of(widget: QWidget) -> str:
    """The text of the label whose buddy ``widget`` is, without its mnemonic and colon."""
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            return text.strip().rstrip(":").strip()
    return ""


def combo_name(combo: QComboBox) -> str:
    return combo.accessibleName().strip() or label_of(combo)


class _NamedCombo(QAccessibleWidget):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)
        self._combo = combo

    def text(self, kind: QAccessible.Text) -> str:
        combo = self._combo
        if kind == QAccessible.Text.Name:
            return combo_name(combo) or combo.currentText()
        if kind == QAccessible.Text.Value:
            edit = combo.lineEdit()
            return edit.text() if edit is not None else combo.currentText()
        return super().text(kind)

    def _children(self) -> list[QObject]:
        edit = self._combo.lineEdit()
        return [self._combo.view(), *([edit] if edit is not None else [])]

    def childCount(self) -> int:
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        children = self._children()
        if 0 <= index < len(children):
            return QAccessible.queryAccessibleInterface(children[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        found = child.object() if child is not None else None
        children = self._children()
        return children.index(found) if found in children else -1

    def actionNames(self) -> list[str]:
        own = [
            QAccessibleActionInterface.showMenuAction(),
            QAccessibleActionInterface.pressAction(),
        ]
        return own + [n for n in super().actionNames() if n not in own]

    def doAction(self, name: str) -> None:
        if name in (
            QAccessibleActionInterface.showMenuAction(),
            QAccessibleActionInterface.pressAction(),
        ):
            if self._combo.view().isVisible():
                self._combo.hidePopup()
            else:
                self._combo.showPopup()
            return
        super().doAction(name)


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QComboBox):
        return _NamedCombo(obj)
    return None


def install_combo_names() -> None:
    """Once per process, before the first window is shown (a combo box asked before keeps
    the interface it got)."""
    global _installed  # noqa: PLW0603 - one factory per process
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
