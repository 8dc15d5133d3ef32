"""Mastodon: grapheme clusters of content warning + text, as the server's length validator
counts them: every http(s) URL counts as 23 characters, ``@name@server`` as ``@name``.

The limit is per instance (``GET /api/v2/instance`` -> ``configuration.statuses``): pass
``max_characters`` as ``limit_override``, or make a rule with :meth:`MastodonRule.for_instance`.
"""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels.base import (
    ChannelCheck,
    ChannelRule,
    Limit,
    Measure,
    Unit,
    analysis_of,
)
from somestudio.domain.channels.measures import Atom, grapheme_walkers, overflow_with_atoms
from somestudio.domain.text import grapheme_count


@dataclass(frozen=True, slots=True)
class MastodonLimits:
    text: Limit
    url_length: Limit


LIMITS = MastodonLimits(
    text=Limit(
        500,
        Unit.GRAPHEMES,
        confirmed=True,
        source="Mastodon default; per instance: configuration.statuses.max_characters",
    ),
    url_length=Limit(
        23,
        Unit.GRAPHEMES,
        confirmed=True,
        source="configuration.statuses.characters_reserved_per_url (default 23)",
    ),
)


class MastodonRule(ChannelRule):
    name = "mastodon"
    title = "Mastodon"
    text_limit = LIMITS.text

    def __init__(self, url_length: int = LIMITS.url_length.value) -> None:
        self.url_length = url_length

    @classmethod
    def for_instance(cls, max_characters: int, characters_reserved_per_url: int) -> MastodonRule:
        """A rule for one server's ``configuration.statuses`` values."""
        rule = cls(characters_reserved_per_url)
        rule.text_limit = Limit(
            max_characters, Unit.GRAPHEMES, confirmed=True, source="the instance's configuration"
        )
        return rule

    def check(
        self,
        text: str | TextAnalysis,
        *,
        limit_override: int | None = None,
        lang: str = "en",
        content_warning: str = "",
    ) -> ChannelCheck:
        """As for every channel; the content warning (spoiler text) counts too."""
        analysis = analysis_of(text)
        limit = self.text_limit.value if limit_override is None else limit_override
        measure = self.measure_with_warning(analysis, limit, content_warning)
        return self.result(analysis, measure, limit_override, lang)

    def _atoms(self, analysis: TextAnalysis) -> list[tuple[int, int, str]]:
        urls = [
            (u.start, u.end, "x" * self.url_length) for u in analysis.twitter_urls if u.has_protocol
        ]
        remote = [(m.start, m.end, m.local_name) for m in analysis.entities.mentions if m.server]
        return sorted(urls + remote)

    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        return self.measure_with_warning(analysis, limit, "")

    def measure_with_warning(self, analysis: TextAnalysis, limit: int, warning: str) -> Measure:
        """Mastodon counts the content warning and the text together (joined, no separator)."""
        replaced = self._atoms(analysis)
        count = (
            _rewritten_count(analysis, replaced)
            if not warning
            else grapheme_count(warning + _rewrite(analysis.text, replaced))
        )
        if count <= limit:
            return Measure(count, None)
        atoms: list[Atom] = [
            (a, b, len(s) if s.isascii() else grapheme_count(s)) for a, b, s in replaced
        ]
        count_plain, advance = grapheme_walkers(analysis)
        budget = limit - grapheme_count(warning)
        text = analysis.text
        overflow = (
            0 if budget < 0 else overflow_with_atoms(len(text), atoms, budget, count_plain, advance)
        )
        return Measure(count, len(text) if overflow is None else overflow)


def _rewrite(text: str, replaced: list[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, substitute in replaced:
        parts += [text[pos:start], substitute]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _rewritten_count(analysis: TextAnalysis, replaced: list[tuple[int, int, str]]) -> int:
    """Clusters of the rewritten text, from the original's clusters when that is exact: each
    replaced span starts and ends on a cluster boundary and its substitute is ASCII (then
    nothing at either seam can join differently, and each substitute character is a
    cluster). Otherwise the rewritten text is segmented afresh."""
    clusters = analysis.graphemes
    count = clusters.count
    for start, end, substitute in replaced:
        if clusters.inside(start) or clusters.inside(end) or not substitute.isascii():
            return grapheme_count(_rewrite(analysis.text, replaced))
        count += len(substitute) - clusters.count_between(start, end)
    return count


RULE = MastodonRule()
