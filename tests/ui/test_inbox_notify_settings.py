"""Settings → Inbox notifications lists the accounts replies come in for, and says which it
leaves out and why (a new user saw four of nine accounts and no reason)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from somestudio.app.settings import SettingsStore
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.ui.inbox.notify_settings import InboxNotifications


def test_accounts_without_an_inbox_here_are_named_as_left_out(qtbot: QtBot, tmp_path: Path) -> None:
    accounts = [
        Account(1, Network.MASTODON, "@kahvila@mastodon.social", "Kahvila"),
        Account(2, Network.BLUESKY, "kahvila.bsky.social", "Kahvila Aurinko",
                publish_method=PublishMethod.MANUAL),
        Account(3, Network.LOCAL, "Arkisto", publish_method=PublishMethod.FOLDER),
    ]  # fmt: skip
    group = InboxNotifications(SettingsStore(tmp_path), lambda: accounts)
    qtbot.addWidget(group)
    group.show()
    assert list(group.boxes) == [1]
    assert group.boxes[1].text() == "Mastodon · Kahvila"
    assert group.left_out.isVisible()
    assert group.left_out.text().endswith(": Bluesky · Kahvila Aurinko, Local archive · Arkisto")
    accounts[1:] = []
    group.reload()
    assert not group.left_out.isVisible()
