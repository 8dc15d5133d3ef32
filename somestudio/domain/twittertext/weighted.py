"""X's weighted length (twitter-text ``parseTweet``), with code-point offsets.

Each code point weighs by the config's ranges (1 for Latin and common punctuation, 2 for the
rest), every URL weighs 23 and every emoji sequence 2, all on the NFC form of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from somestudio.domain.nfc import NfcText
from somestudio.domain.text import Windows
from somestudio.domain.twittertext.config import V3, WeightConfig
from somestudio.domain.twittertext.emoji import emoji_spans
from somestudio.domain.twittertext.urls import extract_urls

INVALID_CHARACTERS = re.compile(r"[\uFFFE\uFEFF\uFFFF]")


@dataclass(frozen=True, slots=True)
class WeightedCount:
    """The weighted length and where the text stops fitting (offsets into the counted text)."""

    weighted_length: int
    limit: int
    overflow_start: int | None  # first atom (char, URL or emoji) that no longer fits
    first_invalid: int | None  # first U+FFFE, U+FEFF or U+FFFF

    @property
    def valid(self) -> bool:
        return self.first_invalid is None and 0 < self.weighted_length <= self.limit

    @property
    def valid_end(self) -> int | None:
        """Where the valid prefix ends, or None when the whole text is valid."""
        ends = [p for p in (self.overflow_start, self.first_invalid) if p is not None]
        return min(ends) if ends else None


class _Weigher:
    """Per-config tables: one regex counts the characters outside the weight ranges."""

    def __init__(self, config: WeightConfig) -> None:
        self.config = config
        weights = {r.weight for r in config.ranges}
        if len(weights) != 1:
            raise ValueError("ranges with different weights are not supported")
        self.range_weight = weights.pop()
        body = "".join(f"\\U{r.start:08X}-\\U{r.end:08X}" for r in config.ranges)
        # A plain class: the standard library's engine counts it faster than regex's.
        self.heavy = re.compile(f"[^{body}]")

    def char(self, ch: str) -> int:
        cp = ord(ch)
        for r in self.config.ranges:
            if r.start <= cp <= r.end:
                return r.weight
        return self.config.default_weight

    def span(self, text: str, start: int = 0, end: int | None = None) -> int:
        stop = len(text) if end is None else end
        heavy = len(self.heavy.findall(text, start, stop))
        return heavy * self.config.default_weight + (stop - start - heavy) * self.range_weight


_V3 = _Weigher(V3)


def _atoms(
    urls: Sequence[tuple[int, int]], emoji: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """URL and emoji spans as (start, end, kind) in the order parseTweet consumes them: a
    span that starts inside an earlier one is never reached; a URL wins over an emoji."""
    merged = sorted([(a, b, 0) for a, b in urls] + [(a, b, 1) for a, b in emoji])
    out: list[tuple[int, int, int]] = []
    pos = 0
    for a, b, kind in merged:
        if a >= pos:
            out.append((a, b, kind))
            pos = b
    return out


def weigh(
    text: str,
    urls: Sequence[tuple[int, int]],
    emoji: Sequence[tuple[int, int]],
    *,
    limit: int | None = None,
    config: WeightConfig = V3,
) -> WeightedCount:
    """Weighted length of already-normalised ``text`` with its URL and emoji spans."""
    weigher = _V3 if config is V3 else _Weigher(config)
    scale = config.scale
    fixed = (config.transformed_url_length * scale, config.default_weight)
    atoms = _atoms(urls, emoji)
    # Weights are per code point, so the atoms' own weight is that of their concatenation.
    covered = weigher.span("".join([text[a:b] for a, b, _ in atoms]))
    total = weigher.span(text) - covered + sum(fixed[kind] for _, _, kind in atoms)
    max_length = config.max_weighted_tweet_length if limit is None else limit
    overflow = (
        _overflow(text, atoms, fixed, max_length * scale, weigher)
        if total > max_length * scale
        else None
    )
    invalid = INVALID_CHARACTERS.search(text)
    return WeightedCount(total // scale, max_length, overflow, invalid.start() if invalid else None)


def _overflow(
    text: str,
    atoms: list[tuple[int, int, int]],
    fixed: tuple[int, int],
    budget: int,
    weigher: _Weigher,
) -> int:
    """The start of the first character, URL or emoji that no longer fits ``budget``."""
    used = pos = 0
    for start, end, kind in [*atoms, (len(text), len(text), -1)]:
        run = weigher.span(text, pos, start)
        if used + run > budget:
            for i in range(pos, start):
                used += weigher.char(text[i])
                if used > budget:
                    return i
        used += run
        if kind < 0:
            break
        used += fixed[kind]
        if used > budget:
            return start
        pos = end
    return len(text)


@dataclass(frozen=True, slots=True)
class TweetParse:
    """``parseTweet``'s answer with offsets into the text as given (before NFC)."""

    weighted_length: int
    valid: bool
    permillage: int
    valid_end: int  # code points of the valid prefix
    overflow_start: int | None


def parse_tweet(text: str, *, config: WeightConfig = V3) -> TweetParse:
    nfc = NfcText(text)
    counted = nfc.text
    spans = Windows(counted)
    count = weigh(
        counted,
        [(u.start, u.end) for u in extract_urls(counted)],
        emoji_spans(counted, spans) if config.emoji_parsing_enabled else [],
        config=config,
    )
    end = count.valid_end
    overflow = count.overflow_start
    return TweetParse(
        weighted_length=count.weighted_length,
        valid=count.valid,
        permillage=count.weighted_length * 1000 // config.max_weighted_tweet_length,
        valid_end=len(text) if end is None else nfc.start_in_original(end),
        overflow_start=None if overflow is None else nfc.start_in_original(overflow),
    )
