"""A connection that cannot be made is told as one plain sentence in the user's language,
not as the HTTP library's words (real dialog, a closed port on 127.0.0.1)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from keyring.backends import fail
from keyring.errors import PasswordSetError
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import AccountError, Accounts
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.domain.publish_result import Final, Retryable
from somestudio.secrets import SecretStore
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.accounts.connect_errors import connect_error_text
from somestudio.ui.i18n import install_language
from somestudio.ui.tasks import Tasks

RAW = (
    "could not connect to Bluesky (_WatchedHTTPSPool(host='bsky.social', port=443): Max "
    'retries exceeded with url: /xrpc (Caused by NameResolutionError("<urllib3.connection…'
)


@contextmanager
def _finnish() -> Iterator[None]:
    before = QLocale()
    installed = install_language("fi")
    try:
        yield
    finally:
        installed.remove()
        install_language("en").remove()
        QLocale.setDefault(before)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # nothing listens there now: connecting is refused


def _connect(qtbot: QtBot, network: Network, accounts: Accounts, **fields: str) -> ConnectDialog:
    """The connect dialog shown, ``fields`` typed in, Connect clicked (its work done at once)."""
    dialog = ConnectDialog(network, accounts, Tasks(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    for key, value in fields.items():
        dialog.line(key).setText(value)
    dialog.connect_button.click()
    return dialog


def _wrapped(error: Exception) -> AccountError:
    try:
        raise AccountError(str(error)) from error
    except AccountError as wrapped:
        return wrapped


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (Retryable(RAW, error_kind="network"), "Could not reach Bluesky. Check the internet"),
        (
            Final(
                "the connection to Bluesky is not secure: its certificate could not be verified "
                "(SSLError(…)); Some Studio never sends anything without that",
                error_kind="tls",
            ),
            "Could not make a secure connection to Bluesky.",
        ),
        (
            Retryable(
                "Bluesky did not answer within 30 s after the request was sent",
                error_kind="network",
            ),
            "Bluesky did not answer in time.",
        ),
    ],
    ids=["unreachable", "tls", "timeout"],
)
def test_connection_failures_are_one_plain_sentence(
    qapp: object, error: Exception, expected: str
) -> None:
    english = connect_error_text(_wrapped(error), "Bluesky")
    assert english.startswith(expected) and english.endswith(".")
    for raw in ("Pool", "retries", "SSLError", "could not connect", "…", "("):
        assert raw not in english
    with _finnish():
        finnish = connect_error_text(_wrapped(error), "Bluesky")
    assert finnish != english and "Bluesky" in finnish and "(" not in finnish


def test_bluesky_that_cannot_be_reached_says_what_to_do(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore
) -> None:
    accounts = Accounts(
        workspace,
        keyring_store,
        endpoints={Network.BLUESKY: f"http://127.0.0.1:{_closed_port()}"},
    )
    dialog = _connect(
        qtbot,
        Network.BLUESKY,
        accounts,
        handle="someone.bsky.social",
        password="abcd-efgh-ijkl-mnop",
    )
    assert dialog.status.text() == (
        "Could not reach Bluesky. Check the internet connection and try again. You can also "
        "add Bluesky as an account you publish by hand: close this, then Add account, Publish "
        "by hand. Some Studio then reminds you when a post is due."
    )


def test_pinterest_boards_that_cannot_be_loaded_say_what_to_do(
    qtbot: QtBot, workspace: Workspace
) -> None:
    accounts = Accounts(
        workspace,
        SecretStore(backend=fail.Keyring()),
        endpoints={Network.PINTEREST: f"http://127.0.0.1:{_closed_port()}/v5"},
    )
    with _finnish():
        dialog = ConnectDialog(Network.PINTEREST, accounts, Tasks(synchronous=True))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.line("token").setText("pina_token")
        load = dialog.findChild(QPushButton, "Load_board")
        assert load is not None
        load.click()
        text = dialog.status.text()
    assert text.startswith("Palveluun Pinterest ei saatu yhteyttä.") and "127.0.0.1" not in text


def test_a_long_error_grows_the_dialog_and_never_squeezes_the_fields(
    qtbot: QtBot, workspace: Workspace
) -> None:
    accounts = Accounts(workspace, SecretStore(backend=fail.Keyring()))
    dialog = ConnectDialog(Network.BLUESKY, accounts, Tasks(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    dialog.line("handle").setText("someone.bsky.social")
    dialog.line("password").setText("abcd-efgh-ijkl-mnop")
    dialog.connect_button.click()  # no keyring here: a long paragraph of an error
    QApplication.processEvents()
    assert dialog.status.text().startswith("No secure keyring")
    for key, field in dialog.fields.items():
        assert field.height() >= field.sizeHint().height(), key
    assert dialog.status.height() >= dialog.status.heightForWidth(dialog.status.width())


class _DismissedKeyring:
    """A secure keyring whose unlock prompt the person dismissed. Mocked: a real Secret
    Service's unlock prompt needs a person at a desktop to dismiss it; the library's
    exception and its words are the ones secretstorage raises then. Not a subclass of
    keyring's ``KeyringBackend``: those register themselves with keyring for the whole
    process, and every later keyring test would find this one."""

    priority = 5  # keyring's scale: a backend to use

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("Prompt dismissed.")

    def delete_password(self, service: str, username: str) -> None:
        return None


def test_a_keyring_that_refuses_says_so_plainly_and_points_to_publishing_by_hand(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """A new user's LinkedIn sign-in ended in "…: Prompt dismissed.." — the library's words,
    a doubled full stop, and no way on. It says what the keyring did and what to do, and
    that an account published by hand needs no keyring; nothing is kept."""
    accounts = Accounts(workspace, SecretStore(backend=_DismissedKeyring()))
    dialog = _connect(
        qtbot,
        Network.LINKEDIN,
        accounts,
        token="li-token-w-member-social",
        person_id="urn:li:person:782bbtaQ",
    )
    assert dialog.status.text() == (
        "The system keyring refused (it said: “Prompt dismissed”). If it asked for its "
        "password, unlock it and try again. You can also add LinkedIn as an account you "
        "publish by hand: close this, then Add account, Publish by hand. Some Studio then "
        "reminds you when a post is due."
    )
    assert ".." not in dialog.status.text()
    assert accounts.all() == []
    with _finnish():
        said = connect_error_text(
            AccountError("The system keyring refused storing it: Prompt dismissed."), "LinkedIn"
        )
    assert said.startswith("Järjestelmän avainnippu kieltäytyi") and "Prompt dismissed" in said
