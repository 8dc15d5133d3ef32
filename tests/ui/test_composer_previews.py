"""The composer's previews: each network's own post card (name, handle, avatar, its way of
showing links and tags, its fold, pictures first or after), built from shared parts, side
by side or one at a time, drawn after a pause while the counters follow every key."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QInputMethodEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextDocumentLayout, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.composer.card_parts import AvatarDisc, WrappedLabel
from somestudio.ui.composer.editor import PostEditor
from somestudio.ui.composer.highlighter import EntityHighlighter, Mark
from somestudio.ui.composer.image_grid import ImageGrid
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.composer.post_card import PostCard
from somestudio.ui.tasks import Tasks

LINK = "https://www.kahvila-aurinko.fi/joulu/menu-ja-hinnat-2026"
TEXT = (
    f"Joulun glögi on täällä! Lue lisää: {LINK} #joulu @ystava "
    + "Tule maistamaan kanelipullia ja piparkakkuja lauantaina. " * 5
)


@pytest.fixture
def page(qtbot: QtBot, home: Path) -> Iterator[ComposePage]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace: Workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        for network, handle, name, server in (
            (Network.X, "kahvila", "Kahvila Aurinko", ""),
            (Network.MASTODON, "@aurinko", "Kahvila Aurinko", "https://mastodon.example"),
            (Network.BLUESKY, "aurinko", "Kahvila Aurinko", ""),
            (Network.LINKEDIN, "aurinko-oy", "Kahvila Aurinko Oy", ""),
            (Network.INSTAGRAM, "kahvila.aurinko", "", ""),
        ):
            account_rows.add_account(conn, network, handle, display_name=name, instance_url=server)
    composer = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    qtbot.addWidget(composer)
    composer.resize(1366, 850)
    composer.show()
    for row in range(composer.accounts.count()):
        composer.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    yield composer
    workspace.close()
    QLocale.setDefault(QLocale.c())


def ids(page: ComposePage) -> dict[Network, int]:
    return {t.network: t.account_id for t in page._targets.values()}


def card(page: ComposePage, network: Network) -> PostCard:
    account_id = ids(page)[network]
    page.preview_text(account_id)  # drawn now
    return page.previews.cards[account_id]


def parts(card: PostCard) -> list[QWidget]:
    layout = card.layout()
    assert layout is not None
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [w for item in items if item is not None and (w := item.widget()) is not None]


def body(card: PostCard) -> str:
    """The rich text of the post's own text (the first label that holds the text)."""
    labels = [w for w in parts(card) if isinstance(w, QLabel) and "glögi" in w.text()]
    return labels[0].text()


def png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_each_network_draws_its_own_card(page: ComposePage) -> None:
    page.editor.setPlainText(TEXT)
    page.run_checks()
    cards = {n: card(page, n) for n in ids(page)}
    said = {n: c.plain_text for n, c in cards.items()}
    assert "@kahvila" in said[Network.X]
    assert "@aurinko@mastodon.example" in said[Network.MASTODON]
    assert "@aurinko.bsky.social" in said[Network.BLUESKY]
    assert (
        "Kahvila Aurinko Oy" in said[Network.LINKEDIN] and "@aurinko" not in said[Network.LINKEDIN]
    )
    # X and Bluesky write the handle after the name on one line; Mastodon under it.
    x_head = [w for w in parts(cards[Network.X])[0].findChildren(QLabel) if "@kahvila" in w.text()]
    assert x_head and "Kahvila Aurinko" in x_head[0].text()
    # Links as each network writes them: cut where it cuts, plain where it does not link.
    assert ">kahvila-aurinko.fi/joul…<" in body(cards[Network.X])  # 23 characters, no www.
    assert ">kahvila-aurinko.fi/joulu/menu-…<" in body(cards[Network.MASTODON])  # 30
    assert LINK in body(cards[Network.LINKEDIN])
    assert "lauantaina" not in said[Network.INSTAGRAM]  # folded after 125 characters...
    # ...and the fold with each network's words, where it folds.
    assert "…see more" in body(cards[Network.LINKEDIN])
    assert "… more" in body(cards[Network.INSTAGRAM])
    assert "see more" not in body(cards[Network.X])
    # Tags coloured by the scheme's mention colour; LinkedIn's in bold.
    assert "#joulu</span>" in body(cards[Network.X])
    assert 'font-weight:600;">#joulu' in body(cards[Network.LINKEDIN])
    # The same parts everywhere: the initials disc, the picture square first on Instagram.
    for network, drawn in cards.items():
        discs = drawn.findChildren(AvatarDisc)
        assert discs and discs[0].letters in ("KA", "KA"[:1]), network
    instagram = parts(cards[Network.INSTAGRAM])
    grid = next(i for i, w in enumerate(instagram) if isinstance(w, ImageGrid))
    text = next(i for i, w in enumerate(instagram) if isinstance(w, QLabel) and "glögi" in w.text())
    assert grid < text
    assert "No picture yet" in said[Network.INSTAGRAM]
    assert not any(isinstance(w, ImageGrid) for w in parts(cards[Network.X]))


def test_instagram_leaves_links_plain(page: ComposePage) -> None:
    page.editor.setPlainText(f"Katso {LINK} #joulu")
    page.run_checks()
    labels = [w.text() for w in parts(card(page, Network.INSTAGRAM)) if isinstance(w, QLabel)]
    caption = next(t for t in labels if "Katso" in t)
    assert LINK.replace("&", "&amp;") in caption and f">{LINK}<" not in caption
    assert "#joulu</span>" in caption  # tags are coloured there
    assert "kahvila.aurinko</b>" in caption  # the caption starts with the handle


def test_pictures_thread_and_first_comment_on_the_card(
    page: ComposePage, tmp_path: Path, qtbot: QtBot
) -> None:
    paths = []
    for i, colour in enumerate(((200, 40, 40), (40, 200, 40), (40, 40, 200))):
        path = tmp_path / f"kuva{i}.png"
        path.write_bytes(png(colour))
        paths.append(str(path))
    page.editor.setPlainText("Kolme kuvaa joulusta " + "ja paljon tekstiä " * 30)
    page.media.add(paths)
    x = ids(page)[Network.X]
    panel = page.panel(x)
    assert panel is not None
    panel.split_button.click()
    panel.comment_editor.setPlainText("Menu: https://kahvila-aurinko.fi/menu")
    page.run_checks()
    drawn = card(page, Network.X)
    grid = next(w for w in parts(drawn) if isinstance(w, ImageGrid))
    assert grid.count == 3 and len(grid.images) == 3
    assert not any(image.isNull() for image in grid.images)  # the attached pictures
    count = len(panel.part_editors)
    assert count >= 2
    assert f"2/{count}" in " ".join(w.text() for w in parts(drawn) if isinstance(w, QLabel))
    said = drawn.plain_text
    assert said.index(panel.part_editors[1].editor.text()) < said.index("↳ First comment")
    assert "kahvila-aurinko.fi/menu" in said.split("↳ First comment")[1]


def test_side_by_side_or_one_at_a_time(page: ComposePage) -> None:
    page.editor.setPlainText("Hei")
    page.run_checks()
    page.previews.draw()
    cards = page.previews.cards
    assert all(c.isVisible() for c in cards.values())  # a row that scrolls
    page.previews.one_at_a_time.click()
    mastodon = ids(page)[Network.MASTODON]
    page.show_account(mastodon)
    assert [a for a, c in cards.items() if c.isVisible()] == [mastodon]
    assert "Hei" in cards[mastodon].plain_text
    page.counters.chips[ids(page)[Network.X]].click()  # the strip opens its tab: its card
    assert [a for a, c in cards.items() if c.isVisible()] == [ids(page)[Network.X]]
    page.previews.side_by_side.click()
    assert all(c.isVisible() for c in cards.values())
    for button in (page.previews.side_by_side, page.previews.one_at_a_time):
        assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_counters_follow_each_key_and_previews_a_pause(page: ComposePage, qtbot: QtBot) -> None:
    page.editor.setPlainText("Hei")
    page.run_checks()
    page.previews.draw()
    x = ids(page)[Network.X]
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    page.editor.insertPlainText(" kaikki")
    page.run_checks()
    assert page.counters.chips[x].counter == "10 / 280"  # at once
    assert "Hei kaikki" not in page.previews.cards[x].plain_text  # not yet: typing goes on
    qtbot.waitUntil(lambda: "Hei kaikki" in page.previews.cards[x].plain_text, timeout=3000)


class CountingHighlighter(EntityHighlighter):
    def __init__(self, editor: PostEditor) -> None:
        self.paragraphs: list[str] = []
        super().__init__(editor.document())

    def paragraph_marks(self, text: str, position: int) -> list[Mark]:
        self.paragraphs.append(text)
        return super().paragraph_marks(text, position)


def test_a_key_rehighlights_only_its_paragraph(qtbot: QtBot) -> None:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.highlighter.setDocument(None)
    paragraphs = [f"Kappale {i}: https://kahvila-aurinko.fi/{i} #joulu{i}" for i in range(200)]
    editor.setPlainText("\n".join(paragraphs))
    counting = CountingHighlighter(editor)  # marks every paragraph when attached
    assert len(counting.paragraphs) == 200
    counting.paragraphs.clear()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(120).position())
    cursor.insertText("@ystava ")
    assert counting.paragraphs == ["@ystava " + paragraphs[120]]
    marks = editor.entity_marks()
    start = editor.document().findBlockByNumber(120).position()
    assert (start, start + len("@ystava")) in marks
    assert len(marks) == 2 * 200 + 1


def test_marks_set_again_keep_an_input_methods_composing_text(qtbot: QtBot) -> None:
    """Text being composed with an input method (not yet in the paragraph's text) keeps
    its underline, and the marks after it move past it, as ``QSyntaxHighlighter`` did."""
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("Hei #joulu")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    composing = QTextCharFormat()
    composing.setFontUnderline(True)
    attribute = QInputMethodEvent.Attribute(
        QInputMethodEvent.AttributeType.TextFormat, 0, 2, composing
    )
    QCoreApplication.sendEvent(editor, QInputMethodEvent("ab", [attribute]))
    layout = editor.document().begin().layout()
    assert (layout.preeditAreaPosition(), layout.preeditAreaText()) == (4, "ab")
    editor.highlighter.set_colour(QColor("#123456"))  # every mark set again
    assert [
        (r.start, r.length, r.format.fontUnderline(), r.format.foreground().color().name())
        for r in layout.formats()
    ] == [(4, 2, True, "#000000"), (6, 6, False, "#123456")]


def test_the_composer_takes_its_colours_from_the_theme() -> None:
    folder = Path(__file__).parents[2] / "somestudio" / "ui" / "composer"
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(\s*\d")
    found = [
        f"{path.name}:{number}"
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []


def test_a_scheduled_posts_card_says_when_it_goes_out_not_now(page: ComposePage) -> None:
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.app.planning import Planner  # noqa: PLC0415

    x = ids(page)[Network.X]
    at = datetime(2031, 3, 20, 7, 30, tzinfo=UTC)  # 09:30 in Helsinki
    planner = Planner(page._studio.workspace, now=lambda: datetime(2031, 1, 1, tzinfo=UTC))
    post_id = planner.schedule_post("Glögi lauantaina", [x], at=at, zone="Europe/Helsinki")
    assert page.open_post(post_id)
    page.run_checks()
    head = parts(card(page, Network.X))[0]
    words = " ".join(label.text() for label in head.findChildren(QLabel))
    assert "20/03/2031 09:30" in words  # the scheduled time, local, in the user's format
    assert "now" not in words
    page.new_post()  # a post without a time: "now"
    page.editor.setPlainText("Glögi")
    page.run_checks()
    head = parts(card(page, Network.X))[0]
    assert "now" in " ".join(label.text() for label in head.findChildren(QLabel))


def test_a_long_thread_shows_its_first_posts_and_how_many_there_are(page: ComposePage) -> None:
    x = ids(page)[Network.X]
    panel = page.panel(x)
    assert panel is not None
    page.editor.setPlainText("Kahvila Aurinko kertoo pullasta ja kahvista. " * 400)  # 18,000
    panel.split_button.click()
    page.run_checks()
    count = len(panel.part_editors)
    assert count > 20
    drawn = card(page, Network.X)
    said = " ".join(w.text() for w in parts(drawn) if isinstance(w, QLabel))
    assert f"5/{count}" in said and f"6/{count}" not in said  # laid out: five, not them all
    assert f"the thread goes on: {count} posts in all" in said


def test_a_card_labels_height_is_kept_per_width_but_follows_its_margins(
    qtbot: QtBot,
) -> None:
    label = WrappedLabel("Kahvila Aurinko kertoo pullasta ja kahvista. " * 20)
    qtbot.addWidget(label)
    label.setWordWrap(True)
    high = label.heightForWidth(200)
    assert label.heightForWidth(200) == high and label.heightForWidth(400) < high
    label.setContentsMargins(100, 0, 0, 0)  # narrower text: taller
    assert label.heightForWidth(200) > high
    label.setText("Hei")
    assert label.heightForWidth(200) < high


@pytest.mark.parametrize("replace_document", [False, True])
def test_the_editors_text_is_the_documents_after_every_change(
    qtbot: QtBot, replace_document: bool
) -> None:
    """One paragraph's text comes from the highlighter's reading of it: the same as the
    document's own, with no-break spaces, line separators, tabs and emoji, in one paragraph
    and in several."""
    editor = PostEditor()
    qtbot.addWidget(editor)
    if replace_document:
        document = QTextDocument(editor)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        editor.setDocument(document)
        assert editor.document() is document
    cursor = editor.textCursor()
    for piece in ["Hei", "\u00a0#joulu", "\u2028rivi", "\t👩‍👩‍👧", "\ntoinen", " 🇫🇮"]:
        cursor.insertText(piece)
        expected = editor.document().toRawText().replace("\u2029", "\n")
        assert editor.text() == expected
    assert (4, 10) in editor.entity_marks()  # "#joulu" marked in whichever document
    cursor.setPosition(0)
    first = editor.document().firstBlock()
    cursor.setPosition(first.length(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # one paragraph again
    assert editor.document().blockCount() == 1
    assert editor.text() == editor.document().toRawText()
