"""Reading a CSV file's bytes into rows of cells, as a spreadsheet program would show them.

Encodings: UTF-8 with or without a byte order mark (what "CSV UTF-8" saves), UTF-16 and
UTF-32 with a byte order mark ("Unicode text"), and — only when asked for — Windows-1252,
which is what a spreadsheet's plain "CSV" is in Finland and the rest of Western Europe. It is
never guessed: nearly every byte sequence is valid in it, so a wrong guess would quietly turn a
UTF-8 "ä" into "Ã¤". A file that is not UTF-8 is a problem that names the row, the column and
the byte, and says which choice reads it.

Separators: comma, semicolon (what a Finnish spreadsheet saves) or tab, read off the first
row; an Excel ``sep=;`` first line is honoured. Row numbers count rows as a spreadsheet
does (a quoted cell with line breaks is still one row); the header is row 1. A cell holds at
most ``csv.field_size_limit()`` characters (131,072), far more than any post.
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass
from enum import StrEnum

from somestudio.domain.csv_problems import CsvProblem, problem
from somestudio.domain.spreadsheet_cells import restore

DELIMITERS = (",", ";", "\t")


class TextEncoding(StrEnum):
    UTF8 = "utf-8"  # with or without a BOM; UTF-16 with a BOM is recognised too
    CP1252 = "cp1252"  # Windows-1252, what a spreadsheet's plain "CSV" is in Western Europe


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # rows[i] is spreadsheet row first_row + i
    delimiter: str
    first_row: int = 1  # 2 when a "sep=" line came first


class CsvReadError(ValueError):
    def __init__(self, found: CsvProblem) -> None:
        super().__init__(found.line())
        self.problem = found


def decode(data: bytes, encoding: TextEncoding = TextEncoding.UTF8) -> str:
    """The text of ``data``; raises ``CsvReadError`` naming the row, column and byte at fault."""
    # UTF-32's marks first: the little-endian one begins with UTF-16's (FF FE).
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError as exc:
            raise CsvReadError(problem(0, -1, "csv.bad_utf32", byte=exc.start)) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CsvReadError(problem(0, -1, "csv.bad_utf16", byte=exc.start)) from exc
    body, skipped = (data[3:], 3) if data.startswith(b"\xef\xbb\xbf") else (data, 0)
    codec = "utf-8" if encoding is TextEncoding.UTF8 else "cp1252"
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        bad = exc.start
        prefix = body[:bad].decode(codec)
        row, column = _position(prefix)
        code = "csv.not_utf8" if encoding is TextEncoding.UTF8 else "csv.not_cp1252"
        raise CsvReadError(
            problem(row, column, code, byte=bad + skipped, value=f"{body[bad]:02X}")
        ) from exc


def read_table(data: bytes, encoding: TextEncoding = TextEncoding.UTF8) -> Table:
    """The file's rows; raises ``CsvReadError`` for an encoding or quoting problem."""
    text = decode(data, encoding)
    first_row = 1
    head, newline, rest = text.partition("\n")
    if head.rstrip("\r").lower().startswith("sep=") and len(head.rstrip("\r")) == 5:
        delimiter = head.rstrip("\r")[4]
        text = rest if newline else ""
        first_row = 2
    else:
        delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[str, ...]] = []
    try:
        rows.extend(tuple(_cell(c) for c in record) for record in reader)
    except csv.Error as exc:
        row = len(rows) + first_row
        if "field larger than field limit" in str(exc):  # not a quoting problem at all
            limit = csv.field_size_limit()
            raise CsvReadError(problem(row, -1, "csv.cell_too_large", limit=limit)) from exc
        raise CsvReadError(problem(row, -1, "csv.bad_quotes", reason=str(exc))) from exc
    return Table(tuple(rows), delimiter, first_row)


def detect_delimiter(text: str) -> str:
    """The separator used most in the first row (outside quotes); a comma when none is."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            if char in "\r\n":
                break
            if char in counts:
                counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _position(prefix: str) -> tuple[int, int]:
    """Row (1-based) and column (0-based) where text that ends after ``prefix`` is."""
    delimiter = detect_delimiter(prefix)
    reader = csv.reader(io.StringIO(prefix, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    with contextlib.suppress(csv.Error):  # the prefix may end inside a quoted cell
        records.extend(reader)
    if not records or prefix.endswith(("\n", "\r")):
        return len(records) + 1, 0
    return len(records), max(0, len(records[-1]) - 1)


def _cell(value: str) -> str:
    # An exported formula-like cell carries a protecting apostrophe (spreadsheet_cells).
    value = restore(value)
    # A line break inside a quoted cell comes back as the file wrote it; posts use "\n".
    return value.replace("\r\n", "\n").replace("\r", "\n")
