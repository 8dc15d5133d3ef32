"""The Inbox page's filter bar: search, network, account, kind, unread, open/done."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.ui.inbox.texts import kind_text
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import SPACE

ANSWERABLE = "answerable"


class InboxFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("InboxSearch")
        self.search.setAccessibleName(self.tr("Search the inbox"))
        self.search.setPlaceholderText(self.tr("Search people and text (/)"))
        self.search.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.network = self._combo("InboxNetworkFilter", self.tr("Network"))
        self.account = self._combo("InboxAccountFilter", self.tr("Account"))
        self.kind = self._combo("InboxKindFilter", self.tr("Kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        self.kind.addItem(self.tr("Needs an answer"), ANSWERABLE)
        for kind in InboxKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.show_done = self._combo("InboxDoneFilter", self.tr("Show"))
        self.show_done.addItem(self.tr("Open"), False)
        self.show_done.addItem(self.tr("Done"), True)
        self.show_done.addItem(self.tr("Open and done"), None)
        self.unread = QCheckBox(self.tr("Unread only"))
        self.unread.setObjectName("InboxUnreadFilter")
        self.unread.setAccessibleName(self.tr("Unread only"))
        self.unread.toggled.connect(lambda _c: self.changed.emit())
        self.set_accounts([])
        top = QHBoxLayout()
        top.setSpacing(SPACE.s)
        top.addWidget(self.search, 1)
        top.addWidget(self.unread)
        # Two by two: the list keeps its width beside the conversation and the Drafts panel
        # on a 1024 px screen.
        bottom = QGridLayout()
        bottom.setHorizontalSpacing(SPACE.s)
        bottom.setVerticalSpacing(SPACE.xs)
        for index, combo in enumerate((self.network, self.account, self.kind, self.show_done)):
            bottom.addWidget(combo, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE.xs)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.setToolTip(label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def set_accounts(self, accounts: list[Account]) -> None:
        """The accounts (and their networks) to filter by; the choices made stay."""
        network, account = self.network.currentData(), self.account.currentData()
        for combo in (self.network, self.account):
            combo.blockSignals(True)
            combo.clear()
        self.network.addItem(self.tr("All networks"), None)
        for net in sorted({a.network for a in accounts}, key=network_name):
            self.network.addItem(network_name(net), net.value)
        self.account.addItem(self.tr("All accounts"), None)
        for acc in accounts:
            self.account.addItem(f"{network_name(acc.network)} · {acc.label}", acc.id)
        for combo, value in ((self.network, network), (self.account, account)):
            found = combo.findData(value)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def query(self) -> InboxQuery:
        network = self.network.currentData()
        account = self.account.currentData()
        kind = self.kind.currentData()
        kinds: frozenset[InboxKind] = frozenset()
        if kind == ANSWERABLE:
            kinds = frozenset(k for k in InboxKind if k.answerable)
        elif kind:
            kinds = frozenset({InboxKind(kind)})
        return InboxQuery(
            networks=frozenset({Network(network)}) if network else frozenset(),
            account_ids=frozenset({int(account)}) if account is not None else frozenset(),
            kinds=kinds,
            unread_only=self.unread.isChecked(),
            done=self.show_done.currentData(),
            search=self.search.text().strip(),
        )

    def narrowed(self) -> bool:
        """Anything chosen beyond the page's own view (every open entry)."""
        return bool(
            self.search.text().strip()
            or self.unread.isChecked()
            or self.network.currentIndex() > 0
            or self.account.currentIndex() > 0
            or self.kind.currentIndex() > 0
            or self.show_done.currentIndex() > 0
        )

    def clear(self) -> None:
        """Back to every open entry, as one change (the list is read once)."""
        # The search box keeps its signals: its clear button follows its text by them.
        self.search.clear()
        widgets = (self.unread, self.network, self.account, self.kind, self.show_done)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.unread.setChecked(False)
            for combo in (self.network, self.account, self.kind, self.show_done):
                combo.setCurrentIndex(0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._typing.stop()
        self.changed.emit()

    def apply_now(self) -> None:
        """Search without waiting for the typing pause (Enter)."""
        self._typing.stop()
        self.changed.emit()
