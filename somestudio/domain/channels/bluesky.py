"""Bluesky: at most 300 grapheme clusters and 3000 UTF-8 bytes; URLs count at full length.

``count`` is graphemes; the byte limit shows as its own finding. A hashtag longer than 64
graphemes cannot be a tag facet (the app.bsky.richtext.facet lexicon).
"""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit
from somestudio.domain.findings import Finding, error, warning


@dataclass(frozen=True, slots=True)
class BlueskyLimits:
    text: Limit
    bytes: Limit
    tag: Limit


LIMITS = BlueskyLimits(
    text=Limit(300, Unit.GRAPHEMES, True, "app.bsky.feed.post lexicon: text maxGraphemes"),
    bytes=Limit(3000, Unit.UTF8, True, "app.bsky.feed.post lexicon: text maxLength (bytes)"),
    tag=Limit(64, Unit.GRAPHEMES, True, "app.bsky.richtext.facet lexicon: tag maxGraphemes"),
)


class BlueskyRule(ChannelRule):
    name = "bluesky"
    title = "Bluesky"
    text_limit = LIMITS.text
    byte_limit = LIMITS.bytes

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.graphemes(analysis, limit)

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        found: list[Finding] = []
        size = measures.utf8_bytes(analysis, LIMITS.bytes.value)
        if size.overflow is not None:
            found.append(
                error(
                    "bluesky.too_many_bytes",
                    size.overflow,
                    len(analysis.text),
                    lang,
                    channel=self.title,
                    count=size.count,
                    limit=LIMITS.bytes.value,
                    unit=Unit.UTF8.value,
                )
            )
        clusters = analysis.graphemes
        for tag in analysis.entities.hashtags:
            if clusters.count_between(tag.start + 1, tag.end) > LIMITS.tag.value:
                found.append(
                    warning(
                        "bluesky.tag_too_long",
                        tag.start,
                        tag.end,
                        lang,
                        channel=self.title,
                        limit=LIMITS.tag.value,
                    )
                )
        return found


RULE = BlueskyRule()
