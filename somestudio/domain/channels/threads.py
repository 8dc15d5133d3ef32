"""Threads: 500 characters where an emoji counts as its UTF-8 bytes; at most 5 links.

The Threads API documentation says "Text posts are limited to 500 characters" and "Emojis
are counted as the number of UTF-8 bytes", and does not say how other characters count:
code points are assumed (the stricter reading), so the limit is marked unconfirmed. Links
are every distinct URL in the text.

A post carries one topic tag ("Threads Posts", Topic tags, links and GIFs: the
``topic_tag`` parameter of ``POST /{threads-user-id}/threads``,
https://developers.facebook.com/documentation/threads/posts; Threads allows one tag per
post, as Instagram's head said when tags launched): more than one hashtag in the text is a
warning, as the rest do not become tags.
"""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels.base import ChannelRule, Limit, Measure, Unit
from somestudio.domain.channels.measures import (
    Atom,
    advance_code_points,
    overflow_with_atoms,
    plain_code_points,
)
from somestudio.domain.findings import Finding, error, warning


@dataclass(frozen=True, slots=True)
class ThreadsLimits:
    text: Limit
    links: Limit
    tags: Limit


LIMITS = ThreadsLimits(
    text=Limit(
        500,
        Unit.THREADS,
        confirmed=False,
        source="Threads API posts: 500 characters, emoji count as UTF-8 bytes (others unstated)",
    ),
    links=Limit(
        5,
        Unit.ITEMS,
        confirmed=True,
        source="Threads API: more than 5 unique links fail with THREADS_API__LINK_LIMIT_EXCEEDED",
    ),
    tags=Limit(
        1,
        Unit.ITEMS,
        confirmed=False,
        source="Threads Posts: one topic_tag per post; 'one tag per post' per Meta's statements",
    ),
)


class ThreadsRule(ChannelRule):
    name = "threads"
    title = "Threads"
    text_limit = LIMITS.text

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        text = analysis.text
        atoms: list[Atom] = [
            (a, b, len(text[a:b].encode("utf-8", "surrogatepass"))) for a, b in analysis.emoji
        ]
        count = len(text) + sum(cost - (b - a) for a, b, cost in atoms)
        if count <= limit:
            return Measure(count, None)
        overflow = overflow_with_atoms(
            len(text), atoms, limit, plain_code_points, advance_code_points
        )
        return Measure(count, len(text) if overflow is None else overflow)

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        return [*self._links(analysis, lang), *self._tags(analysis, lang)]

    def _tags(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        tags = analysis.entities.hashtags
        limit = LIMITS.tags.value
        if len(tags) <= limit:
            return []
        return [
            warning(
                "threads.one_tag",
                tags[limit].start,
                tags[-1].end,
                lang,
                channel=self.title,
                count=len(tags),
            )
        ]

    def _links(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        seen: dict[str, int] = {}
        first_over: int | None = None
        for url in analysis.twitter_urls:
            if url.url not in seen:
                seen[url.url] = url.start
                if len(seen) == LIMITS.links.value + 1:
                    first_over = url.start
        if first_over is None:
            return []
        return [
            error(
                "threads.too_many_links",
                first_over,
                analysis.twitter_urls[-1].end,
                lang,
                channel=self.title,
                count=len(seen),
                limit=LIMITS.links.value,
            )
        ]


RULE = ThreadsRule()
