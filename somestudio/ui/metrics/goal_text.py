"""Goals, actions, comparisons and wins in words, in the user's language: shared by the
Metrics page and the monthly report. Every sentence goes through translate("Goals", …)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from somestudio.app.growth.goals import GoalStatus
from somestudio.domain.growth.before_after import BeforeAfter, Side, Verdict
from somestudio.domain.growth.cadence import CadenceProgress
from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.growth.pace import TargetState
from somestudio.domain.growth.wins import Win, WinKind
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.ui.network_names import network_name
from somestudio.ui.qtdates import day_month, qdate


class GoalWords(QObject):
    """The goal sentences that count (lupdate finds plural forms only in ``self.tr``)."""

    def more_to_go(self, count: int) -> str:
        return self.tr("%n more to go,", "", count)

    def days_left(self, count: int) -> str:
        return self.tr("%n day(s) left.", "", count)

    def kept_weeks(self, count: int) -> str:
        return self.tr("Kept in %1 of the last %n week(s).", "", count)

    def kept_months(self, count: int) -> str:
        return self.tr("Kept in %1 of the last %n month(s).", "", count)

    def from_counts(self, count: int) -> str:
        return self.tr("from %n count(s)", "", count)

    def over_days(self, count: int) -> str:
        return self.tr("over %n day(s)", "", count)

    def window(self, count: int) -> str:
        return self.tr("%n day(s)", "window before and after an action", count)

    def none_measured(self, count: int) -> str:
        return self.tr(
            "None of the %n post(s) published since %1 has numbers for this goal yet (not "
            "fetched, or the network does not report them): only posts published from the "
            "goal's start count.",
            "",
            count,
        )

    def not_counted(self, count: int) -> str:
        return self.tr(
            "Not counted: %n post(s) published since the start without numbers for this goal.",
            "",
            count,
        )


_PLURALS = GoalWords()


def measure_name(measure: Measure) -> str:
    return {
        Measure.FOLLOWERS: QCoreApplication.translate("Goals", "Followers or contacts"),
        Measure.VIEWS: QCoreApplication.translate("Goals", "Views"),
        Measure.ENGAGEMENTS: QCoreApplication.translate("Goals", "Engagements"),
        Measure.POSTS: QCoreApplication.translate("Goals", "Posts"),
    }[measure]


def problem_text(code: str) -> str:
    """A goal's or action's problem code in words."""
    return {
        "goal.no_title": QCoreApplication.translate(
            "Goals", "Give the goal a name, e.g. “200 LinkedIn contacts”."
        ),
        "goal.target_not_positive": QCoreApplication.translate(
            "Goals", "The target must be at least 1."
        ),
        "goal.no_deadline": QCoreApplication.translate(
            "Goals", "Choose the date by which the target should be reached."
        ),
        "goal.deadline_not_after_start": QCoreApplication.translate(
            "Goals", "The deadline must come after the start."
        ),
        "goal.cadence_counts_posts": QCoreApplication.translate(
            "Goals", "A cadence goal counts posts."
        ),
        "goal.posts_need_cadence": QCoreApplication.translate(
            "Goals", "Posts are counted per week or month: choose a cadence."
        ),
        "goal.no_such_account": QCoreApplication.translate(
            "Goals", "That account no longer exists."
        ),
        "action.no_day": QCoreApplication.translate("Goals", "Choose the day of the action."),
        "action.no_note": QCoreApplication.translate(
            "Goals", "Write what you did, e.g. “job fair”."
        ),
        "action.note_too_long": QCoreApplication.translate(
            "Goals", "Keep the note under 200 characters."
        ),
        "action.no_such_account": QCoreApplication.translate(
            "Goals", "That account no longer exists."
        ),
    }.get(code, code)


def day_text(day: date, today: date, locale: QLocale | None = None) -> str:
    """14.3. (fi) or 14/03 (en_GB) this year; with the year otherwise."""
    locale = locale or QLocale()
    if day.year == today.year:
        return day_month(day, locale)
    return locale.toString(qdate(day), QLocale.FormatType.ShortFormat)


def sentence_end(text: str) -> str:
    """One full stop where a date that ends in its own ("14.3.") ends the sentence."""
    return text[:-1] if text.endswith("..") else text


def number(value: float, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(round(value))


def goal_summary(
    goal: Goal,
    account_label: str,
    locale: QLocale | None = None,
    network: Network | None = None,
) -> str:
    """“Followers or contacts: 200 by 30.6. · Mastodon · Kahvila” or “2 posts a week · all
    accounts”."""
    locale = locale or QLocale()
    who = account_label or QCoreApplication.translate("Goals", "all accounts")
    if account_label and network is not None:
        who = f"{network_name(network)} · {account_label}"
    if goal.per is not None:
        pattern = (
            QCoreApplication.translate("Goals", "%1 posts a week")
            if goal.per is Per.WEEK
            else QCoreApplication.translate("Goals", "%1 posts a month")
        )
        return pattern.replace("%1", locale.toString(goal.target)) + " · " + who
    assert goal.deadline is not None
    return (
        QCoreApplication.translate("Goals", "%1: %2 by %3")
        .replace("%1", measure_name(goal.measure))
        .replace("%2", locale.toString(goal.target))
        .replace("%3", locale.toString(qdate(goal.deadline), QLocale.FormatType.ShortFormat))
        + " · "
        + who
    )


def status_text(
    status: GoalStatus, today: date, locale: QLocale | None = None, *, month_end: bool = False
) -> str:
    """Where the goal stands and, where the data can tell, when it will be reached.
    ``month_end``: as the monthly report says it (a cadence by its kept weeks, not by a
    week that has only begun)."""
    locale = locale or QLocale()
    if status.cadence is not None:
        if month_end and status.cadence.finished:
            return _kept_text(status.cadence, locale)
        return _cadence_text(status, today, locale)
    progress = status.target
    assert progress is not None
    goal = progress.goal
    now = "–" if progress.current is None else number(progress.current, locale)
    head = (
        QCoreApplication.translate("Goals", "%1 of %2.")
        .replace("%1", now)
        .replace("%2", locale.toString(goal.target))
    )
    state = progress.state
    if state is TargetState.NO_NUMBERS:
        return head + " " + _no_numbers_text(status, today, locale)
    if status.without:
        head += " " + _PLURALS.not_counted(status.without)
    if state is TargetState.REACHED:
        assert progress.reached_on is not None
        return (
            head
            + " "
            + QCoreApplication.translate("Goals", "Reached %1.").replace(
                "%1", day_text(progress.reached_on, today, locale)
            )
        )
    if state is TargetState.MISSED:
        return (
            head
            + " "
            + QCoreApplication.translate("Goals", "The deadline passed before the target.")
        )
    if state is TargetState.TOO_LITTLE_DATA:
        return (
            head
            + " "
            + QCoreApplication.translate(
                "Goals",
                "Too little data to tell the pace yet: it needs counts on at least 4 days "
                "over a week or more.",
            )
        )
    pace = progress.pace
    assert pace is not None
    if state is TargetState.NOT_GROWING or pace.projected is None:
        return head + " " + QCoreApplication.translate("Goals", "Not growing at the recent pace.")
    reached = sentence_end(
        QCoreApplication.translate("Goals", "At this pace: reached %1.").replace(
            "%1", day_text(pace.projected, today, locale)
        )
    )
    if state is TargetState.BEHIND:
        return (
            head
            + " "
            + reached
            + " "
            + QCoreApplication.translate("Goals", "That is after the deadline.")
        )
    return head + " " + reached


def _no_numbers_text(status: GoalStatus, today: date, locale: QLocale) -> str:
    """Why a sum goal has nothing to count: no post since its start, or none with numbers."""
    start = day_text(status.goal.start, today, locale)
    if status.without:
        return _PLURALS.none_measured(status.without).replace("%1", start)
    return QCoreApplication.translate(
        "Goals",
        "No post published since %1 yet: only posts published from the goal's start count.",
    ).replace("%1", start)


def _cadence_text(status: GoalStatus, today: date, locale: QLocale) -> str:
    cadence = status.cadence
    assert cadence is not None
    current = cadence.current
    week = cadence.goal.per is Per.WEEK
    head = (
        (
            QCoreApplication.translate("Goals", "This week: %1 of %2.")
            if week
            else QCoreApplication.translate("Goals", "This month: %1 of %2.")
        )
        .replace("%1", locale.toString(current.posts))
        .replace("%2", locale.toString(current.target))
    )
    if current.met:
        head += " " + QCoreApplication.translate("Goals", "Done.")
    else:
        missing = current.target - current.posts
        days = cadence.days_left(today)
        head += " " + _PLURALS.more_to_go(missing) + " " + _PLURALS.days_left(days)
    if cadence.finished:
        head += " " + _kept_text(cadence, locale)
    return head


def _kept_text(cadence: CadenceProgress, locale: QLocale) -> str:
    count = len(cadence.finished)
    pattern = (
        _PLURALS.kept_weeks(count) if cadence.goal.per is Per.WEEK else _PLURALS.kept_months(count)
    )
    return pattern.replace("%1", locale.toString(cadence.kept))


def shown_fraction(status: GoalStatus, *, month_end: bool = False) -> float:
    """How full a goal's bar is drawn: for a cadence at a month's end the share of finished
    weeks (months) kept — what its sentence says — else the goal's own progress."""
    cadence = status.cadence
    if month_end and cadence is not None and cadence.finished:
        return cadence.kept / len(cadence.finished)
    return status.fraction


def progress_name(goal: Goal) -> str:
    """What a screen reader says for a goal's progress bar."""
    return QCoreApplication.translate("Goals", "Progress of goal %1").replace("%1", goal.title)


def compared_account(account_id: int | None, accounts: Sequence[Account]) -> str:
    """The account a comparison was made on, as the lists name it (network · label)."""
    for account in accounts:
        if account.id == account_id:
            return f"{network_name(account.network)} · {account.label}"
    return QCoreApplication.translate("Goals", "All accounts together")


def comparison_text(result: BeforeAfter, locale: QLocale | None = None, account: str = "") -> str:
    """The before/after comparison in plain words, with its sample sizes and interval;
    ``account``: which account (or accounts together) was compared."""
    locale = locale or QLocale()

    def per_day(value: float | None) -> str:
        return "–" if value is None else locale.toString(value, "f", 1)

    def side(one: Side) -> str:
        found = _PLURALS.from_counts(one.counts)
        if one.days:
            found += " " + _PLURALS.over_days(one.days)
        return per_day(one.mean) + " (" + found + ")"

    sizes = (
        QCoreApplication.translate("Goals", "Follower growth per day, %1 before: %2; after: %3.")
        .replace("%1", _PLURALS.window(result.window_days))
        .replace("%2", side(result.before))
        .replace("%3", side(result.after))
    )
    if account:
        sizes = account + ": " + sizes
    if result.verdict is Verdict.CANNOT_TELL:
        return (
            sizes
            + " "
            + QCoreApplication.translate(
                "Goals",
                "The data cannot tell: each side needs at least 3 spans between two counts "
                "(4 counts). Fetch or enter followers more often and compare again later.",
            )
        )
    interval = (
        QCoreApplication.translate("Goals", "Difference %1 a day (95 % interval %2 to %3).")
        .replace("%1", _signed(result.difference, locale))
        .replace("%2", _signed(result.low, locale))
        .replace("%3", _signed(result.high, locale))
    )
    verdict = {
        Verdict.UP: QCoreApplication.translate("Goals", "Growth was faster after the action."),
        Verdict.DOWN: QCoreApplication.translate("Goals", "Growth was slower after the action."),
        Verdict.NO_CLEAR_CHANGE: QCoreApplication.translate(
            "Goals",
            "No clear change: a difference this size could be chance (the interval includes 0).",
        ),
    }[result.verdict]
    return (
        sizes
        + " "
        + interval
        + " "
        + verdict
        + " "
        + QCoreApplication.translate("Goals", "A change in time, not proof of cause.")
    )


def _signed(value: float | None, locale: QLocale) -> str:
    if value is None:
        return "–"
    text = locale.toString(abs(value), "f", 1)
    return ("+" if value >= 0 else "−") + text


def win_text(win: Win, locale: QLocale | None = None, today: date | None = None) -> str:
    locale = locale or QLocale()
    if win.kind is WinKind.GOAL_REACHED:
        day = "" if win.day is None else day_text(win.day, today or win.day, locale)
        return (
            QCoreApplication.translate("Goals", "Goal reached: %1 (%2).")
            .replace("%1", win.subject)
            .replace("%2", day)
        )
    if win.kind is WinKind.CADENCE_KEPT:
        return QCoreApplication.translate("Goals", "Cadence kept all month: %1.").replace(
            "%1", win.subject
        )
    if win.kind is WinKind.BIGGEST_GROWTH:
        gained = number(win.value or 0, locale)
        return (
            QCoreApplication.translate("Goals", "Biggest growth: %1, +%2 followers.")
            .replace("%1", win.subject)
            .replace("%2", gained)
        )
    text = win.subject if len(win.subject) <= 90 else win.subject[:89] + "…"
    channel = network_name(win.network) if win.network else ""
    return (
        QCoreApplication.translate("Goals", "Best post on %1 (%2 engagements): %3")
        .replace("%1", channel)
        .replace("%2", number(win.value or 0, locale))
        .replace("%3", text)
    )
