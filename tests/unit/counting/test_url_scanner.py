"""The linear-time URL scanner finds what twitter-text's backtracking expression finds.

``_reference_extract`` transcribes twitter-text's ``extractUrl`` expression and its
``exec`` loop literally (quadratic on long runs, so only for short generated texts);
hypothesis compares the two on texts built from URL-ish pieces.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from somestudio.domain.twittertext import chars, tlds
from somestudio.domain.twittertext.domains import DomainMatch
from somestudio.domain.twittertext.urls import UrlEntity, _accept, extract_urls


def _tld_alternation(names: tuple[str, ...]) -> str:
    return "(?:(?:" + "|".join(map(regex.escape, names)) + r")(?=[^0-9a-zA-Z@+\-]|$))"


_X = chars.DOMAIN_CHAR
_G = chars.PATH_CHAR
_TABLE = tlds.table()
_GTLD = _tld_alternation(_TABLE.generic)
_CCTLD = _tld_alternation(_TABLE.country)
_TLD = f"(?:{_GTLD}|{_CCTLD}|(?:xn--[\\-0-9a-z]+))"
_PARENS = rf"\((?:{_G}+|(?:{_G}*\({_G}+\){_G}*))\)"
_PATH = rf"(?:(?:{_G}*(?:{_PARENS}{_G}*)*(?:{chars.PATH_END_CHAR}|{_PARENS}))|(?:@{_G}+/))"
_EXTRACT = regex.compile(
    r"(?:[^A-Za-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF]|[\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069]|^)"
    r"((https?://)?"
    rf"((?:(?:{_X}(?:[_-]|{_X})*)?{_X}\.)*(?:(?:{_X}(?:-|{_X})*)?{_X}\.){_TLD})"
    r"(?::[0-9]+)?"
    rf"(/{_PATH}*)?"
    rf"(?:\?{chars.QUERY_CHAR}*{chars.QUERY_END_CHAR})?)",
    regex.IGNORECASE,
)


def _reference_extract(text: str) -> list[UrlEntity]:
    if "." not in text:
        return []
    out: list[UrlEntity] = []
    pos = 0
    while (m := _EXTRACT.search(text, pos)) is not None:
        pos = m.end()
        match = DomainMatch(m.start(1), m.start(3), m.end(3))
        out.extend(_accept(text, match, m.end(1), m.group(4) is not None))
    return out


PIECES = [
    "http://",
    "https://",
    "HTTP://",
    "t.co/",
    "a",
    "b",
    "x",
    "é",
    "中",
    "み",
    "みんな",
    "com",
    "co",
    "jp",
    "fi",
    "foo",
    "xn--",
    "-",
    "_",
    ".",
    "..",
    "/",
    ":",
    "80",
    "?",
    "=",
    "&",
    "#",
    "@",
    "$",
    "(",
    ")",
    "'",
    '"',
    "!",
    " ",
    "\n",
    "\u202a",
    "\u3002",
    "😷",
]
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@settings(deadline=None, max_examples=600)
@given(texts)
def test_scanner_agrees_with_the_backtracking_expression(text: str) -> None:
    assert extract_urls(text) == _reference_extract(text)


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet="ab.-_c/o:m中é", max_size=30))
def test_scanner_agrees_on_dense_label_soup(text: str) -> None:
    assert extract_urls(text) == _reference_extract(text)


def test_reference_itself_finds_the_obvious() -> None:
    assert [u.url for u in _reference_extract("see https://example.com/x and foo.fi")] == [
        "https://example.com/x",
        "foo.fi",
    ]


def test_not_domain_set_matches_the_class() -> None:
    domain_char = regex.compile(chars.DOMAIN_CHAR)
    for code in range(0x10000):
        ch = chr(code)
        assert (ch in chars.NOT_DOMAIN_CHAR) is (domain_char.match(ch) is None), hex(code)


def test_inner_and_ending_classes_partition_their_class() -> None:
    pairs = [
        (chars.PATH_CHAR, chars.PATH_INNER_CHAR, chars.PATH_END_CHAR),
        (chars.QUERY_CHAR, chars.QUERY_INNER_CHAR, chars.QUERY_END_CHAR),
    ]
    for whole, inner, end in pairs:
        w, i, e = (regex.compile(c) for c in (whole, inner, end))
        for code in range(0x10000):
            ch = chr(code)
            in_inner, in_end = bool(i.match(ch)), bool(e.match(ch))
            assert not (in_inner and in_end), hex(code)
            assert bool(w.match(ch)) is (in_inner or in_end), hex(code)
