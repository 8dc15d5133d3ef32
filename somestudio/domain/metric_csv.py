"""Numbers no API gives, read from a CSV file: post counts, account counts, custom series.

A header row names the columns (English or Finnish, any case, any order):

- ``date`` (required): ``YYYY-MM-DD`` (noon that day, local) or ``YYYY-MM-DDTHH:MM``
  (local), or with an offset;
- a post's counts: ``post`` (the post's number in the app, its link or remote id) and any of
  ``likes``, ``reposts``, ``replies``, ``quotes``, ``bookmarks``, ``views``; ``account`` (its
  number or handle) picks the channel when the post went to several;
- an account's counts: ``account`` and any of ``followers``, ``following``, ``posts``;
- a series of its own: ``series`` (e.g. "Blog views") and ``value``.

Which kind a row is follows from what it fills in. Counts are whole numbers (spaces as
thousands separators are fine); a series value may have decimals (``,`` or ``.``). Every
problem names its line and column; a caller imports nothing when there is any.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from somestudio.domain.metrics import AccountCounts, PostCounts

_ALIASES: dict[str, str] = {
    "date": "date",
    "päivä": "date",
    "päivämäärä": "date",
    "time": "date",
    "post": "post",
    "julkaisu": "post",
    "account": "account",
    "tili": "account",
    "likes": "likes",
    "tykkäykset": "likes",
    "reposts": "reposts",
    "jaot": "reposts",
    "shares": "reposts",
    "replies": "replies",
    "comments": "replies",
    "vastaukset": "replies",
    "kommentit": "replies",
    "quotes": "quotes",
    "lainaukset": "quotes",
    "bookmarks": "bookmarks",
    "saves": "bookmarks",
    "tallennukset": "bookmarks",
    "views": "views",
    "impressions": "views",
    "näyttökerrat": "views",
    "followers": "followers",
    "seuraajat": "followers",
    "following": "following",
    "seurattavat": "following",
    "posts": "posts_count",
    "julkaisut": "posts_count",
    "series": "series",
    "sarja": "series",
    "value": "value",
    "arvo": "value",
}
POST_COLUMNS = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
ACCOUNT_COLUMNS = ("followers", "following", "posts_count")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.message}"


@dataclass(frozen=True, slots=True)
class PostNumbers:
    line: int
    at: datetime
    post: str
    account: str
    counts: PostCounts


@dataclass(frozen=True, slots=True)
class AccountNumbers:
    line: int
    at: datetime
    account: str
    counts: AccountCounts


@dataclass(frozen=True, slots=True)
class SeriesValue:
    line: int
    day: date
    series: str
    value: float


@dataclass
class MetricTable:
    posts: list[PostNumbers] = field(default_factory=list)
    accounts: list[AccountNumbers] = field(default_factory=list)
    series: list[SeriesValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.posts) + len(self.accounts) + len(self.series)


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    value = text.strip()
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), time(12), zone).astimezone(UTC)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def parse_count(text: str) -> int | None:
    value = text.translate(_SPACES)
    if not value:
        return None
    if not value.isdigit():
        raise ValueError("not a whole number of zero or more")
    return int(value)


def parse_value(text: str) -> float:
    value = text.translate(_SPACES).replace(",", ".")
    return float(value)


def parse_metric_csv(text: str, zone: ZoneInfo) -> MetricTable:
    table = MetricTable()
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), dialect)
    header = next(reader, None)
    if not header:
        table.problems.append(Problem(1, "header", "the file is empty"))
        return table
    columns = [_ALIASES.get(h.strip().lower(), "") for h in header]
    for name, key in zip(header, columns, strict=True):
        if not key and name.strip():
            table.problems.append(Problem(1, name.strip(), "unknown column"))
    if "date" not in columns:
        table.problems.append(Problem(1, "date", "a date column is needed"))
        return table
    for line, raw in enumerate(reader, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        cells = {k: raw[i].strip() for i, k in enumerate(columns) if k and i < len(raw)}
        _row(table, line, cells, zone)
    return table


def _row(table: MetricTable, line: int, cells: dict[str, str], zone: ZoneInfo) -> None:
    try:
        at = parse_moment(cells.get("date", ""), zone)
    except ValueError:
        table.problems.append(Problem(line, "date", "not a date like 2026-03-31"))
        return
    if cells.get("series"):
        try:
            value = parse_value(cells.get("value", ""))
        except ValueError:
            table.problems.append(Problem(line, "value", "not a number"))
            return
        table.series.append(SeriesValue(line, at.astimezone(zone).date(), cells["series"], value))
        return
    kind = POST_COLUMNS if cells.get("post") else ACCOUNT_COLUMNS
    counts: dict[str, int | None] = {}
    for column in kind:
        try:
            counts[column] = parse_count(cells.get(column, ""))
        except ValueError as exc:
            table.problems.append(Problem(line, column, str(exc)))
            return
    if all(v is None for v in counts.values()):
        table.problems.append(Problem(line, "", "no numbers on this line"))
        return
    if cells.get("post"):
        table.posts.append(
            PostNumbers(line, at, cells["post"], cells.get("account", ""), PostCounts(**counts))
        )
    elif cells.get("account"):
        table.accounts.append(AccountNumbers(line, at, cells["account"], AccountCounts(**counts)))
    else:
        table.problems.append(Problem(line, "", "say which post, account or series"))
