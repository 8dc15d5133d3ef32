"""Posting slots: parsing, and the queue's next free slot across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.slots import (
    Slot,
    SlotSyntaxError,
    format_slots,
    next_free_slot,
    parse_slots,
    slot_instants,
)
from somestudio.domain.timeplan import to_local

HKI = "Europe/Helsinki"


def test_parse_and_format() -> None:
    slots = parse_slots("Mon, Wed, Fri 09:00; tue 12.30\nma-ke 18:00")
    assert Slot(0, time(9)) in slots and Slot(1, time(12, 30)) in slots
    assert {s for s in slots if s.at == time(18)} == {
        Slot(0, time(18)),
        Slot(1, time(18)),
        Slot(2, time(18)),
    }
    assert format_slots(slots) == "Mon, Wed, Fri 09:00; Mon, Tue, Wed 18:00; Tue 12:30"
    assert parse_slots(format_slots(slots)) == slots
    assert parse_slots("Sat-Mon 10:00") == (Slot(0, time(10)), Slot(5, time(10)), Slot(6, time(10)))
    assert parse_slots("") == ()


@pytest.mark.parametrize("text", ["Mon", "09:00", "Funday 09:00", "Mon 25:00", "Mon 9"])
def test_bad_slots(text: str) -> None:
    with pytest.raises(SlotSyntaxError):
        parse_slots(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # The days come first here: the time is what is wrong, and it is named (it said
        # "write the days and then a time": a Finnish new user's finding).
        ("ma 25.00", "'25.00' is not a time of day: write it like 09:00 or 21:30"),
        ("maanantai 9.60", "'9.60' is not a time of day: write it like 09:00 or 21:30"),
        ("Mon", "'Mon': write the days and then a time, e.g. 'Mon, Wed, Fri 09:00'"),
        ("Mon 9", "'Mon 9': write the days and then a time, e.g. 'Mon, Wed, Fri 09:00'"),
        ("Funday 09:00", "'Funday' is not a day name (Mon, Tue, … or ma, ti, …)"),
    ],
)
def test_a_bad_slot_names_what_is_wrong(text: str, said: str) -> None:
    with pytest.raises(SlotSyntaxError) as raised:
        parse_slots(text)
    assert str(raised.value) == said


def test_next_free_slot_skips_taken_ones() -> None:
    slots = parse_slots("Mon, Wed, Fri 09:00")
    after = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Monday 08:00 in Helsinki
    first = next_free_slot(slots, HKI, after, [])
    assert first == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert first is not None
    second = next_free_slot(slots, HKI, after, [first])
    assert second is not None
    assert to_local(second, HKI) == datetime(2026, 11, 25, 9, 0)  # Wednesday
    assert next_free_slot((), HKI, after, []) is None


def test_slot_in_the_spring_gap_is_skipped_that_day() -> None:
    slots = parse_slots("Sun 03:30")
    instants = list(slot_instants(slots, HKI, datetime(2026, 3, 22).date(), 15))
    # 22 March and 5 April exist; 29 March 03:30 does not (clocks jump 03:00 → 04:00).
    assert [to_local(i, HKI).date().isoformat() for i in instants] == ["2026-03-22", "2026-04-05"]
    assert all(to_local(i, HKI).time() == time(3, 30) for i in instants)


def test_slot_in_the_autumn_overlap_is_its_first_occurrence() -> None:
    (instant,) = slot_instants(parse_slots("Sun 03:30"), HKI, datetime(2026, 10, 25).date(), 1)
    assert instant == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
        min_size=1,
        max_size=6,
    ),
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2036, 1, 1), timezones=st.just(UTC)
    ),
    st.sampled_from([HKI, "America/New_York", "Australia/Lord_Howe", "UTC"]),
)
def test_queue_slots_are_exact_and_in_order(raw, after, zone) -> None:
    slots = [Slot(d, time(h, m)) for d, h, m in raw]
    taken: list[datetime] = []
    for _ in range(3):
        found = next_free_slot(slots, zone, after, taken)
        assert found is not None and found > after and found not in taken
        local = to_local(found, zone)
        assert Slot(local.weekday(), local.time()) in slots  # exactly a slot's wall time
        assert found - after <= timedelta(weeks=3, days=2)  # three slots, a week apart at most
        taken.append(found)
    assert taken == sorted(taken)


def test_finnish_text_for_a_finnish_reader_reads_back_the_same() -> None:
    """The Accounts page showed a Finnish reader "Mon, Tue, Wed, Thu, Fri 08:30" beside a
    placeholder "esim. ma, ke, pe 9.00". Stored text stays the canonical English one."""
    slots = parse_slots("Mon, Wed, Fri 09:00; Tue 14:05; Sat 11:30")
    finnish = format_slots(slots, "fi")
    assert finnish == "ma, ke, pe 9.00; ti 14.05; la 11.30"
    assert parse_slots(finnish) == slots
    assert format_slots(slots) == "Mon, Wed, Fri 09:00; Tue 14:05; Sat 11:30"
