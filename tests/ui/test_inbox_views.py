# ruff: noqa: F811 - the rig fixture is the Inbox page tests' own, imported
"""What the Inbox list shows as it changes: an entry marked done leaves the Open view at once
(the next one chosen, the keyboard kept, Ctrl+Z brings it back); an empty list says whether
the filters hide everything (with a way to clear them), every entry is done, or nothing came
yet; a like, a repost or a follow has no empty last line and no Answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.i18n import install_language
from somestudio.ui.inbox.empty import Emptiness
from somestudio.ui.inbox.page import InboxPage
from somestudio.ui.tasks import Tasks
from tests.accounts_setup import add_archive_account
from tests.ui.test_inbox_page import HELSINKI, Rig, _current, _texts, rig  # noqa: F401


def test_an_entry_marked_done_leaves_the_open_list_at_once_and_undo_brings_it_back(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    stack = QUndoStack(page)
    page.undo_stack = stack
    page.list.setFocus()
    first = _current(page)
    assert first.text == "Kiitos kahvista"
    page.toggle_done()  # e
    assert page.model.row_of(first.id) == -1  # gone from the Open view, not at a reload
    assert _texts(page) == ["Is it open on Sunday?", "like", "Milloin olette auki?"]
    assert _current(page).text == "Is it open on Sunday?"  # the next one is chosen
    assert QApplication.focusWidget() is page.list  # and j, k, e go on from there
    assert page.update_counts().open == 3
    stored = rig.studio.inbox().item(first.id)
    assert stored is not None and stored.done
    assert stack.undoText() == "Mark done"
    stack.undo()  # Ctrl+Z: back in the list, chosen again
    assert _texts(page)[0] == "Kiitos kahvista"
    assert _current(page).id == first.id
    again = rig.studio.inbox().item(first.id)
    assert again is not None and not again.done
    stack.redo()
    assert page.model.row_of(first.id) == -1
    # The last one: the one before it is chosen.
    page.list.setFocus()
    while page.list.currentIndex().row() < page.model.rowCount() - 1:
        page.next_item()
    last = _current(page)
    page.toggle_done()
    assert page.model.row_of(last.id) == -1
    assert _current(page).kind is InboxKind.LIKE


def test_marked_not_done_under_the_done_view_it_leaves_that_view(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    chosen = _current(page)
    page.toggle_done()
    page.filters.show_done.setCurrentIndex(page.filters.show_done.findData(True))
    assert _texts(page) == ["Kiitos kahvista"]
    page.toggle_done()  # not done: not in the Done view any more
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page) and not page.list.isVisibleTo(page)
    stored = rig.studio.inbox().item(chosen.id)
    assert stored is not None and not stored.done


def test_an_empty_list_says_when_the_filters_hide_everything_and_clears_them(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    page.filters.search.setText("no such words")
    page.filters.apply_now()
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)
    assert page.empty.state is Emptiness.FILTERED
    assert page.empty.text().startswith("Nothing matches these filters.")
    assert "empty" not in page.empty.text()
    assert page.empty.clear.isVisibleTo(page)
    assert page.empty.clear.accessibleName() == "Clear the filters"
    page.empty.clear.click()
    assert page.filters.search.text() == ""
    assert len(_texts(page)) == 4
    assert page.list.isVisibleTo(page) and not page.empty.isVisibleTo(page)
    # Another filter alone (a network with nothing open) says the same.
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("follow"))
    assert page.empty.state is Emptiness.FILTERED


def test_an_open_view_with_every_entry_done_says_so_not_that_the_inbox_is_empty(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    page.list.setFocus()
    for _ in range(4):
        page.toggle_done()
    assert page.model.rowCount() == 0
    assert page.empty.state is Emptiness.ALL_DONE
    assert "every entry is marked done" in page.empty.text()
    assert not page.empty.clear.isVisibleTo(page)
    # The keyboard is not left on the hidden list, nor put in the search field (whose own
    # undo would take Ctrl+Z from the window's "Undo Mark done"): on the text saying why.
    assert QApplication.focusWidget() is page.empty.label
    # No entry is chosen: the answer box does not speak of the last one (a like).
    assert page.editor.editor.placeholderText() == "Choose an entry to answer it."
    assert not page.editor.editor.isEnabled()


def test_esc_in_the_search_clears_it_then_goes_back_to_the_list(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "sunday")
    page.filters.apply_now()
    assert _texts(page) == ["Is it open on Sunday?"]
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == "" and page.model.rowCount() == 4
    assert QApplication.focusWidget() is page.filters.search
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.list


def test_a_new_inbox_says_nothing_came_yet(workspace: Workspace, qtbot: QtBot) -> None:
    page = InboxPage(Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.reload()
    assert page.empty.state is Emptiness.NOTHING
    # No account yet: it says what brings entries in (a new user was told they "come in by
    # themselves", which nothing would).
    assert page.empty.text().startswith("Nothing here yet. Connect an account on the Accounts")
    # Only accounts published by hand: no reply ever comes in from them, and it says so.
    from somestudio.domain.networks import Network, PublishMethod  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(
            conn, Network.BLUESKY, "mira.bsky.social", publish_method=PublishMethod.MANUAL
        )
    add_archive_account(workspace, workspace.home, "Arkisto")
    page.reload()
    assert page.empty.state is Emptiness.NOTHING
    assert page.empty.text() == (
        "Nothing comes in here for your accounts: replies reach Some Studio only from accounts"
        " signed in to their network (not from a Local archive, nor from accounts you publish"
        " by hand). Connect one on the Accounts page."
    )


def test_a_like_row_says_what_they_did_on_its_last_line(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    row = page.model.row_of(next(i for i in rig.studio.inbox().items() if i.text == "").id)
    item = page.model.item_at(row)
    assert item is not None and item.kind is InboxKind.LIKE
    laid = page.delegate._row(item, "", 500, page.list.font())
    assert laid.third.text() == "Liked your post"
    assert laid.third_muted
    spoken = page.model.item_at(0)
    assert spoken is not None
    said = page.delegate._row(spoken, "", 500, page.list.font())
    assert said.third.text() == "Kiitos kahvista" and not said.third_muted


def test_a_failed_answer_gives_one_reason_in_the_row_the_conversation_and_the_status(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    rig.credentials.bundles.clear()  # never connected on this computer
    page.list.setFocus()
    while _current(page).text != "Milloin olette auki?":
        page.next_item()
    chosen = _current(page).id
    page.start_reply()
    page.editor.set_text("Huomenna 9-17")
    page.send_reply(page.editor.text())
    page.show_conversation()
    assert rig.server.posts == []
    item = rig.studio.inbox().item(chosen)
    assert item is not None and item.problem == "inbox.not_connected"
    row = page.delegate.second_line(item, "")
    assert "⚠ Not connected" in row and "expired" not in row
    assert page.editor.problem.text() == "⚠ Not connected · The answer could not be sent"
    talk = page.conversation.toPlainText()
    assert "expired" not in talk and "Reconnect" not in talk
    assert talk.count("No sign-in is stored") == 1, talk  # the reason, once
    assert talk.count("me@example.social") == 1
    assert page.editor.text() == "Huomenna 9-17"  # nothing the user wrote is lost


def _state(page: InboxPage) -> Emptiness:
    """What the empty list says now (read afresh: each filter change sets it again)."""
    return page.empty.state


def test_a_network_or_account_chosen_with_no_entry_says_so_by_name(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    conn = rig.studio.workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.THREADS, "kahvila", publish_method=PublishMethod.API)
        account_rows.add_account(conn, Network.LINKEDIN, "kahvila-oy")
    page.reload()
    network = page.filters.network
    network.setCurrentIndex(network.findData(Network.THREADS.value))
    assert page.model.rowCount() == 0
    assert _state(page) is Emptiness.SOURCE
    assert page.empty.text().startswith("No entries from Threads yet. Replies and comments")
    assert page.empty.clear.isVisibleTo(page)
    network.setCurrentIndex(network.findData(Network.LINKEDIN.value))
    assert page.empty.text() == "No entries from LinkedIn: Some Studio reads no inbox there."
    finnish = install_language("fi")
    try:
        page.reload_list()
        said = page.empty.text()
    finally:
        finnish.remove()
    assert said == "Palvelusta LinkedIn ei ole viestejä: Some Studio ei lue sen saapuneita.", said
    # A network with entries, none of them of the chosen kind: the filters hide them.
    network.setCurrentIndex(network.findData(Network.BLUESKY.value))
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("follow"))
    assert _state(page) is Emptiness.FILTERED
    page.filters.kind.setCurrentIndex(0)
    network.setCurrentIndex(0)
    account = page.filters.account
    account.setCurrentIndex(account.findText("Threads · kahvila"))
    assert _state(page) is Emptiness.SOURCE
    assert page.empty.text().startswith("No entries from Threads · kahvila yet.")
    page.empty.clear.click()
    assert len(_texts(page)) == 4
