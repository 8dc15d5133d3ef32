# ruff: noqa: F811 - the rig fixture is the Inbox page tests' own, imported
"""Like and hide on the Inbox page (keys f and h, the buttons beside Answer): an entry is
favourited once on a loopback Mastodon server checked against its OpenAPI document, an
action the network does not have is off with the reason, an entry whose post was deleted
says so; the chosen row is marked in the theme's colours with the list out of focus; and a
reply to a reply sits indented under it in the conversation."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows
from somestudio.ui.i18n import install_language
from somestudio.ui.inbox.conversation import thread_depths
from somestudio.ui.inbox.delegate import SELECTED_BAR
from somestudio.ui.inbox.page import InboxPage
from somestudio.ui.inbox.texts import (
    entry_problem_short,
    entry_problem_text,
    missing_action_texts,
)
from somestudio.ui.theme import colours
from tests.ui.test_inbox_page import Rig, _current, rig  # noqa: F401

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _go_to(page: InboxPage, qtbot: QtBot, text: str) -> None:
    """Move to the row with ``text`` by j and k, as a person would."""
    page.list.setFocus()
    rows = [page.model.item_at(r) for r in range(page.model.rowCount())]
    wanted = next(r for r, item in enumerate(rows) if item is not None and item.text == text)
    while page.list.currentIndex().row() != wanted:
        down = page.list.currentIndex().row() < wanted
        qtbot.keyClick(page.list, Qt.Key.Key_J if down else Qt.Key.Key_K)


def test_f_likes_the_entry_once_and_the_row_says_so(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    _go_to(page, qtbot, "Milloin olette auki?")
    assert page.like_button.isEnabled() and page.like_button.accessibleName() == "Like"
    qtbot.keyClick(page.list, Qt.Key.Key_F)
    assert rig.server.favourited == {"101": 1}
    assert not page.like_button.isEnabled() and page.like_button.text() == "Liked"
    qtbot.keyClick(page.list, Qt.Key.Key_F)  # again: nothing more is asked
    page.like_button.click()
    assert rig.server.favourited == {"101": 1}
    said = page.model.index(page.list.currentIndex().row()).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "liked" in said
    page.show_conversation()
    assert "You liked this." in page.conversation.toPlainText()
    assert rig.server.problems == []


def test_hide_is_off_on_mastodon_with_the_reason_and_h_says_it(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    _go_to(page, qtbot, "Milloin olette auki?")
    assert not page.hide_button.isEnabled()
    assert "Mastodon has no way to hide" in page.hide_button.toolTip()
    assert page.hide_button.accessibleDescription() == page.hide_button.toolTip()
    qtbot.keyClick(page.list, Qt.Key.Key_H)
    assert "Mastodon has no way to hide" in page.editor.problem.text()
    _go_to(page, qtbot, "")  # the like (no post of theirs): nothing to like either
    assert _current(page).kind is InboxKind.LIKE
    assert not page.like_button.isEnabled()
    assert "no post of theirs" in page.like_button.toolTip()
    assert rig.server.favourited == {}


def test_a_deleted_post_is_said_on_the_entry_which_stays(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    _go_to(page, qtbot, "Milloin olette auki?")
    rig.server.favourite_faults.append((404, "Record not found"))
    qtbot.keyClick(page.list, Qt.Key.Key_F)
    assert "no longer there" in page.editor.problem.text()
    page.show_conversation()
    assert "no longer there" in page.conversation.toPlainText()
    row = page.list.currentIndex().row()
    assert "Deleted" in page.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert _current(page).text == "Milloin olette auki?" and page.like_button.isEnabled()


def test_the_chosen_row_is_marked_in_the_theme_colours_out_of_focus(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_J)
    page.filters.search.setFocus()  # the list loses the focus; the mark stays
    rect = page.list.visualRect(page.list.currentIndex())
    picture = page.list.viewport().grab().toImage()
    scheme = colours(page.list.palette())
    ratio = picture.devicePixelRatio()
    edge = picture.pixelColor(int((rect.left() + 1) * ratio), int((rect.top() + 2) * ratio))
    fill = picture.pixelColor(int((rect.right() - 2) * ratio), int((rect.top() + 1) * ratio))
    assert edge == QColor(scheme.text)
    assert fill == QColor(scheme.selection)
    assert SELECTED_BAR >= 3


def _reply(n: int, parent: str, root: str = "500") -> InboxItem:
    incoming = Incoming(
        f"n{n}",
        InboxKind.REPLY,
        Author(f"@p{n}"),
        T0,
        f"reply {n}",
        item_post=PostRef(f"r{n}"),
        subject=PostRef(parent),
        root=PostRef(root),
    )
    return InboxItem(n, 1, Network.MASTODON, incoming, T0)


def test_replies_to_replies_are_indented_under_what_they_answer() -> None:
    thread = [_reply(1, "500"), _reply(2, "r1"), _reply(3, "r2"), _reply(4, "500")]
    assert thread_depths(thread) == {1: 0, 2: 1, 3: 2, 4: 0}
    # A Graph reply names its top-level comment as root, our post as subject.
    comment = _reply(5, "post", root="post")
    answer = _reply(6, "post", root="r5")
    assert thread_depths([comment, answer]) == {5: 0, 6: 1}
    looped = [_reply(7, "r8"), _reply(8, "r7")]  # never seen, but never endless
    assert set(thread_depths(looped).values()) <= {0, 1}


def test_the_conversation_draws_a_thread_line_before_an_answer(rig: Rig, qtbot: QtBot) -> None:
    page = rig.page
    _go_to(page, qtbot, "Milloin olette auki?")
    page.show_conversation()
    scheme = colours(page.conversation.palette())
    html = page.conversation.toHtml()
    assert scheme.accent in html  # the chosen entry's edge


def test_every_network_s_reason_for_no_like_or_hide_is_translatable() -> None:
    said = [
        text
        for descriptor in DESCRIPTORS.values()
        if descriptor.inbox is not None
        for text in (descriptor.inbox.no_like, descriptor.inbox.no_hide)
        if text
    ]
    assert len(said) >= 5
    assert set(said) <= set(missing_action_texts())


def test_an_entry_s_problem_is_told_as_what_happened_to_it_not_to_reading() -> None:
    refused = entry_problem_text("inbox.refused")
    assert "show the inbox" not in refused and "refused" in refused
    assert "Try again" in entry_problem_text("inbox.rate_limit")
    assert "Reconnect the account" in entry_problem_text("inbox.sign_in")
    assert "no longer there" in entry_problem_text("entry.gone")


def test_a_comment_hidden_on_facebook_by_someone_else_says_so_and_ours_does_not(
    rig: Rig, qtbot: QtBot
) -> None:
    conn = rig.studio.workspace.writable_connection()
    with transaction(conn):
        page_account = account_rows.add_account(
            conn, Network.FACEBOOK, "Kahvila", publish_method=PublishMethod.API,
            options={"page_id": "99"},
        )  # fmt: skip

        def comment(number: int, text: str, *, hidden: bool) -> Incoming:
            return Incoming(
                network_item_id=f"1_{number}",
                kind=InboxKind.COMMENT,
                author=Author(f"Asiakas {number}", f"Asiakas {number}", f"u{number}"),
                created_at=T0,
                text=text,
                item_post=PostRef(f"1_{number}"),
                subject=PostRef(f"99_{number}"),  # each under its own post: two conversations
                hidden=hidden,
            )

        item_rows.add(conn, page_account, [comment(8, "Piilotettu muualla", hidden=True)], T0)
        item_rows.add(conn, page_account, [comment(9, "Piilotimme itse", hidden=False)], T0)
        (ours,) = [
            i for i in item_rows.find(conn, InboxQuery(done=None)) if i.text == "Piilotimme itse"
        ]
        item_rows.mark_acted(conn, ours.id, "hidden_at", T0)
        item_rows.reseen(conn, page_account, [comment(9, "Piilotimme itse", hidden=True)])
    page = rig.page
    page.reload()
    said = "Hidden on Facebook (not by Some Studio)"
    _go_to(page, qtbot, "Piilotettu muualla")
    row = page.list.currentIndex().row()
    assert said in page.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    page.show_conversation()
    assert said in page.conversation.toPlainText()
    assert "Someone else who manages the account" in page.conversation.toPlainText()

    _go_to(page, qtbot, "Piilotimme itse")
    row_said = page.model.index(page.list.currentIndex().row()).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert "not by Some Studio" not in row_said and "hidden" in row_said
    page.show_conversation()
    assert "not by Some Studio" not in page.conversation.toPlainText()
    assert "Hidden: only its author still sees it." in page.conversation.toPlainText()


def test_hidden_elsewhere_is_worded_per_network() -> None:
    assert "Instagram" in entry_problem_text("entry.hidden_elsewhere", Network.INSTAGRAM)
    assert "Facebook" in entry_problem_short("entry.hidden_elsewhere", Network.FACEBOOK)
    assert "not by Some Studio" in entry_problem_short("entry.hidden_elsewhere")


def test_a_failed_like_says_what_happened_as_a_failed_answer_does(rig: Rig, qtbot: QtBot) -> None:
    """Not "not connected" for everything: the short reason and what did not happen, then
    the reason in full, in the window's language."""
    page = rig.page
    _go_to(page, qtbot, "Milloin olette auki?")
    cases = [
        ((429, "Too many requests"), "⚠ Rate limited · The like did not go through", "slow down"),
        ((401, "The access token is invalid"), "⚠ Sign-in expired ·", "Reconnect the account"),
        ((503, "Service unavailable"), "⚠ Network fault ·", "The network had a fault"),
        ((404, "Record not found"), "⚠ Deleted · The like did not go through", "no longer there"),
    ]
    for fault, head, reason in cases:
        rig.server.favourite_faults.append(fault)
        qtbot.keyClick(page.list, Qt.Key.Key_F)
        said = page.editor.problem.text()
        assert said.startswith(head) and reason in said, said
    rig.credentials.bundles.clear()  # never connected on this computer
    finnish = install_language("fi")
    try:
        qtbot.keyClick(page.list, Qt.Key.Key_F)
        said = page.editor.problem.text()
    finally:
        finnish.remove()
    assert said.startswith("⚠ Ei yhdistetty · Tykkäys ei mennyt perille"), said
    assert "Yhdistä tili Tilit-sivulla" in said, said
    assert rig.server.favourited == {}
    assert _current(page).text == "Milloin olette auki?" and page.like_button.isEnabled()
