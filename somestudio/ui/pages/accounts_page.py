"""The Accounts page: which channels this workspace publishes to, and how."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from somestudio.app.studio import Studio
from somestudio.ui.pages.accounts_model import AccountsModel


class AccountsPage(QWidget):
    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsPage")
        self._studio = studio
        self.model = AccountsModel()
        title = QLabel(self.tr("Accounts"))
        title.setObjectName("PageTitle")
        intro = QLabel(
            self.tr(
                "Each account is one place a post can go. Sign-in tokens are kept only in "
                "your system keyring, never in Some Studio's files."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("AccountsTable")
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.empty = QLabel(self.tr("No accounts yet."))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.reload()

    def reload(self) -> None:
        accounts = self._studio.accounts()
        self.model.set_accounts(accounts)
        self.empty.setVisible(not accounts)
