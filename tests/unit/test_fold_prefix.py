"""The fold reads only a prefix of a long post: the same offset as segmenting it whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from somestudio.domain.folds import FOLDS, _leading_clusters, fold_offset
from somestudio.domain.text import Graphemes

# Pieces that join into clusters across any cut: flags, ZWJ families, combining marks, CRLF.
PIECES = st.sampled_from(
    ["a", " ", "\n", "\r\n", "🇫🇮", "🇫", "👩‍👩‍👧‍👦", "e\u0301", "\u0301", "क्ष", "☕\ufe0f", "x" * 40]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=400), st.integers(min_value=1, max_value=500))
def test_prefix_clusters_agree_with_the_whole_text(pieces: list[str], characters: int) -> None:
    text = "".join(pieces)
    whole = Graphemes(text)
    prefix = _leading_clusters(text, characters)
    assert (prefix.count > characters) == (whole.count > characters)
    if whole.count > characters:
        assert prefix.offset_of(characters) == whole.offset_of(characters)


def test_a_long_post_folds_where_a_short_one_does() -> None:
    start = "Joulu tulee! " * 50  # past every fold
    for channel in FOLDS:
        assert fold_offset(start + "🎄" * 60_000, channel) == fold_offset(start + "🎄", channel)
