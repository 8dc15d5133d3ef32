"""CSV import and export without a database: encodings, separators, layouts, cells, rows."""

from __future__ import annotations

import string
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from somestudio.domain.csv_columns import Field, Layout, find_columns
from somestudio.domain.csv_export import ExportRow, account_name, write_csv
from somestudio.domain.csv_problems import codes, column_letter, render
from somestudio.domain.csv_rows import ImportOptions, plan_rows
from somestudio.domain.csv_table import CsvReadError, TextEncoding, read_table
from somestudio.domain.csv_values import CellError, DateOrder, parse_date, parse_time
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
ACCOUNTS = [
    Account(1, Network.X, "kahvila", "Kahvila X"),
    Account(2, Network.MASTODON, "@aurinko", ""),
    Account(3, Network.LOCAL, "arkisto", "Arkisto"),
    Account(4, Network.LOCAL, "toinen", "Toinen"),
]
OPTIONS = ImportOptions("Europe/Helsinki", NOW)


def plan(text: str, options: ImportOptions = OPTIONS, encoding: str = "utf-8"):
    return plan_rows(read_table(text.encode(encoding)), ACCOUNTS, options)


def where(result) -> list[tuple[int, str, str]]:
    return [
        (p.row, column_letter(p.column) if p.column >= 0 else "", p.code) for p in result.problems
    ]


# ---------------------------------------------------------------- reading the bytes


def test_utf8_with_and_without_bom_and_the_three_separators() -> None:
    for prefix in (b"", b"\xef\xbb\xbf"):
        for sep in (",", ";", "\t"):
            data = prefix + f"text{sep}accounts\r\nHyvää päivää{sep}Arkisto\r\n".encode()
            table = read_table(data)
            assert table.delimiter == sep
            assert table.rows == (("text", "accounts"), ("Hyvää päivää", "Arkisto"))


def test_semicolons_win_when_commas_are_inside_the_text() -> None:
    table = read_table(b'teksti;tilit\n"Moi, kaikki";Arkisto\n')
    assert table.delimiter == ";" and table.rows[1] == ("Moi, kaikki", "Arkisto")


def test_excel_sep_line_is_honoured_and_rows_keep_their_numbers() -> None:
    table = read_table(b"sep=;\ntext;accounts\na,b;c\n")
    assert table.delimiter == ";" and table.first_row == 2
    assert table.rows[1] == ("a,b", "c")


def test_windows_1252_is_an_error_naming_row_column_and_byte() -> None:
    data = 'text,accounts\nEka,Arkisto\n"Toka",Kahvila ja kakkupöytä\n'.encode("cp1252")
    with pytest.raises(CsvReadError) as caught:
        read_table(data)
    found = caught.value.problem
    assert (found.row, found.column, found.code) == (3, 1, "csv.not_utf8")
    assert dict(found.params)["byte"] == data.index(b"\xf6")
    assert "Windows-1252" in found.message("en") and "0xF6" in found.message("en")
    assert found.where() == "3:B"
    assert "Windows-1252" in found.message("fi")


def test_windows_1252_reads_when_chosen() -> None:
    data = "teksti;tilit\nKahvila ja kakkupöytä €;Arkisto\n".encode("cp1252")
    assert read_table(data, TextEncoding.CP1252).rows[1] == ("Kahvila ja kakkupöytä €", "Arkisto")
    with pytest.raises(CsvReadError) as caught:
        read_table(b"text\n\x81\n", TextEncoding.CP1252)
    assert caught.value.problem.code == "csv.not_cp1252"


def test_utf16_with_bom_is_read() -> None:
    data = "text\taccounts\nÄiti\tArkisto\n".encode("utf-16")
    assert read_table(data).rows[1] == ("Äiti", "Arkisto")


def test_unclosed_quote_names_the_row() -> None:
    with pytest.raises(CsvReadError) as caught:
        read_table(b'text,accounts\nok,Arkisto\n"open,Arkisto\n')
    assert caught.value.problem.code == "csv.bad_quotes"
    assert caught.value.problem.row == 3


def test_line_breaks_inside_a_cell_are_one_row_and_become_newlines() -> None:
    table = read_table(b'text,accounts\r\n"one\r\ntwo",Arkisto\r\nnext,Arkisto\r\n')
    assert table.rows[1] == ("one\ntwo", "Arkisto") and table.rows[2][0] == "next"


# ---------------------------------------------------------------- cells


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-11-21", None, (2026, 11, 21)),
        ("21.11.2026", None, (2026, 11, 21)),
        ("1.2.2027", None, (2027, 2, 1)),
        ("21/11/2026", None, (2026, 11, 21)),
        ("11/21/2026", None, (2026, 11, 21)),
        ("03/04/2026", DateOrder.DAY_FIRST, (2026, 4, 3)),
        ("03/04/2026", DateOrder.MONTH_FIRST, (2026, 3, 4)),
        ("05/05/2026", None, (2026, 5, 5)),
    ],
)
def test_dates(text: str, order: DateOrder | None, expected: tuple[int, int, int]) -> None:
    assert parse_date(text, order).timetuple()[:3] == expected


@pytest.mark.parametrize("text", ["31.2.2026", "2026-13-01", "tomorrow", "21.11.26", ""])
def test_bad_dates(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert caught.value.code == "csv.bad_date"


def test_an_unclear_slashed_date_is_never_guessed() -> None:
    with pytest.raises(CellError) as caught:
        parse_date("03/04/2026")
    assert caught.value.code == "csv.ambiguous_date"
    assert "2026-04-03" in render(caught.value.code, "en", caught.value.params)


def test_times() -> None:
    assert str(parse_time("9.00").wall) == "09:00:00"
    assert str(parse_time("23:59:30").wall) == "23:59:30"
    assert parse_time("03:30+03:00").offset is not None
    for bad in ("24:00", "9", "9:00 PM", "klo 9"):
        with pytest.raises(CellError):
            parse_time(bad)


def test_every_message_has_the_same_placeholders_in_both_languages() -> None:
    from somestudio.domain.csv_problems import _CATALOGUE  # noqa: PLC0415

    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert codes() == set(_CATALOGUE)
    for code, (english, finnish) in _CATALOGUE.items():
        assert names(english) == names(finnish), code


# ---------------------------------------------------------------- layouts


def test_own_headings_in_finnish_and_english() -> None:
    columns = find_columns(["Teksti", "Tilit", "Päivä", "Aika", "Aikavyöhyke", "alt_text"])
    assert columns.layout is Layout.NATIVE and not columns.problems
    assert columns.fields[Field.ALT_TEXT] == 5


def test_buffer_headings() -> None:
    columns = find_columns(["Text", "Image URL", "Tags", "Posting Time"])
    assert columns.layout is Layout.BUFFER
    assert columns.fields == {Field.TEXT: 0, Field.MEDIA: 1, Field.LABELS: 2, Field.WHEN: 3}


def test_hootsuite_rows_have_no_headings() -> None:
    columns = find_columns(["21/11/2026 09:00", "Hello", "https://example.com"])
    assert columns.layout is Layout.HOOTSUITE and columns.data_start == 0


def test_unknown_and_duplicate_headings_are_named() -> None:
    result = plan("text,tekst,accounts,tilit\nx,y,Arkisto,Arkisto\n")
    assert where(result) == [(1, "B", "csv.unknown_heading"), (1, "D", "csv.duplicate_heading")]
    assert "tekst" in result.problems[0].message("en")


# ---------------------------------------------------------------- rows


def test_rows_become_posts_in_utc() -> None:
    result = plan(
        "text;accounts;date;time;zone;labels;draft\n"
        "Hei!;Arkisto, mastodon;21.11.2026;9.00;;Joulu, Kampanja;\n"
        "Luonnos;Kahvila X;;;;;kyllä\n"
        "NY;3;2026-11-21;09:00;America/New_York;;no\n"
    )
    assert result.problems == ()
    first, second, third = result.rows
    assert first.account_ids == (3, 2) and first.at == datetime(2026, 11, 21, 7, tzinfo=UTC)
    assert first.labels == ("Joulu", "Kampanja") and not first.draft
    assert second.at is None and second.draft and second.account_ids == (1,)
    assert third.at == datetime(2026, 11, 21, 14, tzinfo=UTC) and third.zone == "America/New_York"


def test_a_time_problem_quotes_the_moment_as_the_cells_wrote_it() -> None:
    """Not as ISO ("2027-03-28 03:30"): the words the user can look for in their file."""
    result = plan(
        "text;accounts;date;time\n"
        "gap;Arkisto;28.3.2027;3.30\n"
        "old;Arkisto;1.1.2020;9.00\n"
        "twice;Arkisto;31.10.2027;3.30\n"
    )
    gap, old, twice = (p.message("fi") for p in result.problems)
    assert gap.startswith("Aikaa 28.3.2027 3.30 ei ole vyöhykkeellä Europe/Helsinki")
    assert old.startswith("1.1.2020 9.00 (Europe/Helsinki) ")
    assert twice.startswith("31.10.2027 3.30 toistuu")
    assert "2027-" not in gap + twice and "2020-" not in old


def test_every_row_problem_names_row_and_column() -> None:
    result = plan(
        "text,accounts,date,time,zone\n"
        "ok,Arkisto,2026-11-21,09:00,\n"
        "bad date,Arkisto,2026-02-30,09:00,\n"
        "who,Nobody,2026-11-21,09:00,\n"
        "old,Arkisto,2020-01-01,09:00,\n"
        "gap,Arkisto,2027-03-28,03:30,\n"
        "twice,Arkisto,2027-10-31,03:30,\n"
        "zone,Arkisto,2026-11-21,09:00,Mars/Olympus\n"
        "local,local,2026-11-21,09:00,\n"
        ",Arkisto,2026-11-21,09:00,\n"
        "time,Arkisto,2026-11-21,9 am,\n"
    )
    assert where(result) == [
        (3, "C", "csv.bad_date"),
        (4, "B", "csv.unknown_account"),
        (5, "C", "csv.in_past"),
        (6, "D", "csv.time_gap"),
        (7, "D", "csv.time_twice"),
        (8, "E", "csv.unknown_zone"),
        (9, "B", "csv.ambiguous_account"),
        (10, "A", "csv.empty_post"),
        (11, "D", "csv.bad_time"),
    ]
    messages = [p.line() for p in result.problems]
    assert messages[0].startswith("3:C (date): ")
    assert "03:30+03:00" in messages[4] and "03:30+02:00" in messages[4]
    # each account as the file can name it, told apart by its network (a demo's four
    # "Kahvila Aurinko"s were one name four times: a new user's finding)
    assert messages[1].endswith(
        "accounts here: Kahvila X (X), @aurinko (Mastodon), Arkisto (Local archive), "
        "Toinen (Local archive)."
    )


def test_an_offset_picks_one_of_the_two_instants() -> None:
    result = plan(
        "text,accounts,date,time\nfirst,Arkisto,2027-10-31,03:30+03:00\n"
        "second,Arkisto,2027-10-31,03:30+02:00\nwrong,Arkisto,2027-10-31,03:30+05:00\n"
    )
    assert [r.at for r in result.rows] == [
        datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
        datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
    ]
    assert where(result) == [(4, "D", "csv.offset_mismatch")]


def test_buffer_file_takes_accounts_from_the_caller() -> None:
    data = "Text,Image URL,Tags,Posting Time\nHello,,news,2026-11-21 09:00\n"
    refused = plan(data)
    assert where(refused) == [(2, "", "csv.no_accounts")]
    result = plan(data, ImportOptions("Europe/Helsinki", NOW, accounts=(3,)))
    (row,) = result.rows
    assert row.account_ids == (3,) and row.labels == ("news",)
    url = plan(
        "Text,Image URL,Tags,Posting Time\nHi,https://x.example/a.jpg,,2026-11-21 09:00\n",
        ImportOptions("Europe/Helsinki", NOW, accounts=(3,)),
    )
    assert where(url) == [(2, "B", "csv.media_url")]


def test_hootsuite_file_appends_the_link_and_asks_the_date_order() -> None:
    options = ImportOptions("Europe/Helsinki", NOW, accounts=(3,))
    result = plan(
        "21/11/2026 09:00,Uusi blogi,https://example.com/b\n03/12/2026 10:30,Toinen,\n",
        options,
    )
    assert result.layout is Layout.HOOTSUITE
    assert where(result) == [(2, "A", "csv.ambiguous_date")]
    options = ImportOptions("Europe/Helsinki", NOW, accounts=(3,), date_order=DateOrder.DAY_FIRST)
    result = plan(
        "21/11/2026 09:00,Uusi blogi,https://example.com/b\n03/12/2026 10:30,Toinen\n", options
    )
    assert result.problems == ()
    assert result.rows[0].text == "Uusi blogi https://example.com/b"
    assert result.rows[1].at == datetime(2026, 12, 3, 8, 30, tzinfo=UTC)


def test_empty_files() -> None:
    assert where(plan("")) == [(0, "", "csv.empty")]
    assert where(plan("text,accounts\n\n")) == [(0, "", "csv.no_rows")]


def test_alt_texts_keep_their_places() -> None:
    result = plan(
        'text,accounts,date,time,media,alt_text\nx,Arkisto,2026-11-21,09:00,"a.png\nb.png",'
        '"\nToinen kuva"\n'
    )
    assert result.rows[0].media == ("a.png", "b.png")
    assert result.rows[0].alt_texts == ("", "Toinen kuva")


# ---------------------------------------------------------------- export and round trip


def test_account_names_fall_back_to_ids() -> None:
    assert account_name(ACCOUNTS[0], ACCOUNTS) == "Kahvila X"
    odd = Account(9, Network.LOCAL, "x", "Kahvila, Tampere")
    assert account_name(odd, [*ACCOUNTS, odd]) == "9"


_cell_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00"), max_size=40
)
_name = st.sampled_from(["Arkisto", "Kahvila X", "mastodon", "4"])


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(_cell_text.filter(lambda t: t.strip()), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    names=st.lists(_name, min_size=1, max_size=3, unique=True),
)
def test_written_csv_reads_back_to_the_same_rows(
    texts: list[str], delimiter: str, bom: bool, names: list[str]
) -> None:
    rows = [
        ExportRow(t, tuple(names), f"2026-12-0{i % 9 + 1}", "09:15", "Europe/Helsinki")
        for i, t in enumerate(texts)
    ]
    table = read_table(write_csv(rows, delimiter=delimiter, bom=bom).encode())
    assert table.delimiter == delimiter or len(table.rows[0]) == 9
    result = plan_rows(table, ACCOUNTS, OPTIONS)
    assert result.problems == ()
    assert [r.text for r in result.rows] == texts
    expected_ids = tuple(
        dict.fromkeys({"Arkisto": 3, "Kahvila X": 1, "mastodon": 2, "4": 4}[n] for n in names)
    )
    assert all(r.account_ids == expected_ids for r in result.rows)
