"""Insights as sentences in the user's language, each with its numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from somestudio.domain.insights import MIN_SAMPLE, Factor, Insight, Measure
from somestudio.ui.network_names import network_name


def group_text(insight: Insight, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    key = insight.group
    if insight.factor is Factor.MEDIA:
        return QCoreApplication.translate("Insights", "posts with media")
    if insight.factor is Factor.LENGTH:
        return {
            "short": QCoreApplication.translate("Insights", "short posts (up to 100 characters)"),
            "medium": QCoreApplication.translate(
                "Insights", "medium-length posts (101–250 characters)"
            ),
            "long": QCoreApplication.translate("Insights", "long posts (over 250 characters)"),
        }[key]
    if insight.factor is Factor.HASHTAGS:
        return {
            "0": QCoreApplication.translate("Insights", "posts without hashtags"),
            "1-2": QCoreApplication.translate("Insights", "posts with 1–2 hashtags"),
            "3+": QCoreApplication.translate("Insights", "posts with 3 or more hashtags"),
        }[key]
    if insight.factor is Factor.WEEKDAY:
        day = locale.dayName(int(key) + 1, QLocale.FormatType.LongFormat)
        return QCoreApplication.translate("Insights", "posts on %1").replace("%1", day)
    low, high = key.split("-")
    return (
        QCoreApplication.translate("Insights", "posts between %1:00 and %2:00")
        .replace("%1", low)
        .replace("%2", high)
    )


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
        QCoreApplication.translate("Insights", "%1 vs %2 posts")
        .replace("%1", locale.toString(insight.group_size))
        .replace("%2", locale.toString(insight.rest_size))
    )
    measure = (
        QCoreApplication.translate("Insights", "median engagement rate")
        if insight.measure is Measure.RATE
        else QCoreApplication.translate("Insights", "median engagements")
    )
    medians = (
        f"{measure} {value_text(insight.group_median, insight.measure, locale)} "
        + QCoreApplication.translate("Insights", "vs")
        + f" {value_text(insight.rest_median, insight.measure, locale)}"
    )
    if insight.superiority is None or insight.low is None or insight.high is None:
        return (
            QCoreApplication.translate(
                "Insights", "%1: %2 — too few posts to say (at least %3 needed on each side); %4."
            )
            .replace("%1", channel)
            .replace("%2", group)
            .replace("%3", "10")
            .replace("%4", sizes)
        )
    pairs = (
        QCoreApplication.translate(
            "Insights", "did better in %1 % of pairs (95 % interval %2–%3 %)"
        )
        .replace("%1", locale.toString(insight.superiority * 100, "f", 0))
        .replace("%2", locale.toString(insight.low * 100, "f", 0))
        .replace("%3", locale.toString(insight.high * 100, "f", 0))
    )
    if not insight.claimed:
        verdict = QCoreApplication.translate("Insights", "no clear difference from the other posts")
    elif insight.better:
        verdict = QCoreApplication.translate("Insights", "did better than the other posts")
    else:
        verdict = QCoreApplication.translate("Insights", "did worse than the other posts")
    return f"{channel}: {group} — {verdict}: {medians} ({sizes}); {pairs}."


def posts_to_tell(insight: Insight) -> int:
    """How many more posts the smaller side(s) need before the comparison can be made."""
    return max(0, MIN_SAMPLE - insight.group_size) + max(0, MIN_SAMPLE - insight.rest_size)


def still_unknown(insights: Sequence[Insight]) -> tuple[int, int] | None:
    """For the comparisons with too few posts: how many there are, and how many more posts
    would settle the nearest. None when every comparison could be made."""
    waiting = [i for i in insights if not i.enough_posts]
    if not waiting:
        return None
    return len(waiting), min(posts_to_tell(i) for i in waiting)
