"""The counters' keystroke path: counting a post by its changed paragraphs gives exactly what
each network's rule gives for the whole text, and the strip moves before any check runs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from somestudio.domain.channels import RULES
from somestudio.domain.networks import Network
from somestudio.ui.composer.live_counts import LiveCounts, chunks
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
@given(st.lists(PIECES, max_size=60), st.lists(PIECES, max_size=8))
def test_paragraph_sums_equal_the_whole_texts_count(pieces: list[str], edit: list[str]) -> None:
    live = LiveCounts()
    text = "".join(pieces)
    edited = text[: len(text) // 2] + "".join(edit) + text[len(text) // 2 :]
    assert "\n".join(chunks(text)) == text
    for channel, rule in RULES.items():
        assert live.count(channel, text) == rule.count(text), channel
        assert live.count(channel, edited) == rule.count(edited), channel  # from the cache


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
