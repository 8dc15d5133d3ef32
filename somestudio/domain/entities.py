"""Links, mentions and hashtags in a post, with code-point spans for highlighting.

Links follow the twitter-text rules (the strictest common definition, and the one X counts);
mentions and hashtags follow the common shape (``@name``, ``@name@server``, ``#tag``) and
never overlap a link.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import regex

from somestudio.domain.twittertext.urls import extract_urls


class EntityKind(StrEnum):
    URL = "url"
    MENTION = "mention"
    HASHTAG = "hashtag"


@dataclass(frozen=True, slots=True)
class Entity:
    kind: EntityKind
    start: int
    end: int
    text: str

    @property
    def has_protocol(self) -> bool:
        """For a URL: whether it starts with ``http://`` or ``https://``."""
        return self.text[:8].lower().startswith(("http://", "https://"))

    @property
    def local_name(self) -> str:
        """For a mention: ``@name`` without any ``@server`` part."""
        head, _, _ = self.text[1:].partition("@")
        return self.text[0] + head

    @property
    def server(self) -> str | None:
        """For a mention: the ``server`` of ``@name@server``, if written."""
        _, at, server = self.text[1:].partition("@")
        return server if at else None


@dataclass(frozen=True, slots=True)
class Entities:
    urls: tuple[Entity, ...]
    mentions: tuple[Entity, ...]
    hashtags: tuple[Entity, ...]

    def all(self) -> tuple[Entity, ...]:
        return tuple(sorted((*self.urls, *self.mentions, *self.hashtags), key=lambda e: e.start))


_WORD = r"\p{L}\p{M}\p{Nd}_\u200C\u200D"
# At least one letter, so "#1" (a number) is not a tag; not after a word or "&" ("&#39;").
HASHTAG = regex.compile(
    rf"(?<![{_WORD}&])[#＃](?![\uFE0F\u20E3])(?:[\p{{Nd}}_\u200C\u200D]*+[\p{{L}}\p{{M}}])[{_WORD}]*+"
)
# "@name", "@first.last", "@name@server.example"; not inside an e-mail address or a path.
MENTION = regex.compile(
    r"(?<![\p{L}\p{N}_!#$%&*@＠/.\-])[@＠]"
    r"[\p{L}\p{N}_]++(?:[.\-]++[\p{L}\p{N}_]++)*+"
    r"(?:@[\p{L}\p{N}_\-]++(?:\.[\p{L}\p{N}_\-]++)++)?"
)


def _find(
    pattern: regex.Pattern[str], kind: EntityKind, text: str, urls: Sequence[tuple[int, int]]
) -> tuple[Entity, ...]:
    """Matches of ``pattern`` that overlap none of the (sorted, disjoint) ``urls``."""
    starts = [a for a, _ in urls]
    found: list[Entity] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect_right(starts, start) - 1  # the last link starting at or before the match
        if (i >= 0 and urls[i][1] > start) or (i + 1 < len(urls) and urls[i + 1][0] < end):
            continue
        found.append(Entity(kind, start, end, match.group()))
    return tuple(found)


def find_hashtags(text: str, urls: Sequence[tuple[int, int]] = ()) -> tuple[Entity, ...]:
    if "#" not in text and "＃" not in text:
        return ()
    return _find(HASHTAG, EntityKind.HASHTAG, text, urls)


def find_mentions(text: str, urls: Sequence[tuple[int, int]] = ()) -> tuple[Entity, ...]:
    if "@" not in text and "＠" not in text:
        return ()
    return _find(MENTION, EntityKind.MENTION, text, urls)


def extract_entities(text: str) -> Entities:
    urls = tuple(Entity(EntityKind.URL, u.start, u.end, u.url) for u in extract_urls(text))
    spans = [(u.start, u.end) for u in urls]
    return Entities(urls, find_mentions(text, spans), find_hashtags(text, spans))


def hashtag_count(text: str) -> int:
    """Hashtags in ``text`` as the metrics' insights count them (``find_hashtags``); only a
    text with a hashtag sign (either width) is looked at further."""
    if "#" not in text and "＃" not in text:
        return 0
    return len(find_hashtags(text))


def text_facts(text: str | None) -> tuple[int | None, int | None]:
    """(length, hashtags) of a post's text as stored beside it for the metrics view
    (``posts.text_length``/``text_hashtags``, ``deliveries.override_length``/
    ``override_hashtags``): None for no text (a delivery without a variant of its own)."""
    if text is None:
        return None, None
    return len(text), hashtag_count(text)
