"""The Accounts page warns when a connected network's pinned API version is within 60 days of
its documented sunset, and says what to do by when; the clock is the Accounts service's, so
each test names its day. Screenshot: artifacts/accounts-api-version.png."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.ui.pages.accounts_page import AccountsPage
from somestudio.ui.tasks import Tasks
from tests.ui.test_accounts_page import _add, _shoot


def _page_on(qtbot: QtBot, workspace: Workspace, store: SecretStore, day: datetime) -> AccountsPage:
    accounts = Accounts(workspace, store, now=lambda: day)
    page = AccountsPage(Studio(workspace), accounts=accounts, tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def test_no_warning_while_the_sunset_is_far(
    qtbot: QtBot,
    workspace: Workspace,
    keyring_store: SecretStore,
) -> None:
    _add(workspace, Network.LINKEDIN, "Kahvila Aurinko", person_id="p1")
    page = _page_on(qtbot, workspace, keyring_store, datetime(2026, 12, 3, 9, tzinfo=UTC))
    assert page.version_banner.isHidden()


def test_a_linkedin_account_warns_sixty_days_ahead_with_the_date(
    qtbot: QtBot,
    workspace: Workspace,
    keyring_store: SecretStore,
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    try:
        _add(workspace, Network.LINKEDIN, "Kahvila Aurinko", person_id="p1")
        _add(workspace, Network.MASTODON, "@me@m.example")
        page = _page_on(qtbot, workspace, keyring_store, datetime(2027, 2, 1, 9, tzinfo=UTC))
        text = page.version_banner.text()
        assert page.version_banner.isVisible()
        assert "needs an update before 16.3.2027 for LinkedIn" in text
        assert "Mastodon" not in text
        _shoot(page, "api-version")
    finally:
        QLocale.setDefault(QLocale.c())


def test_after_the_sunset_it_says_publishing_stopped(
    qtbot: QtBot,
    workspace: Workspace,
    keyring_store: SecretStore,
) -> None:
    _add(workspace, Network.LINKEDIN, "Kahvila Aurinko", person_id="p1")
    page = _page_on(qtbot, workspace, keyring_store, datetime(2027, 3, 28, 0, 59, tzinfo=UTC))
    assert "no longer accepts" in page.version_banner.text()
    assert "Install the newest Some Studio" in page.version_banner.text()


def test_an_account_published_by_hand_needs_no_update(
    qtbot: QtBot,
    workspace: Workspace,
    keyring_store: SecretStore,
) -> None:
    _add(workspace, Network.LINKEDIN, "Kahvila Aurinko", method=PublishMethod.MANUAL)
    page = _page_on(qtbot, workspace, keyring_store, datetime(2027, 3, 1, 9, tzinfo=UTC))
    assert page.version_banner.isHidden()
