"""Wall times in a chosen IANA zone, turned into UTC instants without ever guessing.

A user picks a local date and time and a zone; the app stores the UTC instant plus the zone.
Twice a year a wall time does not exist (the clocks jump forward over it) or exists twice
(they fall back over it). Either is an input problem the user resolves: ``to_utc`` raises a
distinct error carrying what a UI needs to offer the choice, and never shifts silently.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "AmbiguousLocalTimeError",
    "LocalTimeError",
    "NonexistentLocalTimeError",
    "UnknownZoneError",
    "parse_when",
    "to_local",
    "to_utc",
    "zone_for",
]


class UnknownZoneError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name!r} is not a known IANA time zone (e.g. Europe/Helsinki)")
        self.name = name


class LocalTimeError(ValueError):
    """A wall time that does not name exactly one instant in its zone."""

    def __init__(self, message: str, wall: datetime, zone: str) -> None:
        super().__init__(message)
        self.wall = wall  # naive
        self.zone = zone


class NonexistentLocalTimeError(LocalTimeError):
    """The wall time falls in a gap: the clocks jumped from ``gap_start`` to ``gap_end``.

    ``transition`` is the UTC instant of the jump; ``gap_start``/``gap_end`` are naive wall
    times (the gap is ``[gap_start, gap_end)``). A UI can offer ``transition`` (the first
    valid moment, shown as ``gap_end``) or ask for another time.
    """

    def __init__(
        self, wall: datetime, zone: str, transition: datetime, gap_start: datetime, gap: timedelta
    ) -> None:
        self.transition = transition
        self.gap_start = gap_start
        self.gap_end = gap_start + gap
        self.gap = gap
        super().__init__(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone}: the clocks jump from "
            f"{gap_start:%H:%M} to {self.gap_end:%H:%M} that day. Choose another time.",
            wall,
            zone,
        )


class AmbiguousLocalTimeError(LocalTimeError):
    """The wall time happens twice; ``earlier`` and ``later`` are the two UTC instants."""

    def __init__(
        self,
        wall: datetime,
        zone: str,
        earlier: datetime,
        later: datetime,
        offsets: tuple[str, str],
    ) -> None:
        self.earlier = earlier
        self.later = later
        self.offsets = offsets  # the zone's UTC offsets at the two instants, e.g. ("+03:00", ...)
        super().__init__(
            f"{wall:%Y-%m-%d %H:%M} happens twice in {zone} (UTC{offsets[0]} and then "
            f"UTC{offsets[1]}, when the clocks go back). Choose which one.",
            wall,
            zone,
        )

    @property
    def candidates(self) -> tuple[datetime, datetime]:
        return (self.earlier, self.later)


def zone_for(name: str) -> ZoneInfo:
    """The IANA zone called ``name`` (raises ``UnknownZoneError``)."""
    if not name or name != name.strip():
        raise UnknownZoneError(name)
    try:
        return ZoneInfo(name)
    # OSError: a folder of the zone data ("Europe" is IsADirectoryError), or one unreadable
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownZoneError(name) from exc


def to_local(moment: datetime, zone: str) -> datetime:
    """The naive wall time an aware instant shows in ``zone``."""
    return moment.astimezone(zone_for(zone)).replace(tzinfo=None)


def to_utc(wall: datetime, zone: str) -> datetime:
    """The one UTC instant at which the clocks in ``zone`` show ``wall`` (naive).

    Raises ``NonexistentLocalTimeError`` or ``AmbiguousLocalTimeError`` when there is not
    exactly one, and ``UnknownZoneError`` for a bad zone name.
    """
    if wall.tzinfo is not None:
        raise ValueError("to_utc expects a wall time without a time zone")
    tz = zone_for(zone)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    first_ok = _shows(first, tz, wall)
    second_ok = _shows(second, tz, wall)
    if first == second and first_ok:
        return first
    if first_ok and second_ok:
        earlier, later = sorted((first, second))
        return _raise_ambiguous(wall, zone, tz, earlier, later)
    if first_ok or second_ok:
        # Not a DST shape zoneinfo produces, but if only one instant shows the wall time, it
        # is the one answer.
        return first if first_ok else second
    transition = _transition_between(tz, min(first, second), max(first, second))
    before = (transition - timedelta(seconds=1)).astimezone(tz)
    after = transition.astimezone(tz)
    gap = _offset(after) - _offset(before)
    gap_start = after.replace(tzinfo=None) - gap
    raise NonexistentLocalTimeError(wall, zone, transition, gap_start, gap)


FIRST_YEAR = 2000  # times outside these years are typing mistakes, and near year 9999 the
LAST_YEAR = 2100  # arithmetic of every later step (zones, event ends) would overflow


class YearOutOfRangeError(ValueError):
    def __init__(self, year: int) -> None:
        super().__init__(
            f"the year {year} is outside the years Some Studio plans for ({FIRST_YEAR}–{LAST_YEAR})"
        )
        self.year = year


def check_year(year: int) -> None:
    """Raise ``YearOutOfRangeError`` unless FIRST_YEAR <= ``year`` <= LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRangeError(year)


def parse_when(text: str, zone: str) -> datetime:
    """An ISO 8601 date-time as a UTC instant.

    With an offset or ``Z`` it names an instant directly; without one it is a wall time in
    ``zone`` and goes through ``to_utc`` (so it may raise a ``LocalTimeError``). Raises
    ``ValueError`` for text that is not ISO 8601 and ``YearOutOfRangeError`` (a ValueError)
    outside the years 2000–2100.
    """
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(
            f"{text!r} is not an ISO 8601 date and time (e.g. 2026-11-21T09:00 or "
            "2026-11-21T07:00Z)"
        ) from exc
    check_year(parsed.year)
    if parsed.tzinfo is not None:
        zone_for(zone)  # the zone is stored beside the instant; it must be valid too
        return parsed.astimezone(UTC)
    return to_utc(parsed, zone)


def _shows(instant: datetime, tz: ZoneInfo, wall: datetime) -> bool:
    return instant.astimezone(tz).replace(tzinfo=None) == wall


def _offset(moment: datetime) -> timedelta:
    offset = moment.utcoffset()
    assert offset is not None
    return offset


def _transition_between(tz: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first instant in (low, high] whose offset differs from ``low``'s (to the second)."""
    start_offset = _offset(low.astimezone(tz))
    lo, hi = low, high
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        mid = mid.replace(microsecond=0)
        if mid <= lo:
            mid = lo + timedelta(seconds=1)
        if _offset(mid.astimezone(tz)) == start_offset:
            lo = mid
        else:
            hi = mid
    return hi


def _format_offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _raise_ambiguous(
    wall: datetime, zone: str, tz: ZoneInfo, earlier: datetime, later: datetime
) -> datetime:
    offsets = (
        _format_offset(_offset(earlier.astimezone(tz))),
        _format_offset(_offset(later.astimezone(tz))),
    )
    raise AmbiguousLocalTimeError(wall, zone, earlier, later, offsets)
