"""The review pack's words, dates and per-account text, shared by its HTML page and its PDF:
in the window's language (the command line installs the one it is told) and the locale's
date formats. A post's text per account is the composer's own: its check (variant, thread,
fold, first comment) and its preview's rules for links, mentions and the fold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLocale

from somestudio.app.review_pack import WEEK, PackTarget, ReviewPack, ReviewPeriod
from somestudio.domain.findings import Severity
from somestudio.ui.composer.card_styles import (
    actions_text,
    handle_of,
    name_of,
    see_more_text,
    style_of,
)
from somestudio.ui.composer.counter_strip import counter_text
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import qdate, short_time
from somestudio.ui.states import approval_name, state_name

CONTEXT = "ReviewPack"


def title() -> str:
    return QCoreApplication.translate("ReviewPack", "Review pack")


def period_text(period: ReviewPeriod) -> str:
    """A week as "Week 49: 30.11.2026–6.12.2026", a month as "December 2026"."""
    locale = QLocale()
    if period.kind == WEEK:
        first = locale.toString(qdate(period.first), QLocale.FormatType.ShortFormat)
        last = locale.toString(qdate(period.last), QLocale.FormatType.ShortFormat)
        week = (period.first + timedelta(days=3)).isocalendar()[1]  # its Thursday's
        return (
            QCoreApplication.translate("ReviewPack", "Week %1: %2–%3")
            .replace("%1", str(week))
            .replace("%2", first)
            .replace("%3", last)
        )
    name = locale.standaloneMonthName(period.first.month, QLocale.FormatType.LongFormat)
    return f"{name} {period.first.year}"


def day_text(moment: datetime) -> str:
    """The local day in the locale's long format ("torstai 3. joulukuuta 2026")."""
    return QLocale().toString(qdate(moment.date()), QLocale.FormatType.LongFormat)


def time_text(moment: datetime) -> str:
    return short_time(moment, QLocale())


def made_text(pack: ReviewPack) -> str:
    locale = QLocale()
    made = pack.made_at
    return (
        QCoreApplication.translate("ReviewPack", "Made on %1 at %2 · times in %3")
        .replace("%1", locale.toString(qdate(made.date()), QLocale.FormatType.ShortFormat))
        .replace("%2", time_text(made))
        .replace("%3", pack.zone.key)
    )


def count_text(count: int) -> str:
    return QCoreApplication.translate("ReviewPack", "Posts: %1").replace("%1", str(count))


@dataclass(frozen=True, slots=True)
class TargetWords:
    """What one account's preview says, apart from the post's text itself."""

    network: str
    name: str
    handle: str
    when: str  # the time, and the day when it is not the post's day
    state: str
    counter: str  # "123 / 280", or one per part of a thread
    over: bool  # a check found an error (too long, a refused file...)
    findings: tuple[str, ...]  # the composer's findings, in the user's language
    see_more: str
    actions: str
    caption_lead: str  # the name a feed puts before the caption (Instagram), else ""


def target_words(target: PackTarget, post_day: datetime) -> TargetWords:
    report = target.report
    composed = report.target
    style = style_of(composed.network)
    name, handle = name_of(composed), handle_of(composed)
    moment = target.scheduled_at
    when = time_text(moment)
    if moment.date() != post_day.date():
        when = f"{QLocale().toString(qdate(moment.date()), QLocale.FormatType.ShortFormat)} {when}"
    if target.time_zone and target.time_zone != str(moment.tzinfo):
        # Planned in another zone: its own wall time too, as the calendar shows it.
        try:
            own = moment.astimezone(ZoneInfo(target.time_zone))
        except (ZoneInfoNotFoundError, ValueError):
            pass
        else:
            when += f" ({time_text(own)} {target.time_zone})"
    if not report.posts:
        counter = QLocale().toString(len(report.text))
    elif len(report.posts) == 1:
        counter = counter_text(report.posts[0])
    else:
        counter = " · ".join(
            f"{number}/{len(report.posts)}: {counter_text(check)}"
            for number, check in enumerate(report.posts, start=1)
        )
    findings: list[str] = []
    for check in report.posts:
        findings.extend(f.message for f in check.findings)
    if report.comment_check is not None:
        findings.extend(
            QCoreApplication.translate("ReviewPack", "First comment: %1").replace("%1", f.message)
            for f in report.comment_check.findings
        )
    findings.extend(m.message for m in report.media)
    findings.extend(f.message for f in target.house)  # the house style, as scheduling checks it
    over = (
        not report.ok
        or any(f.severity is Severity.ERROR for check in report.posts for f in check.findings)
        or any(f.severity is Severity.ERROR for f in target.house)
    )
    return TargetWords(
        network=network_name(composed.network),
        name=name,
        handle=handle,
        when=when,
        state=approval_name(target.approval) if target.approval else state_name(target.state),
        counter=counter,
        over=over,
        findings=tuple(dict.fromkeys(findings)),
        see_more=see_more_text(style),
        actions=actions_text(style),
        caption_lead=(handle or name) if style.caption_after_name else "",
    )


def shown_parts(target: PackTarget) -> tuple[str, ...]:
    """The posts this account sends: the text, or each part of its thread."""
    report = target.report
    return tuple(report.thread) or (report.text,)
