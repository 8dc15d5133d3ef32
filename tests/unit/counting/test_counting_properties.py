"""Properties of counting that must hold for every text (hypothesis)."""

from __future__ import annotations

import json
import unicodedata

import regex
from hypothesis import HealthCheck, example, find, given, settings
from hypothesis import strategies as st

from somestudio.domain.channels import CHANNELS, RULES, check_all
from somestudio.domain.nfc import NfcText
from somestudio.domain.text import (
    Graphemes,
    grapheme_count,
    utf8_fit,
    utf8_length,
    utf16_fit,
    utf16_length,
    utf16_offset,
)

# Characters that exercise every cluster rule: marks, ZWJ, emoji and modifiers, regional
# indicators, Hangul jamo, Devanagari conjuncts, prepend and spacing marks, CR LF, controls.
TRICKY = (
    "ae\u0301\u0308\u200d\u200c\ufe0f\ufe0e👨👩👧🏽❤©\u20e3#1"
    "\U0001f1eb\U0001f1ee\U0001f1f8\u1100\u1161\u11a8\uac00\uac01"
    "\u0915\u094d\u0924\u0930\u093f\u0903\u0600\r\n\t\x00\u202e\u2066\u05d0\u0627 .ä中"
)
tricky_text = st.text(alphabet=TRICKY, max_size=40)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)
FAST = settings(deadline=None, max_examples=150)


def _reference_clusters(text: str) -> list[str]:
    """Unwindowed segmentation (the same \\X and conjunct fix over the whole text)."""
    from somestudio.domain.text import _clusters_in  # noqa: PLC0415

    return [text[a:b] for a, b in _clusters_in(text, 0, len(text))]


@FAST
@given(tricky_text)
def test_windowed_clusters_equal_whole_text_segmentation(text: str) -> None:
    clusters = Graphemes(text)
    assert [text[a:b] for a, b in clusters.spans()] == _reference_clusters(text)
    assert clusters.count == len(_reference_clusters(text))


@FAST
@given(tricky_text, tricky_text)
def test_count_of_concatenation_is_bounded(a: str, b: str) -> None:
    # Joining two texts can merge across the seam (and re-pair what follows, as in
    # emoji ZWJ sequences and conjuncts) but never split anything.
    total = grapheme_count(a) + grapheme_count(b)
    assert total - 2 <= grapheme_count(a + b) <= total


@FAST
@given(tricky_text)
def test_offsets_walk_the_clusters(text: str) -> None:
    clusters = Graphemes(text)
    starts = [a for a, _ in clusters.spans()]
    assert [clusters.offset_of(i) for i in range(len(starts))] == starts
    assert clusters.offset_of(len(starts)) == len(text)
    for i, start in enumerate(starts):
        assert clusters.index_at(start) == i


@FAST
@given(any_text)
@example("\ud800\udc00")
def test_utf_lengths_match_python_encoders(text: str) -> None:
    assert utf8_length(text) == len(text.encode("utf-8", "surrogatepass"))
    assert utf16_length(text) == len(text.encode("utf-16-le", "surrogatepass")) // 2
    assert utf16_offset(text, len(text)) == utf16_length(text)


@FAST
@given(any_text, st.integers(min_value=0, max_value=80))
def test_fit_is_the_longest_prefix_within_the_limit(text: str, limit: int) -> None:
    for fit, length in ((utf16_fit, utf16_length), (utf8_fit, utf8_length)):
        n = fit(text, limit)
        assert length(text[:n]) <= limit
        assert n == len(text) or length(text[: n + 1]) > limit


NFC_SAMPLES = st.text(
    alphabet="ae\u0301\u0308AÅ\u212b\u00c5ä\u0041\u030a한\u1112\u1161\u11ab x.fi", max_size=40
)


@FAST
@given(NFC_SAMPLES)
def test_x_count_is_nfc_invariant(text: str) -> None:
    x = RULES["x"]
    count = x.count(text)
    assert count == x.count(unicodedata.normalize("NFC", text))
    assert count == x.count(unicodedata.normalize("NFD", text))


@FAST
@given(NFC_SAMPLES)
def test_nfc_offsets_map_into_the_original(text: str) -> None:
    nfc = NfcText(text)
    assert nfc.text == unicodedata.normalize("NFC", text)
    for offset in range(len(nfc.text) + 1):
        start = nfc.start_in_original(offset) if offset < len(nfc.text) else len(text)
        assert 0 <= start <= nfc.end_in_original(offset) <= len(text)


url_path = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/-_", min_size=0, max_size=300)


@FAST
@given(url_path)
def test_url_weight_does_not_depend_on_url_length(path: str) -> None:
    text = f"Lue lisää: https://example.com/{path} kiitos"
    assert RULES["x"].count(text) == len("Lue lisää: ") + 23 + len(" kiitos")
    assert RULES["mastodon"].count(text) == len("Lue lisää: ") + 23 + len(" kiitos")
    # Bluesky counts a link at its full length.
    assert RULES["bluesky"].count(text) == len(text)


@settings(deadline=None, max_examples=120)
@given(any_text | tricky_text)
def test_every_channel_copes_with_any_text(text: str) -> None:
    results = check_all(text, lang="fi")
    assert list(results) == list(CHANNELS)
    for name, check in results.items():
        assert check.count >= 0
        for finding in check.findings:
            assert 0 <= finding.start <= finding.end <= len(text), (name, finding)
            assert finding.message
        json.dumps(check.as_json())


@FAST
@given(tricky_text, st.integers(min_value=0, max_value=30))
def test_overflow_marks_exactly_what_does_not_fit(text: str, limit: int) -> None:
    for name in ("bluesky", "tiktok", "pinterest", "threads", "x"):
        rule = RULES[name]
        offset = rule.overflow_offset(text, limit_override=limit)
        if rule.count(text) <= limit:
            assert offset is None
            continue
        assert offset is not None
        assert 0 <= offset <= len(text)
        # What comes before the overflow fits, by that network's own count (where counting
        # a prefix alone means the same; a cut can turn "❤\ufe0e" into the emoji "❤").
        if name in ("tiktok", "pinterest"):
            assert rule.count(text[:offset]) <= limit
            assert rule.count(text[: offset + 1]) > limit


@FAST
@given(tricky_text, st.integers(min_value=0, max_value=30))
def test_grapheme_overflow_is_a_cluster_boundary(text: str, limit: int) -> None:
    offset = RULES["bluesky"].overflow_offset(text, limit_override=limit)
    clusters = Graphemes(text)
    if offset is not None:
        assert offset in {a for a, _ in clusters.spans()}
        assert clusters.index_at(offset) == limit


def test_the_any_text_strategy_reaches_surrogates_and_nul() -> None:
    # The crash test above is only as good as its alphabet.
    # No health checks: on a loaded machine generation can be slow, which says nothing about
    # whether the alphabet reaches these characters.
    # Derandomized: the same search every run (a random one missed the surrogates once in
    # 2,000 examples, in CI).
    quick = settings(
        max_examples=2000,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    assert find(any_text, lambda t: bool(regex.search(r"[\ud800-\udfff]", t)), settings=quick)
    assert find(any_text, lambda t: "\x00" in t, settings=quick)


MASTODON_PIECES = st.sampled_from(
    [
        "https://example.com/a",
        "http://例え.テスト/",
        "@alice@example.social",
        "@bob",
        "@ä@b.fi",
        " ",
        "e\u0301",
        "\u0301",
        "\u200d",
        "👩",
        "\U0001f1eb",
        "\u1100",
        "\u1161",
        "\u0915\u094d",
        "\u0924",
        "\u0600",
        "x",
        "\r",
        "\n",
    ]
)


@FAST
@given(st.lists(MASTODON_PIECES, max_size=14).map("".join))
def test_mastodon_shortcut_equals_rewriting_the_text(text: str) -> None:
    from somestudio.domain.analysis import TextAnalysis  # noqa: PLC0415
    from somestudio.domain.channels.mastodon import (  # noqa: PLC0415
        RULE,
        _rewrite,
        _rewritten_count,
    )

    analysis = TextAnalysis(text)
    replaced = RULE._atoms(analysis)
    assert _rewritten_count(analysis, replaced) == grapheme_count(_rewrite(text, replaced))
