"""Counting text the ways networks count it: grapheme clusters, UTF-16 units, UTF-8 bytes.

Every offset here is a code-point offset into a Python ``str`` (what the composer and the
``check`` command report). Counting is built for a keystroke budget: most text is Latin and
its code points are their own grapheme clusters, so the expensive ``\\X`` segmentation only
runs in *windows* around characters that can join a cluster.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise

import regex

# Every character that can join a neighbour into one cluster (Extend, ZWJ, SpacingMark,
# Prepend, regional indicators, Hangul jamo) is >= U+0300, except CR (CR LF is one cluster).
# A run of anything else is one cluster per code point; the unit test proves the claim.
_RUN = regex.compile(r"[^\x00-\x0c\x0e-\u02ff]+")
_GRAPHEME = regex.compile(r"\X")
# The regex module joins Linker x Consonant (GB9c) without checking for the consonant that
# must start the conjunct; UAX #29 (and GraphemeBreakTest) break there.
_LINKER = regex.compile(r"\p{InCB=Linker}")
_FALSE_CONJUNCT = regex.compile(
    # Matched at a consonant first, so the look-behinds run only there (linear overall).
    r"\p{InCB=Consonant}"
    r"(?<!\p{InCB=Consonant}[\p{InCB=Extend}\p{InCB=Linker}]*+\p{InCB=Consonant})"
    r"(?<=\p{InCB=Linker}[\p{InCB=Extend}\p{InCB=Linker}]*\p{InCB=Consonant})"
)
# A plain range: the standard library's engine scans it faster than regex's.
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")
_UTF8_CONTINUATION_DELETE = bytes(b for b in range(256) if b & 0xC0 != 0x80)


def windows(text: str) -> list[tuple[int, int]]:
    """Merged spans that hold every character able to join a neighbour, plus one on each side.

    Outside these spans each code point is a cluster of its own. The spans also hold every
    emoji sequence (a copyright sign or keycap digit joins only through a following mark).
    """
    n = len(text)
    out: list[tuple[int, int]] = []
    for match in _RUN.finditer(text):
        a, b = match.span()
        a = a - 1 if a else 0
        b = b + 1 if b < n else n
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class Windows:
    """The :func:`windows` of a text, also joined into one string with a NUL between them,
    so that one regex call covers them all. NUL is a control character: clusters and emoji
    sequences break on both sides of it, so none spans two windows."""

    __slots__ = ("_joined_starts", "joined", "spans")

    def __init__(self, text: str) -> None:
        self.spans = windows(text)
        self.joined = "\x00".join([text[a:b] for a, b in self.spans])
        self._joined_starts: list[int] = []
        pos = 0
        for a, b in self.spans:
            self._joined_starts.append(pos)
            pos += b - a + 1

    def to_text(self, joined_offset: int) -> int:
        """The text offset of a character of ``joined``."""
        i = bisect_right(self._joined_starts, joined_offset) - 1
        return self.spans[i][0] + joined_offset - self._joined_starts[i]


def _split_false_conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in _FALSE_CONJUNCT.finditer(text, start, end) if m.start() > start]
    bounds = [start, *cuts, end]
    return list(pairwise(bounds))


def _clusters_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every cluster of ``text[start:end]`` (which must start and end on boundaries), without
    windows: the plain segmentation that the tests hold :class:`Graphemes` to."""
    spans: list[tuple[int, int]] = []
    fix = _LINKER.search(text, start, end) is not None
    pos = start
    for cluster in _GRAPHEME.findall(text, start, end):
        stop = pos + len(cluster)
        if fix and stop - pos > 1 and _LINKER.search(cluster):
            spans.extend(_split_false_conjuncts(text, pos, stop))
        else:
            spans.append((pos, stop))
        pos = stop
    return spans


class Graphemes:
    """The grapheme clusters of a text, stored as the few clusters longer than one code point."""

    __slots__ = ("_absorbed", "_ends", "_index", "_length", "_starts")

    def __init__(self, text: str, windows: Windows | None = None) -> None:
        self._length = len(text)
        fix = _LINKER.search(text) is not None
        starts: list[int] = []
        ends: list[int] = []
        win = Windows(text) if windows is None else windows
        clusters = iter(_GRAPHEME.findall(win.joined))
        for window_start, window_end in win.spans:
            pos = window_start
            while pos < window_end:
                stop = pos + len(next(clusters))
                if stop - pos > 1:
                    if fix and _LINKER.search(text, pos, stop):
                        for a, b in _split_false_conjuncts(text, pos, stop):
                            if b - a > 1:
                                starts.append(a)
                                ends.append(b)
                    else:
                        starts.append(pos)
                        ends.append(stop)
                pos = stop
            next(clusters, None)  # the NUL between windows
        self._starts = starts
        self._ends = ends
        # _absorbed[i]: code points that clusters 0..i-1 add beyond one each.
        self._absorbed = [0, *accumulate(b - a - 1 for a, b in zip(starts, ends, strict=True))]
        # _index[i]: the ordinal of cluster i among all clusters of the text.
        self._index = [a - self._absorbed[i] for i, a in enumerate(starts)]

    @property
    def count(self) -> int:
        return self._length - self._absorbed[-1]

    def index_at(self, offset: int) -> int:
        """How many clusters start before ``offset``."""
        i = bisect_left(self._starts, offset)
        if i and self._ends[i - 1] > offset:
            # offset cuts cluster i - 1: only its code points before offset are absorbed.
            return offset - self._absorbed[i - 1] - (offset - self._starts[i - 1] - 1)
        return offset - self._absorbed[i]

    def offset_of(self, index: int) -> int:
        """Code-point offset where cluster number ``index`` starts (the length past the end)."""
        if index <= 0:
            return 0
        i = bisect_left(self._index, index)
        return min(index + self._absorbed[i], self._length)

    def count_between(self, start: int, end: int) -> int:
        """Clusters in ``[start, end)``, counting a cluster cut by either edge as one."""
        if end <= start:
            return 0
        return self.index_at(end) - self.index_at(start) + (1 if self.inside(start) else 0)

    def inside(self, offset: int) -> bool:
        """Whether ``offset`` falls strictly inside a cluster (not on a boundary)."""
        i = bisect_right(self._starts, offset - 1)
        return bool(i) and self._starts[i - 1] < offset < self._ends[i - 1]

    def spans(self) -> list[tuple[int, int]]:
        """Every cluster as a ``(start, end)`` pair (for tests and tools; allocates per cluster)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for a, b in zip(self._starts, self._ends, strict=True):
            out.extend((p, p + 1) for p in range(pos, a))
            out.append((a, b))
            pos = b
        out.extend((p, p + 1) for p in range(pos, self._length))
        return out


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters per UAX #29 (the Unicode version of the installed ``regex``)."""
    return Graphemes(text).count


def graphemes(text: str) -> list[str]:
    """The clusters themselves."""
    return [text[a:b] for a, b in Graphemes(text).spans()]


def utf16_length(text: str) -> int:
    """UTF-16 code units: what JavaScript's ``length`` and Java's ``String.length()`` report."""
    return len(text) + len(_ASTRAL.findall(text))


def utf8_length(text: str) -> int:
    """UTF-8 bytes; a lone surrogate counts the 3 bytes it would take if it were encodable."""
    return len(text.encode("utf-8", "surrogatepass"))


def utf16_offset(text: str, offset: int) -> int:
    """UTF-16 units before the code-point ``offset``."""
    return offset + len(_ASTRAL.findall(text, 0, offset))


def utf16_fit(text: str, limit: int) -> int:
    """Code points that fit in ``limit`` UTF-16 units (a pair is never split)."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    lo, hi = 0, len(text)
    # Largest prefix p whose units, p + astral chars before p, stay within the limit.
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid + bisect_left(astral, mid) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return lo


def utf8_fit(text: str, limit: int) -> int:
    """Code points that fit in ``limit`` UTF-8 bytes (a character is never split)."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return len(text)
    cut = max(limit, 0)
    while cut and data[cut] & 0xC0 == 0x80:
        cut -= 1
    head = data[:cut]
    return cut - len(head.translate(None, _UTF8_CONTINUATION_DELETE))
