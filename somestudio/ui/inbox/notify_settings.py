"""Settings → Inbox notifications: per account, whether new replies and mentions raise a
desktop notification (on unless turned off)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from somestudio.app.settings import SettingsStore
from somestudio.domain.posts import Account
from somestudio.ui.network_names import network_name


class InboxNotifications(QGroupBox):
    def __init__(
        self,
        settings: SettingsStore,
        accounts: Callable[[], list[Account]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Inbox notifications"), parent)
        self.setObjectName("InboxNotificationsGroup")
        self._settings = settings
        self._accounts = accounts
        self.boxes: dict[int, QCheckBox] = {}
        self._layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr("A desktop notification when new replies or mentions come in for:")
        )
        self.note.setWordWrap(True)
        self.reload()

    def reload(self) -> None:
        for box in self.boxes.values():
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        self._layout.removeWidget(self.note)
        self._layout.addWidget(self.note)
        quiet = set(self._settings.value.inbox_quiet_accounts)
        readable = [a for a in self._accounts() if a.network.descriptor.inbox is not None]
        for account in readable:
            text = f"{network_name(account.network)} · {account.label}"
            box = QCheckBox(text)
            box.setObjectName(f"InboxNotify_{account.id}")
            box.setAccessibleName(self.tr("Notify for %1").replace("%1", text))
            box.setChecked(account.id not in quiet)
            box.toggled.connect(lambda on, a=account.id: self._set(a, on))
            self._layout.addWidget(box)
            self.boxes[account.id] = box
        self.setVisible(bool(readable))

    def _set(self, account_id: int, on: bool) -> None:
        quiet = set(self._settings.value.inbox_quiet_accounts)
        if on:
            quiet.discard(account_id)
        else:
            quiet.add(account_id)
        self._settings.update(inbox_quiet_accounts=sorted(quiet))
