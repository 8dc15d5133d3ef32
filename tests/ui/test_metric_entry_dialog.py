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

from .conftest import FIXED_NOON


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
        dialog = EntryDialog(Studio(workspace), ZoneInfo("Europe/Helsinki"), now=lambda: FIXED_NOON)
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


def test_numbers_typed_on_two_tabs_are_both_saved(workspace: Workspace, qtbot: QtBot) -> None:
    """A post's numbers on one tab, an account's followers on the next, then Save: only the
    tab in view was kept, without a word (a new user lost the post's numbers)."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from tests.integration.metric_servers import published  # noqa: PLC0415

    conn = workspace.writable_connection()
    with transaction(conn):
        delivery = published(conn, 3, datetime(2026, 11, 20, 9, tzinfo=UTC), "m1")
    dialog = EntryDialog(Studio(workspace), ZoneInfo("Europe/Helsinki"), now=lambda: FIXED_NOON)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(0)
    dialog.post.setCurrentIndex(dialog.post.findData(delivery))
    dialog.post_fields["likes"].setValue(12)
    dialog.post_fields["bookmarks"].setValue(4)  # saves: there was no field for them
    dialog.post_fields["views"].setValue(340)
    assert dialog.post_fields["bookmarks"].accessibleName() == "Saves"
    dialog.tabs.setCurrentIndex(1)
    dialog.account.setCurrentIndex(dialog.account.findData(3))
    dialog.followers.setValue(85)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert conn.execute(
        "SELECT likes, bookmarks, views FROM metric_snapshots WHERE delivery_id = ?", (delivery,)
    ).fetchall() == [(12, 4, 340)]
    assert conn.execute(
        "SELECT followers FROM account_snapshots WHERE account_id = 3"
    ).fetchall() == [(85,)]


def test_nothing_entered_says_what_the_tab_in_view_needs(
    workspace: Workspace, qtbot: QtBot
) -> None:
    dialog = EntryDialog(Studio(workspace), ZoneInfo("Europe/Helsinki"), now=lambda: FIXED_NOON)
    qtbot.addWidget(dialog)
    dialog.account.setCurrentIndex(dialog.account.findData(3))
    dialog.save()
    assert dialog.problem.text() == "Choose an account and enter its followers."
    assert dialog.result() != dialog.DialogCode.Accepted
