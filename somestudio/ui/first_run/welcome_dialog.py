"""The welcome on a first start: the language, a first account, or the demo.

Shown once, on an empty data folder (no accounts, no posts); closing it in any way (Esc,
*Skip for now*, adding an account) marks it seen in settings.json.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.accounts import Accounts
from somestudio.app.settings import SettingsStore
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import with_api
from somestudio.domain.posts import Account
from somestudio.ui.first_run.demo_process import start_demo
from somestudio.ui.i18n import (
    ENDONYMS,
    FROM_NEXT_START,
    RESTART_IN,
    RESTART_NAMED,
    system_language,
    ui_language,
)
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE, TYPE, network_icon

# Networks Some Studio publishes to for the user (TikTok and YouTube are by hand only), in
# the descriptors' order (domain/networks/catalogue.py).
SIGN_IN_NETWORKS = with_api()


class WelcomeDialog(QDialog):
    """Emits ``account_added`` (then closes) and ``restart_requested`` (a language change)."""

    account_added = Signal(object)
    restart_requested = Signal()

    def __init__(
        self,
        accounts: Accounts,
        tasks: Tasks,
        settings: SettingsStore,
        parent: QWidget | None = None,
        *,
        demo_starter: Callable[[], bool] = start_demo,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Some Studio"))
        self.setAccessibleName(self.tr("Welcome to Some Studio"))
        self.setMinimumWidth(640)
        self._accounts = accounts
        self._tasks = tasks
        self._settings = settings
        self._demo_starter = demo_starter
        self.restarting = False
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE.m)
        layout.addWidget(self._build_heading())
        layout.addLayout(self._build_language())
        layout.addWidget(self._section(self.tr("Add your first account")))
        grid = self._build_accounts()
        grid.addWidget(self._section(self.tr("Just looking?")), 3, 0, 1, 2)
        self._build_demo(grid, 4)
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setObjectName("WelcomeStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.skip_button = QPushButton(self.tr("Skip for now"))
        self.skip_button.setObjectName("WelcomeSkip")
        self.skip_button.setAccessibleName(self.tr("Skip for now"))
        self.skip_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(
            QLabel(self.tr("You can add more accounts later on the Accounts page (Ctrl+4)."))
        )
        bottom.addStretch(1)
        bottom.addWidget(self.skip_button)
        layout.addLayout(bottom)
        self.local_button.setFocus()
        width = self.minimumWidth()
        self.resize(width, layout.totalHeightForWidth(width))  # no empty band below

    # ------------------------------------------------------------------ building

    def _build_heading(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Welcome to Some Studio"))
        heading.setObjectName("WelcomeHeading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * TYPE.heading)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Write a post once, fit it to each channel, put it on the calendar, and Some "
                "Studio publishes it on time. Start by choosing where your posts go."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(intro)
        return box

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def _build_language(self) -> QHBoxLayout:
        self.language = QComboBox()
        self.language.setObjectName("WelcomeLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in ENDONYMS.items():
            self.language.addItem(name, code)
        chosen = self._settings.value.language or ui_language()
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        label = QLabel(self.tr("Language:"))
        label.setBuddy(self.language)
        self.restart_button = QPushButton()
        self.restart_button.setObjectName("WelcomeRestart")
        self.restart_button.clicked.connect(self._restart)
        self.restart_button.hide()
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language)
        row.addWidget(self.restart_button)
        row.addStretch(1)
        return row

    def _choice(self, grid: QGridLayout, row: int, text: str, name: str, about: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        explanation = QLabel(about)
        explanation.setWordWrap(True)
        grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(explanation, row, 1)
        button.setAccessibleDescription(about)
        return button

    def _build_accounts(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.local_button = self._choice(
            grid,
            0,
            self.tr("Local archive…"),
            self.tr("Add a Local archive account"),
            self.tr(
                "Each post is written into a folder on this computer at its time. No sign-in: "
                "the easiest way to try Some Studio out."
            ),
        )
        self.local_button.setObjectName("WelcomeLocalArchive")
        self.local_button.clicked.connect(self.open_local_archive)
        self.by_hand_button = self._choice(
            grid,
            1,
            self.tr("Publish by hand…"),
            self.tr("Add a publish-by-hand account"),
            self.tr(
                "Any network (Instagram, TikTok, X, …): at each post's time Some Studio "
                "reminds you and copies the text, and you publish it yourself."
            ),
        )
        self.by_hand_button.setObjectName("WelcomeByHand")
        self.by_hand_button.clicked.connect(self.open_by_hand)
        self.network = QComboBox()
        self.network.setObjectName("WelcomeNetwork")
        self.network.setAccessibleName(self.tr("Network to sign in to"))
        for network in SIGN_IN_NETWORKS:
            self.network.addItem(network_icon(network), network_name(network), network.value)
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.setObjectName("WelcomeSignIn")
        self.sign_in_button.setAccessibleName(self.tr("Sign in to the chosen network"))
        self.sign_in_button.clicked.connect(self.open_sign_in)
        sign_in = QHBoxLayout()
        sign_in.addWidget(self.network, 1)
        sign_in.addWidget(self.sign_in_button)
        about = QLabel(
            self.tr(
                "Bluesky, Mastodon, X, LinkedIn, Facebook, Instagram, Threads or Pinterest: "
                "sign in and Some Studio publishes for you. The sign-in is kept in your "
                "system's keyring."
            )
        )
        about.setWordWrap(True)
        grid.addLayout(sign_in, 2, 0)
        grid.addWidget(about, 2, 1)
        return grid

    def _build_demo(self, grid: QGridLayout, row: int) -> None:
        self.demo_button = self._choice(
            grid,
            row,
            self.tr("Open the demo"),
            self.tr("Open the demo"),
            self.tr(
                "A café's month of posts in a separate window, to look around. Nothing here "
                "changes, and the demo is thrown away when you close it."
            ),
        )
        self.demo_button.setObjectName("WelcomeDemo")
        self.demo_button.clicked.connect(self.open_demo)

    # ------------------------------------------------------------------ actions

    def open_local_archive(self) -> None:
        from somestudio.ui.accounts.add_dialogs import LocalArchiveDialog  # noqa: PLC0415

        self._open(LocalArchiveDialog(self._accounts, self._tasks, self), "added")

    def open_by_hand(self) -> None:
        from somestudio.ui.accounts.add_dialogs import ByHandDialog  # noqa: PLC0415

        self._open(ByHandDialog(self._accounts, self._tasks, self), "added")

    def open_sign_in(self) -> None:
        from somestudio.ui.accounts.connect_dialog import ConnectDialog  # noqa: PLC0415

        network = Network(str(self.network.currentData()))
        self._open(ConnectDialog(network, self._accounts, self._tasks, self), "connected")

    def _open(self, dialog: QDialog, signal: str) -> None:
        getattr(dialog, signal).connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _added(self, account: Account) -> None:
        self.account_added.emit(account)
        self.accept()

    def open_demo(self) -> None:
        if self._demo_starter():
            self.status.setText(
                self.tr("The demo opens in its own window. This window stays as it is.")
            )
        else:
            self.status.setText(
                self.tr(
                    "The demo could not be started from here. Start it from a terminal with: "
                    "somestudio --demo"
                )
            )

    def _restart(self) -> None:
        self.restarting = True  # not "seen": the welcome comes back in the new language
        self.restart_requested.emit()

    def _language_chosen(self) -> None:
        code = str(self.language.currentData() or "")
        # The same setting as on the Settings page; empty when it is the system's anyway.
        self._settings.update(language="" if code == system_language() else code)
        changed = code != ui_language()
        name = ENDONYMS.get(code, code)
        # In the chosen language (each language in its own words, like ENDONYMS).
        self.restart_button.setText(RESTART_IN.get(code, name))
        self.restart_button.setAccessibleName(RESTART_NAMED.get(code, name))
        self.restart_button.setVisible(changed)
        self.status.setText(FROM_NEXT_START.get(code, "") if changed else "")
