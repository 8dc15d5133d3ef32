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


def domain_chains(text: str) -> list[tuple[int, int]]:
    """Maximal runs of label characters and dots in which a label after a dot begins with a
    TLD: the only places a URL's domain can be. Most dots end a sentence and are skipped
    after one look at the next character."""
    out: list[tuple[int, int]] = []
    floor = 0  # the end of the previous chain
    dot = text.find(".")
    while dot >= 0:
        label = dot + 1
        # A TLD is letters and marks only, so it cannot run past its label: no bound needed,
        # and the chain is measured only around a dot that is followed by one.
        if (
            label < len(text)
            and (text[label].isalpha() or not text[label].isascii())
            and tld_length(text, label)
        ):
            before = _CHAIN_BEFORE.match(text, floor, dot)
            after = _CHAIN_AFTER.match(text, dot)
            end = after.end() if after else label
            out.append((before.start() if before else dot, end))
            floor = end
            dot = text.find(".", end)
        else:
            dot = text.find(".", label)
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
        labels = text[start:end].split(".")
        last = len(labels) - 1
        self._bounds: list[tuple[int, int]] = []
        self._tail_ok: list[bool] = []  # ends on X and a dot follows: can end a (sub)domain
        self._last_underscore: list[int] = []
        self._tld: list[int] = []
        whole: list[bool] = []  # a whole subdomain label
        pos = start
        for i, label in enumerate(labels):
            stop = pos + len(label)
            tail_ok = i < last and label != "" and label[-1] not in NOT_DOMAIN_CHAR
            underscore = label.rfind("_")
            self._bounds.append((pos, stop))
            self._tail_ok.append(tail_ok)
            self._last_underscore.append(pos + underscore if underscore >= 0 else -1)
            self._tld.append(tld_length(text, pos, stop) if i else 0)
            whole.append(tail_ok and label[0] not in NOT_DOMAIN_CHAR)
            pos = stop + 1
        # _best[i]: greedy subdomains from label i run through labels i+1 .. k-1 (k: the
        # first label after i that is not a whole subdomain); the domain name is the last of
        # those that can be one (no underscore, a TLD after it). -1 if none can.
        self._best = [-1] * len(labels)
        best_after = -1
        for i in range(last - 1, -1, -1):
            j = i + 1
            if not whole[j]:
                best_after = -1
            elif best_after < 0 and self._last_underscore[j] < 0 and self._tld[j + 1]:
                best_after = j
            self._best[i] = best_after

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
