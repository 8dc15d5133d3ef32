"""Cells a spreadsheet would run as formulas, made inert (CSV formula injection).

Excel and LibreOffice treat a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (``=HYPERLINK(...)``, ``=cmd|...``). Following OWASP's advice,
an exported cell that starts so gets a leading apostrophe, which the spreadsheet shows as
text. Plain numbers (``-12``, ``-3.5``) stay numbers. The import takes the apostrophe off
again, so an export still re-imports to the same posts.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any, Protocol

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?%?")


def _risky(value: str) -> bool:
    return value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value)


def neutralise(value: str) -> str:
    """``value`` as a cell no spreadsheet evaluates (a text that already starts with
    apostrophes before a trigger gets one more, so ``restore`` is its exact inverse)."""
    if _risky(value) or (value.startswith("'") and _risky(value.lstrip("'"))):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The text ``neutralise`` was given."""
    if value.startswith("'") and _risky(value.lstrip("'")):
        return value[1:]
    return value


class RowWriter(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


class _SafeWriter:
    def __init__(self, writer: RowWriter) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(
            [neutralise(cell) if isinstance(cell, str) else cell for cell in row]
        )


def safe_writer(handle: IO[str], **options: Any) -> RowWriter:
    """``csv.writer(handle, **options)`` whose text cells are neutralised."""
    return _SafeWriter(csv.writer(handle, **options))
