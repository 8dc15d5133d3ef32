"""One text, measured once: what every channel rule reads, computed lazily and shared.

A keystroke checks all channels; each fact (windows, clusters, links, emoji, lengths) is
computed at most once per text, the first time a rule asks for it.
"""

from __future__ import annotations

import re
from functools import cached_property

from somestudio.domain.entities import (
    Entities,
    Entity,
    EntityKind,
    find_hashtags,
    find_mentions,
)
from somestudio.domain.findings import Finding, error, warning
from somestudio.domain.nfc import NfcText
from somestudio.domain.text import Graphemes, Windows, utf16_length
from somestudio.domain.twittertext.emoji import emoji_spans
from somestudio.domain.twittertext.urls import UrlEntity, extract_urls

# Plain ranges: the standard library's engine scans these several times faster.
_ANY_SUSPECT = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uD800-\uDFFF]")
_SUSPECT = re.compile(r"(\x00+)|([\uD800-\uDFFF]+)|([\x01-\x08\x0B\x0C\x0E-\x1F\x7F]+)")
_SUSPECT_CODES = {
    1: ("text.nul", error),
    2: ("text.lone_surrogate", error),
    3: ("text.control_character", warning),
}
_MAX_FINDINGS_PER_CODE = 50


class TextAnalysis:
    """Facts about ``text``; pass one to several rules to share the work."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._text_findings: dict[str, list[Finding]] = {}

    @cached_property
    def windows(self) -> Windows:
        return Windows(self.text)

    @cached_property
    def graphemes(self) -> Graphemes:
        return Graphemes(self.text, self.windows)

    @cached_property
    def utf16_length(self) -> int:
        return utf16_length(self.text)

    @cached_property
    def utf8(self) -> bytes:
        return self.text.encode("utf-8", "surrogatepass")

    @cached_property
    def twitter_urls(self) -> tuple[UrlEntity, ...]:
        return tuple(extract_urls(self.text))

    @cached_property
    def url_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple((u.start, u.end) for u in self.twitter_urls)

    @cached_property
    def emoji(self) -> tuple[tuple[int, int], ...]:
        return tuple(emoji_spans(self.text, self.windows))

    @cached_property
    def entities(self) -> Entities:
        urls = tuple(Entity(EntityKind.URL, u.start, u.end, u.url) for u in self.twitter_urls)
        return Entities(
            urls,
            find_mentions(self.text, self.url_spans),
            find_hashtags(self.text, self.url_spans),
        )

    @cached_property
    def nfc(self) -> NfcText:
        return NfcText(self.text)

    @cached_property
    def normalized(self) -> TextAnalysis:
        """The analysis of the NFC form (this one when the text is already NFC)."""
        nfc = self.nfc
        return TextAnalysis(nfc.text) if nfc.changed else self

    def text_findings(self, lang: str) -> list[Finding]:
        """Problems whatever the channel: NUL, broken characters, invisible controls.

        One finding per run of the same kind, at most a few dozen per kind (a pasted binary
        file should not produce a million findings).
        """
        cached = self._text_findings.get(lang)
        if cached is not None:
            return list(cached)
        found: list[Finding] = []
        counts = dict.fromkeys(_SUSPECT_CODES, 0)
        first = _ANY_SUSPECT.search(self.text)
        for match in _SUSPECT.finditer(self.text, first.start() if first else len(self.text)):
            group = match.lastindex or 1
            if counts[group] >= _MAX_FINDINGS_PER_CODE:
                continue
            counts[group] += 1
            code, make = _SUSPECT_CODES[group]
            start, end = match.span()
            found.append(make(code, start, end, lang, codepoint=f"{ord(self.text[start]):04X}"))
        self._text_findings[lang] = found
        return list(found)
