"""Connected accounts as a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from somestudio.app.accounts import Health
from somestudio.app.machines import Publisher
from somestudio.domain.networks import PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now
from somestudio.ui.accounts.health_text import health_label, health_sentence
from somestudio.ui.accounts.publishers_text import publishers_sentence
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import network_icon

_Index = QModelIndex | QPersistentModelIndex


def method_name(method: PublishMethod) -> str:
    return {
        PublishMethod.API: QCoreApplication.translate(
            "AccountsModel", "Publishes through the network"
        ),
        PublishMethod.MANUAL: QCoreApplication.translate(
            "AccountsModel", "Publish by hand (reminder)"
        ),
        PublishMethod.FOLDER: QCoreApplication.translate("AccountsModel", "Writes to a folder"),
    }[method]


class AccountsModel(QAbstractTableModel):
    def __init__(self, now: Callable[[], datetime] = utc_now) -> None:
        """``now``: the window's clock (how many days a sign-in has left)."""
        super().__init__()
        self._now = now
        self._accounts: list[Account] = []
        self._headers = [
            self.tr("Channel"),
            self.tr("Account"),
            self.tr("Name"),
            self.tr("Publishing"),
            self.tr("Sign-in"),
        ]
        self._health: dict[int, Health] = {}
        self._publishers: dict[int, list[Publisher]] | None = None  # None: a solo workspace

    def set_health(self, health: dict[int, Health]) -> None:
        self._health = dict(health)
        if self._accounts:
            column = len(self._headers) - 1
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._accounts) - 1, column)
            )

    def set_publishers(self, publishers: dict[int, list[Publisher]] | None) -> None:
        """Which computers can publish each account (a shared workspace): the Publishing
        column's tooltip says it."""
        self._publishers = publishers

    def health(self, account_id: int) -> Health | None:
        return self._health.get(account_id)

    def set_accounts(self, accounts: list[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self.endResetModel()

    def account(self, row: int) -> Account:
        return self._accounts[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        account = self._accounts[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return network_icon(account.network)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return network_name(account.network)
        if column == 1:  # a Local archive is known by its folder (its handle is its name)
            folder = account.options.get("folder")
            by_folder = account.publish_method is PublishMethod.FOLDER and isinstance(folder, str)
            return folder if by_folder and folder else account.handle
        if column == 2:  # an account added without a name is known by its handle
            return account.display_name or account.handle
        if column == 3:
            publishers = self._publishers
            by_hand = account.publish_method is PublishMethod.MANUAL
            if role == Qt.ItemDataRole.ToolTipRole and publishers is not None and not by_hand:
                return publishers_sentence(publishers.get(account.id, []))
            return method_name(account.publish_method)
        health = self._health.get(account.id)
        if role == Qt.ItemDataRole.ToolTipRole and health is not None:
            return health_sentence(health, self._now())
        return health_label(health)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
