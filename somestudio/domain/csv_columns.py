"""Which column of an imported CSV holds what: Some Studio's own headings (English or
Finnish), Buffer's bulk-upload headings, or Hootsuite's bulk-composer layout, which has no
headings at all (date and time, message, link in columns A–C).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from somestudio.domain.csv_problems import CsvProblem, column_letter, problem
from somestudio.domain.csv_values import CellError, parse_date, split_when


class Field(StrEnum):
    TEXT = "text"
    ACCOUNTS = "accounts"
    DATE = "date"
    TIME = "time"
    WHEN = "when"  # date and time in one cell (Buffer's "Posting Time", Hootsuite's column A)
    ZONE = "zone"
    MEDIA = "media"
    ALT_TEXT = "alt_text"
    LABELS = "labels"
    LINK = "link"
    DRAFT = "draft"


class Layout(StrEnum):
    NATIVE = "somestudio"
    BUFFER = "buffer"
    HOOTSUITE = "hootsuite"


# Headings compared case-insensitively, with "_" and "-" read as spaces.
HEADINGS: dict[str, Field] = {
    # Some Studio's own, in English and Finnish (what the export writes first)
    "text": Field.TEXT,
    "teksti": Field.TEXT,
    "message": Field.TEXT,
    "viesti": Field.TEXT,
    "accounts": Field.ACCOUNTS,
    "account": Field.ACCOUNTS,
    "tilit": Field.ACCOUNTS,
    "tili": Field.ACCOUNTS,
    "date": Field.DATE,
    "päivä": Field.DATE,
    "päivämäärä": Field.DATE,
    "time": Field.TIME,
    "aika": Field.TIME,
    "kellonaika": Field.TIME,
    "zone": Field.ZONE,
    "time zone": Field.ZONE,
    "timezone": Field.ZONE,
    "aikavyöhyke": Field.ZONE,
    "media": Field.MEDIA,
    "kuvat": Field.MEDIA,
    "alt text": Field.ALT_TEXT,
    "alt texts": Field.ALT_TEXT,
    "vaihtoehtoinen teksti": Field.ALT_TEXT,
    "alt teksti": Field.ALT_TEXT,
    "labels": Field.LABELS,
    "label": Field.LABELS,
    "campaign": Field.LABELS,
    "tunnisteet": Field.LABELS,
    "kampanja": Field.LABELS,
    "link": Field.LINK,
    "linkki": Field.LINK,
    "url": Field.LINK,
    "draft": Field.DRAFT,
    "luonnos": Field.DRAFT,
    # Buffer's bulk upload: Text, Image URL, Tags, Posting Time ("YYYY-MM-DD HH:mm")
    "image url": Field.MEDIA,
    "tags": Field.LABELS,
    "posting time": Field.WHEN,
}
BUFFER_HEADINGS = frozenset({"image url", "tags", "posting time"})
HOOTSUITE_FIELDS = (Field.WHEN, Field.TEXT, Field.LINK)
EXPORT_HEADINGS = (
    ("text", Field.TEXT),
    ("accounts", Field.ACCOUNTS),
    ("date", Field.DATE),
    ("time", Field.TIME),
    ("zone", Field.ZONE),
    ("media", Field.MEDIA),
    ("alt_text", Field.ALT_TEXT),
    ("labels", Field.LABELS),
    ("draft", Field.DRAFT),
)


@dataclass(frozen=True, slots=True)
class Columns:
    layout: Layout
    fields: dict[Field, int]  # field → 0-based column
    headings: tuple[str, ...]  # as written ("" for Hootsuite's)
    data_start: int  # index of the first data row in the table's rows
    problems: tuple[CsvProblem, ...] = field(default=())

    def heading(self, column: int) -> str:
        if column < len(self.headings) and self.headings[column]:
            return self.headings[column]
        names = {index: f.value for f, index in self.fields.items()}
        return names.get(column, "")

    def letter(self, name: Field) -> str:
        return column_letter(self.fields[name])


def normal(heading: str) -> str:
    return " ".join(heading.replace("_", " ").replace("-", " ").split()).casefold()


def find_columns(first: Sequence[str], first_row: int = 1) -> Columns:
    """The layout read off the file's first row (``first_row`` is its spreadsheet number)."""
    names = [normal(h) for h in first]
    if not any(n in HEADINGS for n in names) and _looks_like_hootsuite(first):
        at = {f: i for i, f in enumerate(HOOTSUITE_FIELDS) if i < len(first)}
        return Columns(Layout.HOOTSUITE, at, ("",) * len(first), 0)
    layout = Layout.BUFFER if BUFFER_HEADINGS & set(names) else Layout.NATIVE
    fields: dict[Field, int] = {}
    problems: list[CsvProblem] = []
    known = ", ".join(h for h, _ in EXPORT_HEADINGS)
    for index, (written, name) in enumerate(zip(first, names, strict=True)):
        if not name:
            continue  # an empty heading: its cells are checked to be empty per row
        found = HEADINGS.get(name)
        if found is None:
            problems.append(
                problem(first_row, index, "csv.unknown_heading", written, name=written, known=known)
            )
        elif found in fields:
            other = column_letter(fields[found])
            problems.append(
                problem(
                    first_row, index, "csv.duplicate_heading", written, name=written, other=other
                )
            )
        else:
            fields[found] = index
    if Field.TEXT not in fields:
        problems.append(problem(first_row, -1, "csv.no_text_column"))
    if Field.WHEN in fields and (Field.DATE in fields or Field.TIME in fields):
        problems.append(problem(first_row, fields[Field.WHEN], "csv.date_and_when", "when"))
    elif (Field.DATE in fields) != (Field.TIME in fields):
        problems.append(problem(first_row, -1, "csv.date_without_time"))
    return Columns(layout, fields, tuple(first), 1, tuple(problems))


def _looks_like_hootsuite(first: Sequence[str]) -> bool:
    if not 2 <= len(first) <= len(HOOTSUITE_FIELDS):
        return False
    day, clock = split_when(first[0])
    if not clock:
        return False
    try:
        parse_date(day)
    except CellError as exc:
        return exc.code == "csv.ambiguous_date"
    return True
