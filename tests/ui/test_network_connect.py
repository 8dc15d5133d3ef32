"""What the connect dialogs say about LinkedIn scopes, Pinterest's Trial access and X's
credits, and the networks' refusals in the user's language (real widgets, a server on
127.0.0.1; screenshots in artifacts/accounts-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.delivery_status import DeliveryStatus
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired
from somestudio.networks.http import create_session
from somestudio.networks.linkedin.publish import (
    missing_identity_error,
    missing_scope_error,
    needs_update_error,
)
from somestudio.networks.pinterest.publish import PinterestPublisher, trial_access_error
from somestudio.secrets import SecretStore
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.composer.post_status import failure_entries
from somestudio.ui.error_text import error_text, message_text
from somestudio.ui.i18n import install_language
from somestudio.ui.tasks import Tasks
from tests.e2e.conftest import REPO_ROOT
from tests.networks.support import MemoryCredentials, account, delivery

REFUSALS = [
    needs_update_error(),
    missing_scope_error("w_member_social"),
    missing_identity_error(),
    trial_access_error(),
]


@contextmanager
def _finnish() -> Iterator[None]:
    """The window in Finnish for a moment; English (and the old locale) afterwards."""
    before = QLocale()
    installed = install_language("fi")
    try:
        yield
    finally:
        installed.remove()
        install_language("en").remove()  # ui_language() is English again
        QLocale.setDefault(before)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _dialog(
    qtbot: QtBot, workspace: Workspace, network: Network, server: HTTPServer
) -> ConnectDialog:
    accounts = Accounts(
        workspace,
        SecretStore(backend=fail.Keyring()),
        endpoints={Network.PINTEREST: server.url_for("/v5")},
        sandbox_endpoints={Network.PINTEREST: server.url_for("/sandbox/v5")},
    )
    dialog = ConnectDialog(network, accounts, Tasks(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _shoot(widget: ConnectDialog, name: str) -> None:
    folder = REPO_ROOT / "artifacts"
    folder.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(folder / f"accounts-{name}.png"))


@pytest.mark.parametrize("error", REFUSALS, ids=["426", "scope", "identity", "trial"])
def test_each_refusal_is_one_known_sentence_in_the_users_language(
    qapp: object, error: Exception
) -> None:
    english = str(error)
    assert error_text(error) == english == message_text(english)  # matched, not mangled
    with _finnish():
        finnish = message_text(english)  # as an attempt log's stored message is shown
        assert finnish != english and error_text(error) == finnish
        assert finnish.endswith(".") and finnish.count(". ") == 0  # one sentence
        for kept in ("202603", "w_member_social", "openid"):
            assert (kept in english) == (kept in finnish)


def test_pinterest_dialog_explains_trial_access_and_loads_sandbox_boards(
    qtbot: QtBot, workspace: Workspace, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/sandbox/v5/boards").respond_with_json(
        {"items": [{"id": "9", "name": "Hiekkalaatikko"}], "bookmark": None}
    )
    dialog = _dialog(qtbot, workspace, Network.PINTEREST, httpserver)
    assert "Trial access" in dialog.intro.text() and "Standard access" in dialog.intro.text()
    sandbox = dialog.fields["sandbox"]
    assert isinstance(sandbox, QCheckBox) and sandbox.accessibleName()
    sandbox.setChecked(True)
    dialog.line("token").setText("pina_sandbox")
    load = dialog.findChild(QPushButton, "Load_board")
    assert load is not None
    load.click()
    assert [r[0].path for r in httpserver.log] == ["/sandbox/v5/boards"]
    assert dialog.status.text() == "Choose the board to pin to."
    assert dialog.line("app_secret").echoMode() == dialog.line("app_secret").EchoMode.Password
    assert dialog.line("refresh_token").echoMode() == dialog.line("app_secret").EchoMode.Password
    _shoot(dialog, "connect-pinterest-sandbox")
    board = dialog.fields["board"]
    assert board.count() == 1  # type: ignore[attr-defined]
    sandbox.setChecked(False)  # production boards are another list: load them again
    assert board.count() == 0  # type: ignore[attr-defined]


def test_linkedin_and_x_dialogs_say_what_they_need(
    qtbot: QtBot, workspace: Workspace, httpserver: HTTPServer
) -> None:
    linkedin = _dialog(qtbot, workspace, Network.LINKEDIN, httpserver)
    intro = linkedin.intro.text()
    assert "w_member_social" in intro and "openid and profile" in intro
    assert "person_id" in linkedin.fields and "organization_id" in linkedin.fields
    _shoot(linkedin, "connect-linkedin-scopes")
    x = _dialog(qtbot, workspace, Network.X, httpserver)
    assert "pay-per-use" in x.intro.text() and "credits" in x.intro.text()


def test_a_stored_refusal_shows_in_the_users_language_on_the_post(qapp: object) -> None:
    """The attempt log keeps the English sentence (the command line prints it); the window
    shows the post's failure in the user's language."""
    reason = needs_update_error().reason
    failed = DeliveryStatus(
        delivery_id=1,
        account_id=1,
        network=Network.LINKEDIN,
        account_label="Kahvila",
        state=DeliveryState.FAILED,
        scheduled_at=None,
        time_zone=None,
        last_error=reason,
        last_attempt=reason,
        attempts=1,
    )
    with _finnish():
        (entry,) = failure_entries([failed])
    assert "Some Studio tarvitsee päivityksen LinkedIniä varten" in entry.message


def test_a_revoked_token_says_reconnect_in_the_users_language(
    qapp: object, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/v5/pins", method="POST").respond_with_json(
        {"code": 2, "message": "Authentication failed."}, status=401
    )
    image = tmp_path / "pin.png"
    image.write_bytes(b"\x89PNG")
    pub = PinterestPublisher(
        create_session,
        MemoryCredentials({1: {"access_token": "pina_revoked"}}),
        api=httpserver.url_for("/v5"),
    )
    acct = account(Network.PINTEREST, "k", options={"board_id": "5"})
    with pytest.raises(AuthExpired) as caught:
        pub.publish(delivery(acct, "x", media=[MediaItem(str(image), "image/png", "")]))
    english = caught.value.reason
    assert message_text(english) == (
        "Pinterest no longer accepts this account's sign-in (it expired or was revoked): "
        "reconnect the account in Accounts, then try again."
    )
    with _finnish():
        assert message_text(english).startswith("Pinterest ei enää hyväksy")
    refused = "X refused to renew the sign-in of @k (the 2-hour sign-in ended). Reconnect the "
    refused += "account in Accounts, then try again."
    with _finnish():
        assert message_text(refused).startswith("X ei suostunut uusimaan tilin @k")


def test_an_opened_failed_post_tells_the_engines_own_reason_in_finnish(qapp: object) -> None:
    """The composer's line for a failed delivery used only the networks' sentences; the
    engine's own reasons (the attention list already translated them) stayed in English."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.domain.delivery_status import DeliveryStatus  # noqa: PLC0415

    failed = DeliveryStatus(
        delivery_id=1,
        account_id=1,
        network=Network.X,
        account_label="kahvila",
        state=DeliveryState.FAILED,
        scheduled_at=datetime(2031, 12, 1, 10, tzinfo=UTC),
        time_zone="Europe/Helsinki",
        last_error="The network refused the post: text too long for this channel.",
        last_attempt="",
        attempts=1,
    )
    with _finnish():
        (entry,) = failure_entries([failed])
    assert "The network refused" not in entry.message
