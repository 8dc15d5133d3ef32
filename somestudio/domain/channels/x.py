"""X: 280 weighted units of the NFC text (twitter-text config v3)."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit
from somestudio.domain.findings import Finding, error
from somestudio.domain.twittertext.config import V3
from somestudio.domain.twittertext.weighted import INVALID_CHARACTERS, weigh


@dataclass(frozen=True, slots=True)
class XLimits:
    text: Limit


LIMITS = XLimits(
    text=Limit(
        V3.max_weighted_tweet_length,
        Unit.WEIGHTED,
        confirmed=True,
        source="twitter-text config/v3.json maxWeightedTweetLength (Premium accounts: override)",
    ),
)


class XRule(ChannelRule):
    name = "x"
    title = "X"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        normal = analysis.normalized
        count = weigh(normal.text, normal.url_spans, normal.emoji, limit=limit)
        overflow = count.overflow_start
        if overflow is not None and normal is not analysis:
            overflow = analysis.nfc.start_in_original(overflow)
        return Measure(count.weighted_length, overflow)

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        return [
            error(
                "x.invalid_character",
                m.start(),
                m.end(),
                lang,
                codepoint=f"{ord(m.group()):04X}",
            )
            for m in INVALID_CHARACTERS.finditer(analysis.text)
        ]


RULE = XRule()
