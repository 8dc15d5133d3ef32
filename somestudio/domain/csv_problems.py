"""A problem with one cell (or row, or the whole file) of an imported CSV, in English and
Finnish. Every problem names its row as a spreadsheet numbers it (the header is row 1) and
its column by letter and heading, so the user can find it in the program they wrote it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from somestudio.domain.messages import Catalogue, language


class Blocking(StrEnum):
    ERROR = "error"  # nothing is imported while any is left
    WARNING = "warning"  # shown in the preview; the import can go ahead


@dataclass(frozen=True, slots=True, order=True)
class CsvProblem:
    row: int  # 1-based spreadsheet row; 0: the file as a whole
    column: int  # 0-based column; -1: the row (or file) as a whole
    code: str
    heading: str = ""  # the column's heading in the file ("" for a file without headings)
    params: tuple[tuple[str, str | int], ...] = ()
    severity: Blocking = Blocking.ERROR

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, dict(self.params))

    def where(self, lang: str = "en") -> str:
        """``3:C (date)`` — row and column the way a spreadsheet shows them."""
        if self.row == 0:
            return _WORDS["file"][language(lang)]
        if self.column < 0:
            return str(self.row)
        letter = column_letter(self.column)
        return f"{self.row}:{letter}" + (f" ({self.heading})" if self.heading else "")

    def line(self, lang: str = "en") -> str:
        return f"{self.where(lang)}: {self.message(lang)}"


def problem(
    row: int,
    column: int,
    code: str,
    heading: str = "",
    *,
    warning: bool = False,
    **params: str | int,
) -> CsvProblem:
    return CsvProblem(
        row,
        column,
        code,
        heading,
        tuple(params.items()),
        Blocking.WARNING if warning else Blocking.ERROR,
    )


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as spreadsheets name columns."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_WORDS = {"file": ("file", "tiedosto")}

_CATALOGUE: dict[str, tuple[str, str]] = {
    "csv.not_utf8": (
        "the file is not UTF-8: byte {byte} (0x{value}) cannot be read. If a spreadsheet saved "
        'it as plain "CSV", read it as Windows-1252, or save it again as "CSV UTF-8".',
        "tiedosto ei ole UTF-8-muodossa: tavua {byte} (0x{value}) ei voi lukea. Jos "
        "taulukko-ohjelma tallensi sen tavallisena CSV:nä, lue se Windows-1252-merkistöllä tai "
        'tallenna se uudelleen muodossa "CSV UTF-8".',
    ),
    "csv.not_cp1252": (
        "byte {byte} (0x{value}) is not a Windows-1252 character; is the file UTF-8?",
        "tavu {byte} (0x{value}) ei ole Windows-1252-merkki; onko tiedosto UTF-8-muodossa?",
    ),
    "csv.bad_utf16": (
        "the file starts like UTF-16 but byte {byte} cannot be read.",
        "tiedosto alkaa kuin UTF-16, mutta tavua {byte} ei voi lukea.",
    ),
    "csv.bad_quotes": (
        "a quoted cell is not closed or has text after its closing quote ({reason}).",
        "lainausmerkeissä oleva solu jää auki tai sen perässä on tekstiä ({reason}).",
    ),
    "csv.year_out_of_range": (
        '"{value}": the year is outside the years Some Studio plans for ({first}–{last}).',
        '"{value}": Some Studio hyväksyy vain vuodet {first}–{last}.',
    ),
    "csv.cell_too_large": (
        "a cell is longer than {limit} characters, the most a cell may hold; shorten it "
        "(a post is far shorter) or check that a quote is not missing.",
        "solu on pidempi kuin {limit} merkkiä, joka on solun enimmäispituus; lyhennä sitä "
        "(julkaisu on paljon lyhyempi) tai tarkista, ettei lainausmerkki puutu.",
    ),
    "csv.bad_utf32": (
        "the file starts like UTF-32 but byte {byte} cannot be read.",
        "tiedosto alkaa kuin UTF-32, mutta tavua {byte} ei voi lukea.",
    ),
    "csv.too_large": (
        "the file is larger than {limit} MB, the most one import reads; split it into "
        "smaller files.",
        "tiedosto on yli {limit} Mt, ja yksi tuonti lukee enintään sen verran; jaa se "
        "pienempiin tiedostoihin.",
    ),
    "csv.not_a_file": (
        "this is not a regular file (it is a FIFO, a device or a folder); choose a CSV file.",
        "tämä ei ole tavallinen tiedosto (vaan nimetty putki, laite tai kansio); valitse "
        "CSV-tiedosto.",
    ),
    "csv.empty": (
        "the file has no rows.",
        "tiedostossa ei ole rivejä.",
    ),
    "csv.no_rows": (
        "the file has headings but no posts under them.",
        "tiedostossa on otsikot mutta ei julkaisuja niiden alla.",
    ),
    "csv.unknown_heading": (
        'unknown column "{name}"; known columns: {known}.',
        'tuntematon sarake "{name}"; tunnetut sarakkeet: {known}.',
    ),
    "csv.duplicate_heading": (
        'the column "{name}" is there twice (also column {other}).',
        'sarake "{name}" on kahdesti (myös sarake {other}).',
    ),
    "csv.no_text_column": (
        "no text column; the first row must name the columns (text, accounts, date, time, …).",
        "tekstisarake puuttuu; ensimmäisen rivin on nimettävä sarakkeet (text/teksti, "
        "accounts/tilit, date/päivä, time/aika, …).",
    ),
    "csv.date_and_when": (
        "a date-and-time column and separate date or time columns cannot both be used.",
        "yhdistettyä päivä-ja-aika-saraketta ja erillisiä päivä- tai aikasarakkeita ei voi "
        "käyttää yhtä aikaa.",
    ),
    "csv.date_without_time": (
        "there is a date column but no time column (or the other way round).",
        "päiväsarake on mutta aikasarake puuttuu (tai toisin päin).",
    ),
    "csv.no_accounts": (
        "no accounts: add an accounts column, or choose the accounts for this file.",
        "tilit puuttuvat: lisää tilisarake tai valitse tiedoston tilit.",
    ),
    "csv.too_many_cells": (
        "the row has {count} cells but there are only {limit} columns.",
        "rivillä on {count} solua, mutta sarakkeita on vain {limit}.",
    ),
    "csv.empty_post": (
        "the post is empty: write some text or give media.",
        "julkaisu on tyhjä: kirjoita tekstiä tai anna media.",
    ),
    "csv.bad_date": (
        '"{value}" is not a date; write 2026-11-21 or 21.11.2026.',
        '"{value}" ei ole päivämäärä; kirjoita 2026-11-21 tai 21.11.2026.',
    ),
    "csv.ambiguous_date": (
        '"{value}" could be {first} or {second}; choose the date order (day/month or '
        "month/day) for this file.",
        '"{value}" voi olla {first} tai {second}; valitse tiedoston päivämääräjärjestys '
        "(päivä/kuukausi tai kuukausi/päivä).",
    ),
    "csv.bad_time": (
        '"{value}" is not a time of day; write 09:00 or 9.00 (24-hour clock).',
        '"{value}" ei ole kellonaika; kirjoita 09:00 tai 9.00 (24 tunnin kello).',
    ),
    "csv.missing_time": (
        "a date needs a time as well (or leave both empty for an undated draft).",
        "päivämäärä tarvitsee myös kellonajan (tai jätä molemmat tyhjiksi, jolloin julkaisusta "
        "tulee päiväämätön luonnos).",
    ),
    "csv.missing_date": (
        "a time needs a date as well.",
        "kellonaika tarvitsee myös päivämäärän.",
    ),
    "csv.undated_scheduled": (
        "a post that is not a draft needs a date and time.",
        "julkaisu, joka ei ole luonnos, tarvitsee päivämäärän ja kellonajan.",
    ),
    "csv.unknown_zone": (
        '"{value}" is not a known time zone; write an IANA name such as Europe/Helsinki.',
        '"{value}" ei ole tunnettu aikavyöhyke; kirjoita IANA-nimi, esim. Europe/Helsinki.',
    ),
    "csv.time_gap": (
        "{wall} does not exist in {zone}: the clocks jump from {gap_start} to {gap_end} that "
        "day. Choose another time.",
        "Aikaa {wall} ei ole vyöhykkeellä {zone}: kellot siirtyvät sinä päivänä {gap_start} → "
        "{gap_end}. Valitse toinen aika.",
    ),
    "csv.time_twice": (
        "{wall} happens twice in {zone}; write {time}{first} for the first or {time}{second} "
        "for the second.",
        "{wall} toistuu vyöhykkeellä {zone}; kirjoita {time}{first} ensimmäiselle tai "
        "{time}{second} toiselle.",
    ),
    "csv.offset_mismatch": (
        "{zone} is not at UTC{offset} at {wall}.",
        "Vyöhyke {zone} ei ole ajassa UTC{offset} hetkellä {wall}.",
    ),
    "csv.in_past": (
        "{wall} ({zone}) is in the past; choose a later time or mark the row a draft.",
        "{wall} ({zone}) on mennyt jo; valitse myöhempi aika tai merkitse rivi luonnokseksi.",
    ),
    "csv.bad_flag": (
        '"{value}" is not yes or no.',
        '"{value}" ei ole kyllä tai ei.',
    ),
    "csv.unknown_account": (
        'no account "{value}"; accounts here: {known}.',
        'tiliä "{value}" ei ole; tilit: {known}.',
    ),
    "csv.ambiguous_account": (
        '"{value}" names several accounts ({ids}); write id:N for the account with id N, '
        "or name:{value} for the one named so.",
        '"{value}" viittaa useaan tiliin ({ids}); kirjoita id:N, kun tarkoitat tiliä, jonka '
        "tunnus on N, tai name:{value}, kun tarkoitat tiliä, jonka nimi se on.",
    ),
    "csv.too_many_alt_texts": (
        "{count} alt texts for {limit} media files.",
        "{count} vaihtoehtoista tekstiä {limit} mediatiedostolle.",
    ),
    "csv.media_url": (
        "{value} is a web address; Some Studio attaches files from this computer. Download it "
        "and give its path.",
        "{value} on verkko-osoite; Some Studio liittää tiedostoja tältä tietokoneelta. Lataa "
        "se ja anna sen polku.",
    ),
    "csv.media_missing": (
        "media file {value} does not exist.",
        "mediatiedostoa {value} ei ole.",
    ),
    "csv.guideline": (
        "{message}",
        "{message}",
    ),
    "csv.channel": (
        "{account}: {message}",
        "{account}: {message}",
    ),
}


_MESSAGES = Catalogue(_CATALOGUE)
render = _MESSAGES.render
codes = _MESSAGES.codes
