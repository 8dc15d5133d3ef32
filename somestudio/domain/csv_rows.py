"""From a CSV's rows to the posts they describe, with every problem named by row and column.

Pure: accounts are matched against the list given, times are turned into UTC instants by
``timeplan`` (a wall time the clocks skip or repeat is a problem, never a shift), and "now"
is passed in. Reading media files and checking each channel's limits is ``app.csv_import``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from somestudio.domain.csv_columns import Columns, Field, Layout, find_columns
from somestudio.domain.csv_problems import CsvProblem, problem
from somestudio.domain.csv_table import Table
from somestudio.domain.csv_values import (
    CellError,
    DateOrder,
    format_offset,
    parse_date,
    parse_flag,
    parse_time,
    split_alt_texts,
    split_list,
    split_names,
    split_when,
)
from somestudio.domain.posts import Account
from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    UnknownZoneError,
    to_local,
    to_utc,
    zone_for,
)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    zone: str  # for rows without a zone
    now: datetime  # aware; a scheduled row must be later
    accounts: tuple[int, ...] = ()  # for rows without accounts (Buffer, Hootsuite)
    date_order: DateOrder | None = None  # for slashed dates: never guessed when unclear


@dataclass(frozen=True, slots=True)
class PlannedRow:
    row: int  # spreadsheet row number
    text: str
    account_ids: tuple[int, ...]
    at: datetime | None  # UTC; None for an undated draft
    zone: str
    draft: bool
    media: tuple[str, ...] = ()  # paths as written (relative ones are read beside the file)
    alt_texts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RowsPlan:
    layout: Layout
    columns: Columns
    rows: tuple[PlannedRow, ...]
    problems: tuple[CsvProblem, ...] = field(default=())


def plan_rows(table: Table, accounts: Sequence[Account], options: ImportOptions) -> RowsPlan:
    """The posts in ``table``; ``problems`` lists everything wrong (any error: import none)."""
    if not any(any(c.strip() for c in row) for row in table.rows):
        empty = find_columns((), table.first_row)
        return RowsPlan(Layout.NATIVE, empty, (), (problem(0, -1, "csv.empty"),))
    columns = find_columns(table.rows[0], table.first_row)
    problems = list(columns.problems)
    reader = _RowReader(columns, accounts, options)
    planned: list[PlannedRow] = []
    if not problems:
        for index in range(columns.data_start, len(table.rows)):
            cells = table.rows[index]
            if not any(c.strip() for c in cells):
                continue
            row, found = reader.read(index + table.first_row, cells)
            problems += found
            if row is not None:
                planned.append(row)
        if not planned and not problems:
            problems.append(problem(0, -1, "csv.no_rows"))
    return RowsPlan(columns.layout, columns, tuple(planned), tuple(sorted(problems)))


class _RowReader:
    def __init__(
        self, columns: Columns, accounts: Sequence[Account], options: ImportOptions
    ) -> None:
        self.columns = columns
        self.accounts = list(accounts)
        self.options = options

    def read(self, row: int, cells: Sequence[str]) -> tuple[PlannedRow | None, list[CsvProblem]]:
        self.row = row
        self.cells = cells
        self.found: list[CsvProblem] = []
        width = len(self.columns.headings)
        extra = [i for i in range(width, len(cells)) if cells[i].strip()]
        if extra:
            self.found.append(
                problem(row, extra[0], "csv.too_many_cells", count=len(cells), limit=width)
            )
        hootsuite = self.columns.layout is Layout.HOOTSUITE
        for index, heading in enumerate(self.columns.headings):
            if (
                not hootsuite
                and not heading.strip()
                and index < len(cells)
                and cells[index].strip()
            ):
                self.found.append(
                    problem(row, index, "csv.unknown_heading", name="", known="text, …")
                )
        text = self._text()
        draft = self._draft()
        zone = self._zone()
        at = self._when(zone, draft)
        media = tuple(split_list(self.cell(Field.MEDIA)))
        alts = tuple(split_alt_texts(self.cell(Field.ALT_TEXT)))
        if len(alts) > len(media):
            self.add(Field.ALT_TEXT, "csv.too_many_alt_texts", count=len(alts), limit=len(media))
        for path in media:
            if path.casefold().startswith(("http://", "https://")):
                self.add(Field.MEDIA, "csv.media_url", value=path)
        if not text.strip() and not media:
            self.add(Field.TEXT, "csv.empty_post")
        account_ids = self._accounts()
        labels = tuple(dict.fromkeys(split_names(self.cell(Field.LABELS))))
        if self.found or zone is None:
            return None, self.found
        return (
            PlannedRow(row, text, account_ids, at, zone, draft, media, alts, labels),
            self.found,
        )

    # -- cells
    def __contains__(self, name: Field) -> bool:
        return name in self.columns.fields

    def cell(self, name: Field) -> str:
        index = self.columns.fields.get(name)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    def add(self, name: Field | None, code: str, **params: str | int) -> None:
        index = -1 if name is None else self.columns.fields.get(name, -1)
        heading = self.columns.heading(index) if index >= 0 else ""
        self.found.append(CsvProblem(self.row, index, code, heading, tuple(params.items())))

    # -- fields
    def _text(self) -> str:
        text = self.cell(Field.TEXT)
        link = self.cell(Field.LINK).strip()
        if link and link not in text:
            text = f"{text.rstrip()} {link}" if text.strip() else link
        return text

    def _draft(self) -> bool:
        try:
            return parse_flag(self.cell(Field.DRAFT))
        except CellError as exc:
            self.add(Field.DRAFT, exc.code, **exc.params)
            return False

    def _zone(self) -> str | None:
        name = self.cell(Field.ZONE).strip() or self.options.zone
        try:
            zone_for(name)
        except UnknownZoneError:
            self.add(
                Field.ZONE if self.cell(Field.ZONE).strip() else None,
                "csv.unknown_zone",
                value=name,
            )
            return None
        return name

    def _when(self, zone: str | None, draft: bool) -> datetime | None:  # noqa: PLR0911
        if Field.WHEN in self:
            day_text, time_text = split_when(self.cell(Field.WHEN))
            day_field = time_field = Field.WHEN
        else:
            day_text, time_text = self.cell(Field.DATE), self.cell(Field.TIME)
            day_field, time_field = Field.DATE, Field.TIME
        if not day_text.strip() and not time_text.strip():
            if not draft:
                self.add(day_field if day_field in self else None, "csv.undated_scheduled")
            return None
        if not time_text.strip():
            self.add(time_field, "csv.missing_time")
            return None
        if not day_text.strip():
            self.add(day_field, "csv.missing_date")
            return None
        try:
            day = parse_date(day_text, self.options.date_order)
        except CellError as exc:
            self.add(day_field, exc.code, **exc.params)
            return None
        try:
            clock = parse_time(time_text)
        except CellError as exc:
            self.add(time_field, exc.code, **exc.params)
            return None
        if zone is None:
            return None
        wall = datetime.combine(day, clock.wall)
        # The moment as the cells wrote it, for the user to find in the file.
        shown = f"{day_text.strip()} {time_text.strip()}"
        at = self._instant(wall, clock.offset, zone, time_field, shown)
        if at is not None and not draft and at < self.options.now:
            self.add(day_field, "csv.in_past", wall=shown, zone=zone)
            return None
        return at

    def _instant(
        self, wall: datetime, offset: timedelta | None, zone: str, where: Field, shown: str
    ) -> datetime | None:
        if offset is not None:
            instant = (wall - offset).replace(tzinfo=UTC)
            if to_local(instant, zone) != wall:
                self.add(
                    where,
                    "csv.offset_mismatch",
                    zone=zone,
                    offset=format_offset(offset),
                    wall=shown,
                )
                return None
            return instant
        try:
            return to_utc(wall, zone)
        except NonexistentLocalTimeError as exc:
            self.add(
                where,
                "csv.time_gap",
                wall=shown,
                zone=zone,
                gap_start=f"{exc.gap_start:%H:%M}",
                gap_end=f"{exc.gap_end:%H:%M}",
            )
        except AmbiguousLocalTimeError as exc:
            self.add(
                where,
                "csv.time_twice",
                wall=shown,
                zone=zone,
                time=f"{wall:%H:%M}",
                first=exc.offsets[0],
                second=exc.offsets[1],
            )
        return None

    def _accounts(self) -> tuple[int, ...]:
        names = split_names(self.cell(Field.ACCOUNTS))
        if not names:
            if not self.options.accounts:
                self.add(Field.ACCOUNTS if Field.ACCOUNTS in self else None, "csv.no_accounts")
            return self.options.accounts
        ids: list[int] = []
        for name in names:
            found = match_account(name, self.accounts)
            if not found:
                # by its network too: a name can be on several (four "Kahvila Aurinko"s)
                known = (
                    ", ".join(f"{a.label} ({a.network.display_name})" for a in self.accounts) or "—"
                )
                self.add(Field.ACCOUNTS, "csv.unknown_account", value=name, known=known)
            elif len(found) > 1:
                ids_text = ", ".join(str(a.id) for a in found)
                self.add(Field.ACCOUNTS, "csv.ambiguous_account", value=name, ids=ids_text)
            elif found[0].id not in ids:
                ids.append(found[0].id)
        return tuple(ids)


def match_account(name: str, accounts: Sequence[Account]) -> list[Account]:
    """Accounts ``name`` can mean: ``id:N`` the account with id N; ``name:X`` the accounts
    whose display name or handle is X; otherwise an id, a display name or handle (all of
    them: an account *named* "1" and the account with id 1 are both returned, so the caller
    reports the ambiguity), or a network's name when only one account is on that network."""
    raw = name.strip()
    kind, sep, rest = raw.partition(":")
    if sep and kind.casefold() == "id":
        digits = rest.strip()
        return [a for a in accounts if digits.isdigit() and a.id == int(digits)]
    if sep and kind.casefold() == "name":
        return _named(rest.strip().casefold(), accounts)
    key = raw.casefold()
    by_id = [a for a in accounts if key.isdigit() and a.id == int(key)]
    exact = _named(key, accounts)
    if by_id or exact:
        return by_id + [a for a in exact if a not in by_id]
    return [a for a in accounts if key in (a.network.value, a.network.display_name.casefold())]


def _named(key: str, accounts: Sequence[Account]) -> list[Account]:
    return [
        a
        for a in accounts
        if key in (a.display_name.casefold(), a.handle.casefold(), a.handle.casefold().lstrip("@"))
    ]


def ambiguity_hint(name: str, found: Sequence[Account]) -> str:
    """How to say which of ``found`` is meant (for a message)."""
    ids = ", ".join(str(a.id) for a in found)
    return (
        f"{name.strip()!r} could mean accounts {ids}: write id:N for the account with id N "
        f"(e.g. id:{found[0].id}) or name:{name.strip()} for the one with that name"
    )
