"""Posting slots per account ("Mon, Wed, Fri 09:00") and the queue's next free slot.

A slot is a habit in the account's zone. On the day a slot's wall time does not exist (the
clocks jump over it) that slot is simply not offered; on the day it happens twice the first
occurrence is the slot (it keeps the day's order). Either way the instant offered shows
exactly the slot's wall time: nothing is shifted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from somestudio.domain.timeplan import AmbiguousLocalTimeError, NonexistentLocalTimeError, to_utc
from somestudio.domain.timeplan import zone_for as _zone_for

_DAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("mon", "monday", "ma", "maanantai"),
        ("tue", "tuesday", "ti", "tiistai"),
        ("wed", "wednesday", "ke", "keskiviikko"),
        ("thu", "thursday", "to", "torstai"),
        ("fri", "friday", "pe", "perjantai"),
        ("sat", "saturday", "la", "lauantai"),
        ("sun", "sunday", "su", "sunnuntai"),
    )
):
    for _name in _names:
        _DAY_NAMES[_name] = _index
SHORT_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FINNISH_DAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_TIME_LIKE = re.compile(r"^\d{1,2}[:.]\d{2}$")  # written as a time, but none (25.00)


class SlotSyntaxError(ValueError):
    pass


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    weekday: int  # 0 = Monday, as datetime.weekday()
    at: time

    def __str__(self) -> str:
        return f"{SHORT_DAYS[self.weekday]} {self.at:%H:%M}"


def parse_slots(text: str) -> tuple[Slot, ...]:
    """Parse ``"Mon, Wed, Fri 09:00; Tue-Thu 12:30"`` (groups split by ``;`` or lines).

    Day names in English or Finnish, full or short; ``Mon-Fri`` ranges. Sorted, no repeats.
    """
    found: set[Slot] = set()
    for raw in re.split(r"[;\n]", text):
        group = raw.strip()
        if not group:
            continue
        days_part, _, time_part = group.rpartition(" ")
        match = _TIME.match(time_part.strip())
        if days_part.strip() and match is None and _TIME_LIKE.match(time_part.strip()):
            raise SlotSyntaxError(
                f"{time_part.strip()!r} is not a time of day: write it like 09:00 or 21:30"
            )
        if not days_part.strip() or match is None:
            raise SlotSyntaxError(
                f"{group!r}: write the days and then a time, e.g. 'Mon, Wed, Fri 09:00'"
            )
        at = time(int(match.group(1)), int(match.group(2)))
        for day in _days(days_part):
            found.add(Slot(day, at))
    return tuple(sorted(found))


def format_slots(slots: Iterable[Slot], lang: str = "en") -> str:
    """Days sharing a time grouped: ``"Mon, Wed, Fri 09:00; Tue 12:30"`` (the canonical
    text, as stored), or in Finnish ``"ma, ke, pe 9.00; ti 12.30"`` to show a person who
    reads Finnish; ``parse_slots`` reads both."""
    finnish = lang.lower().startswith("fi")
    names = _FINNISH_DAYS if finnish else SHORT_DAYS
    by_time: dict[time, list[int]] = {}
    for slot in sorted(slots):
        by_time.setdefault(slot.at, []).append(slot.weekday)
    groups = sorted(by_time.items(), key=lambda item: (min(item[1]), item[0]))
    return "; ".join(
        f"{', '.join(names[d] for d in sorted(days))} "
        f"{f'{at.hour}.{at.minute:02d}' if finnish else f'{at:%H:%M}'}"
        for at, days in groups
    )


def slot_instants(slots: Collection[Slot], zone: str, start: date, days: int) -> Iterable[datetime]:
    """The UTC instants of the slots on ``days`` days from ``start``, in order."""
    _zone_for(zone)
    ordered = sorted(slots, key=lambda s: s.at)
    for offset in range(days):
        day = start + timedelta(days=offset)
        for slot in ordered:
            if slot.weekday != day.weekday():
                continue
            try:
                yield to_utc(datetime.combine(day, slot.at), zone)
            except NonexistentLocalTimeError:
                continue
            except AmbiguousLocalTimeError as exc:
                yield exc.earlier


def next_free_slot(
    slots: Collection[Slot],
    zone: str,
    after: datetime,
    taken: Collection[datetime],
    *,
    horizon_days: int = 400,
) -> datetime | None:
    """The first slot instant strictly after ``after`` that no delivery occupies (or None)."""
    if not slots:
        return None
    start = after.astimezone(_zone_for(zone)).date()
    busy = {moment.replace(microsecond=0) for moment in taken}
    for instant in slot_instants(slots, zone, start, horizon_days):
        if instant > after and instant not in busy:
            return instant
    return None


def _days(text: str) -> list[int]:
    days: list[int] = []
    for raw in text.split(","):
        token = raw.strip().lower()
        if not token:
            continue
        first, dash, last = token.partition("-")
        if first.strip() not in _DAY_NAMES or (dash and last.strip() not in _DAY_NAMES):
            raise SlotSyntaxError(f"{raw.strip()!r} is not a day name (Mon, Tue, … or ma, ti, …)")
        a = _DAY_NAMES[first.strip()]
        b = _DAY_NAMES[last.strip()] if dash else a
        days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return days
