"""Facebook Page: 63,206 characters per post message (UTF-16 units assumed; unconfirmed)."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit


@dataclass(frozen=True, slots=True)
class FacebookLimits:
    text: Limit


LIMITS = FacebookLimits(
    text=Limit(63206, Unit.UTF16, confirmed=False, source="third-party sources only"),
)


class FacebookRule(ChannelRule):
    name = "facebook"
    title = "Facebook"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.utf16_units(analysis, limit)


RULE = FacebookRule()
