"""What every channel rule shares: limit tables, the check result, the check itself."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.entities import Entities
from somestudio.domain.findings import Finding, Severity, error


class Unit(StrEnum):
    WEIGHTED = "weighted"  # X: 1 or 2 per code point, 23 per URL, 2 per emoji sequence
    GRAPHEMES = "graphemes"  # user-perceived characters (UAX #29 extended clusters)
    UTF16 = "utf16_units"  # JavaScript/Java string length
    UTF8 = "utf8_bytes"
    CODE_POINTS = "code_points"
    THREADS = "threads_characters"  # code points, but an emoji counts its UTF-8 bytes
    ITEMS = "items"  # links, hashtags, mentions


@dataclass(frozen=True, slots=True)
class Limit:
    """One limit of one network. ``confirmed`` is False where only third-party sources (or
    an ambiguous official one) were found: re-check before relying on it."""

    value: int
    unit: Unit
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class Measure:
    count: int
    overflow: int | None  # code-point offset where the part past the limit starts


@dataclass(frozen=True, slots=True)
class ChannelCheck:
    """The outcome for one channel (or one field of it, such as a YouTube title)."""

    channel: str
    count: int
    limit: int
    unit: Unit
    findings: tuple[Finding, ...]
    limit_confirmed: bool = True
    field: str = "text"

    @property
    def ok(self) -> bool:
        """No finding blocks scheduling."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def overflow(self) -> int | None:
        """Where the text stops fitting (for highlighting), or None when it fits."""
        return next((f.start for f in self.findings if f.code.endswith(".too_long")), None)

    def as_json(self) -> dict[str, object]:
        return {
            "count": self.count,
            "limit": self.limit,
            "unit": self.unit.value,
            "ok": self.ok,
            "findings": [f.as_json() for f in self.findings],
        }


def analysis_of(text: str | TextAnalysis) -> TextAnalysis:
    return text if isinstance(text, TextAnalysis) else TextAnalysis(text)


class ChannelRule(ABC):
    """A network's text rules. ``check`` takes a ``str`` or a shared :class:`TextAnalysis`."""

    name: str  # registry key and finding-code prefix: "x", "mastodon", ...
    title: str  # shown in messages
    text_limit: Limit  # the limit ``check`` counts against
    # A second cap on the text's UTF-8 size where the network has one (Bluesky's record), so
    # a thread's parts are cut to fit it too; None where only ``text_limit`` counts.
    byte_limit: Limit | None = None

    def check(
        self, text: str | TextAnalysis, *, limit_override: int | None = None, lang: str = "en"
    ) -> ChannelCheck:
        analysis = analysis_of(text)
        limit = self.text_limit.value if limit_override is None else limit_override
        return self.result(analysis, self.measure(analysis, limit), limit_override, lang)

    def result(
        self, analysis: TextAnalysis, measure: Measure, limit_override: int | None, lang: str
    ) -> ChannelCheck:
        """The check result for ``measure`` plus the text-wide and channel findings."""
        limit = self.text_limit.value if limit_override is None else limit_override
        findings = list(analysis.text_findings(lang))
        if measure.count > limit:
            findings.append(self.too_long(analysis, measure, limit, lang))
        findings.extend(self.extra_findings(analysis, lang))
        return ChannelCheck(
            channel=self.name,
            count=measure.count,
            limit=limit,
            unit=self.text_limit.unit,
            findings=tuple(sorted(findings)),
            limit_confirmed=self.text_limit.confirmed and limit_override is None,
        )

    def count(self, text: str | TextAnalysis) -> int:
        """The text's length in this network's unit (``text_limit.unit``)."""
        return self.measure(analysis_of(text), self.text_limit.value).count

    def overflow_offset(
        self, text: str | TextAnalysis, *, limit_override: int | None = None
    ) -> int | None:
        """Code-point offset where the text goes past the limit, or None when it fits."""
        limit = self.text_limit.value if limit_override is None else limit_override
        measure = self.measure(analysis_of(text), limit)
        return measure.overflow if measure.count > limit else None

    def entities(self, text: str | TextAnalysis) -> Entities:
        """Links, mentions and hashtags with spans, for highlighting."""
        return analysis_of(text).entities

    def too_long(self, analysis: TextAnalysis, measure: Measure, limit: int, lang: str) -> Finding:
        start = len(analysis.text) if measure.overflow is None else measure.overflow
        return error(
            f"{self.name}.too_long",
            start,
            len(analysis.text),
            lang,
            channel=self.title,
            count=measure.count,
            limit=limit,
            unit=self.text_limit.unit.value,
        )

    @abstractmethod
    def measure(self, analysis: TextAnalysis, limit: int) -> Measure:
        """The count, and where it passes ``limit`` (needed only when it does)."""

    def extra_findings(self, analysis: TextAnalysis, lang: str) -> list[Finding]:
        """Channel-specific findings besides length (links, hashtags, bytes...)."""
        del analysis, lang
        return []
