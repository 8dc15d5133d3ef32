"""Why a post did not go out, told in the window's language.

The engine stores its reasons (``deliveries.last_error``, ``attempts.message``) as English
sentences, so that the log and the command line can show them as they are. Here the known
ones are matched (``failure_messages``, then the use cases' errors of ``error_text``) and
rebuilt in the window's language; a reason nested in another ("Gave up after 5 tries: …")
is translated in turn. Anything unknown (a network's own words) is shown as it came.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale

from somestudio.app.delivery_history import DeliveryHistory
from somestudio.ui.error_text import message_text
from somestudio.ui.failure_messages import FailureText, fill
from somestudio.ui.qtdates import short_date_time

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
        return fill(
            FailureText().retry_at(),
            retry.group(1),
            reason_text(retry.group(2)),
            local_when(retry_at, zone),
        )
    for pattern, say in FailureText().known(reason_text):
        match = pattern.fullmatch(message)
        if match is not None:
            return say(match)
    return message_text(message)  # the use cases' and networks' own sentences


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


def attempts_text(history: DeliveryHistory, zone: ZoneInfo) -> str:
    """ "Latest attempts:" and a line for each ('' when there were none)."""
    lines = attempt_lines(history, zone)
    if not lines:
        return ""
    return FailureText().heading() + "\n" + "\n".join("• " + line for line in lines)


def history_text(history: DeliveryHistory, zone: ZoneInfo) -> str:
    """The reason and the latest attempts, as lines for a tooltip or a label."""
    parts = []
    if history.reason:
        retry_at = history.attempts[-1].retry_at if history.attempts else None
        parts.append(reason_text(history.reason, retry_at=retry_at, zone=zone))
    attempts = attempts_text(history, zone)
    if attempts:
        parts.append(attempts)
    return "\n\n".join(parts)


def local_when(moment: datetime, zone: ZoneInfo) -> str:
    return short_date_time(QLocale(), moment.astimezone(zone))
