"""URL extraction by the twitter-text rules (``extractUrlsWithIndices``), code-point offsets.

The scan mirrors the original's ``while (extractUrl.exec(text))`` loop: find the leftmost
match at or after the cursor, move the cursor to its end (even when the match is then
rejected), and decide whether it is a URL. :mod:`.domains` finds the domain part in linear
time; the rest (port, path, query) is matched here with possessive patterns, which accept
exactly what the original's backtracking patterns accept.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from somestudio.domain.twittertext.chars import (
    ASCII_DOMAIN_CHAR,
    NOT_BEFORE_BARE_URL,
    NOT_BEFORE_URL,
    PATH_CHAR,
    PATH_END_CHAR,
    PATH_INNER_CHAR,
    QUERY_END_CHAR,
    QUERY_INNER_CHAR,
)
from somestudio.domain.twittertext.domains import (
    Chain,
    DomainMatch,
    domain_chains,
)
from somestudio.domain.twittertext.tlds import tld_length

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_LABEL_LENGTH = 63

_PARENS = rf"\((?:{PATH_CHAR}++|{PATH_CHAR}*+\({PATH_CHAR}++\){PATH_CHAR}*+)\)"
# A path is the longest run of path characters and balanced parentheses that ends on an
# ending character or a parenthesised group; a query the longest that ends on its own.
_TAIL = regex.compile(
    rf"(?::[0-9]++)?(/(?:{PATH_INNER_CHAR}*+(?:{PATH_END_CHAR}|{_PARENS}))*+)?"
    rf"(?:\?(?:{QUERY_INNER_CHAR}*+{QUERY_END_CHAR})++)?"
)
_TCO = regex.compile(
    rf"[Hh][Tt][Tt][Pp][Ss]?://[Tt]\.[Cc][Oo]/([A-Za-z0-9]++)(?:\?(?:{QUERY_INNER_CHAR}*+{QUERY_END_CHAR})++)?"
)
_ASCII_LABELS = regex.compile(rf"(?:{ASCII_DOMAIN_CHAR}++\.)++")
_ASCII_RUN = regex.compile(rf"{ASCII_DOMAIN_CHAR}*+")
_PLAIN_DOMAIN = regex.compile(rf"(?:{ASCII_DOMAIN_CHAR}|\.)++")
_LABEL_SEPARATORS = regex.compile(r"[.\u3002\uFF0E\uFF61]")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


@dataclass(frozen=True, slots=True)
class UrlEntity:
    url: str
    start: int
    end: int
    has_protocol: bool


def _protocol_start(text: str, chain_start: int) -> int:
    for size, name in ((8, "https://"), (7, "http://")):
        start = chain_start - size
        if start >= 0 and text[start:chain_start].lower() == name:
            return start
    return -1


def _first_match(text: str, chain: Chain, cursor: int) -> tuple[DomainMatch, bool] | None:
    proto = _protocol_start(text, chain.start)
    if proto >= 0 and (
        (proto == 0 and cursor == 0) or (proto > cursor and text[proto - 1] not in NOT_BEFORE_URL)
    ):
        end = chain.domain_from(text, 0, chain.start)
        if end >= 0:
            return DomainMatch(proto, chain.start, end), True
    found = chain.first_match(text, cursor)
    return (found, False) if found else None


def _to_ascii_length(label: str) -> int:
    """Length of punycode.js ``toASCII(label)`` (which splits on ideographic full stops too),
    or some length over the label limit as soon as it is clearly over."""
    total = -1
    for part in _LABEL_SEPARATORS.split(label):
        if len(part) > MAX_LABEL_LENGTH:
            return len(part)  # an encoding is never shorter than its input
        total += 1 + (len(part) if part.isascii() else 4 + len(part.encode("punycode")))
        if total > MAX_LABEL_LENGTH:
            return total
    return total


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of twitter-text's ``validAsciiDomain`` matches inside ``domain`` (global)."""
    if _PLAIN_DOMAIN.fullmatch(domain):
        # Every label qualifies and the last one is the TLD the domain was matched with.
        return [(0, len(domain))]
    out: list[tuple[int, int]] = []
    q, n = 0, len(domain)
    while q < n:
        labels = _ASCII_LABELS.match(domain, q)
        if labels is None:
            run = _ASCII_RUN.match(domain, q)
            q = (run.end() if run else q) + 1
            continue
        dots = [i for i in range(q, labels.end()) if domain[i] == "."]
        for dot in reversed(dots):
            size = tld_length(domain, dot + 1, n, n)
            if size:
                out.append((q, dot + 1 + size))
                q = dot + 1 + size
                break
        else:
            q = labels.end()
    return out


def _valid(url: str, protocol_length: int, domain: str) -> bool:
    # twitter-text checks the labels first; the cheap length test first gives the same answer.
    if protocol_length + len(url) + len(_ASTRAL.findall(url)) > MAX_URL_LENGTH:
        return False
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False
    ascii_only = domain.isascii()
    for label in domain.split("."):
        size = len(label) if ascii_only else _to_ascii_length(label)
        if not 1 <= size <= MAX_LABEL_LENGTH:
            return False
    return True


def _accept(text: str, match: DomainMatch, end: int, has_path: bool) -> list[UrlEntity]:
    url = text[match.start : end]
    domain = text[match.domain_start : match.domain_end]
    protocol = match.domain_start - match.start
    if not _valid(url, protocol or len("https://"), domain):
        return []
    if protocol:
        tco = _TCO.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                return []
            url = tco.group(0)
        return [UrlEntity(url, match.start, match.start + len(url), True)]
    if match.start and text[match.start - 1] in NOT_BEFORE_BARE_URL:
        return []
    spans = [(match.start + a, match.start + b) for a, b in _ascii_domains(domain)]
    if has_path and spans:
        spans[-1] = (spans[-1][0], end)
    return [UrlEntity(text[a:b], a, b, False) for a, b in spans]


def extract_urls(text: str) -> list[UrlEntity]:
    """Every URL X would link (and count as 23), in order, with code-point offsets."""
    if "." not in text:
        return []
    out: list[UrlEntity] = []
    cursor = 0
    for start, end in domain_chains(text):
        if end <= cursor:
            continue
        chain = Chain(text, start, end)
        while (found := _first_match(text, chain, cursor)) is not None:
            match, _ = found
            tail = _TAIL.match(text, match.domain_end)
            stop = tail.end() if tail else match.domain_end
            cursor = stop
            out.extend(_accept(text, match, stop, bool(tail and tail.group(1))))
            if cursor >= chain.end:
                break
    return out
