"""Instagram: a caption of 2200 characters with at most 30 hashtags and 20 mentions
(all unconfirmed; UTF-16 units assumed, every occurrence counted)."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit
from somestudio.domain.entities import Entity
from somestudio.domain.findings import Finding, error


@dataclass(frozen=True, slots=True)
class InstagramLimits:
    text: Limit
    hashtags: Limit
    mentions: Limit


LIMITS = InstagramLimits(
    text=Limit(2200, Unit.UTF16, confirmed=False, source="third-party sources only"),
    hashtags=Limit(30, Unit.ITEMS, confirmed=False, source="third-party sources only"),
    mentions=Limit(20, Unit.ITEMS, confirmed=False, source="third-party sources only"),
)


class InstagramRule(ChannelRule):
    name = "instagram"
    title = "Instagram"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.utf16_units(analysis, limit)

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        entities = analysis.entities
        return [
            *self._too_many("hashtags", entities.hashtags, LIMITS.hashtags, lang),
            *self._too_many("mentions", entities.mentions, LIMITS.mentions, lang),
        ]

    def _too_many(
        self, things: str, found: tuple[Entity, ...], limit: Limit, lang: str
    ) -> list[Finding]:
        if len(found) <= limit.value:
            return []
        return [
            error(
                f"instagram.too_many_{things}",
                found[limit.value].start,
                found[-1].end,
                lang,
                channel=self.title,
                count=len(found),
                limit=limit.value,
                things=things,
            )
        ]


RULE = InstagramRule()
