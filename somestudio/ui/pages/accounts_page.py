"""The Accounts page: which channels this workspace publishes to, and how."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.domain.posts import Account
from somestudio.domain.slots import format_slots
from somestudio.ui.error_text import error_text
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
        self._planner: Planner | None = None
        self.slots = QLineEdit()
        self.slots.setObjectName("PostingSlots")
        self.slots.setPlaceholderText(self.tr("e.g. Mon, Wed, Fri 09:00; Sat 11:30"))
        self.slots.setAccessibleName(self.tr("Posting slots"))
        self.slots_zone = QLineEdit()
        self.slots_zone.setObjectName("PostingSlotsZone")
        self.slots_zone.setAccessibleName(self.tr("Time zone of the posting slots"))
        self.save_slots = QPushButton(self.tr("Save slots"))
        self.save_slots.clicked.connect(self._save_slots)
        self.slots_feedback = QLabel()
        self.slots_feedback.setObjectName("PostingSlotsFeedback")
        self.slots_feedback.setWordWrap(True)
        slots_label = QLabel(self.tr('Posting slots ("Add to queue" takes the next free one):'))
        slots_label.setBuddy(self.slots)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots, 3)
        slots_row.addWidget(self.slots_zone, 1)
        slots_row.addWidget(self.save_slots)
        self.slots_box = QWidget()
        box = QVBoxLayout(self.slots_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(slots_label)
        box.addLayout(slots_row)
        box.addWidget(self.slots_feedback)
        self.slots_box.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.slots_box)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_slots())
        self.reload()

    def set_planner(self, planner: Planner, zone: str) -> None:
        self._planner = planner
        self._default_zone = zone
        self._show_slots()

    def selected_account(self) -> Account | None:
        row = self.table.currentIndex().row()
        return self.model.account(row) if row >= 0 else None

    def _show_slots(self) -> None:
        account = self.selected_account()
        self.slots_box.setEnabled(self._planner is not None and account is not None)
        self.slots_feedback.clear()
        if self._planner is None or account is None:
            return
        found = self._planner.posting_slots(account.id)
        self.slots.setText(format_slots(found[0]) if found else "")
        self.slots_zone.setText(found[1] if found else self._default_zone)

    def _save_slots(self) -> None:
        account = self.selected_account()
        if self._planner is None or account is None:
            return
        try:
            slots = self._planner.set_posting_slots(
                account.id, self.slots.text(), self.slots_zone.text().strip()
            )
        except (PlanningError, ValueError) as exc:
            self.slots_feedback.setText(error_text(exc))
            return
        self.slots.setText(format_slots(slots))
        self.slots_feedback.setText(self.tr("Saved."))

    def reload(self) -> None:
        accounts = self._studio.accounts()
        self.model.set_accounts(accounts)
        self.empty.setVisible(not accounts)
