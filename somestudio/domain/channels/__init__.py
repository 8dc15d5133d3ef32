"""Channel rules, one module per network; :data:`RULES` maps a channel name to its rule.

check_all(text)                        every channel, sharing one analysis of the text
RULES["mastodon"].check(text, limit_override=instance_max_characters, lang="fi")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import (
    bluesky,
    facebook,
    instagram,
    linkedin,
    mastodon,
    pinterest,
    threads,
    tiktok,
    x,
    youtube,
)
from somestudio.domain.channels.base import ChannelCheck, ChannelRule, Limit, Unit, analysis_of

RULES: Mapping[str, ChannelRule] = MappingProxyType(
    {
        rule.name: rule
        for rule in (
            x.RULE,
            mastodon.RULE,
            bluesky.RULE,
            threads.RULE,
            linkedin.RULE,
            facebook.RULE,
            instagram.RULE,
            tiktok.RULE,
            youtube.RULE,
            pinterest.RULE,
        )
    }
)
CHANNELS: tuple[str, ...] = tuple(RULES)


def check_all(
    text: str | TextAnalysis,
    channels: Iterable[str] | None = None,
    *,
    limit_overrides: Mapping[str, int] | None = None,
    lang: str = "en",
) -> dict[str, ChannelCheck]:
    """Check ``text`` for each named channel (all when None); raises KeyError for an unknown
    name. ``limit_overrides`` maps a channel to its per-account limit."""
    analysis = analysis_of(text)
    overrides = limit_overrides or {}
    names = CHANNELS if channels is None else tuple(channels)
    return {
        name: RULES[name].check(analysis, limit_override=overrides.get(name), lang=lang)
        for name in names
    }


__all__ = [
    "CHANNELS",
    "RULES",
    "ChannelCheck",
    "ChannelRule",
    "Limit",
    "TextAnalysis",
    "Unit",
    "check_all",
]
