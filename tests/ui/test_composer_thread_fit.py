"""A thread written in the composer at the size a 1024 × 768 window gives it, with the demo's
accounts, in English and Finnish. A new user's finding there: in the previews each post of a
Bluesky thread showed only its first line, cut mid-sentence ("Ten years ago we opened a tiny
bakery on"), and the parts' editors showed three lines each, the counter against the scroll
bar. Now each post shows whole on its card, wrapped, side by side and one at a time, on every
network that threads, and the card's description has every post whole; each part's editor
is as tall as its text (four lines at least, up to a limit) with its counter clear of the bar.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.networks import Network
from somestudio.ui.composer.card_parts import WrappedLabel
from somestudio.ui.composer.channel_panel import PART_EDITOR_LINES, ChannelPanel
from somestudio.ui.composer.page import AccountIdRole, ComposePage
from somestudio.ui.composer.post_card import PostCard
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from tests.conftest import demo_folder

TODAY = date(2026, 12, 4)  # the demo around a fixed day: the same accounts whatever today is
PAGE_SIZE = (838, 723)  # the composer's size in a 1024 × 768 window
TEXT = (  # the new user's text
    "Ten years ago we opened a tiny bakery on Milwaukee Avenue with one oven, two mixers and a "
    "lot of hope. This December we want to thank every neighbor, every regular and every "
    "first-time visitor who has walked through our door. Our team has grown to eight bakers, "
    "and every loaf is still shaped by hand before sunrise. Thank you, Chicago!"
)
MORE = (  # and more, so that the networks of 500 characters thread it too
    "Come by on Saturday for free cinnamon rolls, hot cider and carols from the neighborhood "
    "school choir. We open at seven and stay open until the last roll is gone, so bring your "
    "family, your friends and an appetite."
)
THREADING = [Network.X, Network.BLUESKY, Network.MASTODON, Network.THREADS]


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path, language: str) -> Iterator[ComposePage]:
    del language  # installed before the page is built: its words in that language
    workspace = open_workspace(demo_folder(tmp_path, TODAY))
    composer = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(composer)
    composer.resize(*PAGE_SIZE)
    composer.show()
    yield composer
    workspace.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _tick(page: ComposePage, qtbot: QtBot, network: Network) -> int:
    """The demo's first ``network`` account ticked with a click on its name."""
    accounts = page.accounts
    item = next(
        accounts.item(row)
        for row in range(accounts.count())
        if page._targets[int(accounts.item(row).data(AccountIdRole))].network is network
    )
    qtbot.mouseClick(
        accounts.viewport(), Qt.MouseButton.LeftButton, pos=accounts.visualItemRect(item).center()
    )
    assert item.checkState() == Qt.CheckState.Checked
    page.run_checks()
    return int(item.data(AccountIdRole))


def _thread(page: ComposePage, qtbot: QtBot, network: Network) -> tuple[ChannelPanel, PostCard]:
    """The text written, the account ticked, its tab opened from its counter, "Split into
    thread" pressed; the card drawn."""
    page.editor.setPlainText(f"{TEXT}\n\n{MORE}")
    account_id = _tick(page, qtbot, network)
    page.counters.chips[account_id].click()
    panel = page.panel(account_id)
    assert panel is not None and page.channels.currentWidget() is panel
    qtbot.mouseClick(panel.split_button, Qt.MouseButton.LeftButton)
    page.run_checks()
    page.previews.draw()
    _settle()
    assert len(panel.part_editors) >= 2
    return panel, page.previews.cards[account_id]


def _posts_not_whole(card: PostCard, posts: tuple[str, ...]) -> list[str]:
    """The posts ``card`` does not show whole: missing, or given fewer lines than they take
    at the label's width (or a single line: these posts wrap at a card's width)."""
    labels = [w for w in card.findChildren(WrappedLabel) if w.wordWrap() and w.isVisible()]
    found = []
    for number, post in enumerate(posts, start=1):
        label = next((w for w in labels if html.escape(post[:40]) in w.text()), None)
        if label is None:
            found.append(f"post {number}: not on the card")
            continue
        needs = label.heightForWidth(label.width())
        line = label.fontMetrics().lineSpacing()
        if label.height() < needs or label.height() < 2 * line:
            found.append(f"post {number}: {label.height()} px shown of {needs} ({post[:40]!r}…)")
    return found


@pytest.mark.parametrize("network", THREADING, ids=lambda n: n.value)
def test_each_post_of_a_thread_shows_whole_on_its_card(
    page: ComposePage, qtbot: QtBot, network: Network
) -> None:
    panel, card = _thread(page, qtbot, network)
    posts = panel.thread_parts()
    assert _posts_not_whole(card, posts) == []  # side by side
    said = card.accessibleDescription()
    assert [p[:40] for p in posts if p not in said] == []  # every post whole, not cut at all
    qtbot.mouseClick(page.previews.one_at_a_time, Qt.MouseButton.LeftButton)
    page.previews.draw()
    _settle()
    assert card.isVisible()
    assert _posts_not_whole(card, posts) == []


def test_a_post_the_card_cuts_ends_in_an_ellipsis_and_is_whole_in_its_description(
    page: ComposePage, qtbot: QtBot
) -> None:
    text = " ".join([TEXT] * 6)  # 2,000 characters and more in one post: a card shows 1,500
    page.editor.setPlainText(text)
    account_id = _tick(page, qtbot, Network.LOCAL)
    page.previews.draw()
    _settle()
    card = page.previews.cards[account_id]
    assert _posts_not_whole(card, (text,)) == []  # as much as it shows, wrapped...
    body = next(w for w in card.findChildren(WrappedLabel) if TEXT[:40] in w.text())
    assert body.text().endswith(" …</span>")  # ...ending in "…"
    assert text in card.accessibleDescription()  # and the whole there


def test_each_thread_part_has_room_for_its_text_and_its_counter_clear_of_the_bar(
    page: ComposePage, qtbot: QtBot
) -> None:
    panel, _ = _thread(page, qtbot, Network.BLUESKY)
    parts = panel.part_editors
    line = parts[0].editor.fontMetrics().lineSpacing()
    for part in parts:  # its whole text without scrolling the editor, four lines at least
        assert part.editor.verticalScrollBar().maximum() == 0
        assert part.editor.viewport().height() >= PART_EDITOR_LINES * line
    # The first part's title and four lines show in the thread's area before it is scrolled.
    viewport = panel.parts_scroll.viewport()
    editor = parts[0].editor.viewport()
    shown = viewport.rect() & QRect(editor.mapTo(viewport, QPoint(0, 0)), editor.size())
    assert shown.height() >= PART_EDITOR_LINES * line
    assert viewport.rect().contains(parts[0].label.geometry().translated(parts[0].pos()))
    bar = panel.parts_scroll.verticalScrollBar()
    assert bar.isVisible()  # three parts do not fit: the thread's area scrolls
    bar_left = bar.mapTo(panel.parts_scroll, QPoint(0, 0)).x()
    for part in parts:
        right = part.counter.mapTo(panel.parts_scroll, QPoint(part.counter.width(), 0)).x()
        assert right + SPACE.xs <= bar_left, part.counter.text()
    # A part grows with what is typed into it, up to a limit; past that it scrolls.
    editor_box = parts[1].editor
    before = editor_box.height()
    editor_box.moveCursor(editor_box.textCursor().MoveOperation.End)
    qtbot.keyClick(editor_box, Qt.Key.Key_Return)
    qtbot.keyClicks(editor_box, "Fresh rye on Fridays.")
    _settle()
    assert editor_box.height() > before and editor_box.verticalScrollBar().maximum() == 0
    grown = editor_box.height()
    qtbot.keyClicks(editor_box, " Fresh rye on Fridays." * 30)
    _settle()
    assert grown < editor_box.height() < editor_box.document().lineCount() * line
    assert editor_box.verticalScrollBar().maximum() > 0
