"""The composer's "Post to" list: tall enough for the accounts, ticked by a click on the name,
and, with no accounts at all, a sentence and a button to the Accounts page instead."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# Room for this many rows at least (the list is never a slit), and at most this many before
# it scrolls (the channels and previews below need the height more).
MIN_ROWS = 6
MAX_ROWS = 10


class AccountList(QListWidget):
    """Checkable accounts; a click anywhere on a row ticks or unticks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A long name ends in "…" (its whole in the tooltip) rather than a sideways scroll
        # bar under a list a few rows tall (a new user's finding, beside the Drafts panel):
        # rows as wide as the list, laid out again as it narrows.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(_AsWideAsTheList(self))
        self._state_at_press: Qt.CheckState | None = None
        self.itemPressed.connect(self._pressed)
        self.itemClicked.connect(self._clicked)

    def _pressed(self, item: QListWidgetItem) -> None:
        self._state_at_press = item.checkState()

    def _clicked(self, item: QListWidgetItem) -> None:
        # A click on the box itself has already toggled it; one on the name has not.
        if self._state_at_press is not None and item.checkState() == self._state_at_press:
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
        self._state_at_press = None

    def fit_rows(self) -> None:
        """As tall as the accounts (MIN_ROWS to MAX_ROWS rows)."""
        # The tallest row (one with a warning mark may be taller than one without).
        row = max((self.sizeHintForRow(r) for r in range(self.count())), default=-1)
        if row <= 0:
            row = self.fontMetrics().height() + 4
        rows = max(MIN_ROWS, min(self.count(), MAX_ROWS))
        self.setFixedHeight(rows * row + 2 * self.frameWidth())


class _AsWideAsTheList(QStyledItemDelegate):
    """Rows no wider than the list's viewport (the style then cuts a long name with "…")."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        room = self._view.viewport().width()
        return QSize(min(hint.width(), room), hint.height()) if room > 0 else hint


class NoAccountsHint(QFrame):
    """Instead of an empty list: there is nowhere to post yet, and where to add a place."""

    accounts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposeNoAccounts")
        self.text = QLabel(self.tr("Add an account first: posts need somewhere to go."))
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Open Accounts"))
        self.button.setAccessibleName(self.tr("Open the Accounts page"))
        self.button.clicked.connect(self.accounts_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
