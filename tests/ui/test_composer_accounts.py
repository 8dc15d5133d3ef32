"""The composer's "Post to" list: room for the accounts, a click on a name ticks it, a word
and a button when there is no account, and the header's messages kept apart and current."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.composer.account_list import MIN_ROWS
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.tasks import Tasks

SIX = (
    (Network.X, "kahvila"),
    (Network.BLUESKY, "aurinko.example"),
    (Network.LINKEDIN, "aurinko-oy"),
    (Network.LOCAL, "arkisto"),
    (Network.MASTODON, "@aurinko"),
    (Network.THREADS, "aurinko"),
)


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ws = open_workspace(home)
    yield ws
    ws.close()
    QLocale.setDefault(QLocale.c())


def _page(qtbot: QtBot, workspace: Workspace, accounts: int) -> ComposePage:
    conn = workspace.writable_connection()
    with transaction(conn):
        for network, handle in SIX[:accounts]:
            account_rows.add_account(conn, network, handle)
    page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_six_accounts_all_show_and_a_click_on_a_name_ticks_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    page = _page(qtbot, workspace, 6)
    listing = page.accounts
    assert listing.count() == 6
    row = listing.sizeHintForRow(0)
    assert listing.height() >= MIN_ROWS * row  # every account in view, none behind a scroll
    assert listing.visualItemRect(listing.item(5)).bottom() <= listing.viewport().height()
    name = listing.visualItemRect(listing.item(2))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=name.center())
    assert listing.item(2).checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=name.center())
    assert listing.item(2).checkState() == Qt.CheckState.Unchecked
    assert not page.no_accounts.isVisible()
    assert page.no_channels.isVisible()  # accounts to tick, none ticked: the hint says so


def test_without_accounts_the_page_says_so_and_opens_accounts(
    qtbot: QtBot, workspace: Workspace
) -> None:
    page = _page(qtbot, workspace, 0)
    assert not page.accounts.isVisible()
    assert page.no_accounts.isVisible()
    assert "Add an account first" in page.no_accounts.text.text()
    assert not page.no_channels.isVisible()  # no "Tick an account above" with none above
    with qtbot.waitSignal(page.accounts_requested):
        page.no_accounts.button.click()


def test_the_reminder_to_choose_goes_once_an_account_is_ticked_and_messages_stand_apart(
    qtbot: QtBot, workspace: Workspace
) -> None:
    page = _page(qtbot, workspace, 2)
    page.editor.setPlainText("Glögi ja piparit")
    page.schedule()  # Ctrl+Shift+S, with no account ticked
    assert page.feedback.text() == "Choose where it goes first."
    page.accounts.item(0).setCheckState(Qt.CheckState.Checked)
    assert page.feedback.text() == ""
    page.save_draft()
    assert page.feedback.text() == "Draft saved to Drafts."
    # "New post" and "Draft saved." read as two things: the one under the other, and the
    # sentence on one line where the buttons leave room (beside the title it stood four
    # lines tall in a narrow window)
    assert page.feedback.geometry().top() >= page.title.geometry().bottom()
    page.resize(640, 700)
    page.feedback.setText("Not scheduled. The post is kept as a draft.")
    qtbot.waitUntil(lambda: page.feedback.width() < 400)
    lines = page.feedback.height() // page.feedback.fontMetrics().lineSpacing()
    assert lines <= 1, page.feedback.height()


def test_the_reminder_to_write_goes_once_something_is_written(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The words "Write something first." stayed beside the title after 20,000 characters
    were pasted (a Finnish new user's finding): they go with the first words."""
    page = _page(qtbot, workspace, 2)
    page.save_draft()  # Ctrl+S on an empty post
    assert page.feedback.text() == "Write something first."
    page.editor.insertPlainText("   ")
    assert page.feedback.text() == "Write something first."  # spaces are not a post yet
    page.editor.insertPlainText("Glögi ja piparit " * 1200)  # a paste
    assert page.feedback.text() == ""


def test_an_account_nothing_can_publish_to_is_marked_while_ticking(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in the list, not only in the schedule dialog: Mastodon's sign-in is in the real
    keyring, X's is not (a warning mark, the reason as tooltip and for screen readers), the
    Local archive needs none."""
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    conn = workspace.writable_connection()
    with transaction(conn):
        mastodon = account_rows.add_account(conn, Network.MASTODON, "@aurinko")
        account_rows.add_account(conn, Network.X, "kahvila")
        account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER
        )
    keyring_store.store(mastodon, {"access_token": "mastodon-token-1"})
    page = _page(qtbot, workspace, 0)

    # Read on a worker of its own (the keyring), then marked.
    def reason(row: int) -> str:
        return str(page.accounts.item(row).data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")

    qtbot.waitUntil(lambda: any(reason(r) for r in range(page.accounts.count())))
    marks = {}
    for row in range(page.accounts.count()):
        item = page.accounts.item(row)
        marks[item.text()] = (item.icon().cacheKey(), reason(row))
        # the tooltip names the account whole (a long name is cut in its row), then why
        assert item.toolTip() == "\n".join(filter(None, (item.text(), reason(row))))
    assert marks["Mastodon · @aurinko"][1] == ""
    assert marks["Local archive · arkisto"][1] == ""
    marked, tip = marks["X · kahvila"]
    assert tip.startswith("Not connected: no sign-in is stored on this computer")
    # The mark is X's alone; every row keeps one height and its name in one place.
    assert marked not in (marks["Mastodon · @aurinko"][0], marks["Local archive · arkisto"][0])
    rects = [page.accounts.visualItemRect(page.accounts.item(r)) for r in range(3)]
    assert len({rect.height() for rect in rects}) == 1
    assert all(not page.accounts.item(r).icon().isNull() for r in range(3))
    x = next(
        page.accounts.item(r) for r in range(page.accounts.count())
        if page.accounts.item(r).text() == "X · kahvila"
    )  # fmt: skip
    assert x.data(Qt.ItemDataRole.AccessibleDescriptionRole) == tip
    # Read once per set of accounts (a locked keyring would ask at every visit): a visit
    # again shows the same marks; connecting the account (the window then calls
    # sign_ins_changed) reads again and takes the mark away.
    page.reload()
    x_row = next(
        r for r in range(page.accounts.count()) if page.accounts.item(r).text() == "X · kahvila"
    )
    assert not page.accounts.item(x_row).icon().isNull()  # at once, from what was read
    x_id = next(t for t in page._targets.values() if t.label == "kahvila").account_id
    keyring_store.store(x_id, {"access_token": "x-token-1"})
    page.sign_ins_changed()
    qtbot.waitUntil(lambda: page.accounts.item(x_row).icon().isNull())
    assert page.accounts.item(x_row).toolTip() == "X · kahvila"


def test_a_long_account_name_ends_in_an_ellipsis_not_a_sideways_scroll(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """Beside the Drafts panel, "Paikallinen arkisto · Kahvila Aurinko – arkisto" put a
    sideways scroll bar under the accounts (a new user's finding): the row is cut with "…"
    and its tooltip names it whole."""
    conn = workspace.writable_connection()
    long_label = "Kahvila Aurinko – tapahtumat, kesäterassi ja joulumyyjäiset"
    with transaction(conn):
        account_rows.add_account(
            conn, Network.LOCAL, long_label, publish_method=PublishMethod.FOLDER
        )
    page = _page(qtbot, workspace, 2)
    page.resize(760, 700)  # the window beside the Drafts panel
    qtbot.waitUntil(lambda: page.accounts.width() < 400)
    item = next(
        page.accounts.item(r)
        for r in range(page.accounts.count())
        if long_label in page.accounts.item(r).text()
    )
    assert page.accounts.fontMetrics().horizontalAdvance(item.text()) > page.accounts.width()
    assert page.accounts.horizontalScrollBar().maximum() == 0
    assert not page.accounts.horizontalScrollBar().isVisible()
    assert page.accounts.visualItemRect(item).right() <= page.accounts.viewport().width()
    assert item.toolTip().startswith(item.text())


def test_draft_saved_is_said_of_the_previous_post_once_the_next_is_written(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The words "Draft saved to Drafts." stayed under "New post" while the next post was
    written, and read as said of it (a check on the real program); as the other
    confirmations, it then says it was the previous post's."""
    page = _page(qtbot, workspace, 2)
    page.accounts.item(0).setCheckState(Qt.CheckState.Checked)
    page.editor.setPlainText("Glögi ja piparit")
    page.save_draft()
    assert page.feedback.text() == "Draft saved to Drafts."
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "Uusi")
    assert page.feedback.text() == "Previous post: Draft saved to Drafts."
