"""Formula cells made inert for spreadsheets, and given back unchanged on import."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.spreadsheet_cells import TRIGGERS, neutralise, restore

cells = st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "1", "a", " "]))


@given(cells)
def test_restore_gives_back_what_neutralise_was_given(value: str) -> None:
    assert restore(neutralise(value)) == value


@given(cells)
def test_a_neutralised_cell_never_starts_a_formula(value: str) -> None:
    safe = neutralise(value)
    if safe.startswith(TRIGGERS):
        assert safe.lstrip("+-").replace(".", "", 1).rstrip("%").isdigit()  # a plain number


def test_examples() -> None:
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("-12") == "-12"
    assert neutralise("-2+3") == "'-2+3"
    assert neutralise("'=x") == "''=x"
    assert neutralise("'hello") == "'hello"
    assert neutralise("hello") == "hello"
