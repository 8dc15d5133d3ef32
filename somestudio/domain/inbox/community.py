"""The numbers a community manager watches: replies received and answered per week, the
median time to a first answer, and what is still unanswered after a day.

"Received" counts what can be answered (replies, mentions, quotes, comments); "answered"
counts those our answer went out to. An entry marked done without an answer is settled: it
is not counted as unanswered.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

UNANSWERED_AFTER = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Received:
    """One answerable entry: when it came, when our answer went out, when it was done."""

    created_at: datetime  # aware
    answered_at: datetime | None = None
    done_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Week:
    monday: date  # in the user's zone
    received: int
    answered: int


@dataclass(frozen=True, slots=True)
class CommunityNumbers:
    weeks: tuple[Week, ...]  # oldest first, every week of the span (empty weeks too)
    median_first_answer: timedelta | None  # None: nothing answered in the span
    unanswered_over_day: int  # open now, no answer, older than 24 h

    @property
    def received(self) -> int:
        return sum(w.received for w in self.weeks)

    @property
    def answered(self) -> int:
        return sum(w.answered for w in self.weeks)


def community_numbers(
    entries: list[Received], now: datetime, zone: ZoneInfo, weeks: int = 8
) -> CommunityNumbers:
    """The last ``weeks`` weeks (Monday to Sunday in ``zone``, this week last) of ``entries``."""
    today = now.astimezone(zone).date()
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    received = dict.fromkeys(mondays, 0)
    answered = dict.fromkeys(mondays, 0)
    waits: list[timedelta] = []
    unanswered = 0
    for entry in entries:
        day = entry.created_at.astimezone(zone).date()
        monday = day - timedelta(days=day.weekday())
        if monday in received:
            received[monday] += 1
            if entry.answered_at is not None:
                answered[monday] += 1
                waits.append(max(timedelta(0), entry.answered_at - entry.created_at))
        if (
            entry.answered_at is None
            and entry.done_at is None
            and now - entry.created_at > UNANSWERED_AFTER
        ):
            unanswered += 1
    return CommunityNumbers(
        tuple(Week(m, received[m], answered[m]) for m in mondays),
        timedelta(seconds=statistics.median(w.total_seconds() for w in waits)) if waits else None,
        unanswered,
    )
