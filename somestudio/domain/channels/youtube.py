"""YouTube: a video's title (100 characters) and description (5000 bytes), neither with
``<`` or ``>``. ``check`` checks the description; :meth:`YouTubeRule.check_title` the title.

The Data API reference gives the description limit in bytes ("5000 bytes ... all valid
UTF-8 characters except < and >") and the title limit in "characters" without a unit:
UTF-16 units are assumed for the title (the stricter reading), marked unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelCheck, ChannelRule, Limit, Measure, Unit
from somestudio.domain.channels.fields import check_field
from somestudio.domain.findings import Finding, error

_ANGLE = regex.compile(r"[<>]+")
_MAX_FINDINGS = 50


@dataclass(frozen=True, slots=True)
class YouTubeLimits:
    description: Limit
    title: Limit


LIMITS = YouTubeLimits(
    description=Limit(
        5000, Unit.UTF8, confirmed=True, source="YouTube Data API videos: snippet.description"
    ),
    title=Limit(
        100,
        Unit.UTF16,
        confirmed=False,
        source="YouTube Data API videos: snippet.title, 100 characters (unit not stated)",
    ),
)


class YouTubeRule(ChannelRule):
    name = "youtube"
    title = "YouTube"
    text_limit = LIMITS.description

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.utf8_bytes(analysis, limit)

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        return self._angles(analysis.text, lang)

    def _angles(self, text: str, lang: str) -> list[Finding]:
        return [
            error("youtube.forbidden_character", m.start(), m.end(), lang, channel=self.title)
            for _, m in zip(range(_MAX_FINDINGS), _ANGLE.finditer(text), strict=False)
        ]

    def check_title(self, title: str, *, lang: str = "en") -> ChannelCheck:
        extra = self._angles(title, lang)
        if not title.strip():
            extra.append(error("youtube.title_empty", 0, len(title), lang, channel=self.title))
        return check_field(
            self,
            "title",
            title,
            limit=LIMITS.title,
            measure=measures.utf16_units,
            lang=lang,
            extra=extra,
        )


RULE = YouTubeRule()
