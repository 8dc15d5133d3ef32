"""Insights as sentences in the user's language, each with its numbers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from somestudio.domain.insights import Factor, Insight, Measure
from somestudio.ui.network_names import network_name


def _t(text: str) -> str:
    return QCoreApplication.translate("Insights", text)


def group_text(insight: Insight, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    key = insight.group
    if insight.factor is Factor.MEDIA:
        return _t("posts with media")
    if insight.factor is Factor.LENGTH:
        return {
            "short": _t("short posts (up to 100 characters)"),
            "medium": _t("medium-length posts (101–250 characters)"),
            "long": _t("long posts (over 250 characters)"),
        }[key]
    if insight.factor is Factor.HASHTAGS:
        return {
            "0": _t("posts without hashtags"),
            "1-2": _t("posts with 1–2 hashtags"),
            "3+": _t("posts with 3 or more hashtags"),
        }[key]
    if insight.factor is Factor.WEEKDAY:
        day = locale.dayName(int(key) + 1, QLocale.FormatType.LongFormat)
        return _t("posts on %1").replace("%1", day)
    low, high = key.split("-")
    return _t("posts between %1:00 and %2:00").replace("%1", low).replace("%2", high)


def value_text(value: float | None, measure: Measure, locale: QLocale) -> str:
    if value is None:
        return "–"
    if measure is Measure.RATE:
        return locale.toString(value * 100, "f", 1) + " %"
    return locale.toString(value, "f", 0)


def describe(insight: Insight, locale: QLocale | None = None) -> str:
    """One sentence: channel, group, direction, medians, sizes, pairs won with interval."""
    locale = locale or QLocale()
    channel = network_name(insight.channel)
    group = group_text(insight, locale)
    sizes = (
        _t("%1 vs %2 posts")
        .replace("%1", locale.toString(insight.group_size))
        .replace("%2", locale.toString(insight.rest_size))
    )
    measure = (
        _t("median engagement rate")
        if insight.measure is Measure.RATE
        else _t("median engagements")
    )
    medians = (
        f"{measure} {value_text(insight.group_median, insight.measure, locale)} "
        + _t("vs")
        + f" {value_text(insight.rest_median, insight.measure, locale)}"
    )
    if insight.superiority is None or insight.low is None or insight.high is None:
        return (
            _t("%1: %2 — too few posts to say (at least %3 needed on each side); %4.")
            .replace("%1", channel)
            .replace("%2", group)
            .replace("%3", "10")
            .replace("%4", sizes)
        )
    pairs = (
        _t("did better in %1 % of pairs (95 % interval %2–%3 %)")
        .replace("%1", locale.toString(insight.superiority * 100, "f", 0))
        .replace("%2", locale.toString(insight.low * 100, "f", 0))
        .replace("%3", locale.toString(insight.high * 100, "f", 0))
    )
    if not insight.claimed:
        verdict = _t("no clear difference from the other posts")
    elif insight.better:
        verdict = _t("did better than the other posts")
    else:
        verdict = _t("did worse than the other posts")
    return f"{channel}: {group} — {verdict}: {medians} ({sizes}); {pairs}."
