"""Enter numbers: with no published post it opens on an account's numbers (not on an empty
list of posts), and a personal LinkedIn profile's count is called contacts, as LinkedIn does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.i18n import install_language
from somestudio.ui.metrics.entry_dialog import EntryDialog


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = open_workspace(tmp_path)
    conn = opened.writable_connection()
    with transaction(conn):
        account_rows.add_account(
            conn, Network.LINKEDIN, "matti", publish_method=PublishMethod.MANUAL
        )
        account_rows.add_account(
            conn, Network.LINKEDIN, "firma", options={"organization_id": "123"}
        )
        account_rows.add_account(conn, Network.MASTODON, "@kahvila")
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("language", "contacts", "followers"),
    [("en", "Contacts", "Followers"), ("fi", "Kontaktit", "Seuraajat")],
)
def test_no_posts_opens_on_the_account_and_linkedin_counts_contacts(
    workspace: Workspace, qtbot: QtBot, language: str, contacts: str, followers: str
) -> None:
    installed = install_language(language)
    try:
        dialog = EntryDialog(Studio(workspace), ZoneInfo("Europe/Helsinki"))
        qtbot.addWidget(dialog)
        assert dialog.tabs.currentIndex() == 1  # an account's numbers
        dialog.account.setCurrentIndex(dialog.account.findData(1))  # personal profile
        assert dialog.followers_label.text() == contacts
        assert dialog.followers.accessibleName() == contacts
        dialog.account.setCurrentIndex(dialog.account.findData(2))  # a company page
        assert dialog.followers_label.text() == followers
        dialog.account.setCurrentIndex(dialog.account.findData(3))
        assert dialog.followers_label.text() == followers
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
