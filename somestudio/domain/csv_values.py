"""Cell values of an imported CSV: dates, times of day, yes/no, lists.

Dates: ISO ``2026-11-21``, Finnish ``21.11.2026``, and slashed ``21/11/2026`` or
``11/21/2026`` — a slashed date whose order the file does not settle (both numbers 12 or
less) is refused unless the user chose the order, never guessed. Times: ``09:00``,
``9.00`` (Finnish), seconds allowed, 24-hour clock, optionally followed by a UTC offset
(``03:30+03:00``) that picks one of the two instants a wall time has when clocks go back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from somestudio.domain.timeplan import FIRST_YEAR, LAST_YEAR, YearOutOfRangeError, check_year

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)
_YES = {"yes", "y", "true", "1", "x", "kyllä", "k", "on"}
_NO = {"no", "n", "false", "0", "ei", "", "off"}
LIST_SEPARATORS = re.compile(r"\s*[|\n]\s*")
NAME_SEPARATORS = re.compile(r"\s*[,;|\n]\s*")


class DateOrder(StrEnum):
    DAY_FIRST = "dmy"  # 21/11/2026, as in Finland and most of Europe
    MONTH_FIRST = "mdy"  # 11/21/2026, as in the United States


class CellError(ValueError):
    """A cell that cannot be read; ``code`` and ``params`` make the user's message."""

    def __init__(self, code: str, **params: str | int) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    wall: time
    offset: timedelta | None = None  # written after the time to pick one of two instants


def parse_date(text: str, order: DateOrder | None = None) -> date:
    """The date in ``text``; raises ``CellError`` (also for a year outside 2000–2100)."""
    found = _parse_date(text, order)
    try:
        check_year(found.year)
    except YearOutOfRangeError as exc:
        raise CellError(
            "csv.year_out_of_range", value=text.strip(), first=FIRST_YEAR, last=LAST_YEAR
        ) from exc
    return found


def _parse_date(text: str, order: DateOrder | None = None) -> date:
    value = text.strip()
    try:
        if match := _ISO_DATE.fullmatch(value):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _DOTTED.fullmatch(value):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _SLASHED.fullmatch(value):
            first, second, year = (int(g) for g in match.groups())
            return _slashed(value, first, second, year, order)
    except ValueError as exc:
        if isinstance(exc, CellError):
            raise
        raise CellError("csv.bad_date", value=value) from exc
    raise CellError("csv.bad_date", value=value)


def _slashed(value: str, first: int, second: int, year: int, order: DateOrder | None) -> date:
    if order is None:
        if first > 12:
            order = DateOrder.DAY_FIRST
        elif second > 12 or first == second:
            order = DateOrder.MONTH_FIRST
        else:
            raise CellError(
                "csv.ambiguous_date",
                value=value,
                first=date(year, second, first).isoformat(),
                second=date(year, first, second).isoformat(),
            )
    if order is DateOrder.DAY_FIRST:
        return date(year, second, first)
    return date(year, first, second)


def parse_time(text: str) -> TimeOfDay:
    value = text.strip()
    match = _TIME.fullmatch(value)
    if match is None:
        raise CellError("csv.bad_time", value=value)
    hour, minute, second, offset = match.groups()
    try:
        wall = time(int(hour), int(minute), int(second or 0))
    except ValueError as exc:
        raise CellError("csv.bad_time", value=value) from exc
    return TimeOfDay(wall, _offset(offset, value) if offset else None)


def _offset(text: str, value: str) -> timedelta:
    if text.upper() == "Z":
        return timedelta(0)
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 18 or minutes > 59:
        raise CellError("csv.bad_time", value=value)
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if text[0] == "-" else delta


def split_when(text: str) -> tuple[str, str]:
    """A combined cell ("2026-11-21 09:00", "21/11/2026 09:00", "2026-11-21T09:00Z") as
    its date and time parts."""
    value = text.strip()
    for separator in ("T", " "):
        head, found, tail = value.partition(separator)
        if found and tail.strip():
            return head, tail.strip()
    return value, ""


def parse_flag(text: str) -> bool:
    value = text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError("csv.bad_flag", value=text.strip())


def split_list(text: str) -> list[str]:
    """Media paths and alt texts: one per line, or separated by "|" (both contain commas)."""
    return [part for part in LIST_SEPARATORS.split(text.strip()) if part]


def split_alt_texts(text: str) -> list[str]:
    """Alt texts in the order of the media, one per line or "|"; an empty one keeps its place."""
    parts = [part.strip() for part in re.split(r"[|\n]", text)]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def split_names(text: str) -> list[str]:
    """Accounts and labels: separated by commas, semicolons, "|" or line breaks."""
    return [part for part in NAME_SEPARATORS.split(text.strip()) if part]


def format_offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
