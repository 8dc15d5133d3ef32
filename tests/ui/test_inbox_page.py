"""The Inbox page on a real database: one list across accounts newest first, its filters and
search, the keyboard (j/k, e, /, r and Ctrl+Return), saved replies, the unread count in the
navigation, the problems of a source, paging through many entries, and an answer sent to a
loopback Mastodon server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.inbox.service import InboxService
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows
from somestudio.ui.i18n import install_language
from somestudio.ui.inbox.model import PAGE
from somestudio.ui.inbox.page import InboxPage
from somestudio.ui.tasks import Tasks
from tests.integration.mastodon_inbox_server import Server, mastodon_inbox
from tests.networks.support import MemoryCredentials

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
HELSINKI = ZoneInfo("Europe/Helsinki")


@dataclass
class Clock:
    at: datetime = T0 + timedelta(days=1)

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - T0).total_seconds()


def _entry(n: int, kind: InboxKind, text: str = "", who: str = "bob", name: str = "") -> Incoming:
    return Incoming(
        network_item_id=f"id-{n}",
        kind=kind,
        author=Author(f"@{who}", name),
        created_at=T0 + timedelta(minutes=n),
        text=text,
        item_post=PostRef(f"{100 + n}") if kind.answerable else None,
        subject=PostRef("500"),
    )


@dataclass
class Rig:
    page: InboxPage
    studio: Studio
    server: Server
    masto: int
    sky: int
    credentials: MemoryCredentials


@pytest.fixture
def rig(workspace: Workspace, qtbot: QtBot) -> Iterator[Rig]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    with mastodon_inbox() as server:
        conn = workspace.writable_connection()
        with transaction(conn):
            masto = account_rows.add_account(
                conn, Network.MASTODON, "@me@example.social", instance_url=server.url,
                publish_method=PublishMethod.API, options={"user_id": "7"},
            )  # fmt: skip
            sky = account_rows.add_account(
                conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
            )
            item_rows.add(
                conn,
                masto,
                [
                    _entry(1, InboxKind.REPLY, "Milloin olette auki?", "aino", "Aino"),
                    _entry(2, InboxKind.LIKE, "", "haskal"),
                    _entry(4, InboxKind.MENTION, "Kiitos kahvista", "sara", "Sara"),
                ],
                T0,
            )
            item_rows.add(
                conn, sky, [_entry(3, InboxKind.REPLY, "Is it open on Sunday?", "lee.bsky")], T0
            )
        publishers = PublisherRegistry()
        credentials = MemoryCredentials({masto: {"access_token": "tok-inbox"}})
        publishers.register(
            MastodonPublisher(create_session, credentials, timeout=(2.0, 2.0)),
            method=PublishMethod.API,
            network=Network.MASTODON,
        )
        studio = Studio(workspace)
        studio.use_inbox(InboxService(workspace.writable_connection, publishers, clock=Clock()))
        page = InboxPage(studio, HELSINKI, tasks=Tasks(synchronous=True))
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        page.reload()
        yield Rig(page, studio, server, masto, sky, credentials)
    QLocale.setDefault(QLocale.c())


def _current(page: InboxPage) -> InboxItem:
    item = page.current_item()
    assert item is not None
    return item


QUESTION = "Milloin olette auki?"  # the Mastodon entry the tests answer


def _to_the_question(qtbot: QtBot, page: InboxPage) -> None:
    """With the keyboard on the list, j (next) until the question is chosen."""
    page.list.setFocus()
    while _current(page).text != QUESTION:
        qtbot.keyClick(page.list, Qt.Key.Key_J)


def _texts(page: InboxPage) -> list[str]:
    return [
        item.text if item.text else item.kind.value
        for item in (page.model.item_at(r) for r in range(page.model.rowCount()))
        if item is not None
    ]


def test_one_list_across_accounts_newest_first_with_filters_and_search(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    assert _texts(page) == [
        "Kiitos kahvista",
        "Is it open on Sunday?",
        "like",
        "Milloin olette auki?",
    ]
    page.filters.network.setCurrentIndex(page.filters.network.findData("bluesky"))
    assert _texts(page) == ["Is it open on Sunday?"]
    page.filters.network.setCurrentIndex(0)
    page.filters.account.setCurrentIndex(page.filters.account.findData(rig.masto))
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("answerable"))
    assert _texts(page) == ["Kiitos kahvista", "Milloin olette auki?"]
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("like"))
    assert _texts(page) == ["like"]
    page.filters.kind.setCurrentIndex(0)
    page.filters.account.setCurrentIndex(0)
    page.filters.search.setText("AUKI")
    page.filters.apply_now()
    assert _texts(page) == ["Milloin olette auki?"]
    # What a screen reader says of a row: who, what, where, when.
    said = page.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Reply" in said and "Aino" in said and "Mastodon" in said and "unread" in said


def test_the_keyboard_moves_marks_done_and_searches(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    page.list.setFocus()
    assert _current(page).text == "Kiitos kahvista"
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    assert _current(page).kind is InboxKind.LIKE
    qtbot.keyClick(page.list, Qt.Key.Key_K)
    assert _current(page).text == "Is it open on Sunday?"
    chosen = _current(page).id
    qtbot.keyClick(page.list, Qt.Key.Key_E)
    stored = rig.studio.inbox().item(chosen)
    assert stored is not None and stored.done and not stored.unread
    # Shown with the done ones too, the entry stays and e takes it back.
    page.filters.show_done.setCurrentIndex(page.filters.show_done.findData(None))
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_K)
    assert _current(page).id == chosen
    assert page.done_button.text() == "Mark not done"
    qtbot.keyClick(page.list, Qt.Key.Key_E)
    assert page.model.row_of(chosen) >= 0
    again = rig.studio.inbox().item(chosen)
    assert again is not None and not again.done  # e again: not done
    qtbot.keyClick(page.list, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is page.filters.search
    # Typing in the search box types: j is a letter there, not a move.
    qtbot.keyClicks(page.filters.search, "jk")
    assert page.filters.search.text() == "jk"


def test_an_answer_written_with_the_keyboard_goes_out_once_and_the_entry_is_done(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    _to_the_question(qtbot, page)
    chosen = _current(page).id
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    assert QApplication.focusWidget() is page.editor.editor
    qtbot.keyClicks(page.editor.editor, "Huomenna 9-17")
    assert page.editor.counter.text().startswith(str(len("@aino Huomenna 9-17")))
    qtbot.keyClick(page.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(rig.server.posts) == 1
    assert QApplication.focusWidget() is page.list  # the keyboard stays in the inbox
    body = rig.server.posts[0]
    assert body["status"] == "@aino Huomenna 9-17" and body["in_reply_to_id"] == "101"
    assert rig.server.problems == []
    stored = rig.studio.inbox().item(chosen)
    assert stored is not None and stored.done and stored.reply_state == "sent"
    row = page.model.item_at(page.model.row_of(chosen))
    assert row is not None and row.done  # the row says so at once
    assert not page.editor.editor.isEnabled()  # answered: no second answer from here
    qtbot.keyClick(page.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(rig.server.posts) == 1


def test_an_answer_not_sent_waits_under_its_entry_while_others_are_read(
    rig: Rig, qtbot: QtBot
) -> None:
    """An answer typed, then Escape and j, k: the box was empty again and the words gone
    (a new user's finding). Each entry keeps its unsent answer while the page lives."""
    page = rig.page
    _to_the_question(qtbot, page)
    chosen = _current(page).id
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    qtbot.keyClicks(page.editor.editor, "Huomenna 9-17")
    qtbot.keyClick(page.editor.editor, Qt.Key.Key_Escape)  # back to the list
    assert QApplication.focusWidget() is page.list
    qtbot.keyClick(page.list, Qt.Key.Key_K)
    assert _current(page).id != chosen
    assert page.editor.text() == ""  # another entry: its own (empty) answer
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    assert _current(page).id == chosen
    assert page.editor.text() == "Huomenna 9-17"
    assert page.editor.counter.text().startswith(str(len("@aino Huomenna 9-17")))  # counted
    assert rig.server.posts == []  # nothing went out
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    qtbot.keyClick(page.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(rig.server.posts) == 1  # sent: the kept answer goes with it
    assert rig.server.posts[0]["status"] == "@aino Huomenna 9-17"
    qtbot.keyClick(page.list, Qt.Key.Key_K)
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    assert page.editor.text() == ""


def test_a_like_takes_no_answer_and_an_empty_answer_is_not_sent(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    page.list.setFocus()
    while _current(page).kind is not InboxKind.LIKE:
        qtbot.keyClick(page.list, Qt.Key.Key_J)
    # Nothing to answer: Answer is off and says why, and r says the same.
    assert not page.reply_button.isEnabled()
    assert page.reply_button.toolTip() == "A like has nothing to answer."
    assert page.reply_button.accessibleDescription() == page.reply_button.toolTip()
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    assert not page.editor.editor.isEnabled()
    assert page.editor.problem.text() == "A like has nothing to answer."
    assert page.editor.editor.placeholderText() == "A like has nothing to answer."
    qtbot.keyClick(page.list, Qt.Key.Key_K)
    assert page.reply_button.isEnabled()
    assert page.reply_button.toolTip() == "Write an answer (r)"
    page.send_reply("   ")
    assert rig.server.posts == []
    assert page.editor.problem.text() == "Write an answer first."


# The menu pops up and grabs the keyboard, which the offscreen platform cannot (a limit of
# that plugin only).
@pytest.mark.qt_log_ignore(
    "^This plugin does not support grabbing the keyboard$",
    "^This plugin does not support raise\\(\\)$",
)
def test_saved_replies_are_managed_and_put_in_with_the_name(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    page.manage_saved()
    dialog = page.saved_dialog
    assert dialog is not None
    from tests.ui.a11y import unnamed  # noqa: PLC0415

    assert unnamed(dialog) == []
    dialog.title.setText("Kiitos")
    dialog.body.setPlainText("Kiitos, {name}! Tervetuloa uudelleen.")
    dialog.language.setCurrentIndex(dialog.language.findData("fi"))
    dialog.save_button.click()
    assert [r.title for r in rig.studio.saved_replies().list()] == ["Kiitos"]
    dialog.body.setPlainText("Kiitos paljon, {name}!")
    dialog.save_button.click()
    dialog.new_button.click()
    dialog.title.setText("Hours")
    dialog.body.setPlainText("Hi {name}, we are open 9-17.")
    dialog.save_button.click()
    assert [r.body for r in rig.studio.saved_replies().list()] == [
        "Hi {name}, we are open 9-17.",
        "Kiitos paljon, {name}!",
    ]
    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()
    assert [r.title for r in rig.studio.saved_replies().list()] == ["Kiitos"]
    dialog.reject()

    _to_the_question(qtbot, page)
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    qtbot.keyClick(
        page.editor.editor,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    menu = page.saved_menu_shown
    assert menu is not None
    first = menu.actions()[0]
    assert first.text() == "Kiitos (fi)"
    first.trigger()
    assert page.editor.text() == "Kiitos paljon, Aino!"
    # Put after words already typed, a space apart (a new user's came out glued on).
    page.editor.set_text("Hei!")
    page.editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    page.insert_saved(rig.studio.saved_replies().list()[0])
    assert page.editor.text() == "Hei! Kiitos paljon, Aino!"


def test_the_unread_count_follows_reading_and_a_source_problem_is_said(
    rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    seen: list[int] = []
    page.counts_changed.connect(lambda counts: seen.append(counts.unread))
    assert page.update_counts().unread == 4
    page.list.setFocus()
    page._mark_current_read()  # what the read timer does after a moment on the entry
    assert seen[-1] == 3
    conn = rig.studio.workspace.writable_connection()
    with transaction(conn):
        conn.execute(
            "INSERT INTO inbox_cursors (account_id, source, last_problem, last_error, failures)"
            " VALUES (?, 'notifications', 'inbox.sign_in', 'HTTP 401', 1)",
            (rig.masto,),
        )
    page.reload()
    assert page.sources.isVisible()
    assert "Reconnect the account" in page.sources.text()
    assert "me@example.social" in page.sources.text()


def test_many_entries_come_a_page_at_a_time(workspace: Workspace, qtbot: QtBot) -> None:
    conn = workspace.writable_connection()
    with transaction(conn):
        masto = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        item_rows.add(
            conn, masto, [_entry(n, InboxKind.MENTION, f"viesti {n}") for n in range(450)], T0
        )
    page = InboxPage(Studio(workspace), HELSINKI, tasks=Tasks(synchronous=True))
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == PAGE
    assert _current(page).text == "viesti 449"
    page.list.selectionModel().setCurrentIndex(
        page.model.index(PAGE - 1), page.list.selectionModel().SelectionFlag.ClearAndSelect
    )
    page.next_item()  # j at the end of what is loaded reads the next page
    assert page.model.rowCount() == 2 * PAGE
    assert _current(page).text == f"viesti {449 - PAGE}"


def test_the_window_shows_the_unread_count_in_the_navigation(
    make_window: object, home: Path, qtbot: QtBot
) -> None:
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        masto = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        item_rows.add(conn, masto, [_entry(n, InboxKind.MENTION, "hei") for n in range(3)], T0)
    workspace.close()
    window = make_window(home)  # type: ignore[operator]
    item = window.navigation.item(6)
    assert item.text() == "Inbox  3"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Inbox, 3 unread"
    window.show_page("inbox")
    qtbot.waitUntil(lambda: window.inbox.current_item() is not None)  # read on a worker
    window.inbox.list.setFocus()
    window.inbox.toggle_done()
    assert window.navigation.item(6).text() == "Inbox  2"


def test_new_replies_notify_unless_the_account_is_turned_off_in_settings(
    make_window: object, home: Path, qtbot: QtBot
) -> None:
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.scheduling.events import InboxChanged  # noqa: PLC0415

    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        masto = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        sky = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
        )
        account_rows.add_account(  # published by hand: its inbox is never read
            conn, Network.BLUESKY, "kasin.test", publish_method=PublishMethod.MANUAL
        )
    workspace.close()
    window = make_window(home)  # type: ignore[operator]
    shown: list[tuple[str, str]] = []
    window.notification_wanted.connect(lambda title, text: shown.append((title, text)))
    window.show_page("settings")
    boxes = window.settings_page.inbox_notifications.boxes
    assert set(boxes) == {masto, sky} and all(b.isChecked() for b in boxes.values())
    boxes[sky].setChecked(False)
    window.on_engine_event(InboxChanged(sky, 2, 2))
    window.on_engine_event(InboxChanged(masto, 1, 0))  # a like: no notification
    assert shown == []
    window.on_engine_event(InboxChanged(masto, 3, 2))
    assert shown == [("Inbox", "2 new replies or mentions — @me")]


def test_the_conversation_shows_the_chosen_entry_once_moving_stops(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    qtbot.waitUntil(lambda: not page.model.loading)  # the list reads on a worker
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: "Is it open on Sunday?" in page.conversation.toPlainText())
    assert "Kiitos kahvista" not in page.conversation.toPlainText()


def test_the_tray_tip_counts_unread_inbox_entries_beside_the_attention(qtbot: QtBot) -> None:
    from PySide6.QtGui import QIcon  # noqa: PLC0415

    from somestudio.ui.tray import Tray  # noqa: PLC0415

    tray = Tray(QIcon())
    tray.set_attention(2)
    tray.set_inbox(5)
    assert tray.icon.toolTip() == ("Some Studio — Needs attention: 2 — Unread in the inbox: 5")
    tray.set_attention(0)  # the attention changes; the inbox count stays
    assert tray.icon.toolTip() == "Some Studio — Unread in the inbox: 5"
    tray.set_inbox(0)
    assert tray.icon.toolTip() == "Some Studio"


def test_x_mentions_are_read_only_once_turned_on_in_settings_with_a_note_of_the_cost(
    make_window: object, home: Path, qtbot: QtBot
) -> None:
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        x = account_rows.add_account(conn, Network.X, "@aurinko", publish_method=PublishMethod.API)
        account_rows.add_account(  # by hand: never read, so nothing to turn on
            conn, Network.X, "@kasin", publish_method=PublishMethod.MANUAL
        )
        sky = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
        )
    workspace.close()
    window = make_window(home)  # type: ignore[operator]
    window.show_page("settings")
    group = window.settings_page.inbox_notifications
    assert set(group.reading) == {x}  # Bluesky's inbox is read without asking
    box = group.reading[x]
    assert not box.isChecked() and box.accessibleName() == "Read mentions of X · @aurinko"
    (note,) = group.cost_notes
    assert "charges your own app for every post it reads" in note.text()
    # The numbers are the collector's own budget (three requests of 100 a quarter hour).
    assert "at most 3 request" in note.text()
    assert "of up to 100 posts every 15 minutes" in note.text()
    from tests.e2e.conftest import REPO_ROOT  # noqa: PLC0415

    (REPO_ROOT / "artifacts").mkdir(exist_ok=True)
    QApplication.processEvents()
    assert group.grab().save(str(REPO_ROOT / "artifacts" / "settings-x-reading.png"))
    inbox = window._studio.inbox()
    assert not {s.account_id: s.reads for s in inbox.sources()}[x]
    assert not group.boxes[x].isVisibleTo(group)  # not read: nothing to notify of
    assert group.boxes[sky].isVisibleTo(group)
    box.setChecked(True)
    reads = {s.account_id: s.reads for s in inbox.sources()}
    assert (reads[x], reads[sky]) == (True, True)
    assert group.boxes[x].isVisibleTo(group)
    box.setChecked(False)
    assert not {s.account_id: s.reads for s in inbox.sources()}[x]
    assert not group.boxes[x].isVisibleTo(group)


def test_the_entry_shown_on_opening_is_read_once_the_user_sees_it(
    workspace: Workspace, rig: Rig, qtbot: QtBot
) -> None:
    page = rig.page
    first = _current(page)
    assert first.unread
    qtbot.waitUntil(lambda: "Kiitos kahvista" in page.conversation.toPlainText())
    # On screen and in the conversation: read after the same moment as any entry stopped on.
    assert page._read_timer.isActive()
    qtbot.waitUntil(lambda: page.update_counts().unread == 3)
    read = rig.studio.inbox().item(first.id)
    assert read is not None and not read.unread
    page.next_item()  # the user moves: the entry they stop on is read after a moment
    assert page._read_timer.isActive()
    qtbot.waitUntil(lambda: page.update_counts().unread == 2)


def test_a_page_built_unseen_reads_nothing_until_it_is_shown(
    workspace: Workspace, rig: Rig, qtbot: QtBot
) -> None:
    """The window builds the Inbox in the background (for the count): nothing is read there;
    shown, its chosen entry is; hidden again before the moment passes, it stays unread."""
    rig.page.hide()  # the rig's own page, shown, would read it
    unseen = InboxPage(rig.studio, HELSINKI, tasks=Tasks(synchronous=True))
    qtbot.addWidget(unseen)
    unseen.reload()
    qtbot.waitUntil(lambda: not unseen.model.loading)
    first = _current(unseen)
    assert first.unread and not unseen._read_timer.isActive()
    qtbot.wait(unseen._read_timer.interval() + 200)
    assert rig.studio.inbox().item(first.id).unread  # type: ignore[union-attr]
    unseen.show()
    qtbot.waitExposed(unseen)
    assert unseen._read_timer.isActive()
    unseen.hide()  # away before the moment passed
    qtbot.wait(unseen._read_timer.interval() + 200)
    assert rig.studio.inbox().item(first.id).unread  # type: ignore[union-attr]
    unseen.show()
    qtbot.waitUntil(lambda: not rig.studio.inbox().item(first.id).unread)  # type: ignore[union-attr]


def test_a_failed_answer_says_why_once_in_the_window_language(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    rig.credentials.bundles.clear()  # never connected on this computer
    finnish = install_language("fi")
    try:
        _to_the_question(qtbot, page)
        page.start_reply()
        qtbot.keyClicks(page.editor.editor, "Huomenna 9-17")
        page.send_reply(page.editor.text())
        page.show_conversation()
        said = page.editor.problem.text() + "\n" + page.conversation.toPlainText()
    finally:
        finnish.remove()
    assert rig.server.posts == []
    assert "no sign-in is stored" not in said
    assert said.count("me@example.social") == 1, said  # the reason, once
    assert page.editor.text() == "Huomenna 9-17"  # nothing the user wrote is lost


def test_the_counter_counts_the_mention_sent_in_front_and_says_so(rig: Rig, qtbot: QtBot) -> None:
    """A Mastodon answer goes out with the person's @mention in front: the count and the
    over-limit check are of that text, and the mention is said beside the count."""
    page = rig.page
    _to_the_question(qtbot, page)
    item = _current(page)
    assert rig.studio.inbox().reply_text(item.id, " Hei ") == "@aino Hei"
    page.start_reply()
    qtbot.keyClicks(page.editor.editor, "Hei")
    assert page.editor.counter.text() == "9/500"  # "@aino Hei"
    assert page.editor.added.isVisible() and page.editor.added.full_text() == "with @aino"
    assert "9 of 500 characters, with @aino" in page.editor.counter.accessibleDescription()
    page.editor.set_text("x" * 495)  # 495 typed, 501 sent
    assert page.editor.counter.text() == "501/500"
    page.send_reply(page.editor.text())
    assert rig.server.posts == []  # refused here, not by the server
    assert page.editor.text() == "x" * 495
    while _current(page).network is not Network.BLUESKY:  # the one above
        qtbot.keyClick(page.list, Qt.Key.Key_K)
    page.editor.set_text("Hei")
    assert page.editor.counter.text() == "3/300" and not page.editor.added.isVisible()


@pytest.fixture
def in_finnish(qapp: object) -> Iterator[None]:
    installed = install_language(
        "fi", system=QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
    )
    yield
    installed.remove()


def test_ctrl_enter_sends_the_answer_in_finnish_too(
    in_finnish: None, rig: Rig, qtbot: QtBot
) -> None:
    """The Finnish catalogue names the Return key "Enter": read in the window's language,
    "Ctrl+Enter" meant Ctrl+Return, the shortcut held one key twice and Qt, finding it
    ambiguous, ran neither (a new user's Ctrl+Enter did nothing in Finnish)."""
    page = rig.page
    _to_the_question(qtbot, page)
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    qtbot.keyClicks(page.editor.editor, "Huomenna")
    qtbot.keyClick(page.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(rig.server.posts) == 1
