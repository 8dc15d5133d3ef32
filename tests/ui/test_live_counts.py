"""The counters' keystroke path: counting a post by its changed pieces (paragraphs, and a long
paragraph cut at spaces) gives exactly what each network's rule gives for the whole text, the
link/tag marks found piece by piece are those of the whole paragraph, and the strip moves
before any check runs — in one long unbroken paragraph too."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextLayout
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import RULES
from somestudio.domain.entities import EntityKind, extract_entities
from somestudio.domain.networks import Network
from somestudio.domain.text import utf16_offset
from somestudio.ui.composer import highlighter as highlighter_module
from somestudio.ui.composer import live_counts, text_pieces
from somestudio.ui.composer.editor import PostEditor
from somestudio.ui.composer.highlighter import EntityHighlighter
from somestudio.ui.composer.live_counts import Counted, LiveCounts
from somestudio.ui.composer.text_pieces import Piece, cut_at_spaces, joined_lines, lines, pieces
from tests.ui.test_composer import MakePage, make_page, tick, type_text, workspace

__all__ = ["make_page", "workspace"]  # the fixtures, shared with the composer's tests

# Pieces that reach across a line break if anything does: links whose start depends on the
# character before, emoji sequences, joiners, CR LF, tags and mentions at a line's edge.
PIECES = st.sampled_from(
    ["a", " ", "ä", "é", "😀", "👩‍👩‍👧‍👦", "🇫🇮", "e\u0301", "\u0301", "\u200d", "\ufe0f", "\r",
     "\n", "\n", "\t", "\u2028", "https://kahvila.fi/x", "kahvila.fi", "www.example.com/a?b=c",
     "@aurinko@mastodon.example", "@", "#joulu", "#", "&", "<", ".", "/", ":", "ﷺ", "𝒜",
     "x" * 40, "http://", "t.co/x", "$CASH"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60), st.lists(PIECES, max_size=8), st.integers(1, 40))
def test_piece_sums_equal_the_whole_texts_count(
    parts: list[str], edit: list[str], every: int
) -> None:
    live = LiveCounts(every)  # short pieces: a long paragraph's cuts at spaces, many of them
    text = "".join(parts)
    edited = text[: len(text) // 2] + "".join(edit) + text[len(text) // 2 :]
    assert "".join(part + after for _, part, after in pieces(text, every)) == text
    assert lines(text) == joined_lines(text)  # the quick look for unsafe breaks agrees
    for channel, rule in RULES.items():
        assert live.count(channel, text) == rule.count(text), channel
        assert live.count(channel, edited) == rule.count(edited), channel  # from the cache


@settings(max_examples=200, deadline=None)
@given(
    st.lists(PIECES, max_size=40),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), st.lists(PIECES, max_size=4))),
    st.integers(1, 40),
)
def test_counts_kept_from_key_to_key_equal_the_whole_texts_count(
    parts: list[str], edits: list[tuple[float, int, list[str]]], every: int
) -> None:
    """Key after key, each count adds and takes away only the pieces the key changed: the
    sums stay those of the whole text."""
    live = LiveCounts(every)
    text = "".join(parts)
    for where, removed, inserted in [(0.0, 0, []), *edits]:
        at = int(len(text) * where)
        text = text[:at] + "".join(inserted) + text[at + removed :]
        counts = live.count_all(list(RULES), text, budget=None)
        assert counts == {channel: rule.count(text) for channel, rule in RULES.items()}


def test_a_long_paragraph_is_cut_at_plain_spaces_only() -> None:
    line = "a" * 10 + " 😀 b" + " " + "c" * 5 + "\u0301 d e"
    # Not next to the emoji nor after the combining mark: the spaces there stay in a piece.
    assert cut_at_spaces(line, 4) == ["a" * 10 + " 😀 b", "c" * 5 + "\u0301 d", "e"]
    assert cut_at_spaces("x" * 9, 4) == ["x" * 9]  # no space: one piece


CUT_ALPHABET = " a ä\n\r\t\x0b\x0c\x7f\x80😀\u0301"


def regex_cuts(line: str, every: int) -> list[str]:
    """The cuts as first written, by a regular expression (a space with plain ASCII, but line
    breaks, CR and form/tab feeds, on both sides)."""
    plain = "[\\x00-\\x09\\x0e-\\x7f]"
    safe_space = re.compile(f"(?<={plain}) (?={plain})")
    out, start = [], 0
    while len(line) - start > every:
        found = safe_space.search(line, start + every)
        if found is None:
            break
        out.append(line[start : found.start()])
        start = found.end()
    return [*out, line[start:]]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=CUT_ALPHABET, max_size=80), st.integers(0, 12))
def test_cuts_found_with_find_are_the_regular_expressions(line: str, every: int) -> None:
    assert cut_at_spaces(line, every) == regex_cuts(line, every)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=CUT_ALPHABET, max_size=80),
    st.integers(0, 80),
    st.integers(0, 6),
    st.text(alphabet=CUT_ALPHABET, max_size=6),
    st.integers(0, 12),
)
@example("aaaa bcd", 5, 1, "😀", 4)  # the character after a cut's space no longer plain
@example("aaaa bcd", 4, 1, "", 4)  # a cut's space taken out
def test_a_line_edited_is_cut_as_if_cut_afresh(
    line: str, at: int, removed: int, inserted: str, every: int
) -> None:
    """The next key's line keeps the last line's cuts before the edit (``_kept_cuts``): the
    same cuts as cutting the edited line from its start."""
    cut_at_spaces(line, every)
    edited = line[:at] + inserted + line[at + removed :]
    assert cut_at_spaces(edited, every) == regex_cuts(edited, every)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab😀 ", max_size=40), st.text(alphabet="ab😀 ", max_size=40))
def test_the_common_start_of_two_lines_is_found_by_halving(a: str, b: str) -> None:
    pairs = enumerate(zip(a, b, strict=False))
    expected = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    assert text_pieces._common_prefix(a, b) == expected
    assert text_pieces._common_prefix(a + b, a) == len(a)


def whole_paragraph_marks(text: str) -> set[tuple[int, bool]]:
    """What the highlighter marked before pieces: every entity of the whole paragraph, as
    the UTF-16 positions it covers (underlined for a link)."""
    return {
        (position, e.kind is EntityKind.URL)
        for e in extract_entities(text).all()
        for position in range(utf16_offset(text, e.start), utf16_offset(text, e.end))
    }


def marked(block: QTextBlock) -> set[tuple[int, bool]]:
    """The positions the block's formats cover (Qt joins touching spans that look alike)."""
    return {
        (position, r.format.fontUnderline())
        for r in block.layout().formats()
        for position in range(r.start, r.start + r.length)
    }


@example(parts=["#joulu", "é", "@aurinko@mastodon.example"], every=1)  # touching marks
@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(PIECES.filter(lambda p: p not in "\n\r"), max_size=60),
    every=st.integers(1, 40),
)
def test_marks_found_piece_by_piece_are_the_whole_paragraphs(
    qapp: QApplication, parts: list[str], every: int
) -> None:
    editor = QPlainTextEdit()  # the composer's kind of editor
    document = editor.document()
    highlighter = EntityHighlighter(document, every)
    text = "".join(parts)
    editor.setPlainText(text)
    block = document.begin()
    assert block.text() == text  # one paragraph (no break in the pieces)
    assert marked(block) == whole_paragraph_marks(text)
    cursor = QTextCursor(document)
    cursor.setPosition(len(block.text()) // 2)
    cursor.insertText(" #uusi kahvila.fi ")  # marks kept for the pieces the key left alone
    block = document.begin()
    assert marked(block) == whole_paragraph_marks(block.text())
    highlighter.setDocument(None)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(PIECES.filter(lambda p: p not in "\n\r"), max_size=60),
    every=st.integers(1, 40),
    ends=st.tuples(st.integers(0, 400), st.integers(0, 400)),
)
def test_a_long_paragraph_is_marked_within_its_window(
    qapp: QApplication, parts: list[str], every: int, ends: tuple[int, int]
) -> None:
    """Marks are set from the first piece reaching the window (found by bisection) to the
    last: every entity inside the window whole, nothing that is not an entity."""
    editor = QPlainTextEdit()
    document = editor.document()
    # every paragraph is long; no change is taken as typing (marks found at once)
    highlighter = EntityHighlighter(document, every, long=0, typed=-1)
    low, high = sorted(ends)
    highlighter.set_window(low, high)
    text = "".join(parts)
    editor.setPlainText(text)
    got = marked(document.begin())
    assert got <= whole_paragraph_marks(text)
    for entity in extract_entities(text).all():
        start, end = utf16_offset(text, entity.start), utf16_offset(text, entity.end)
        if low <= start and end <= high:
            underlined = entity.kind is EntityKind.URL
            assert {(p, underlined) for p in range(start, end)} <= got
    highlighter.set_window(0, 10**6)
    assert marked(document.begin()) == whole_paragraph_marks(text)
    highlighter.setDocument(None)


def test_the_strip_counts_the_key_before_the_check(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.BLUESKY, Network.LOCAL)
    type_text(page, "Kahvia\n\nhttps://kahvila.fi/menu #joulu\n" + "a" * 230)
    x, bluesky, local = (
        page.counters.chips[ids[n]] for n in (Network.X, Network.BLUESKY, Network.LOCAL)
    )
    assert [x.over, bluesky.over] == [False, False]
    cursor = page.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("b" * 40)  # no event loop turn: no check has run
    text = page.editor.text()
    assert x.counter == f"{RULES['x'].count(text)} / 280" and x.over and x.word == "too long"
    assert bluesky.counter == f"{len(text)} / 300" and "⚠" in bluesky.label()
    assert local.counter == str(len(text))
    page.run_checks()  # the full check agrees
    panel = page.panel(ids[Network.X])
    assert panel is not None and panel.counter.text() == x.counter


def test_a_chip_is_never_narrower_than_its_words(make_page: MakePage) -> None:
    """Widths are kept per label with its digits as zeros (a count changes on every key):
    never less than the label's own, over and under the limit, in any digits."""
    page = make_page()
    ids = tick(page, Network.X, Network.LOCAL)
    chip = page.counters.chips[ids[Network.X]]
    for count in [0, 1, 7, 11, 111, 280, 281, 1111, 4747, 11_111, 65_612, 111_111]:
        page.counters.show_live([(ids[Network.X], count, 280), (ids[Network.LOCAL], count, None)])
        for shown in (chip, page.counters.chips[ids[Network.LOCAL]]):
            words = shown.fontMetrics().horizontalAdvance(shown.label())
            assert words <= shown._label_width() <= words + 2, shown.label()
            assert shown.sizeHint().width() >= words + 16  # and the network's mark


def test_one_long_paragraph_counts_on_the_key_after_the_check_learnt_it(
    make_page: MakePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.BLUESKY)
    # Too much to count on one key: left to the check, which counts it piece by piece.
    type_text(page, "Kahvia https://kahvila.fi #joulu ja pullaa. " * 300)
    assert len(page.editor.text()) > live_counts.BUDGET
    counted: list[int] = []
    real = live_counts.count_pieces

    def count_pieces(
        channels: Iterable[str],
        wanted: Iterable[Piece],
        analyse: Callable[[str], TextAnalysis] = TextAnalysis,
    ) -> Counted:
        wanted = list(wanted)
        counted.append(len(wanted))
        return real(channels, wanted, analyse)

    monkeypatch.setattr(live_counts, "count_pieces", count_pieces)
    cursor = page.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("x")  # no event loop turn: no check has run
    text = page.editor.text()
    x, bluesky = (page.counters.chips[ids[n]] for n in (Network.X, Network.BLUESKY))
    assert x.counter.startswith(f"{RULES['x'].count(text):,}")
    assert bluesky.counter.startswith(f"{RULES['bluesky'].count(text):,}")
    assert counted == [1]  # the last piece only


def test_a_check_of_an_older_text_does_not_turn_the_strip_back(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.LOCAL)
    type_text(page, "Kahvia " * 10)
    older = page.report
    assert older is not None
    cursor = page.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("pullaa")  # counted on the key ...
    page._show_report(page._generation, older, empty=False)  # ... then the text before it
    x, local = (page.counters.chips[ids[n]] for n in (Network.X, Network.LOCAL))
    assert x.counter == "76 / 280" and local.counter == "76"


def test_a_long_paragraph_is_marked_around_the_view_and_the_marks_follow_it(
    qtbot: QtBot,
) -> None:
    # More entities than a paragraph ever marks (MAX_MARKED_PER_PARAGRAPH): once all of them
    # from the start were marked, none near the end, where the user types.
    text = "#joulu kahvila.fi @aurinko sana " * 1800  # 57,600 characters, 5,400 entities
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.show()
    editor.setPlainText(text)
    whole = whole_paragraph_marks(text)

    def shown_marked() -> bool:
        first, last = editor.shown_span()
        wanted = {m for m in whole if first <= m[0] < last}
        return bool(wanted) and wanted <= marked(editor.document().begin())

    # (laid out again once the scroll bar has come: the view's lines move then)
    qtbot.waitUntil(lambda: editor.verticalScrollBar().isVisible() and shown_marked())
    # Not the far ones: each mark splits the paragraph's layout, made again on every key.
    assert max(end for _, end in editor.entity_marks()) < len(text) // 4
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)  # the view scrolls to the end: the marks follow it
    assert shown_marked()  # at once: the view came past the marked part
    editor.insertPlainText("#uusi")  # typed: marked when the keys pause
    end = len(text) + len("#uusi")
    qtbot.waitUntil(
        lambda: {(p, False) for p in range(len(text), end)} <= marked(editor.document().begin())
    )
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(shown_marked)


@settings(max_examples=500, deadline=None)
@given(
    cuts=st.lists(st.integers(0, 60), max_size=12, unique=True),
    at=st.integers(0, 60),
    removed=st.integers(0, 8),
    added=st.integers(0, 8),
)
@example(cuts=[2, 9], at=4, removed=2, added=5)  # typed inside a mark
@example(cuts=[2, 9], at=9, removed=0, added=1)  # right after it: not joined to it
@example(cuts=[2, 9], at=1, removed=3, added=0)  # its start deleted
def test_marks_move_with_the_text_typed_in_a_long_paragraph(
    cuts: list[int], at: int, removed: int, added: int
) -> None:
    """Typing in a long paragraph moves its marks instead of finding them again: every
    character left in the text keeps its mark or its lack of one, and what is typed is
    marked only inside a mark (as typing inside a link)."""
    ends = sorted(cuts)
    spans = list(zip(ends[::2], ends[1::2], strict=False))  # every other gap is a mark
    fmt = QTextCharFormat()
    ranges = []
    for start, end in spans:
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, end - start, fmt
        ranges.append(r)
    text = list(range(70))  # characters by identity
    removed = min(removed, max(0, 70 - at))
    typed = [100 + i for i in range(added)]
    after = text[:at] + typed + text[at + removed :]
    moved = highlighter_module._moved(ranges, at, removed, added)
    if moved is None:  # nothing after the change: left as they were
        assert all(s + n <= at for s, n in ((r.start, r.length) for r in ranges))
        moved = ranges
    before_marked = {text[p] for r in ranges for p in range(r.start, r.start + r.length)}
    now_marked = {after[p] for r in moved for p in range(r.start, r.start + r.length)}
    kept = set(text[:at] + text[at + removed :])
    assert before_marked & kept == now_marked & kept
    inside = any(s < at < e and at + removed <= e for s, e in spans)
    assert set(typed) <= now_marked if inside else not set(typed) & now_marked


def test_typing_in_a_long_paragraph_moves_its_marks_and_finds_them_at_a_pause(
    qtbot: QtBot,
) -> None:
    """Keys in a long paragraph do not look for links and tags (the counters need the time):
    the marks after the key move with the text at once; at a pause they are found again,
    and the paragraph is laid out again only when they differ."""
    text = "Kahvia kahvila.fi #joulu ja pullaa. " * 300  # 10,800 characters: a long paragraph
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.show()
    editor.setPlainText(text)
    editor.highlighter.set_window(0, len(text))
    block = editor.document().begin()
    assert marked(block) == whole_paragraph_marks(text)
    changes: list[tuple[int, int, int]] = []
    editor.document().contentsChange.connect(lambda *change: changes.append(change))
    cursor = editor.textCursor()
    cursor.setPosition(7)
    cursor.insertText("hyvää ")  # before the first link: every mark moves on at once
    text = text[:7] + "hyvää " + text[7:]
    assert marked(block) == whole_paragraph_marks(text)
    assert changes == [(7, 0, 6)]
    qtbot.wait(highlighter_module.REMARK_MS * 2)  # the pause: found the same, not laid out
    assert changes == [(7, 0, 6)]
    cursor.setPosition(len("Kahvia hyvää "))
    cursor.insertText("#")  # a tag typed: marked at the pause
    text = text[:13] + "#" + text[13:]
    assert (13, False) not in marked(block)
    qtbot.waitUntil(lambda: marked(block) == whole_paragraph_marks(text))
    assert (13, False) in marked(block)
