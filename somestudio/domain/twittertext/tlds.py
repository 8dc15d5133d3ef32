"""The top-level domains of the twitter-text rules and matching one at a position.

The list ships as ``somestudio/domain/data/tlds.txt`` (generated from the reference
``tlds.yml``; a unit test keeps them equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

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
class _Group:
    names: frozenset[str]
    lengths: tuple[int, ...]  # longest first


def _group(names: tuple[str, ...]) -> _Group:
    canon = frozenset(canonical(name) for name in names)
    return _Group(canon, tuple(sorted({len(name) for name in canon}, reverse=True)))


@cache
def _groups() -> tuple[_Group, _Group]:
    data = table()
    return _group(data.generic), _group(data.country)


def _in_group(group: _Group, text: str, pos: int, limit: int, end: int) -> int:
    for size in group.lengths:
        stop = pos + size
        if stop > limit:
            continue
        if canonical(text[pos:stop]) in group.names and (
            stop >= end or text[stop] not in NOT_AFTER_TLD
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
    generic, country = _groups()
    return (
        _in_group(generic, text, pos, bound, stop)
        or _in_group(country, text, pos, bound, stop)
        or _punycode(text, pos, bound)
    )
