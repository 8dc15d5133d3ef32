"""Writing planned posts as CSV in Some Studio's own layout, which the import reads back to
the same posts: the wall time in the post's own zone, accounts by name (by id when a name
would not name one account), media and alt texts one per line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from somestudio.domain.csv_columns import EXPORT_HEADINGS
from somestudio.domain.csv_rows import match_account
from somestudio.domain.csv_values import NAME_SEPARATORS
from somestudio.domain.posts import Account
from somestudio.domain.spreadsheet_cells import safe_writer

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class ExportRow:
    text: str
    accounts: tuple[str, ...]  # as written in the accounts cell
    date: str  # "2026-11-21" (wall date in ``zone``), "" for an undated draft
    time: str  # "09:00" or "09:00:30"
    zone: str
    media: tuple[str, ...] = ()
    alt_texts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    draft: bool = False


def account_name(account: Account, accounts: Sequence[Account]) -> str:
    """How to write ``account`` so that the import finds it again, and only it."""
    name = account.label
    if NAME_SEPARATORS.search(name) is None and name.strip() == name:
        found = match_account(name, accounts)
        if [a.id for a in found] == [account.id]:
            return name
    return str(account.id)


def write_csv(rows: Iterable[ExportRow], *, delimiter: str = ",", bom: bool = True) -> str:
    """The rows as CSV text (write it as UTF-8); a BOM lets spreadsheets see it is UTF-8."""
    buffer = io.StringIO(newline="")
    # Formula cells made inert (OWASP); the import restores them (domain.spreadsheet_cells).
    writer = safe_writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([heading for heading, _ in EXPORT_HEADINGS])
    for row in rows:
        writer.writerow(
            [
                row.text,
                ", ".join(row.accounts),
                row.date,
                row.time,
                row.zone,
                "\n".join(row.media),
                "\n".join(" ".join(a.split()) for a in row.alt_texts) if any(row.alt_texts) else "",
                ", ".join(row.labels),
                "yes" if row.draft else "",
            ]
        )
    return (BOM if bom else "") + buffer.getvalue()
