"""The top-level domains of the twitter-text rules and matching one at a position.

The list ships as ``somestudio/domain/data/tlds.txt`` (generated from the reference
``tlds.yml``; a unit test keeps them equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from somestudio.domain.twittertext.chars import NOT_AFTER_TLD


@dataclass(frozen=True, slots=True)
class TldTable:
    country: tuple[str, ...]
    generic: tuple[str, ...]


def _parse(text: str) -> TldTable:
    groups: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return TldTable(country=tuple(groups["country"]), generic=tuple(groups["generic"]))


@cache
def table() -> TldTable:
    data = resources.files("somestudio.domain.data").joinpath("tlds.txt")
    return _parse(data.read_text(encoding="utf-8"))


def _canonical_char(ch: str) -> str:
    # JavaScript's case-insensitive match without the u flag: upper-case one code unit,
    # but never map a non-ASCII character onto ASCII (so the Kelvin sign is not a "k").
    upper = ch.upper()
    if len(upper) != 1 or (ord(ch) >= 0x80 and ord(upper) < 0x80):
        return ch
    return upper


def canonical(text: str) -> str:
    if text.isascii():
        return text.upper()
    return "".join(map(_canonical_char, text))


@dataclass(frozen=True, slots=True)
class _Names:
    """Canonical TLD names: ASCII ones by group, and non-ASCII ones by length."""

    generic: frozenset[str]
    country: frozenset[str]
    non_ascii_generic: tuple[tuple[int, frozenset[str]], ...]  # longest first
    non_ascii_country: tuple[tuple[int, frozenset[str]], ...]


def _by_length(names: set[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(name) for name in names}, reverse=True)
    return tuple((n, frozenset(name for name in names if len(name) == n)) for n in lengths)


@cache
def _names() -> _Names:
    data = table()
    generic = {canonical(name) for name in data.generic}
    country = {canonical(name) for name in data.country}
    return _Names(
        frozenset(n for n in generic if n.isascii()),
        frozenset(n for n in country if n.isascii()),
        _by_length({n for n in generic if not n.isascii()}),
        _by_length({n for n in country if not n.isascii()}),
    )


_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]*+")


def _non_ascii(
    groups: tuple[tuple[int, frozenset[str]], ...], text: str, pos: int, limit: int, end: int
) -> int:
    for size, names in groups:
        stop = pos + size
        if (
            stop <= limit
            and canonical(text[pos:stop]) in names
            and (stop >= end or text[stop] not in NOT_AFTER_TLD)
        ):
            return size
    return 0


def _punycode(text: str, pos: int, limit: int) -> int:
    if limit - pos < 5 or text[pos : pos + 4].lower() != "xn--":
        return 0
    stop = pos + 4
    while stop < limit and text[stop].isascii() and (text[stop].isalnum() or text[stop] == "-"):
        stop += 1
    return stop - pos if stop > pos + 4 else 0


def tld_length(text: str, pos: int, limit: int | None = None, end: int | None = None) -> int:
    """Length of the TLD twitter-text would match at ``pos`` (0 for none).

    The TLD must end by ``limit`` (default ``end``); the look-ahead that stops ``foo.com-x``
    sees ``text`` up to ``end`` (default its length: twitter-text re-matches inside a domain
    string, where the end of that string counts as the end of text).
    """
    stop = len(text) if end is None else end
    bound = stop if limit is None else limit
    if pos >= bound:
        return 0
    names = _names()
    if text[pos].isascii():
        # An ASCII TLD cannot be followed by an ASCII letter or digit, so it is the whole
        # run of them (the look-ahead then only has to rule out "@", "+" and "-").
        run = _ASCII_ALNUM.match(text, pos, bound)
        size = run.end() - pos if run else 0
        word = text[pos : pos + size].upper()
        if size and (word in names.generic or word in names.country):
            after = pos + size
            if after >= stop or text[after] not in NOT_AFTER_TLD:
                return size
        return _punycode(text, pos, bound)
    return _non_ascii(names.non_ascii_generic, text, pos, bound, stop) or _non_ascii(
        names.non_ascii_country, text, pos, bound, stop
    )
