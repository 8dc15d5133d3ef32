"""``utc_offsets``: a zone's offsets over a period, each change found to the second, so that
an instant plus the offset in force is the local clock ``astimezone`` shows."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.domain.utc import utc_offsets

START = datetime(2026, 1, 1, 0, 0, 0, 500_000, tzinfo=UTC)  # between whole seconds
END = datetime(2027, 1, 1, tzinfo=UTC)


def test_helsinki_changes_twice_a_year_at_one_utc() -> None:
    assert utc_offsets(ZoneInfo("Europe/Helsinki"), START, END) == [
        (None, 7200),
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), 10800),
        (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), 7200),
    ]


def test_a_zone_without_summer_time_has_one_offset() -> None:
    assert utc_offsets(ZoneInfo("Asia/Kathmandu"), START, END) == [(None, 20700)]
    assert utc_offsets(ZoneInfo("UTC"), START, START) == [(None, 0)]


@pytest.mark.parametrize(
    "zone", ["Europe/Helsinki", "America/St_Johns", "Australia/Lord_Howe", "America/Santiago"]
)
def test_an_instant_plus_its_offset_is_the_local_clock(zone: str) -> None:
    local = ZoneInfo(zone)
    changes = utc_offsets(local, START, END)
    rng = random.Random(zone)
    moments = [START + timedelta(seconds=rng.randint(0, 366 * 86400)) for _ in range(2000)]
    # and the seconds either side of every change
    for at, _ in changes[1:]:
        assert at is not None
        moments += [at - timedelta(seconds=1), at, at + timedelta(seconds=1)]
    for moment in moments:
        if not START <= moment < END:
            continue
        offset = next(o for at, o in reversed(changes) if at is None or at <= moment)
        wall = (moment + timedelta(seconds=offset)).replace(tzinfo=None)
        assert wall == moment.astimezone(local).replace(tzinfo=None), moment
