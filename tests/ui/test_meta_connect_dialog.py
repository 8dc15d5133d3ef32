"""The connect dialog for Instagram (two sign-in families) and Threads (its permissions), in
English and Finnish; Meta's error sentences told in the window's language. Screenshots in
artifacts/connect-meta-*.png."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.networks.meta.publish import (
    permission_sentence,
    progress_sentence,
    revoked_sentence,
)
from somestudio.secrets import SecretStore
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.error_text import message_text
from somestudio.ui.i18n import install_language
from somestudio.ui.tasks import Tasks
from tests.e2e.conftest import REPO_ROOT


@pytest.fixture
def finnish(qapp: QApplication) -> Iterator[None]:
    installed = install_language("fi")
    yield
    installed.remove()
    install_language("en").remove()


def _dialog(qtbot: QtBot, workspace: Workspace, network: Network) -> ConnectDialog:
    accounts = Accounts(workspace, SecretStore(backend=fail.Keyring()))
    dialog = ConnectDialog(network, accounts, Tasks(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _shoot(widget: QWidget, name: str) -> None:
    folder = REPO_ROOT / "artifacts"
    folder.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(folder / f"connect-meta-{name}.png"))


def _login(dialog: ConnectDialog) -> QComboBox:
    combo = dialog.fields["ig_login"]
    assert isinstance(combo, QComboBox)
    return combo


def test_instagram_asks_which_sign_in_and_explains_each(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, Network.INSTAGRAM)
    combo = _login(dialog)
    assert combo.accessibleName() == "How your app signs in to Instagram"
    assert combo.currentData() == "instagram"
    assert "instagram_business_content_publish" in dialog.choice_help["ig_login"].text()
    assert not dialog.line("page_id").isVisible()
    _shoot(dialog, "instagram-login")
    combo.setCurrentIndex(combo.findData("facebook"))
    assert dialog.line("page_id").isVisible()
    assert "pages_show_list" in dialog.choice_help["ig_login"].text()
    assert "through the Page" in dialog.choice_help["ig_login"].text()
    dialog.line("token").setText("a-token-123456")
    dialog.connect_button.click()  # no Page id: asked for, nothing sent
    assert dialog.status.text() == "Enter the id of the Facebook Page."
    assert dialog.connect_button.isEnabled()
    _shoot(dialog, "instagram-facebook-login")


def test_reconnecting_keeps_the_accounts_sign_in_family(qtbot: QtBot, workspace: Workspace) -> None:
    from somestudio.domain.posts import Account  # noqa: PLC0415

    acct = Account(
        id=3,
        network=Network.INSTAGRAM,
        handle="kahvila",
        options={"ig_login": "facebook", "page_id": "1348"},
    )
    accounts = Accounts(workspace, SecretStore(backend=fail.Keyring()))
    dialog = ConnectDialog(Network.INSTAGRAM, accounts, Tasks(synchronous=True), account=acct)
    qtbot.addWidget(dialog)
    assert _login(dialog).currentData() == "facebook"
    assert dialog.line("page_id").text() == "1348"
    assert dialog._options() == {"page_id": "1348", "ig_login": "facebook"}


def test_threads_names_every_permission_it_needs(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, Network.THREADS)
    text = dialog.intro.text()
    for scope in ("threads_basic", "threads_content_publish", "threads_manage_replies"):
        assert scope in text
    assert "public web address" in text
    _shoot(dialog, "threads")


def test_in_finnish(qtbot: QtBot, workspace: Workspace, finnish: None) -> None:
    dialog = _dialog(qtbot, workspace, Network.INSTAGRAM)
    assert _login(dialog).currentText() == "Instagram-kirjautuminen (ei vaadi sivua)"
    assert dialog.choice_help["ig_login"].text().startswith("Instagram-kirjautuminen:")
    _shoot(dialog, "instagram-fi")
    threads = _dialog(qtbot, workspace, Network.THREADS)
    assert "threads_manage_replies" in threads.intro.text()
    assert threads.intro.text().startswith("Liitä")
    assert message_text(revoked_sentence("Threads", "Meta error 190/460")) == (
        "Threads ei enää hyväksy tämän tilin kirjautumista (Meta error 190/460): yhdistä tili "
        "uudelleen Tilit-sivulla."
    )
    said = permission_sentence("Threads", "threads_manage_replies") + " " + progress_sentence(1, 3)
    assert message_text(said) == (
        "Threads torjui tämän, koska kirjautumiselta puuttuu oikeus threads_manage_replies: "
        "yhdistä tili uudelleen Tilit-sivulla tunnisteella, jolla tämä oikeus on. "
        "Osat 1–1/3 on julkaistu Threadsissa; uusi yritys jatkaa osasta 2."
    )


def test_unknown_sentences_stay_as_they_came(qapp: QApplication) -> None:
    assert message_text("Threads said something new") == "Threads said something new"
