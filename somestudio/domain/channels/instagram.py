"""Instagram: a caption of 2200 characters with at most 30 hashtags and 20 mentions
(all unconfirmed; UTF-16 units assumed, every occurrence counted), and since December 2025
a cap of 5 hashtags in the app, shown as a warning.

Instagram's developer documentation ("Content Publishing",
https://developers.facebook.com/docs/instagram-platform/content-publishing/, and the
``POST /{ig-user-id}/media`` reference) states no hashtag limit. The cap of 5 was announced
by Instagram (Adam Mosseri, @creators, 19 December 2025) as news pages report it, e.g.
https://en.shiftdelete.net/an-era-is-ending-on-instagram-hashtag-limit-imposed: whether the
API refuses or strips a sixth is not documented, so more than 5 warns and more than 30 (the
older, equally third-party figure) stays an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit
from somestudio.domain.entities import Entity
from somestudio.domain.findings import Finding, error, warning


@dataclass(frozen=True, slots=True)
class InstagramLimits:
    text: Limit
    hashtags: Limit
    hashtags_shown: Limit  # more than this many: a warning
    mentions: Limit


LIMITS = InstagramLimits(
    text=Limit(2200, Unit.UTF16, confirmed=False, source="third-party sources only"),
    hashtags=Limit(30, Unit.ITEMS, confirmed=False, source="third-party sources only"),
    hashtags_shown=Limit(
        5,
        Unit.ITEMS,
        confirmed=False,
        source="Instagram's December 2025 announcement as news pages report it; no API doc",
    ),
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
            *(
                self._too_many("hashtags", entities.hashtags, LIMITS.hashtags, lang)
                or self._over_five(entities.hashtags, lang)
            ),
            *self._too_many("mentions", entities.mentions, LIMITS.mentions, lang),
        ]

    def _over_five(self, found: tuple[Entity, ...], lang: str) -> list[Finding]:
        limit = LIMITS.hashtags_shown.value
        if len(found) <= limit:
            return []
        return [
            warning(
                "instagram.hashtags_over_cap",
                found[limit].start,
                found[-1].end,
                lang,
                channel=self.title,
                count=len(found),
                limit=limit,
            )
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
