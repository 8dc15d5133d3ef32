"""Grapheme clusters against Unicode's GraphemeBreakTest (15.1) and the windowing shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from somestudio.domain.text import Graphemes, grapheme_count, graphemes, windows

REFERENCE = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "reference"
    / "unicode"
    / "GraphemeBreakTest-15.1.txt"
)
# Unicode 17 removed U+2701 (UPPER BLADE SCISSORS) from Extended_Pictographic, so GB11 no
# longer joins U+2701 ZWJ U+2701: the installed regex module's data has the break that
# Unicode 15.1 did not. This case is asserted with the newer answer, not skipped.
UNICODE_17_CHANGED = "2701×200D×2701"
UNICODE_17_CLUSTERS = ["\u2701\u200d", "\u2701"]


def _lines() -> list[str]:
    lines = [line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    assert len(lines) > 1000
    return lines


def _expected(line: str) -> list[str]:
    return ["".join(chr(int(cp, 16)) for cp in part.split("×")) for part in line.split("÷")]


@pytest.mark.parametrize("line", _lines())
def test_grapheme_break(line: str) -> None:
    expected = UNICODE_17_CLUSTERS if line == UNICODE_17_CHANGED else _expected(line)
    text = "".join(expected)
    assert graphemes(text) == expected
    assert grapheme_count(text) == len(expected)


def test_the_unicode_17_case_is_in_the_file() -> None:
    assert UNICODE_17_CHANGED in _lines()
    assert _expected(UNICODE_17_CHANGED) != UNICODE_17_CLUSTERS


def test_regex_module_alone_fails_the_conjunct_cases_we_fix() -> None:
    # Documents why text.py corrects \X: the regex module joins a consonant after a virama
    # even when no consonant starts the conjunct (GB9c needs one).
    assert regex.findall(r"\X", "a\u094d\u0924") == ["a\u094d\u0924"]
    assert graphemes("a\u094d\u0924") == ["a\u094d", "\u0924"]


def test_no_joining_character_below_u0300_except_cr() -> None:
    # windows() relies on this: such characters never join a neighbour into a cluster.
    joining = regex.compile(
        r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=RI}"
        r"\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}\p{GCB=CR}\p{InCB=Consonant}]"
    )
    assert [c for c in range(0x300) if joining.match(chr(c))] == [0x0D]


def test_windows_cover_every_joining_character() -> None:
    text = "abc e\u0301 x\r\ny 👨\u200d👩 ©\ufe0f 1\u20e3 🇫🇮"
    spans = windows(text)
    assert spans == sorted(spans)
    covered = {i for a, b in spans for i in range(a, b)}
    for i, ch in enumerate(text):
        if ord(ch) >= 0x300 or ch == "\r":
            neighbourhood = {max(i - 1, 0), i, min(i + 1, len(text) - 1)}
            assert neighbourhood <= covered, (i, ch)


def test_index_helpers() -> None:
    text = "ae\u0301b👨\u200d👩c"
    clusters = Graphemes(text)
    assert clusters.spans() == [(0, 1), (1, 3), (3, 4), (4, 7), (7, 8)]
    assert clusters.count == 5
    assert [clusters.offset_of(i) for i in range(7)] == [0, 1, 3, 4, 7, 8, 8]
    assert [clusters.index_at(i) for i in range(9)] == [0, 1, 2, 2, 3, 4, 4, 4, 5]
    assert clusters.count_between(2, 5) == 3  # the cut é, b, and the cut family
    assert clusters.inside(2)
    assert not clusters.inside(3)
