"""Times typed the way people type them, in Finnish and English habits."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.typed_time import parse_typed_time


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("9.00", time(9, 0)),
        ("9:00", time(9, 0)),
        ("900", time(9, 0)),
        ("0900", time(9, 0)),
        ("9", time(9, 0)),
        ("21.30", time(21, 30)),
        ("2130", time(21, 30)),
        ("00.05", time(0, 5)),
        ("8:54 AM", time(8, 54)),
        ("8.54 am", time(8, 54)),
        ("8:54am", time(8, 54)),
        ("8:54 p.m.", time(20, 54)),
        ("12:00 AM", time(0, 0)),
        ("12:30 PM", time(12, 30)),
        ("12 pm", time(12, 0)),
        (" klo 12.15 ", time(12, 15)),
        ("23:59", time(23, 59)),
    ],
)
def test_typed_times(typed: str, meant: time) -> None:
    assert parse_typed_time(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["", "24.00", "9.60", "13 PM", "0 AM", "9.5", "12345", "nine", "9,00,00", "-1"],
)
def test_not_a_time(typed: str) -> None:
    assert parse_typed_time(typed) is None


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_in_each_form(hour: int, minute: int) -> None:
    meant = time(hour, minute)
    for form in (f"{hour}.{minute:02}", f"{hour:02}:{minute:02}", f"{hour}{minute:02}"):
        assert parse_typed_time(form) == meant
    twelve = hour % 12 or 12
    assert parse_typed_time(f"{twelve}:{minute:02} {'PM' if hour >= 12 else 'AM'}") == meant
