"""Connecting one account: a form per network, sign-in in the system browser where the
network offers it, every network and keyring call on a background task."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.accounts import (
    FACEBOOK_LOGIN,
    IG_LOGIN,
    INSTAGRAM_LOGIN,
    Accounts,
    SignIn,
)
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import by_hand_only, connectable
from somestudio.domain.networks.descriptor import SignInKind
from somestudio.domain.posts import Account
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import network_icon

# From the networks' descriptors: who signs in through the browser, who is by hand only.
BROWSER = frozenset(n for n in connectable() if SignInKind.OAUTH_BROWSER in n.descriptor.sign_in)
BY_HAND = frozenset(by_hand_only())


def callback_address(port: int) -> str:
    return f"http://127.0.0.1:{port}/callback"


class ConnectDialog(QDialog):
    """Emits ``connected`` with the new (or reconnected) account, then closes."""

    connected = Signal(object)

    def __init__(
        self,
        network: Network,
        accounts: Accounts,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        account: Account | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectDialog")
        self.network = network
        self._accounts = accounts
        self._tasks = tasks
        self._sign_in: SignIn | None = None
        self.setWindowTitle(
            self.tr("Connect %1").replace("%1", network_name(network))
            if account is None
            else self.tr("Reconnect %1").replace("%1", account.label)
        )
        self.setWindowIcon(network_icon(network))  # the network's mark in the title bar
        self.setMinimumWidth(560)
        self.intro = QLabel(self._intro())
        self.intro.setObjectName("ConnectIntro")
        self.intro.setWordWrap(True)
        self.intro.setOpenExternalLinks(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self._build(form, account)
        self.status = QLabel()
        self.status.setObjectName("ConnectStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Add") if network in BY_HAND else self.tr("Connect"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.connect_button.setObjectName("ConnectButton")
        self.connect_button.clicked.connect(self._connect)
        self.connect_button.setVisible(network is not Network.X)  # X: the browser only
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        if network in BROWSER:
            self.browser_button = QPushButton(self.tr("Sign in with the browser…"))
            self.browser_button.setObjectName("BrowserSignIn")
            self.browser_button.clicked.connect(self._browser)
            row = QHBoxLayout()
            row.addWidget(self.browser_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped paragraphs in the form know their height once laid out at their width.
        QTimer.singleShot(0, self, self.adjustSize)

    # ------------------------------------------------------------------ form

    def _intro(self) -> str:
        n = self.network
        if n is Network.BLUESKY:
            return self.tr(
                "Sign in with your handle and an app password (Bluesky: Settings → Privacy "
                "and security → App passwords). Some Studio signs in once; the system keyring "
                "keeps only the session's renewal token, never the password."
            )
        if n is Network.MASTODON:
            return self.tr(
                "Enter your server's address, then sign in with the browser — or paste an "
                "access token from your server's Preferences → Development. The server's own "
                "character limit is read for the composer."
            )
        if n is Network.X:
            return self.tr(
                "X needs your own app from the X developer portal (type: native app, a public "
                "client). Add the callback address below to the app, enter its client id and "
                "sign in with the browser. No client secret is needed or stored.\n\n"
                "The X API is pay-per-use: every post and upload is paid from the credits of "
                "your own app, so buy credits in X's Developer Console first, or posts are "
                "refused."
            )
        if n is Network.LINKEDIN:
            return self.tr(
                "Paste an access token made with your LinkedIn app's token generator: scope "
                "w_member_social to post as yourself, or w_organization_social to post as a "
                "page (and enter its page id).\n\n"
                "To post as yourself, either add the scopes openid and profile to the token, "
                "so Some Studio can read your member id, or enter your member id below. "
                "LinkedIn tokens last 60 days and cannot be renewed here: the Accounts page "
                "counts down and warns a week ahead."
            )
        if n is Network.FACEBOOK:
            return self.tr(
                "Paste a long-lived Page access token made with your Meta app, with the "
                "permissions pages_manage_posts and pages_read_engagement. Optionally let "
                "Facebook publish scheduled posts itself, so they go out while this computer "
                "is off."
            )
        if n is Network.INSTAGRAM:
            return self.tr(
                "Your Meta app can sign in to Instagram in one of two ways: choose below the one "
                "your app is set up for.\n\n%1"
            ).replace("%1", self._images_text())
        if n is Network.THREADS:
            return self.tr(
                "Paste a long-lived Threads access token made with your Meta app, with the "
                "permissions threads_basic, threads_content_publish, threads_manage_replies "
                "(the later posts of a thread are replies to the first) and "
                "threads_manage_insights (for the numbers). Some Studio renews the token "
                "before its 60 days run out, once it is a day old.\n\n%1"
            ).replace("%1", self._images_text())
        if n is Network.PINTEREST:
            return self.tr(
                "Paste an access token made with your Pinterest app, load your boards and "
                "choose the one to pin to. A pin needs an image.\n\n"
                "A newly approved Pinterest app has Trial access: Pinterest refuses its pins "
                "on the real site and takes them only in its API Sandbox, where only you see "
                "them. Until Pinterest grants your app Standard access, tick “Use Pinterest's "
                "API Sandbox” and use a sandbox token from your app's page.\n\n"
                "Tokens expire (usually after 30 days). With your app's id and secret and a "
                "refresh token, Some Studio renews the token itself; otherwise the Accounts "
                "page warns a week before it lapses."
            )
        return self.tr(
            "%1 offers no way for this app to publish for you. At each post's time Some "
            "Studio reminds you and lists the post under Publish by hand, where you copy its "
            "text and open its media; you publish it yourself and mark it published."
        ).replace("%1", network_name(n))

    def _images_text(self) -> str:
        return self.tr(
            "Images: %1 does not take uploads from this computer. It fetches each image "
            "from a public web address, so put the post's images in a public folder (your "
            "website, for example) and enter that folder's address below. Posts with "
            "images are refused before sending while no address is set; text goes out "
            "either way."
        ).replace("%1", network_name(self.network))

    def _login_help(self, login: str) -> str:
        if login == INSTAGRAM_LOGIN:
            return self.tr(
                "Instagram Login: your app uses the “Instagram API with Instagram Login”. In "
                "the app's dashboard choose Instagram → API setup with Instagram business "
                "login → Generate token, with the permissions instagram_business_basic and "
                "instagram_business_content_publish. Some Studio renews the token before its "
                "60 days run out."
            )
        return self.tr(
            "Facebook Login: your app uses the “Instagram API with Facebook Login”, and your "
            "Instagram professional account is connected to a Facebook Page. Paste a "
            "long-lived token with the permissions instagram_basic, "
            "instagram_content_publish, pages_show_list and pages_read_engagement, and "
            "enter the Page's id: Some Studio finds the Instagram account through the Page."
        )

    def _build_instagram_login(self, form: QFormLayout, options: dict[str, Any]) -> None:
        login = QComboBox()
        login.setObjectName("Field_ig_login")
        login.setAccessibleName(self.tr("How your app signs in to Instagram"))
        login.addItem(self.tr("Instagram Login (no Page needed)"), INSTAGRAM_LOGIN)
        login.addItem(self.tr("Facebook Login (through a Page)"), FACEBOOK_LOGIN)
        chosen = str(options.get(IG_LOGIN) or INSTAGRAM_LOGIN)
        login.setCurrentIndex(max(0, login.findData(chosen)))
        form.addRow(self.tr("Sign-in"), login)
        self.fields[IG_LOGIN] = login
        self.login_help = QLabel()
        self.login_help.setObjectName("InstagramLoginHelp")
        self.login_help.setWordWrap(True)
        form.addRow(self.login_help)  # the whole width: it is a paragraph
        self._form = form
        login.currentIndexChanged.connect(lambda _index: self._show_login())

    def _login(self) -> str:
        combo = self.fields.get(IG_LOGIN)
        return str(combo.currentData()) if isinstance(combo, QComboBox) else ""

    def _show_login(self) -> None:
        login = self._login()
        self.login_help.setText(self._login_help(login))
        self._form.setRowVisible(self.fields["page_id"], login == FACEBOOK_LOGIN)
        QTimer.singleShot(0, self, self.adjustSize)

    def _line(self, form: QFormLayout, key: str, label: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"Field_{key}")
        edit.setAccessibleName(label)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label, edit)
        self.fields[key] = edit
        return edit

    def _build(  # noqa: PLR0912 - one branch per network's form
        self, form: QFormLayout, account: Account | None
    ) -> None:
        n = self.network
        options = dict(account.options) if account else {}
        if n is Network.BLUESKY:
            self._line(form, "handle", self.tr("Handle")).setPlaceholderText(
                self.tr("e.g. aurinko.bsky.social")
            )
            self._line(form, "password", self.tr("App password"), secret=True)
            self._line(form, "service", self.tr("Server (optional)")).setPlaceholderText(
                self.tr("https://bsky.social")
            )
            if account:
                self.line("handle").setText(account.handle)
                self.line("service").setText(account.instance_url)
        elif n is Network.MASTODON:
            server = self._line(form, "service", self.tr("Server address"))
            server.setPlaceholderText(self.tr("e.g. mastodon.social"))
            if account:
                server.setText(account.instance_url)
            self._line(
                form, "token", self.tr("Access token (if not using the browser)"), secret=True
            )
            self._check(form, "server_scheduling", options)
        elif n is Network.X:
            self._line(form, "client_id", self.tr("Your app's client id")).setText(
                str(options.get("client_id", ""))
            )
            port = QSpinBox()
            port.setObjectName("Field_port")
            port.setAccessibleName(self.tr("Callback port"))
            port.setRange(1024, 65535)
            port.setValue(int(str(options.get("redirect_port", 8737))))
            form.addRow(self.tr("Callback port"), port)
            self.fields["port"] = port
            callback = QLineEdit()
            callback.setObjectName("Field_callback")
            callback.setAccessibleName(self.tr("Callback address"))
            callback.setReadOnly(True)
            form.addRow(self.tr("Callback address"), callback)
            self.fields["callback"] = callback
            port.valueChanged.connect(lambda value: callback.setText(callback_address(value)))
            callback.setText(callback_address(port.value()))
        elif n in BY_HAND:
            self._line(form, "handle", self.tr("Account name"))
        else:
            if n is Network.INSTAGRAM:
                self._build_instagram_login(form, options)  # first: the token depends on it
            self._line(form, "token", self.tr("Access token"), secret=True)
            if n is Network.INSTAGRAM:
                page = self._line(form, "page_id", self.tr("Facebook Page id"))
                page.setText(str(options.get("page_id", "")))
                self._show_login()
            if n is Network.LINKEDIN:
                person = self._line(form, "person_id", self.tr("Member id (optional)"))
                person.setPlaceholderText(self.tr("urn:li:person:… or just the id"))
                person.setText(str(options.get("person_id", "")))
                page = self._line(form, "organization_id", self.tr("Page id (optional)"))
                page.setText(str(options.get("organization_id", "")))
                self._days(form, n.descriptor.token.pasted_lifetime_days or 60)
            elif n is Network.FACEBOOK:
                self._line(form, "page_id", self.tr("Page id (optional)"))
                self._check(form, "server_scheduling", options)
            elif n.descriptor.media_from_public_url:
                base = self._line(form, "media_base_url", self.tr("Public image folder address"))
                base.setPlaceholderText(self.tr("e.g. https://example.com/images/"))
                base.setText(str(options.get("media_base_url", "")))
            elif n is Network.PINTEREST:
                sandbox = QCheckBox(self.tr("Use Pinterest's API Sandbox (Trial access)"))
                sandbox.setObjectName("Field_sandbox")
                sandbox.setAccessibleName(self.tr("Use Pinterest's API Sandbox (Trial access)"))
                sandbox.setToolTip(
                    self.tr(
                        "Pins go to Pinterest's API Sandbox, where only you see them. Needed "
                        "while your Pinterest app has Trial access; needs a sandbox token."
                    )
                )
                sandbox.setChecked(options.get("sandbox") is True)
                form.addRow("", sandbox)
                self.fields["sandbox"] = sandbox
                boards = QComboBox()
                boards.setObjectName("Field_board")
                boards.setAccessibleName(self.tr("Board"))
                load = QPushButton(self.tr("Load boards"))
                load.setObjectName("LoadBoards")
                load.clicked.connect(self._load_boards)
                row = QHBoxLayout()
                row.addWidget(boards, 1)
                row.addWidget(load)
                form.addRow(self.tr("Board"), row)
                self.fields["board"] = boards
                # Boards of one environment are unknown to the other: load them again.
                sandbox.toggled.connect(lambda _on: boards.clear())
                self._days(form, n.descriptor.token.pasted_lifetime_days or 30)
                app_id = self._line(form, "app_id", self.tr("App id (optional, for renewal)"))
                app_id.setText(str(options.get("app_id", "")))
                self._line(
                    form, "app_secret", self.tr("App secret (optional, for renewal)"), secret=True
                )
                self._line(
                    form,
                    "refresh_token",
                    self.tr("Refresh token (optional, for renewal)"),
                    secret=True,
                )
        if n not in BY_HAND:
            name = self._line(form, "name", self.tr("Name shown in Some Studio (optional)"))
            if account:
                name.setText(account.display_name)

    def _days(self, form: QFormLayout, value: float) -> None:
        days = QDoubleSpinBox()
        days.setObjectName("Field_valid_days")
        days.setAccessibleName(self.tr("Days the token is still valid"))
        days.setRange(1, 365)
        days.setDecimals(0)
        days.setValue(value)
        form.addRow(self.tr("Days the token is still valid"), days)
        self.fields["valid_days"] = days

    def _check(self, form: QFormLayout, key: str, options: dict[str, Any]) -> None:
        box = QCheckBox(self.tr("Let the server publish scheduled posts"))
        box.setToolTip(
            self.tr(
                "Posts scheduled at least 10 minutes ahead are handed to the server, which "
                "publishes them even while this computer is off. Later edits here do not "
                "reach the server's copy."
            )
        )
        box.setObjectName(f"Field_{key}")
        box.setChecked(options.get(key) is True)
        form.addRow("", box)
        self.fields[key] = box

    def line(self, key: str) -> QLineEdit:
        widget = self.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _text(self, key: str) -> str:
        widget = self.fields.get(key)
        return widget.text().strip() if isinstance(widget, QLineEdit) else ""

    def _options(self) -> dict[str, object]:
        options: dict[str, object] = {}
        for key in ("organization_id", "person_id", "page_id", "media_base_url", "app_id"):
            if self._text(key):
                options[key] = self._text(key)
        if self.network is Network.INSTAGRAM:
            options[IG_LOGIN] = self._login()
            if self._login() == INSTAGRAM_LOGIN:
                options.pop("page_id", None)
        sandbox = self.fields.get("sandbox")
        if isinstance(sandbox, QCheckBox):  # stored either way, so unticking takes effect
            options["sandbox"] = sandbox.isChecked()
        box = self.fields.get("server_scheduling")
        if isinstance(box, QCheckBox) and box.isChecked():
            options["server_scheduling"] = True
        board = self.fields.get("board")
        if isinstance(board, QComboBox) and board.currentData():
            options["board_id"] = board.currentData()
        return options

    # ------------------------------------------------------------------ actions

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.connect_button.setEnabled(False)
        if self.network in BROWSER:
            self.browser_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.connect_button.setEnabled(True)
        if self.network in BROWSER:
            self.browser_button.setEnabled(True)

    def _done(self, account: Account) -> None:
        self.status.setText(self.tr("Connected."))
        self.connected.emit(account)
        self.accept()

    def _connect(self) -> None:
        n = self.network
        name = self._text("name")
        accounts = self._accounts
        options = self._options()
        if n in BY_HAND:
            handle = self._text("handle")
            if not handle:
                self.status.setText(self.tr("Enter the account's name."))
                return
            self._busy(self.tr("Adding…"))
            self._tasks.run(lambda: accounts.add_by_hand(n, handle), self._done, self._failed)
            return
        if n is Network.X:
            self.status.setText(self.tr("X connects through the browser: use the button above."))
            return
        if n is Network.BLUESKY:
            handle, password = self._text("handle"), self._text("password")
            if not handle or not password:
                self.status.setText(self.tr("Enter the handle and an app password."))
                return
            service = self._text("service")
            self._busy(self.tr("Signing in…"))
            self._tasks.run(
                lambda: accounts.connect_bluesky(
                    handle, password, service=service, name=name, options=options
                ),
                self._done,
                self._failed,
            )
            return
        token = self._text("token")
        if not token:
            self.status.setText(self.tr("Paste the access token."))
            return
        if (
            n is Network.INSTAGRAM
            and options[IG_LOGIN] == FACEBOOK_LOGIN
            and not (options.get("page_id"))
        ):
            self.status.setText(self.tr("Enter the id of the Facebook Page."))
            return
        if n is Network.PINTEREST and "board_id" not in options:
            self.status.setText(self.tr("Load your boards and choose one."))
            return
        self._busy(self.tr("Checking the token…"))
        if n is Network.MASTODON:
            service = self._text("service")
            self._tasks.run(
                lambda: accounts.connect_mastodon(service, token, name=name, options=options),
                self._done,
                self._failed,
            )
            return
        days_widget = self.fields.get("valid_days")
        days = days_widget.value() if isinstance(days_widget, QDoubleSpinBox) else None
        extra = {k: self._text(k) for k in ("app_secret", "refresh_token") if self._text(k)}
        self._tasks.run(
            lambda: accounts.connect_token(
                n, token, name=name, options=options, extra=extra, valid_days=days
            ),
            self._done,
            self._failed,
        )

    def _browser(self) -> None:
        accounts = self._accounts
        name = self._text("name")
        options = self._options()
        if self.network is Network.MASTODON:
            service = self._text("service")
            if not service:
                self.status.setText(self.tr("Enter your server's address first."))
                return
            begin = lambda: accounts.begin_mastodon_sign_in(  # noqa: E731
                service, name=name, options=options
            )
        else:
            client_id = self._text("client_id")
            port_widget = self.fields["port"]
            assert isinstance(port_widget, QSpinBox)
            port = port_widget.value()
            options["redirect_port"] = port
            begin = lambda: accounts.begin_x_sign_in(  # noqa: E731
                client_id, port=port, name=name, options=options
            )
        self._busy(self.tr("Preparing the sign-in…"))
        self._tasks.run(begin, self._open_browser, self._failed)

    def _open_browser(self, sign_in: SignIn) -> None:
        self._sign_in = sign_in
        QDesktopServices.openUrl(QUrl(sign_in.url))
        self.status.setText(self.tr("Finish signing in in your browser; this window waits for it."))
        self._tasks.run(sign_in.finish, self._done, self._failed)

    def _load_boards(self) -> None:
        token = self._text("token")
        if not token:
            self.status.setText(self.tr("Paste the access token first."))
            return
        accounts = self._accounts
        sandbox = self._options().get("sandbox") is True
        self.status.setText(self.tr("Loading boards…"))
        self._tasks.run(
            lambda: accounts.pinterest_boards(token, sandbox=sandbox),
            self._show_boards,
            self._failed,
        )

    def _show_boards(self, boards: list[tuple[str, str]]) -> None:
        combo = self.fields["board"]
        assert isinstance(combo, QComboBox)
        combo.clear()
        for board_id, board_name in boards:
            combo.addItem(board_name or board_id, board_id)
        self.status.setText(
            self.tr("Choose the board to pin to.") if boards else self.tr("No boards found.")
        )

    def _cancel(self) -> None:
        if self._sign_in is not None:
            self._sign_in.cancel()
        self.reject()
