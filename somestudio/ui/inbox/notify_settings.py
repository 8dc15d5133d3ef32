"""Settings → Inbox notifications: per account, whether new replies and mentions raise a
desktop notification (on unless turned off), and for a network that bills reads (X) whether
its inbox is read at all (off unless turned on, with a plain note of the cost)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from somestudio.app.settings import SettingsStore
from somestudio.domain.inbox.reading import has_inbox, reads_inbox
from somestudio.domain.posts import Account
from somestudio.ui.network_names import network_name


class InboxNotifications(QGroupBox):
    def __init__(
        self,
        settings: SettingsStore,
        accounts: Callable[[], list[Account]],
        parent: QWidget | None = None,
        *,
        set_reading: Callable[[int, bool], object] | None = None,
    ) -> None:
        super().__init__(self.tr("Inbox notifications"), parent)
        self.setObjectName("InboxNotificationsGroup")
        self._settings = settings
        self._accounts = accounts
        self._set_reading = set_reading
        self.boxes: dict[int, QCheckBox] = {}
        self.reading: dict[int, QCheckBox] = {}  # opt-in networks: read the inbox at all
        self.cost_notes: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr("A desktop notification when new replies or mentions come in for:")
        )
        self.note.setWordWrap(True)
        # The accounts not listed, and why: published by hand, or a network with no inbox
        self.left_out = QLabel()
        self.left_out.setObjectName("InboxNotifyLeftOut")
        self.left_out.setWordWrap(True)
        self._shown: object = None  # what the boxes were made for (see reload)
        self.reload()

    def reload(self) -> None:
        quiet = set(self._settings.value.inbox_quiet_accounts)
        # The accounts whose inbox is read, or can be once turned on (X): never one published
        # by hand, which no reply ever reaches.
        every = self._accounts()
        readable = [a for a in every if has_inbox(a)]
        listed = {a.id for a in readable}
        left_out = [f"{network_name(a.network)} · {a.label}" for a in every if a.id not in listed]
        # Nothing changed since the boxes were made (the Settings page is built and then
        # shown in one go, each reloading): they stay, and the page's first open does not
        # make them twice.
        shown = (
            tuple((a.id, a.label, a.network, reads_inbox(a), a.id in quiet) for a in readable),
            self._set_reading is None,
            tuple(left_out),
        )
        if shown == self._shown:
            return
        self._shown = shown
        for widget in [*self.boxes.values(), *self.reading.values(), *self.cost_notes]:
            self._layout.removeWidget(widget)
            widget.hide()  # gone at once, not only once the event loop deletes it
            widget.deleteLater()
        self.boxes, self.reading, self.cost_notes = {}, {}, []
        self._layout.removeWidget(self.note)
        self._layout.addWidget(self.note)
        for account in readable:
            text = f"{network_name(account.network)} · {account.label}"
            box = QCheckBox(text)
            box.setObjectName(f"InboxNotify_{account.id}")
            box.setAccessibleName(self.tr("Notify for %1").replace("%1", text))
            box.setChecked(account.id not in quiet)
            box.toggled.connect(lambda on, a=account.id: self._set(a, on))
            self._layout.addWidget(box)
            box.setVisible(reads_inbox(account))  # an inbox not read yet: shown once it is
            self.boxes[account.id] = box
        for account in readable:
            capability = account.network.descriptor.inbox
            if capability is None or not capability.opt_in or self._set_reading is None:
                continue
            text = f"{network_name(account.network)} · {account.label}"
            box = QCheckBox(self.tr("Read mentions of %1").replace("%1", text))
            box.setObjectName(f"InboxRead_{account.id}")
            box.setAccessibleName(box.text())
            box.setChecked(reads_inbox(account))
            box.toggled.connect(lambda on, a=account.id: self._read(a, on))
            budget = capability.budget  # the collector's own, so the note cannot drift
            note = QLabel(
                self.tr(
                    "%1 charges your own app for every post it reads, mentions too, so "
                    "Some Studio reads them only when you turn this on: at most %n "
                    "request(s) of up to %2 posts every %3 minutes, counted together for "
                    "the window and the command line.",
                    "",
                    budget.allowance,
                )
                .replace("%1", network_name(account.network))
                .replace("%2", str(budget.batch))
                .replace("%3", str(int(budget.window.total_seconds() // 60)))
            )
            note.setWordWrap(True)
            note.setObjectName(f"InboxReadCost_{account.id}")
            self._layout.addWidget(box)
            self._layout.addWidget(note)
            self.reading[account.id] = box
            self.cost_notes.append(note)
        self._layout.removeWidget(self.left_out)
        self._layout.addWidget(self.left_out)
        self.left_out.setText(
            self.tr(
                "Not listed, as no replies reach Some Studio from them (published by hand, "
                "or their network has no inbox here): %1"
            ).replace("%1", ", ".join(left_out))
        )
        self.left_out.setVisible(bool(left_out))
        self.setVisible(bool(readable) or bool(left_out))

    def _read(self, account_id: int, on: bool) -> None:
        if self._set_reading is not None:
            self._set_reading(account_id, on)
        notify = self.boxes.get(account_id)
        if notify is not None:
            notify.setVisible(on)  # notifications only for an inbox that is read

    def _set(self, account_id: int, on: bool) -> None:
        quiet = set(self._settings.value.inbox_quiet_accounts)
        if on:
            quiet.discard(account_id)
        else:
            quiet.add(account_id)
        self._settings.update(inbox_quiet_accounts=sorted(quiet))
