"""Saved replies on the Inbox page: a menu to put one into the answer, and a dialog to add,
change and delete them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.inbox.saved_replies import SavedReplies, SavedReplyError
from somestudio.domain.inbox.saved_replies import SavedReply
from somestudio.ui.theme import SPACE


def saved_menu(
    replies: list[SavedReply],
    language: str,
    chosen: Callable[[SavedReply], None],
    manage: Callable[[], None],
    parent: QWidget,
) -> QMenu:
    """The user's language first, then the others; the last entry manages the list."""
    menu = QMenu(parent)
    menu.setObjectName("InboxSavedRepliesMenu")
    menu.setAccessibleName(QCoreApplication.translate("InboxPage", "Saved replies"))
    ordered = sorted(replies, key=lambda r: (r.language not in ("", language), r.title.lower()))
    for reply in ordered:
        title = reply.title.replace("&", "&&")
        if reply.language and reply.language != language:
            title += f" ({reply.language})"
        action = menu.addAction(title)
        action.setToolTip(reply.body)
        action.triggered.connect(lambda _=False, r=reply: chosen(r))
    if ordered:
        menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("InboxPage", "Manage saved replies…")
    ).triggered.connect(manage)
    return menu


class SavedRepliesDialog(QDialog):
    """Add, change and delete saved replies; {name} stands for the person's name."""

    changed = Signal()

    def __init__(self, replies: SavedReplies, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SavedRepliesDialog")
        self.setWindowTitle(self.tr("Saved replies"))
        self._replies = replies
        self.list = QListWidget()
        self.list.setObjectName("SavedRepliesList")
        self.list.setAccessibleName(self.tr("Saved replies"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.title = QLineEdit()
        self.title.setObjectName("SavedReplyTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("SavedReplyBody")
        self.body.setAccessibleName(self.tr("Answer"))
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Thank you, {name}! …  ({name} is the person's name)"))
        self.language = QComboBox()
        self.language.setObjectName("SavedReplyLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Any language"), "")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Finnish"), "fi")
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Answer"), self.body)
        form.addRow(self.tr("Language"), self.language)
        self.new_button = self._button("SavedReplyNew", self.tr("New"), self._new)
        self.save_button = self._button("SavedReplySave", self.tr("Save"), self._save)
        self.delete_button = self._button("SavedReplyDelete", self.tr("Delete"), self._delete)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE.s)
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        if close_button is not None:
            close_button.setAccessibleName(close_button.text().replace("&", ""))
            close_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(520, 460)
        self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for reply in self._replies.list():
            item = QListWidgetItem(reply.title)
            item.setData(Qt.ItemDataRole.UserRole, reply)
            self.list.addItem(item)
            if reply.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self._new()

    def current(self) -> SavedReply | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, SavedReply) else None

    def _show_current(self) -> None:
        reply = self.current()
        if reply is None:
            return
        self.title.setText(reply.title)
        self.body.setPlainText(reply.body)
        self.language.setCurrentIndex(max(0, self.language.findData(reply.language)))
        self.delete_button.setEnabled(True)

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.title.clear()
        self.body.clear()
        self.language.setCurrentIndex(0)
        self.delete_button.setEnabled(False)
        self.title.setFocus()

    def _save(self) -> None:
        current = self.current()
        title, body = self.title.text(), self.body.toPlainText()
        language = str(self.language.currentData() or "")
        try:
            if current is None:
                reply_id = self._replies.add(title, body, language)
            else:
                self._replies.update(current.id, title, body, language)
                reply_id = current.id
        except SavedReplyError:
            self.body.setPlaceholderText(self.tr("Write the answer first."))
            self.body.setFocus()
            return
        self.reload(select=reply_id)
        self.changed.emit()

    def _delete(self) -> None:
        current = self.current()
        if current is None:
            return
        self._replies.delete(current.id)
        self.reload()
        self.changed.emit()
