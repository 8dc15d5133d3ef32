"""Connecting one account: the form its network's descriptor describes (``connect=`` in
``domain/networks/<name>.py``), sign-in in the system browser where the network offers it,
every network and keyring call on a background task. Nothing here names a network."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QShowEvent
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

from somestudio.app.accounts import Accounts, SignIn
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.connect_form import ConnectField, FieldKind, missing, options_of
from somestudio.domain.networks.descriptor import SignInKind
from somestudio.domain.posts import Account
from somestudio.ui.accounts.connect_errors import connect_error_text, could_not_connect
from somestudio.ui.accounts.connect_texts import connect_text
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import network_icon


def callback_address(port: int) -> str:
    return f"http://127.0.0.1:{port}/callback"


_FEDIVERSE_HANDLE = re.compile(r"@?[\w.]+@([a-z0-9.-]+\.[a-z]{2,})", re.IGNORECASE)


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
        self._reconnecting = account is not None
        # An account published by hand until now: the sign-in makes it one the app publishes
        # to, scheduled posts and all (not a second account beside it).
        self._into = (
            account.id
            if account is not None and account.publish_method is PublishMethod.MANUAL
            else None
        )
        self._closed = False  # closed (any way): a sign-in still being prepared is dropped
        app = QCoreApplication.instance()
        if app is not None:  # quitting the app ends a sign-in that waits for the browser
            app.aboutToQuit.connect(self._cancel_sign_in)
        descriptor = network.descriptor
        self._form = descriptor.connect
        self._by_hand = descriptor.by_hand_only
        self._has_browser = SignInKind.OAUTH_BROWSER in descriptor.sign_in
        if account is None:
            title = self.tr("Connect %1").replace("%1", network_name(network))
        elif self._into is not None:
            title = (
                self.tr("Connect “%1” to %2")
                .replace("%1", account.label)
                .replace("%2", network_name(network))
            )
        else:
            title = self.tr("Reconnect %1").replace("%1", account.label)
        self.setWindowTitle(title)
        self.setWindowIcon(network_icon(network))  # the network's mark in the title bar
        self.setMinimumWidth(560)
        self.intro = QLabel(self._intro())
        self.intro.setObjectName("ConnectIntro")
        self.intro.setWordWrap(True)
        self.intro.setOpenExternalLinks(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.choice_help: dict[str, QLabel] = {}
        # Fields shown only while another has a given value, by that other field's key.
        self._shown_by: dict[str, list[ConnectField]] = {}
        self._layout = form
        self._build(form, account)
        self.status = QLabel()
        self.status.setObjectName("ConnectStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Add") if self._by_hand else self.tr("Connect"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.connect_button.setObjectName("ConnectButton")
        self.connect_button.clicked.connect(self._connect)
        # A form with no secret to paste signs in with the browser only (X).
        self.connect_button.setVisible(self._by_hand or self._form.connects_directly)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        self._outer = layout
        layout.addWidget(self.intro)
        layout.addLayout(form)
        if self._has_browser:
            self.browser_button = QPushButton(self.tr("Sign in with the browser…"))
            self.browser_button.setObjectName("BrowserSignIn")
            self.browser_button.clicked.connect(self._browser)
            row = QHBoxLayout()
            row.addWidget(self.browser_button)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self._address_row())
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _address_row(self) -> QWidget:
        """The sign-in's address, to open by hand where no browser opens (shown once known)."""
        self.address_row = QWidget()
        self.address = QLineEdit()
        self.address.setObjectName("SignInAddress")
        self.address.setAccessibleName(self.tr("Sign-in address"))
        self.address.setReadOnly(True)
        self.copy_address = QPushButton(self.tr("Copy"))
        self.copy_address.setObjectName("CopySignInAddress")
        self.copy_address.setAccessibleName(self.tr("Copy the sign-in address"))
        self.copy_address.clicked.connect(self._copy_address)
        row = QHBoxLayout(self.address_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.address, 1)
        row.addWidget(self.copy_address)
        self.address_row.setVisible(False)
        return self.address_row

    def _copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self._say(
            self.tr("The sign-in address is copied. Open it in a browser; this window waits.")
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped paragraphs in the form know their height once laid out at their width.
        QTimer.singleShot(0, self, self.adjustSize)

    # ------------------------------------------------------------------ form

    def _intro(self) -> str:
        if self._by_hand:
            return self.tr(
                "%1 offers no way for this app to publish for you. At each post's time Some "
                "Studio reminds you and lists the post under Publish by hand, where you copy its "
                "text and open its media; you publish it yourself and mark it published."
            ).replace("%1", network_name(self.network))
        text = connect_text(self._form.intro)
        if self.network.descriptor.media_from_public_url:
            text = text.replace("%1", self._images_text())
        if self._into is not None:
            text = (
                self.tr(
                    "You publish this account by hand now. Once you sign in, Some Studio "
                    "publishes its posts itself at their times, the ones already scheduled too."
                )
                + "\n\n"
                + text
            )
        return text

    def _images_text(self) -> str:
        return self.tr(
            "Images: %1 does not take uploads from this computer. It fetches each image "
            "from a public web address, so put the post's images in a public folder (your "
            "website, for example) and enter that folder's address below. Posts with "
            "images are refused before sending while no address is set; text goes out "
            "either way."
        ).replace("%1", network_name(self.network))

    def _build(self, form: QFormLayout, account: Account | None) -> None:
        if self._by_hand:
            self._line(form, "handle", self.tr("Account name"))
            return
        options = dict(account.options) if account else {}
        for field in self._form.in_form:
            self._add_field(form, field, self._prefill(field, account, options))
        for field in self._form.in_form:
            if field.kind is FieldKind.CHOICE:
                self._show_choice(field.key)
        name = self._line(form, "name", self.tr("Name shown in Some Studio (optional)"))
        if account:  # a by-hand account's name was its only one: it stays its name
            name.setText(account.label if self._into is not None else account.display_name)

    @staticmethod
    def _prefill(field: ConnectField, account: Account | None, options: dict[str, Any]) -> Any:
        """What a reconnect shows in ``field``: the account's handle, server or option."""
        if account is None or field.secret:
            return None
        if field.key == "handle":
            return account.handle
        if field.key == "service":
            if account.instance_url:
                return account.instance_url
            # An account published by hand named like "@kahvila@mastodon.social": its server
            # (the dialog started empty, the address already known).
            found = _FEDIVERSE_HANDLE.fullmatch(account.handle.strip())
            return f"https://{found.group(1)}" if found else None
        return options.get(field.option) if field.option else None

    def _add_field(self, form: QFormLayout, field: ConnectField, value: Any) -> None:
        label = connect_text(field.label)
        kind = field.kind
        if kind in (FieldKind.TEXT, FieldKind.SECRET, FieldKind.ADDRESS):
            edit = self._line(form, field.key, label, secret=field.secret)
            if field.placeholder:
                edit.setPlaceholderText(connect_text(field.placeholder))
            if value:
                edit.setText(str(value))
        elif kind is FieldKind.CHECK:
            box = QCheckBox(label)
            box.setObjectName(f"Field_{field.key}")
            box.setAccessibleName(label)
            if field.help:
                box.setToolTip(connect_text(field.help))
            box.setChecked(value is True)
            form.addRow("", box)
            self.fields[field.key] = box
        elif kind is FieldKind.CHOICE:
            self._add_choice(form, field, value)
        elif kind is FieldKind.LOADED:
            self._add_loaded(form, field)
        elif kind is FieldKind.DAYS:
            days = QDoubleSpinBox()
            days.setObjectName(f"Field_{field.key}")
            days.setAccessibleName(label)
            days.setRange(1, 365)
            days.setDecimals(0)
            days.setValue(float(field.default or 60))
            form.addRow(label, days)
            self.fields[field.key] = days
        elif kind is FieldKind.PORT:
            self._add_port(form, field, value)
        if field.shown_when is not None:
            self._shown_by.setdefault(field.shown_when[0], []).append(field)

    def _add_choice(self, form: QFormLayout, field: ConnectField, value: Any) -> None:
        combo = QComboBox()
        combo.setObjectName(f"Field_{field.key}")
        combo.setAccessibleName(connect_text(field.accessible or field.label))
        for choice in field.choices:
            combo.addItem(connect_text(choice.label), choice.value)
        chosen = str(value or field.default)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        form.addRow(connect_text(field.label), combo)
        self.fields[field.key] = combo
        if any(choice.help for choice in field.choices):
            help_label = QLabel()
            help_label.setObjectName(f"Help_{field.key}")
            help_label.setWordWrap(True)
            form.addRow(help_label)  # the whole width: it is a paragraph
            self.choice_help[field.key] = help_label
        combo.currentIndexChanged.connect(lambda _index: self._show_choice(field.key))

    def _show_choice(self, key: str) -> None:
        """The chosen choice's help, and the fields shown only with it."""
        field = self._form.field(key)
        combo = self.fields[key]
        assert field is not None and isinstance(combo, QComboBox)
        value = str(combo.currentData())
        help_label = self.choice_help.get(key)
        if help_label is not None:
            chosen = next((c for c in field.choices if c.value == value), None)
            help_label.setText(connect_text(chosen.help) if chosen else "")
        for dependent in self._shown_by.get(key, []):
            widget = self.fields.get(dependent.key)
            if widget is not None:
                self._layout.setRowVisible(widget, dependent.shown_when == (key, value))
        QTimer.singleShot(0, self, self.adjustSize)

    def _add_loaded(self, form: QFormLayout, field: ConnectField) -> None:
        assert field.loaded is not None
        label = connect_text(field.label)
        combo = QComboBox()
        combo.setObjectName(f"Field_{field.key}")
        combo.setAccessibleName(label)
        load = QPushButton(connect_text(field.loaded.button))
        load.setObjectName(f"Load_{field.key}")
        load.clicked.connect(lambda: self._load(field))
        row = QHBoxLayout()
        row.addWidget(combo, 1)
        row.addWidget(load)
        form.addRow(label, row)
        self.fields[field.key] = combo
        stale = self.fields.get(field.loaded.cleared_by)
        if isinstance(stale, QCheckBox):  # another environment's list: load it again
            stale.toggled.connect(lambda _on: combo.clear())

    def _add_port(self, form: QFormLayout, field: ConnectField, value: Any) -> None:
        label = connect_text(field.label)
        port = QSpinBox()
        port.setObjectName(f"Field_{field.key}")
        port.setAccessibleName(label)
        port.setRange(1024, 65535)
        port.setValue(int(str(value or field.default or 8737)))
        form.addRow(label, port)
        self.fields[field.key] = port
        callback = QLineEdit()
        callback.setObjectName("Field_callback")
        callback.setAccessibleName(self.tr("Callback address"))
        callback.setReadOnly(True)
        form.addRow(self.tr("Callback address"), callback)
        self.fields["callback"] = callback
        port.valueChanged.connect(lambda number: callback.setText(callback_address(number)))
        callback.setText(callback_address(port.value()))

    def _line(self, form: QFormLayout, key: str, label: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"Field_{key}")
        edit.setAccessibleName(label)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label, edit)
        self.fields[key] = edit
        return edit

    def line(self, key: str) -> QLineEdit:
        widget = self.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _text(self, key: str) -> str:
        widget = self.fields.get(key)
        return widget.text().strip() if isinstance(widget, QLineEdit) else ""

    def values(self) -> dict[str, object]:
        """The form as filled in, by field key (what ``Accounts.connect`` takes)."""
        found: dict[str, object] = {}
        for field in self._form.in_form:
            widget = self.fields.get(field.key)
            if isinstance(widget, QLineEdit):
                found[field.key] = widget.text().strip()
            elif isinstance(widget, QCheckBox):
                found[field.key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                found[field.key] = str(data) if data is not None else ""
            elif isinstance(widget, QDoubleSpinBox | QSpinBox):
                found[field.key] = widget.value()
        return found

    def _options(self) -> dict[str, object]:
        """The account options the form gives (as the app keeps them)."""
        return options_of(self._form, self.values())

    # ------------------------------------------------------------------ actions

    def _say(self, text: str) -> None:
        """``text`` under the form; the dialog grows to hold it (never squeezing the fields)."""
        self.status.setText(text)
        self._fit()

    def _fit(self) -> None:
        layout = self._outer
        layout.activate()
        width = self.width()
        # The wrapped labels' height at this width: Qt's minimum height does not count it.
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        self.setMinimumHeight(need)
        if self.height() < need:
            self.resize(width, need)

    def _busy(self, text: str) -> None:
        self._say(text)
        self.connect_button.setEnabled(False)
        if self._has_browser:
            self.browser_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return  # a cancelled sign-in's end, after the dialog closed
        said = connect_error_text(error, network_name(self.network))
        # An account published by hand needs neither the network nor the keyring.
        keyring = bool(getattr(error, "keyring", False))
        if (could_not_connect(error) or keyring) and not self._reconnecting:
            # The way on that needs no sign-in (two new users found it only by chance).
            said += " " + self.tr(
                "You can also add %1 as an account you publish by hand: close this, then "
                "Add account, Publish by hand. Some Studio then reminds you when a post is due."
            ).replace("%1", network_name(self.network))
        self._say(said)
        self.connect_button.setEnabled(True)
        if self._has_browser:
            self.browser_button.setEnabled(True)

    def _done(self, account: Account) -> None:
        self._say(self.tr("Connected."))
        self.connected.emit(account)
        self.accept()

    def _connect(self) -> None:
        n = self.network
        accounts = self._accounts
        if self._by_hand:
            handle = self._text("handle")
            if not handle:
                self._say(self.tr("Enter the account's name."))
                return
            self._busy(self.tr("Adding…"))
            self._tasks.run(lambda: accounts.add_by_hand(n, handle), self._done, self._failed)
            return
        values = self.values()
        lacking = missing(self._form, values)
        if lacking:
            self._say(connect_text(lacking))
            return
        name = self._text("name")
        if SignInKind.APP_PASSWORD in n.descriptor.sign_in:
            self._busy(self.tr("Signing in…"))
        else:
            self._busy(self.tr("Checking the token…"))
        into = self._into
        self._tasks.run(
            lambda: accounts.connect(n, values, name=name, into=into), self._done, self._failed
        )

    def _browser(self) -> None:
        n = self.network
        accounts = self._accounts
        values = self.values()
        lacking = missing(self._form, values, browser=True)
        if lacking:
            self._say(connect_text(lacking))
            return
        name = self._text("name")
        into = self._into
        self._busy(self.tr("Preparing the sign-in…"))
        self._tasks.run(
            lambda: accounts.begin_browser_sign_in(n, values, name=name, into=into),
            self._open_browser,
            self._failed,
        )

    def _open_browser(self, sign_in: SignIn) -> None:
        self._sign_in = sign_in
        if self._closed:  # closed while the sign-in was being prepared: end it at once
            self._cancel_sign_in()
            self._tasks.run(sign_in.finish, lambda _account: None, lambda _error: None)
            return
        opened = QDesktopServices.openUrl(QUrl(sign_in.url))
        self.address.setText(sign_in.url)
        self.address.setCursorPosition(0)
        self.address_row.setVisible(True)
        if opened:
            self._say(
                self.tr(
                    "Finish signing in in your browser; this window waits for it. If no "
                    "browser opened, open this address in a browser."
                )
            )
        else:
            self._say(
                self.tr(
                    "No web browser could be opened. Open this address in a browser to sign "
                    "in; this window waits for it."
                )
            )
        self._tasks.run(sign_in.finish, self._done, self._failed)

    def _load(self, field: ConnectField) -> None:
        loaded = field.loaded
        assert loaded is not None
        values = self.values()
        if not str(values.get(loaded.needs) or ""):
            self._say(connect_text(loaded.needs_text))
            return
        n = self.network
        accounts = self._accounts
        self._say(connect_text(loaded.busy))
        self._tasks.run(
            lambda: accounts.load_choices(n, field.key, values),
            lambda found: self._show_loaded(field, found),
            self._failed,
        )

    def _show_loaded(self, field: ConnectField, found: list[tuple[str, str]]) -> None:
        assert field.loaded is not None
        combo = self.fields[field.key]
        assert isinstance(combo, QComboBox)
        combo.clear()
        for value, shown in found:
            combo.addItem(shown or value, value)
        self._say(connect_text(field.loaded.choose if found else field.loaded.none))

    def _cancel(self) -> None:
        self.reject()

    def _cancel_sign_in(self) -> None:
        """End a browser sign-in that waits: its loopback port closes and its task ends."""
        if self._sign_in is not None:
            self._sign_in.cancel()

    def done(self, result: int) -> None:
        # Every way of closing (Cancel, Escape, the title bar's close, accept) passes here.
        self._closed = True
        self._cancel_sign_in()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._cancel_sign_in()
        super().closeEvent(event)
