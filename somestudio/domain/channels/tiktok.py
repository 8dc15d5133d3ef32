"""TikTok: a caption of at most 2200 UTF-16 code units."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit


@dataclass(frozen=True, slots=True)
class TikTokLimits:
    text: Limit


LIMITS = TikTokLimits(
    text=Limit(2200, Unit.UTF16, confirmed=True, source="TikTok Content Posting API: title"),
)


class TikTokRule(ChannelRule):
    name = "tiktok"
    title = "TikTok"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.utf16_units(analysis, limit)


RULE = TikTokRule()
