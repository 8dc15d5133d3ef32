"""Where twitter-text's domain pattern first matches, found in linear time.

twitter-text finds URLs with one backtracking regular expression. Ported as is, it tries
every start position and rescans the rest of a long unbroken run each time, which is
quadratic (a pasted page of Chinese with one address in it). The domain part of that
expression only ever matches inside a *chain* (a run of label characters and dots), and
its outcome depends only on which labels of the chain are well-formed and which begin with
a top-level domain. So each chain is described once, label by label, and the leftmost start
the regex would accept is read off those tables.

The rules being reproduced, per label (``X`` is a domain character):

* subdomain label: ``X`` first and last, ``X``, ``-`` or ``_`` between, then a dot;
* domain-name label: the same without ``_``;
* the domain is: greedy subdomains, a domain-name label, a dot, a TLD (tried from the most
  subdomains to the fewest, as the regex backtracks).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from somestudio.domain.twittertext.chars import CHAIN_CHAR, NOT_BEFORE_URL, NOT_DOMAIN_CHAR
from somestudio.domain.twittertext.tlds import tld_length

_CHAIN_AFTER = regex.compile(f"{CHAIN_CHAR}*+")
_CHAIN_BEFORE = regex.compile(f"(?r){CHAIN_CHAR}*+")


def dotted_chains(text: str) -> list[tuple[int, int]]:
    """Maximal runs of label characters and dots that contain at least one dot."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (dot := text.find(".", pos)) >= 0:
        before = _CHAIN_BEFORE.match(text, pos, dot)
        start = before.start() if before else dot
        after = _CHAIN_AFTER.match(text, dot)
        end = after.end() if after else dot + 1
        out.append((start, end))
        pos = end
    return out


@dataclass(frozen=True, slots=True)
class DomainMatch:
    start: int  # where the URL starts (the protocol, if any)
    domain_start: int
    domain_end: int


class Chain:
    """One chain's labels and the facts the domain pattern depends on."""

    __slots__ = ("_best", "_bounds", "_last_underscore", "_tail_ok", "_tld", "end", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        bounds: list[tuple[int, int]] = []
        pos = start
        while True:
            dot = text.find(".", pos, end)
            bounds.append((pos, end if dot < 0 else dot))
            if dot < 0:
                break
            pos = dot + 1
        self._bounds = bounds
        last = len(bounds) - 1
        # A label can end a subdomain or domain name only if its last character is X and
        # a dot follows it.
        self._tail_ok = [
            b > a and text[b - 1] not in NOT_DOMAIN_CHAR and i < last
            for i, (a, b) in enumerate(bounds)
        ]
        self._last_underscore = [text.rfind("_", a, b) for a, b in bounds]
        self._tld = [0] + [tld_length(text, a, b) for a, b in bounds[1:]]
        self._best = self._best_domain_labels(text)

    def _best_domain_labels(self, text: str) -> list[int]:
        """For each label i: the furthest label j > i that can end the domain after it."""
        n = len(self._bounds)
        full_sub = [
            self._tail_ok[i] and text[a] not in NOT_DOMAIN_CHAR
            for i, (a, _) in enumerate(self._bounds)
        ]
        ends_domain = [
            full_sub[j] and self._last_underscore[j] < 0 and j + 1 < n and self._tld[j + 1] > 0
            for j in range(n)
        ]
        best = [-1] * n
        running = -1  # the last label <= j that can be a domain name
        for j in range(n):
            if ends_domain[j]:
                running = j
            best[j] = running
        # Greedy subdomains from label i run through labels i+1 .. k-1 (k: the first label
        # after i that is not a whole subdomain); the domain name is the last one that works.
        first_bad = [n] * n
        nxt = n
        for i in range(n - 1, -1, -1):
            first_bad[i] = nxt
            if not full_sub[i]:
                nxt = i
        return [
            best[first_bad[i] - 1] if first_bad[i] - 1 > i and best[first_bad[i] - 1] > i else -1
            for i in range(n)
        ]

    def domain_from(self, text: str, label: int, start: int) -> int:
        """End of the domain the pattern matches from ``start`` in ``label``, or -1."""
        a, b = self._bounds[label]
        if not (a <= start < b) or text[start] in NOT_DOMAIN_CHAR or not self._tail_ok[label]:
            return -1
        best = self._best[label]
        if best >= 0:
            return self._bounds[best + 1][0] + self._tld[best + 1]
        if self._tld[label + 1] and start > self._last_underscore[label]:
            return self._bounds[label + 1][0] + self._tld[label + 1]
        return -1

    def first_match(self, text: str, cursor: int) -> DomainMatch | None:
        """The leftmost start at or after ``cursor`` where the domain pattern matches."""
        first = max(self.start, cursor + 1) if cursor or self.start else 0
        begin = max(bisect_right(self._bounds, (first, 1 << 62)) - 1, 0)
        for label in range(begin, len(self._bounds)):
            found = self._first_in_label(text, label, first, cursor)
            if found:
                return found
        return None

    def _first_in_label(self, text: str, label: int, first: int, cursor: int) -> DomainMatch | None:
        a, b = self._bounds[label]
        if not self._tail_ok[label]:
            return None
        s1 = _valid_start(text, max(a, first), b, cursor)
        if s1 < 0:
            return None
        if self._best[label] >= 0:
            end = self.domain_from(text, label, s1)
            return DomainMatch(s1, s1, end)
        if not self._tld[label + 1]:
            return None
        s2 = _valid_start(text, max(s1, self._last_underscore[label] + 1), b, cursor)
        if s2 < 0:
            return None
        return DomainMatch(s2, s2, self.domain_from(text, label, s2))


def _valid_start(text: str, lo: int, hi: int, cursor: int) -> int:
    """First s in [lo, hi) where a domain may begin: X there, and an allowed character (or
    the start of text) before it. At the very start of text twitter-text's pattern tries
    offset 1 (with text[0] as the preceding character) before offset 0."""
    if lo == 0 and cursor == 0:
        if hi > 1 and text[0] not in NOT_BEFORE_URL and text[1] not in NOT_DOMAIN_CHAR:
            return 1
        if hi > 0 and text[0] not in NOT_DOMAIN_CHAR:
            return 0
        lo = 1
    for s in range(lo, hi):
        if text[s] not in NOT_DOMAIN_CHAR and text[s - 1] not in NOT_BEFORE_URL:
            return s
    return -1
