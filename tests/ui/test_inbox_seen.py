"""Bluesky's own unread mark follows what is read in the Inbox page (``updateSeen``): told in
the background, at most once per pause per account, never past an entry still unread here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from somestudio.app.inbox.service import InboxService
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.reading import InboxPage as Page
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows
from somestudio.ui.inbox.page import InboxPage
from somestudio.ui.inbox.seen import SeenTeller
from somestudio.ui.tasks import Tasks

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HELSINKI = ZoneInfo("Europe/Helsinki")


class SeenReader:
    """A Bluesky client as far as the inbox asks: it records each ``updateSeen``."""

    def __init__(self) -> None:
        self.seen: list[datetime] = []

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[Page]:
        return iter(())

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        self.seen.append(seen_at)

    def publish(self, delivery: Any) -> Any:  # pragma: no cover - not asked here
        raise NotImplementedError


def _entry(n: int) -> Incoming:
    return Incoming(
        network_item_id=f"at://did:plc:x/app.bsky.feed.post/{n}",
        kind=InboxKind.REPLY,
        author=Author("lee.bsky"),
        created_at=T0 + timedelta(minutes=n),
        text=f"Vastaus {n}",
        item_post=PostRef(f"at://did:plc:x/app.bsky.feed.post/{n}", "cid"),
    )


def test_reads_in_a_row_are_told_once_at_once_and_once_when_the_pause_ends(qtbot: QtBot) -> None:
    told: list[int] = []
    teller = SeenTeller(told.append, Tasks(synchronous=True), pause=0.3)
    teller.read(1, Network.BLUESKY)
    assert told == [1]
    for _ in range(3):
        teller.read(1, Network.BLUESKY)
    teller.read(2, Network.MASTODON)  # Mastodon keeps no mark an app may move by time
    assert told == [1]
    qtbot.waitUntil(lambda: told == [1, 1], timeout=10000)
    qtbot.wait(400)
    assert told == [1, 1]  # the three reads in the pause: told once


@pytest.fixture
def sky(workspace: Workspace, qtbot: QtBot) -> Iterator[tuple[InboxPage, SeenReader, int]]:
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
        )
        item_rows.add(conn, account, [_entry(1), _entry(2), _entry(3)], T0)
    reader = SeenReader()
    publishers = PublisherRegistry()
    publishers.register(reader, method=PublishMethod.API, network=Network.BLUESKY)  # type: ignore[arg-type]

    class Clock:
        def now(self) -> datetime:
            return T0 + timedelta(hours=1)

        def monotonic(self) -> float:
            return 0.0

    studio = Studio(workspace)
    studio.use_inbox(InboxService(workspace.writable_connection, publishers, clock=Clock()))
    page = InboxPage(studio, HELSINKI, tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.reload()
    yield page, reader, account


def test_reading_in_the_page_moves_blueskys_mark_no_further_than_what_is_read(
    sky: tuple[InboxPage, SeenReader, int], qtbot: QtBot
) -> None:
    page, reader, _account = sky
    page.list.setFocus()
    page.seen._pause = 0.3
    # Opening the page reads nothing (the first entry is only chosen for the user).
    qtbot.wait(100)
    assert reader.seen == []
    # The newest (3) is read first: 1 and 2 are still unread, so the mark stays before 1.
    page._mark_current_read()
    qtbot.waitUntil(lambda: reader.seen != [], timeout=10000)
    assert reader.seen == [T0 + timedelta(minutes=1) - timedelta(seconds=1)]
    page.toggle_done()  # done marks read too, but this one already is: nothing new to tell
    # Done, it left the open list and the next one is chosen. Read the rest: after the pause
    # the mark follows up to now (nothing unread left).
    for _ in range(2):
        page.list.setFocus()
        page._mark_current_read()
        qtbot.keyClick(page.list, "j")
    qtbot.waitUntil(lambda: len(reader.seen) == 2, timeout=10000)
    assert reader.seen[-1] == T0 + timedelta(hours=1)
