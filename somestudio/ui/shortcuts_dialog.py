"""Help → Keyboard shortcuts: a list made from the window's real actions and shortcuts.

Nothing here is written by hand: the menu actions give their text and keys, each page's
QShortcuts give their description (``whatsThis``) and keys. A shortcut that is added,
changed or removed shows up here as it is, in the keys' native spelling (Ctrl+PgDown).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from somestudio.ui.keyboard import SHORTCUT_NAME

NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    group: str  # a menu's or a page's name
    description: str
    keys: tuple[QKeySequence, ...]

    @property
    def keys_text(self) -> str:
        # Once each: Return and the keypad's Enter both read "Ctrl+Enter" on some systems.
        return ", ".join(dict.fromkeys(k.toString(NATIVE) for k in self.keys))


def on_a_keyboard(keys: QKeySequence) -> bool:
    """Keys people type: not the Save, Back or Volume keys of multimedia keyboards, which
    some standard shortcuts also answer to and which read like a word, not a key ("Save")."""
    combos = [keys[i] for i in range(keys.count())]  # type: ignore[index]
    return bool(combos) and all(c.key().value < Qt.Key.Key_Back.value for c in combos)


def plain(text: str) -> str:
    """A menu text without its mnemonic marker or trailing dots: "&New post…" → "New post"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def menu_rows(menu_bar: QMenuBar) -> list[ShortcutRow]:
    rows = []
    for top in menu_bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = tuple(k for k in action.shortcuts() if on_a_keyboard(k))
            fixed = action.property(SHORTCUT_NAME)
            name = plain(fixed if isinstance(fixed, str) and fixed else action.text())
            if keys and name and not action.isSeparator():
                rows.append(ShortcutRow(plain(top.text()), name, keys))
    return rows


def shortcut_rows(pages: list[tuple[str, QWidget]]) -> list[ShortcutRow]:
    """Every QShortcut on each page, under the page's name."""
    rows = []
    for name, page in pages:
        for shortcut in page.findChildren(QShortcut):
            keys = tuple(k for k in shortcut.keys() if on_a_keyboard(k))  # noqa: SIM118
            if keys and shortcut.whatsThis():  # a shortcut without a name is not listed
                rows.append(ShortcutRow(name, shortcut.whatsThis(), keys))
    return rows


def window_shortcuts(menu_bar: QMenuBar, pages: list[tuple[str, QWidget]]) -> list[ShortcutRow]:
    return menu_rows(menu_bar) + shortcut_rows(pages)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Tab and Shift+Tab move between controls. In the calendar, the arrow keys "
                "choose a day and Enter goes to its posts; Enter opens a post, and the Menu "
                "key (or Shift+F10) shows what you can do with it."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("ShortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem([row.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([row.description, row.keys_text])
            item.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                f"{row.description}: {row.keys_text}",
            )
            group.addChild(item)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        # Wide enough for the longest action and its keys (a longer language, a longer name).
        # Measured over every row (the view's own hint looks only at the rows in view).
        text = self.tree.fontMetrics()
        pad = 2 * text.averageCharWidth() + self.tree.indentation()
        descriptions = max((text.horizontalAdvance(r.description) for r in rows), default=0)
        keys = max((text.horizontalAdvance(r.keys_text) for r in rows), default=0)
        contents = (
            max(self.tree.sizeHintForColumn(0), descriptions + pad)
            + max(self.tree.sizeHintForColumn(1), keys + pad)
            + self.tree.verticalScrollBar().sizeHint().width()
            + 2 * self.tree.frameWidth()
            + layout.contentsMargins().left()
            + layout.contentsMargins().right()
            + 8
        )
        width = max(self.fontMetrics().horizontalAdvance("M") * 46, contents)
        screen = self.screen().availableGeometry() if self.screen() else None
        # As tall as the list, but never taller than the window it opens over (or the
        # screen): the list scrolls instead.
        tallest = parent.window().height() if parent is not None else None
        if tallest is None and screen is not None:
            tallest = screen.height()
        height = self.fontMetrics().height() * (len(rows) + len(groups) + 12)
        if tallest:
            height = min(height, int(tallest * 0.9))
        self.resize(min(width, screen.width()) if screen is not None else width, height)
        self.tree.setFocus()

    def rows_shown(self) -> list[tuple[str, str, str]]:
        """(group, description, keys) as listed, for tests and tools."""
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            children = [group.child(j) for j in range(group.childCount())] if group else []
            shown += [(group.text(0), c.text(0), c.text(1)) for c in children if group and c]
        return shown
