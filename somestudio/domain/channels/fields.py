"""Checks of a single named field besides the post text (a title, alt text, a link)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels.base import ChannelCheck, ChannelRule, Limit, Measure
from somestudio.domain.findings import Finding, error

Measurer = Callable[[TextAnalysis, int], Measure]


def check_field(
    rule: ChannelRule,
    field: str,
    text: str,
    *,
    limit: Limit,
    measure: Measurer,
    lang: str,
    extra: Iterable[Finding] = (),
) -> ChannelCheck:
    """Length of ``text`` against ``limit``; a too-long field is ``<channel>.<field>_too_long``."""
    analysis = TextAnalysis(text)
    result = measure(analysis, limit.value)
    findings = [*analysis.text_findings(lang), *extra]
    if result.count > limit.value:
        findings.append(
            error(
                f"{rule.name}.{field}_too_long",
                len(text) if result.overflow is None else result.overflow,
                len(text),
                lang,
                channel=rule.title,
                field=field,
                count=result.count,
                limit=limit.value,
                unit=limit.unit.value,
            )
        )
    return ChannelCheck(
        channel=rule.name,
        count=result.count,
        limit=limit.value,
        unit=limit.unit,
        findings=tuple(sorted(findings)),
        limit_confirmed=limit.confirmed,
        field=field,
    )
