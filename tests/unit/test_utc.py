from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.utc import parse_utc, utc_text


def test_format_is_sortable_utc_text() -> None:
    # The first morning of Finnish summer time: UTC+3.
    moment = datetime(2026, 3, 29, 5, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert utc_text(moment) == "2026-03-29T02:30:00Z"


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        utc_text(datetime(2026, 1, 1, 12, 0))


@given(
    st.datetimes(
        timezones=st.just(UTC), min_value=datetime(1970, 1, 1), max_value=datetime(9999, 1, 1)
    )
)
def test_round_trip_to_the_second(moment: datetime) -> None:
    back = parse_utc(utc_text(moment))
    assert back == moment.replace(microsecond=0)


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(-14 * 60, 14 * 60),
)
def test_text_order_is_time_order(moment: datetime, offset_minutes: int) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))
    a = moment.replace(tzinfo=UTC, microsecond=0)
    b = (moment + timedelta(seconds=1)).replace(tzinfo=zone, microsecond=0)
    assert (utc_text(a) < utc_text(b)) == (a < b)
