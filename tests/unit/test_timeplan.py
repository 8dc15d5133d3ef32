"""Wall time → UTC in IANA zones: every gap and overlap detected, nothing ever shifted."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    LocalTimeError,
    NonexistentLocalTimeError,
    UnknownZoneError,
    parse_when,
    to_local,
    to_utc,
)

HELSINKI = "Europe/Helsinki"

# Zones with DST of every shape: northern and southern hemisphere, 30-minute shifts
# (Lord Howe), a negative DST (Dublin's winter time in tzdata), zones without DST, and zones
# that changed their base offset (Samoa skipped a whole day in 2011).
ZONES = sorted(
    {
        "Europe/Helsinki",
        "Europe/London",
        "Europe/Dublin",
        "America/New_York",
        "America/Santiago",
        "America/Havana",
        "Australia/Lord_Howe",
        "Australia/Sydney",
        "Pacific/Apia",
        "Pacific/Chatham",
        "Asia/Tehran",
        "Africa/Casablanca",
        "Asia/Kolkata",
        "UTC",
    }
    | set(sorted(zoneinfo.available_timezones())[::40])
)


@cache
def transitions(zone: str, year: int) -> tuple[datetime, ...]:
    """UTC instants in ``year`` at which ``zone``'s offset changes (to the second)."""
    tz = ZoneInfo(zone)
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=6)
    while moment < end:
        nxt = moment + step
        if moment.astimezone(tz).utcoffset() != nxt.astimezone(tz).utcoffset():
            lo, hi = moment, nxt
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == lo.astimezone(tz).utcoffset():
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(microsecond=0))
        moment = nxt
    return tuple(found)


def instants_showing(wall: datetime, zone: str) -> set[datetime]:
    """Every UTC instant at which ``zone`` shows ``wall``, by brute force: try each offset
    the zone used within two days of it."""
    tz = ZoneInfo(zone)
    offsets = set()
    probe = wall.replace(tzinfo=UTC) - timedelta(days=2)
    while probe < wall.replace(tzinfo=UTC) + timedelta(days=2):
        offset = probe.astimezone(tz).utcoffset()
        assert offset is not None
        offsets.add(offset)
        probe += timedelta(minutes=30)
    found = set()
    for offset in offsets:
        instant = (wall - offset).replace(tzinfo=UTC)
        if instant.astimezone(tz).replace(tzinfo=None) == wall:
            found.add(instant)
    return found


def check(wall: datetime, zone: str) -> None:
    """``to_utc`` agrees with brute force: one instant, a gap, or an overlap."""
    truth = instants_showing(wall, zone)
    try:
        instant = to_utc(wall, zone)
    except NonexistentLocalTimeError as exc:
        assert truth == set(), (wall, zone, truth)
        assert exc.gap_start <= wall < exc.gap_end
        assert exc.gap > timedelta(0)
        assert exc.transition.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == exc.gap_end
    except AmbiguousLocalTimeError as exc:
        assert truth == {exc.earlier, exc.later}, (wall, zone, truth)
        assert exc.earlier < exc.later
    else:
        assert truth == {instant}, (wall, zone, truth)
        assert to_local(instant, zone) == wall  # never a silent shift


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    year=st.integers(1975, 2037),
    index=st.integers(0, 5),
    minutes=st.integers(-90, 90).map(lambda m: m - m % 15),
)
def test_wall_times_near_transitions(zone: str, year: int, index: int, minutes: int) -> None:
    found = transitions(zone, year)
    moment = found[index % len(found)] if found else datetime(year, 6, 1, 12, tzinfo=UTC)
    tz = ZoneInfo(zone)
    for side in (moment - timedelta(seconds=1), moment):
        wall = side.astimezone(tz).replace(tzinfo=None, second=0) + timedelta(minutes=minutes)
        check(wall, zone)


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2037, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
)
def test_any_wall_time(zone: str, wall: datetime) -> None:
    check(wall, zone)


@given(
    zone=st.sampled_from(ZONES),
    moment=st.datetimes(
        min_value=datetime(1971, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
    ),
)
@example(HELSINKI, datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # the first 03:30 of two
def test_round_trip_from_an_instant(zone: str, moment: datetime) -> None:
    """An instant shown as wall time comes back as itself, or as an ambiguity naming it."""
    moment = moment.replace(microsecond=0)
    wall = to_local(moment, zone)
    try:
        assert to_utc(wall, zone) == moment
    except AmbiguousLocalTimeError as exc:
        assert moment in exc.candidates


def test_every_minute_of_helsinki_2026_gaps_and_overlaps() -> None:
    """All 60 minutes of the spring gap are refused, all 60 of the autumn overlap ask."""
    for minute in range(60):
        with pytest.raises(NonexistentLocalTimeError) as gap:
            to_utc(datetime(2026, 3, 29, 3, minute), HELSINKI)
        assert gap.value.gap_start == datetime(2026, 3, 29, 3, 0)
        assert gap.value.gap_end == datetime(2026, 3, 29, 4, 0)
        assert gap.value.transition == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
        with pytest.raises(AmbiguousLocalTimeError) as twice:
            to_utc(datetime(2026, 10, 25, 3, minute), HELSINKI)
        assert twice.value.earlier == datetime(2026, 10, 25, 0, minute, tzinfo=UTC)
        assert twice.value.later == datetime(2026, 10, 25, 1, minute, tzinfo=UTC)
        assert twice.value.offsets == ("+03:00", "+02:00")
    assert to_utc(datetime(2026, 3, 29, 2, 59), HELSINKI) == datetime(
        2026, 3, 29, 0, 59, tzinfo=UTC
    )
    assert to_utc(datetime(2026, 3, 29, 4, 0), HELSINKI) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert to_utc(datetime(2026, 10, 25, 4, 0), HELSINKI) == datetime(
        2026, 10, 25, 2, 0, tzinfo=UTC
    )


def test_errors_are_distinct_and_speak_plainly() -> None:
    with pytest.raises(NonexistentLocalTimeError, match="does not exist in America/New_York"):
        to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York")
    with pytest.raises(AmbiguousLocalTimeError, match="happens twice"):
        to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York")
    assert not issubclass(NonexistentLocalTimeError, AmbiguousLocalTimeError)
    assert issubclass(NonexistentLocalTimeError, LocalTimeError)
    assert issubclass(AmbiguousLocalTimeError, LocalTimeError)


def test_half_hour_gap_of_lord_howe() -> None:
    with pytest.raises(NonexistentLocalTimeError) as gap:
        to_utc(datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe")
    assert gap.value.gap == timedelta(minutes=30)


def test_samoa_skipped_a_whole_day() -> None:
    with pytest.raises(NonexistentLocalTimeError) as gap:
        to_utc(datetime(2011, 12, 30, 12, 0), "Pacific/Apia")
    assert gap.value.gap == timedelta(days=1)


# "Europe" and "America/Argentina" are folders of the zone data: ZoneInfo raises
# IsADirectoryError for them (typed into the schedule dialog, it was an uncaught error).
@pytest.mark.parametrize(
    "name",
    ["Mars/Olympus", "", " Europe/Helsinki", "../etc/passwd", "Europe", "America/Argentina"],
)
def test_unknown_zones(name: str) -> None:
    with pytest.raises(UnknownZoneError):
        to_utc(datetime(2026, 1, 1, 12), name)


def test_aware_input_is_refused() -> None:
    with pytest.raises(ValueError, match="without a time zone"):
        to_utc(datetime(2026, 1, 1, tzinfo=UTC), HELSINKI)


def test_parse_when() -> None:
    assert parse_when("2026-11-21T09:00", HELSINKI) == datetime(2026, 11, 21, 7, tzinfo=UTC)
    assert parse_when("2026-11-21T07:00Z", HELSINKI) == datetime(2026, 11, 21, 7, tzinfo=UTC)
    assert parse_when("2026-11-21T09:00+02:00", "UTC") == datetime(2026, 11, 21, 7, tzinfo=UTC)
    assert parse_when("2026-11-21 09:00", "UTC") == datetime(2026, 11, 21, 9, tzinfo=UTC)
    with pytest.raises(NonexistentLocalTimeError):
        parse_when("2026-03-29T03:30", HELSINKI)
    with pytest.raises(ValueError, match="not an ISO 8601"):
        parse_when("tomorrow", HELSINKI)
    with pytest.raises(UnknownZoneError):
        parse_when("2026-11-21T07:00Z", "Nowhere/Else")
