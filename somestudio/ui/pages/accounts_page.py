"""The Accounts page: which channels this workspace publishes to, and how."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.accounts import Accounts, Health, KeyringStatus
from somestudio.app.machines import Publisher
from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import AgeingVersion, by_hand_only, connectable
from somestudio.domain.posts import Account
from somestudio.domain.slots import format_slots
from somestudio.domain.utc import utc_now
from somestudio.ui.accounts.connect_texts import connect_text
from somestudio.ui.accounts.health_text import health_sentence
from somestudio.ui.accounts.keyring_text import keyring_reason
from somestudio.ui.accounts.publishers_text import publishers_sentence
from somestudio.ui.error_text import error_text
from somestudio.ui.i18n import ui_language
from somestudio.ui.network_names import network_name
from somestudio.ui.pages.accounts_model import AccountsModel
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import qdate
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE, network_icon
from somestudio.ui.theme.titles import page_title

# In the descriptors' order (domain/networks/catalogue.py).
CONNECTABLE = connectable()
BY_HAND_ONLY = frozenset(by_hand_only())


def _can_sign_in(account: Account) -> bool:
    """A by-hand account whose network the app can sign in to (and so publish to)."""
    return account.publish_method is PublishMethod.MANUAL and account.network not in BY_HAND_ONLY


_HealthRead = tuple[
    "KeyringStatus | None",
    dict[int, Health],
    list[AgeingVersion],
    "dict[int, list[Publisher]] | None",
]


class AccountsPage(QWidget):
    account_added = Signal(object)  # an Account, added from this page

    def __init__(
        self,
        studio: Studio,
        parent: QWidget | None = None,
        *,
        accounts: Accounts | None = None,
        tasks: Tasks | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (a sign-in's days left, the versions ageing)."""
        super().__init__(parent)
        self.setObjectName("AccountsPage")
        self._studio = studio
        self._now = now
        self._accounts_service = accounts
        self.tasks = tasks if tasks is not None else Tasks(self, max_threads=2)
        self.prompts = Prompts(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state_changed)
        self.dialog: QWidget | None = None
        self.model = AccountsModel(now)
        title = page_title(QLabel(self.tr("Accounts")))
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
        self.empty = QLabel(
            self.tr(
                "No accounts yet. Add one to start: a Local archive or a publish-by-hand "
                "account works without signing in anywhere."
            )
        )
        self.empty.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("KeyringBanner")
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setContentsMargins(SPACE.s, SPACE.s, SPACE.s, SPACE.s)
        self.banner.hide()
        self.version_banner = QLabel()
        self.version_banner.setObjectName("ApiVersionWarning")
        self.version_banner.setWordWrap(True)
        self.version_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.version_banner.setContentsMargins(SPACE.s, SPACE.s, SPACE.s, SPACE.s)
        self.version_banner.hide()
        self.connect_button = QPushButton(self.tr("Add account"))
        self.connect_button.setObjectName("AddAccount")
        self.connect_button.setAccessibleName(self.tr("Add account"))
        self.connect_button.setMenu(self._add_menu())
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("TestConnection")
        self.test_button.clicked.connect(self.test_selected)
        self.reconnect_button = QPushButton(self.tr("Reconnect…"))
        self.reconnect_button.setObjectName("Reconnect")
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        # It removes the account (a new user read "Disconnect" as signing out and kept it).
        self.disconnect_button = QPushButton(self.tr("Remove account…"))
        self.disconnect_button.setObjectName("Disconnect")
        self.disconnect_button.clicked.connect(self.disconnect_selected)
        self.details = QLabel()
        self.details.setObjectName("AccountDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Why the selected account's network has no inbox (its descriptor's ``inbox_note``).
        self._tested: tuple[int, str] | None = None  # (account id, what its test said)
        self.inbox_note = QLabel()
        self.inbox_note.setObjectName("AccountInboxNote")
        self.inbox_note.setWordWrap(True)
        self.inbox_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inbox_note.hide()
        # On a shared workspace: which computers can publish the selected account.
        self.publishers: dict[int, list[Publisher]] | None = None
        self.publishers_line = QLabel()
        self.publishers_line.setObjectName("AccountPublishers")
        self.publishers_line.setWordWrap(True)
        self.publishers_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.publishers_line.hide()
        actions = QHBoxLayout()
        for button in (
            self.connect_button,
            self.test_button,
            self.reconnect_button,
            self.disconnect_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
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
        # Enter saves, as the button does (Enter did nothing, and choosing another account
        # then dropped what was typed).
        self.slots.returnPressed.connect(self._save_slots)
        self.slots_zone.returnPressed.connect(self._save_slots)
        # (account, slots, zone) as shown: what is typed over them is saved before another
        # account's are shown.
        self._slots_shown: tuple[int, str, str] | None = None
        self.slots_feedback = QLabel()
        self.slots_feedback.setObjectName("PostingSlotsFeedback")
        self.slots_feedback.setWordWrap(True)
        # A line kept for it, said or not: "Saved." coming and going moved what is below.
        self.slots_feedback.setMinimumHeight(self.slots_feedback.fontMetrics().lineSpacing())
        slots_label = QLabel(self.tr('Posting slots ("Add to queue" takes the next free one):'))
        slots_label.setBuddy(self.slots)
        zone_label = QLabel(self.tr("Time zone:"))
        zone_label.setBuddy(self.slots_zone)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots, 3)
        slots_row.addWidget(zone_label)
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
        layout.addWidget(self.banner)
        layout.addWidget(self.version_banner)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addWidget(self.publishers_line)
        layout.addWidget(self.inbox_note)
        layout.addWidget(self.slots_box)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.reload()

    def _add_menu(self) -> QMenu:
        """No sign-in first (they work on any computer), then each network's sign-in."""
        menu = QMenu(self.connect_button)
        menu.setObjectName("AddAccountMenu")
        menu.addSection(self.tr("No sign-in needed"))
        local = menu.addAction(self.tr("Local archive (a folder on this computer)…"))
        local.setObjectName("AddLocalArchive")
        local.triggered.connect(self.open_local_archive)
        by_hand = menu.addAction(self.tr("Publish by hand (any network)…"))
        by_hand.setObjectName("AddByHand")
        by_hand.triggered.connect(lambda _=False: self.open_by_hand())
        menu.addSection(self.tr("Sign in to a network"))
        for network in CONNECTABLE:
            if network in BY_HAND_ONLY:
                continue  # nothing to sign in to: in "Publish by hand"
            action = menu.addAction(
                network_icon(network), self.tr("%1…").replace("%1", network_name(network))
            )
            action.setData(network.value)
            action.triggered.connect(lambda _=False, n=network: self.open_connect(n))
        return menu

    def set_planner(self, planner: Planner, zone: str) -> None:
        self._planner = planner
        self._default_zone = zone
        self._show_slots()

    def selected_account(self) -> Account | None:
        row = self.table.currentIndex().row()
        return self.model.account(row) if row >= 0 else None

    def _show_slots(self) -> None:
        unsaved = self._keep_typed_slots()
        account = self.selected_account()
        self.slots_box.setEnabled(self._planner is not None and account is not None)
        self.slots_feedback.setText(unsaved)
        if self._planner is None or account is None:
            self._slots_shown = None
            return
        found = self._planner.posting_slots(account.id)
        self.slots.setText(format_slots(found[0], ui_language()) if found else "")
        self.slots_zone.setText(found[1] if found else self._default_zone)
        self._slots_shown = (account.id, self.slots.text(), self.slots_zone.text())

    def _keep_typed_slots(self) -> str:
        """Slots typed for the account shown before and not saved: saved now; what went
        wrong, if anything, to be said ("" when nothing was typed or all went well)."""
        shown, self._slots_shown = self._slots_shown, None
        if shown is None or self._planner is None:
            return ""
        account_id, slots, zone = shown
        if (self.slots.text(), self.slots_zone.text()) == (slots, zone):
            return ""
        try:
            self._planner.set_posting_slots(
                account_id, self.slots.text(), self.slots_zone.text().strip()
            )
        except (PlanningError, ValueError) as exc:
            return self.tr(
                "The posting slots typed for the account before were not saved: %1"
            ).replace("%1", error_text(exc))
        return ""

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
        self.slots.setText(format_slots(slots, ui_language()))
        self._slots_shown = (account.id, self.slots.text(), self.slots_zone.text())
        self.slots_feedback.setText(self.tr("Saved."))

    def reload(self) -> None:
        accounts = self._studio.accounts()
        self.model.set_accounts(accounts)
        self.empty.setVisible(not accounts)
        # With no account there is nothing to test, reconnect or remove (with one, they stay
        # enabled before a row is chosen, for Tab, and say what they need).
        for button in (self.test_button, self.reconnect_button, self.disconnect_button):
            button.setEnabled(bool(accounts))
        self._selected()
        self.refresh_health()

    # ------------------------------------------------------------------ connections

    @property
    def accounts_service(self) -> Accounts:
        if self._accounts_service is None:
            self._accounts_service = Accounts(self._studio.workspace, now=self._now)
        return self._accounts_service

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        """Back in the app with this page in view: the sign-ins read again (a folder put
        back or a keyring unlocked meanwhile shows without another Test)."""
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
            self._tested = None  # a test's answer from before may say the opposite now
            self.refresh_health()

    def refresh_health(self) -> None:
        """Each account's sign-in and the keyring's verdict, read on a background task."""
        service = self.accounts_service
        accounts = [self.model.account(row) for row in range(self.model.rowCount())]

        def read() -> _HealthRead:
            try:
                status: KeyringStatus | None = service.keyring()
            except Exception:  # the keyring did not answer: each account says so
                status = None
            health = {a.id: service.health(a) for a in accounts}
            return status, health, service.ageing_versions(), service.publishers()

        self.tasks.run(read, self._show_health, self._health_failed)

    def _show_versions(self, ageing: list[AgeingVersion]) -> None:
        """Say which connected networks need a newer Some Studio soon, and by when."""
        lines = []
        for item in ageing:
            network = item.network
            when = QLocale().toString(qdate(item.sunset), QLocale.FormatType.ShortFormat)
            if item.ended:
                text = self.tr(
                    "%1 no longer accepts the way this version of Some Studio talks to it "
                    "(since %2). Install the newest Some Studio to publish to %1 again."
                )
            else:
                text = self.tr(
                    "Some Studio needs an update before %2 for %1: after that date %1 no "
                    "longer accepts the way this version talks to it. Install the newest "
                    "Some Studio before then."
                )
            lines.append("⚠ " + text.replace("%1", network_name(network)).replace("%2", when))
        self.version_banner.setText("\n".join(lines))
        self.version_banner.setVisible(bool(lines))

    def _show_health(self, result: _HealthRead) -> None:
        status, health, ageing, publishers = result
        self.publishers = publishers
        self.model.set_publishers(publishers)
        self._show_versions(ageing)
        self.model.set_health(health)
        if status is not None and not status.secure:
            self.banner.setText(
                self.tr(
                    "No secure storage: this computer has no working system keyring — %1. "
                    "Some Studio keeps sign-ins only there, so accounts that sign in to a "
                    "network cannot be connected, and no token is stored anywhere else. "
                    "Local archive and publish-by-hand accounts work as usual: add them with "
                    "“Add account”."
                ).replace("%1", keyring_reason(status))
            )
            self.banner.show()
        elif status is None:
            self.banner.setText(
                self.tr(
                    "The system keyring did not answer (is it locked?). Unlock it, then press F5."
                )
            )
            self.banner.show()
        else:
            self.banner.hide()
        self._selected()

    def _health_failed(self, error: BaseException) -> None:
        self.banner.setText(error_text(error))
        self.banner.show()

    def _selected(self) -> None:
        # The buttons stay enabled (Tab must reach them before a row is chosen); each says
        # what it needs when it cannot act.
        account = self.selected_account()
        tested = self._tested
        if tested is not None and (account is None or account.id != tested[0]):
            self._tested = tested = None  # another account chosen: its test is done with
        if account is None:
            self.details.clear()
        elif tested is not None:
            self.details.setText(tested[1])  # the health read after a test keeps its answer
        else:
            health = self.model.health(account.id)
            self.details.setText(
                f"{network_name(account.network)} · {account.label}: "
                + (
                    health_sentence(health, self._now())
                    if health
                    else self.tr("checking the sign-in…")
                )
            )
        self._show_publishers(account)
        if account is not None and _can_sign_in(account):
            self.reconnect_button.setText(self.tr("Connect…"))
            self.reconnect_button.setToolTip(
                self.tr("Sign in, so that Some Studio publishes this account's posts itself")
            )
        else:
            self.reconnect_button.setText(self.tr("Reconnect…"))
            self.reconnect_button.setToolTip("")
        note = account.network.descriptor.inbox_note if account is not None else ""
        self.inbox_note.setText(connect_text(note))
        self.inbox_note.setVisible(bool(note))
        self._show_slots()

    def _show_publishers(self, account: Account | None) -> None:
        """Only on a shared workspace, and not for by-hand accounts (a person publishes
        those, from anywhere)."""
        shown = (
            self.publishers is not None
            and account is not None
            and account.publish_method is not PublishMethod.MANUAL
        )
        if shown:
            assert self.publishers is not None and account is not None
            self.publishers_line.setText(publishers_sentence(self.publishers.get(account.id, [])))
        self.publishers_line.setVisible(shown)

    def open_local_archive(self) -> None:
        from somestudio.ui.accounts.add_dialogs import LocalArchiveDialog  # noqa: PLC0415

        self._open_add(LocalArchiveDialog(self.accounts_service, self.tasks, self))

    def open_by_hand(self, network: Network | None = None) -> None:
        from somestudio.ui.accounts.add_dialogs import ByHandDialog  # noqa: PLC0415

        self._open_add(ByHandDialog(self.accounts_service, self.tasks, self, network=network))

    def _open_add(self, dialog: QDialog) -> None:
        dialog.added.connect(self._added)  # type: ignore[attr-defined]
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _added(self, account: Account) -> None:
        self.reload()
        self.account_added.emit(account)
        for row in range(self.model.rowCount()):
            if self.model.account(row).id == account.id:
                self.table.selectRow(row)

    def open_connect(self, network: Network, account: Account | None = None) -> None:
        if network in BY_HAND_ONLY and account is None:
            self.open_by_hand(network)  # nothing to sign in to: the same dialog as any by hand
            return
        from somestudio.ui.accounts.connect_dialog import ConnectDialog  # noqa: PLC0415

        dialog = ConnectDialog(network, self.accounts_service, self.tasks, self, account=account)
        dialog.connected.connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _api_account(self) -> Account | None:
        account = self.selected_account()
        if account is None:
            self.details.setText(self.tr("Select an account first."))
        elif _can_sign_in(account):
            self.details.setText(
                self.tr(
                    "You publish %1 by hand: there is no sign-in to test. Connect… signs it in, "
                    "so that Some Studio publishes its posts itself."
                ).replace("%1", account.label)
            )
            return None
        elif account.publish_method is PublishMethod.FOLDER:
            self.details.setText(
                self.tr(
                    "%1 writes into a folder and signs in nowhere: nothing to reconnect."
                ).replace("%1", account.label)
            )
            return None
        elif account.publish_method is not PublishMethod.API:
            self.details.setText(
                self.tr("%1 does not sign in to a network: nothing to test or reconnect.").replace(
                    "%1", account.label
                )
            )
            return None
        return account

    def reconnect_selected(self) -> None:
        """Reconnect the selected account; one published by hand is signed in for the
        first time (it stays the same account, with its scheduled posts)."""
        chosen = self.selected_account()
        account = chosen if chosen is not None and _can_sign_in(chosen) else self._api_account()
        if account is not None:
            self.open_connect(account.network, account)

    def test_selected(self) -> None:
        chosen = self.selected_account()
        if chosen is not None and chosen.publish_method is PublishMethod.FOLDER:
            self._test_folder(chosen)
            return
        account = self._api_account()
        if account is None:
            return
        service = self.accounts_service
        self.details.setText(self.tr("Testing %1…").replace("%1", account.label))
        self.test_button.setEnabled(False)

        def done(message: str) -> None:
            self.test_button.setEnabled(True)
            self._say_tested(account, f"✓ {message}")

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._say_tested(account, "✕ " + error_text(error))

        self.tasks.run(lambda: service.test_connection(account.id), done, failed)

    def _test_folder(self, account: Account) -> None:
        """A Local archive's test: is its folder there, and may Some Studio write into it?"""
        service = self.accounts_service
        self.details.setText(self.tr("Testing %1…").replace("%1", account.label))
        self.test_button.setEnabled(False)

        def done(health: Health) -> None:
            self.test_button.setEnabled(bool(self.model.rowCount()))
            if health.needs_user:
                self._say_tested(account, "✕ " + health_sentence(health, self._now()))
                return
            # What was checked, not the account's description again (a new user's pass).
            said = self.tr("The folder %1 is there, and Some Studio may write into it.")
            self._say_tested(account, "✓ " + said.replace("%1", health.where))

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(bool(self.model.rowCount()))
            self._say_tested(account, "✕ " + error_text(error))

        self.tasks.run(lambda: service.health(account), done, failed)

    def _say_tested(self, account: Account, text: str) -> None:
        """A test's answer, kept under the account while it stays chosen (the health read
        that follows the test put the plain status back over it at once)."""
        self._tested = (account.id, text)
        self.details.setText(text)
        self.refresh_health()

    def disconnect_selected(self) -> None:
        """Remove the selected account, after a question; not while posts still go to it
        (that is said first, instead of a question whose answer would then be refused)."""
        account = self.selected_account()
        if account is None:
            self.details.setText(self.tr("Select an account first."))
            return
        service = self.accounts_service

        def removed(_none: object) -> None:
            self.reload()
            self.details.setText(self.tr("Removed the account “%1”.").replace("%1", account.label))

        def chosen(choice: int | None) -> None:
            if choice != 0:
                return
            self.tasks.run(
                lambda: service.disconnect(account.id),
                removed,
                lambda error: self.details.setText("✕ " + error_text(error)),
            )

        def counted(pending: int) -> None:
            if pending:
                self.details.setText(
                    self.tr(
                        "%n scheduled posts still go to “%1”. Unschedule them or move them to "
                        "another account first, then remove it.",
                        "",
                        pending,
                    ).replace("%1", account.label)
                )
                return
            self._ask_to_remove(account, chosen)

        self.tasks.run(
            lambda: service.posts_still_to_go(account.id),
            counted,
            lambda error: self.details.setText("✕ " + error_text(error)),
        )

    def _ask_to_remove(self, account: Account, chosen: Callable[[int | None], None]) -> None:
        if account.publish_method is PublishMethod.API:
            text = self.tr(
                "“%1” is removed from Some Studio and its sign-in is deleted from the system "
                "keyring. Posts already published stay on the network."
            )
        elif account.publish_method is PublishMethod.FOLDER:
            text = self.tr(
                "“%1” is removed from Some Studio. Its folder and the posts written into it "
                "stay as they are."
            )
        else:
            text = self.tr(
                "“%1” is removed from Some Studio. Posts you published by hand stay on the network."
            )
        self.prompts.choose(
            self.tr("Remove %1?").replace("%1", account.label),
            text.replace("%1", account.label),
            [self.tr("Remove")],
            chosen,
            default=None,  # Enter does not remove an account
        )
