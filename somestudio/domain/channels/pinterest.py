"""Pinterest: a Pin's description (800), title (100), alt text (500) and link (2048), as
``maxLength`` in the official API v5 OpenAPI description (JSON Schema counts code points).
``check`` checks the description; the other fields have their own methods."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelCheck, ChannelRule, Limit, Measure, Unit
from somestudio.domain.channels.fields import check_field
from somestudio.domain.findings import error

_WEB_ADDRESS = regex.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*")
_SPEC = "Pinterest API v5 OpenAPI: Pin"


@dataclass(frozen=True, slots=True)
class PinterestLimits:
    description: Limit
    title: Limit
    alt_text: Limit
    link: Limit


LIMITS = PinterestLimits(
    description=Limit(800, Unit.CODE_POINTS, True, f"{_SPEC}.description maxLength"),
    title=Limit(100, Unit.CODE_POINTS, True, f"{_SPEC}.title maxLength"),
    alt_text=Limit(500, Unit.CODE_POINTS, True, f"{_SPEC}.alt_text maxLength"),
    link=Limit(2048, Unit.CODE_POINTS, True, f"{_SPEC}.link maxLength"),
)


class PinterestRule(ChannelRule):
    name = "pinterest"
    title = "Pinterest"
    text_limit = LIMITS.description

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.code_points(analysis, limit)

    def check_title(self, title: str, *, lang: str = "en") -> ChannelCheck:
        return check_field(
            self, "title", title, limit=LIMITS.title, measure=measures.code_points, lang=lang
        )

    def check_alt_text(self, alt_text: str, *, lang: str = "en") -> ChannelCheck:
        return check_field(
            self,
            "alt_text",
            alt_text,
            limit=LIMITS.alt_text,
            measure=measures.code_points,
            lang=lang,
        )

    def check_link(self, link: str, *, lang: str = "en") -> ChannelCheck:
        extra = []
        if link and not _WEB_ADDRESS.fullmatch(link):
            extra.append(error("pinterest.link_invalid", 0, len(link), lang, channel=self.title))
        return check_field(
            self,
            "link",
            link,
            limit=LIMITS.link,
            measure=measures.code_points,
            lang=lang,
            extra=extra,
        )


RULE = PinterestRule()
