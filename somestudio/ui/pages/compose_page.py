"""The Compose page: write a post and keep it as a draft for the chosen accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.ui.network_names import network_name

AccountIdRole = Qt.ItemDataRole.UserRole + 1


class ComposePage(QWidget):
    draft_saved = Signal(int)

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposePage")
        self._studio = studio
        self._editing: int | None = None  # the post being edited; None for a new one
        self.title = QLabel(self.tr("New post"))
        self.title.setObjectName("PageTitle")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("ComposeEditor")
        self.editor.setAccessibleName(self.tr("Post text"))
        self.editor.setPlaceholderText(
            self.tr("Write your post once; fit it to each channel later.")
        )
        self.editor.textChanged.connect(self._update_buttons)

        accounts_label = QLabel(self.tr("Post to:"))
        self.accounts = QListWidget()
        self.accounts.setObjectName("ComposeAccounts")
        self.accounts.setAccessibleName(self.tr("Accounts to post to"))
        accounts_label.setBuddy(self.accounts)

        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("SaveDraft")
        self.save_button.setToolTip(self.tr("Save draft (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_draft)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        self.feedback = QLabel()
        self.feedback.setObjectName("ComposeFeedback")

        side = QVBoxLayout()
        side.addWidget(accounts_label)
        side.addWidget(self.accounts, 1)
        body = QHBoxLayout()
        body.addWidget(self.editor, 3)
        body.addLayout(side, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.feedback, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        checked = set(self.checked_account_ids())
        self.accounts.clear()
        for account in self._studio.accounts():
            item = QListWidgetItem(f"{network_name(account.network)} · {account.label}")
            item.setData(AccountIdRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if account.id in checked else Qt.CheckState.Unchecked
            )
            self.accounts.addItem(item)
        self._update_buttons()

    def checked_account_ids(self) -> list[int]:
        return [
            int(item.data(AccountIdRole))
            for item in (self.accounts.item(i) for i in range(self.accounts.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def new_post(self) -> None:
        self._editing = None
        self.title.setText(self.tr("New post"))
        self.save_button.setText(self.tr("Save draft"))
        self.editor.clear()
        self.accounts.setEnabled(True)
        self.feedback.clear()

    def open_post(self, post_id: int) -> bool:
        """Load an existing post for editing; False if it no longer exists."""
        found = self._studio.post(post_id)
        if found is None:
            self.feedback.setText(self.tr("That post no longer exists."))
            return False
        text, account_ids = found
        self._editing = post_id
        self.title.setText(self.tr("Edit post"))
        self.save_button.setText(self.tr("Save changes"))
        self.editor.setPlainText(text)
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            chosen = int(item.data(AccountIdRole)) in account_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        # Where an existing post goes is changed on the calendar, not here.
        self.accounts.setEnabled(False)
        self.feedback.clear()
        return True

    @property
    def editing(self) -> int | None:
        return self._editing

    def save_draft(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            self.feedback.setText(self.tr("Write something first."))
            return
        if self._editing is not None:
            if not self._studio.update_post_text(self._editing, text):
                self.feedback.setText(self.tr("That post no longer exists; nothing was saved."))
                return
            self.feedback.setText(self.tr("Changes saved."))
            self.draft_saved.emit(self._editing)
            return
        post_id = self._studio.save_draft(text, self.checked_account_ids())
        self.editor.clear()
        self.feedback.setText(self.tr("Draft saved."))
        self.draft_saved.emit(post_id)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.editor.toPlainText().strip()))
