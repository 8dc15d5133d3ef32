"""LinkedIn: 3000 characters of commentary (UTF-16 units assumed; unconfirmed).

The Posts API reads ``commentary`` as "little text", where ``| { } @ [ ] ( ) < > # \\ * _ ~``
are markup: unescaped, they silently cut the post. :func:`escape_little_text` adds the
backslashes at publish time; they do not count against the user.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import measures
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit

LITTLE_TEXT_RESERVED = "|{}@[]()<>#\\*_~"
_RESERVED = regex.compile(r"[|{}@\[\]()<>#\\*_~]")


@dataclass(frozen=True, slots=True)
class LinkedInLimits:
    text: Limit


LIMITS = LinkedInLimits(
    text=Limit(3000, Unit.UTF16, confirmed=False, source="third-party sources only"),
)


def escape_little_text(text: str) -> str:
    """``text`` with every little-text reserved character backslash-escaped."""
    return _RESERVED.sub(lambda m: "\\" + m.group(), text)


class LinkedInRule(ChannelRule):
    name = "linkedin"
    title = "LinkedIn"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return measures.utf16_units(analysis, limit)


RULE = LinkedInRule()
