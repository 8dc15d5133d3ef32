"""Why a post did not go out, told in the window's language.

The engine stores its reasons (``deliveries.last_error``, ``attempts.message``) as English
sentences, so that the log and the command line can show them as they are. Here the known
ones are matched, as ``error_text`` matches the use cases' errors, and rebuilt in the window's
language; a reason nested in another ("Gave up after 5 tries: …") is translated in turn.
Anything unknown (a network's own words) is shown as it came.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject

from somestudio.app.delivery_history import AttemptRecord, DeliveryHistory
from somestudio.ui.error_text import ErrorText
from somestudio.ui.qtdates import short_date_time

_Say = Callable[[re.Match[str]], str]


def _fill(text: str, *values: str) -> str:
    # One pass, so a value holding "%2" is never filled in again.
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], text)


class FailureText(QObject):
    """The translations (one class, so lupdate files them under one context)."""

    def known(self) -> list[tuple[re.Pattern[str], _Say]]:
        def fixed(text: str) -> _Say:
            return lambda _match: text

        def filled(text: str, *groups: int, inner: tuple[int, ...] = ()) -> _Say:
            def say(match: re.Match[str]) -> str:
                values = [
                    reason_text(match.group(g) or "") if g in inner else (match.group(g) or "")
                    for g in groups
                ]
                return _fill(text, *values)

            return say

        return [
            (
                re.compile(r"waiting for you to publish by hand"),
                fixed(self.tr("Waiting for you to publish it by hand.")),
            ),
            (
                re.compile(
                    r"Not published: (\d+) min overdue, past the catch-up window of (\d+) min "
                    r"\(the app was not running or the computer was asleep\)\. "
                    r"Publish it now, reschedule or skip it\."
                ),
                filled(
                    self.tr(
                        "Not published: %1 min overdue, past the catch-up window of %2 min "
                        "(the app was not running or the computer was asleep). Publish it now, "
                        "reschedule or skip it."
                    ),
                    1,
                    2,
                ),
            ),
            (
                re.compile(
                    r"The app stopped while this post was being sent, and the channel could "
                    r"not confirm whether it went out\. Check the channel, then confirm it or "
                    r"publish it again\.(?: \(Checking failed: (.*)\.\))?"
                ),
                lambda match: (
                    self.tr(
                        "Some Studio stopped while this post was being sent, and the channel could "
                        "not confirm whether it went out. Check the channel, then mark it done or "
                        "publish it again."
                    )
                    + (" " + match.group(1) if match.group(1) else "")
                ),
            ),
            (
                re.compile(
                    r"The channel did not confirm this post \((.*)\) and no post with its key "
                    r"was found\. Check the channel, then confirm it or publish it again\."
                ),
                filled(
                    self.tr(
                        "The channel did not confirm this post (%1), and no post with its key "
                        "was found. Check the channel, then mark it done or publish it again."
                    ),
                    1,
                    inner=(1,),
                ),
            ),
            (
                re.compile(r"Gave up after (\d+) tries: (.*)"),
                filled(self.tr("Gave up after %1 tries: %2"), 1, 2, inner=(2,)),
            ),
            (
                re.compile(
                    r"The channel asked to wait ([\d.]+) h, too long to keep the post waiting: "
                    r"(.*)\. Retry it or reschedule it\."
                ),
                filled(
                    self.tr(
                        "The channel asked to wait %1 h, too long to keep the post waiting: "
                        "%2. Try again or reschedule it."
                    ),
                    1,
                    2,
                    inner=(2,),
                ),
            ),
            (
                re.compile(r"Try (\d+) failed \((.*)\); trying again at (\d\d:\d\d:\d\d) UTC"),
                filled(self.tr("Try %1 failed (%2); trying again at %3 UTC."), 1, 2, 3, inner=(2,)),
            ),
            (
                re.compile(
                    r"This version cannot publish to (.*) \((.*)\); "
                    r"choose publish by hand for this account\."
                ),
                filled(
                    self.tr(
                        "This version cannot publish to %1 (%2); choose publish by hand for "
                        "this account."
                    ),
                    1,
                    2,
                ),
            ),
            (
                re.compile(r"(.+?) refused it \(HTTP 403\)(?: \((.*)\))?\. .*"),
                lambda match: (
                    self.tr(
                        "%1 refused it (HTTP 403). The sign-in may lack a permission this needs; "
                        "reconnect the account if so."
                    ).replace("%1", match.group(1))
                    + (
                        " " + self.tr("It said: %1").replace("%1", match.group(2))
                        if match.group(2)
                        else ""
                    )
                ),
            ),
            (
                re.compile(r"(.+?) refused it \(HTTP (\d+)\)(?: \((.*)\))?"),
                lambda match: (
                    _fill(self.tr("%1 refused it (HTTP %2)."), match.group(1), match.group(2))
                    + (
                        " " + self.tr("It said: %1").replace("%1", match.group(3))
                        if match.group(3)
                        else ""
                    )
                ),
            ),
            (
                re.compile(
                    r"(.+?) no longer accepts this account's sign-in \(HTTP 401\)(?: \((.*)\))?"
                    r"\. Reconnect the account in Accounts, then try again\."
                ),
                filled(
                    self.tr(
                        "%1 no longer accepts this account's sign-in (HTTP 401). Reconnect the "
                        "account in Accounts, then try again."
                    ),
                    1,
                ),
            ),
            (
                re.compile(r"(.+?) rate limit reached \(HTTP 429\)(?:; .*)?"),
                filled(self.tr("%1 rate limit reached (HTTP 429)."), 1),
            ),
            (
                re.compile(r"(.+?) is unavailable for now \(HTTP (\d+)\)(?: \((.*)\))?"),
                filled(self.tr("%1 is unavailable for now (HTTP %2)."), 1, 2),
            ),
            (
                re.compile(r"(.+?) failed with HTTP (\d+) after receiving the request"),
                filled(self.tr("%1 failed with HTTP %2 after receiving the request."), 1, 2),
            ),
            (
                re.compile(r"could not connect to (.+?) \((.*)\)"),
                filled(self.tr("Could not connect to %1 (%2)."), 1, 2),
            ),
            (
                re.compile(r"(.+?) did not answer within ([\d.]+) s after the request was sent"),
                filled(self.tr("%1 did not answer within %2 s after the post was sent."), 1, 2),
            ),
            (
                re.compile(r"the connection to (.+?) broke after the request was sent \((.*)\)"),
                filled(self.tr("The connection to %1 broke after the post was sent (%2)."), 1, 2),
            ),
            (
                re.compile(
                    r"the archive folder (.*) does not exist \(a removable drive\?\); "
                    r"create it or choose another folder, then retry"
                ),
                filled(
                    self.tr(
                        "The archive folder %1 does not exist (a removable drive?). Create it "
                        "or choose another folder, then try again."
                    ),
                    1,
                ),
            ),
            (
                re.compile(r"the media file (.*) is missing; add it again, then retry"),
                filled(self.tr("The media file %1 is missing. Add it again, then try again."), 1),
            ),
            (
                re.compile(r"The network refused the post: text too long for this channel\."),
                fixed(
                    self.tr("The network refused the post: the text is too long for this channel.")
                ),
            ),
            (
                re.compile(r"No answer from the network after sending; check the post\."),
                fixed(self.tr("No answer from the network after sending; check the post.")),
            ),
            (
                re.compile(r"The computer was off at the scheduled time\."),
                fixed(self.tr("The computer was off at the scheduled time.")),
            ),
            (
                re.compile(r"skipped by the user.*"),
                fixed(self.tr("Skipped by you.")),
            ),
            (
                re.compile(r"confirmed by the user"),
                fixed(self.tr("Marked as published by you.")),
            ),
        ]

    def outcome(self, attempt: AttemptRecord) -> str:
        if attempt.kind == "manual" and attempt.outcome == "unknown":
            return self.tr("reminder")
        if attempt.kind == "manual":
            return self.tr("marked as published")
        words = {
            "published": self.tr("published"),
            "reconciled": self.tr("found published"),
            "retryable": self.tr("failed, will try again"),
            "final": self.tr("failed"),
            "unknown": self.tr("no answer"),
            "skipped": self.tr("skipped"),
        }
        return words.get(attempt.outcome, attempt.outcome)

    def retry_at(self) -> str:
        return self.tr("Try %1 failed (%2); trying again at %3.")

    def heading(self) -> str:
        return self.tr("Latest attempts:")

    def earlier(self, count: int) -> str:
        return self.tr("(%n earlier attempts not shown)", "", count)


_RETRY = re.compile(r"Try (\d+) failed \((.*)\); trying again at \d\d:\d\d:\d\d UTC")


def reason_text(
    message: str, *, retry_at: datetime | None = None, zone: ZoneInfo | None = None
) -> str:
    """A stored failure reason in the window's language (as it came, when not known).

    ``retry_at`` and ``zone``: the planned retry, to say its time in the user's zone (the
    stored sentence has only its UTC time of day)."""
    message = message.strip()
    if not message:
        return ""
    retry = _RETRY.fullmatch(message)
    if retry is not None and retry_at is not None and zone is not None:
        return _fill(
            FailureText().retry_at(),
            retry.group(1),
            reason_text(retry.group(2)),
            local_when(retry_at, zone),
        )
    for pattern, say in FailureText().known():
        match = pattern.fullmatch(message)
        if match is not None:
            return say(match)
    for pattern, say in ErrorText().known():
        match = pattern.fullmatch(message)
        if match is not None:
            return say(match)
    return message


def attempt_lines(history: DeliveryHistory, zone: ZoneInfo) -> list[str]:
    """One line per kept attempt, oldest first: local time, outcome, and what was said."""
    texts = FailureText()
    locale = QLocale()
    lines = []
    for attempt in history.attempts:
        when = short_date_time(locale, attempt.at.astimezone(zone))
        line = f"{when} — {texts.outcome(attempt)}"
        said = reason_text(attempt.message) if attempt.kind != "manual" else ""
        if said and attempt.outcome not in ("published", "reconciled"):
            line += f": {said}"
        lines.append(line)
    if history.earlier_attempts > 0:
        lines.insert(0, texts.earlier(history.earlier_attempts))
    return lines


def history_text(history: DeliveryHistory, zone: ZoneInfo) -> str:
    """The reason and the latest attempts, as lines for a tooltip or a label."""
    parts = []
    if history.reason:
        retry_at = history.attempts[-1].retry_at if history.attempts else None
        parts.append(reason_text(history.reason, retry_at=retry_at, zone=zone))
    lines = attempt_lines(history, zone)
    if lines:
        parts.append(FailureText().heading() + "\n" + "\n".join("• " + line for line in lines))
    return "\n\n".join(parts)


def local_when(moment: datetime, zone: ZoneInfo) -> str:
    return short_date_time(QLocale(), moment.astimezone(zone))
