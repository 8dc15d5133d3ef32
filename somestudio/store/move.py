"""Moving a workspace's data to another backend: every table copied in one transaction on
the target, then checked there (row counts and a content hash per table) before it commits
(docs/workspace-backends.md, "Moving"). The source is only read.

Both sides are at this build's schema (``schema.metadata``). Tables are copied parents
first; the tables the triggers keep (``metric_latest`` from the snapshots,
``metric_day_totals`` from those and the deliveries) are not copied but rebuilt by the
target's own triggers, and checked like the rest. On PostgreSQL the identity sequences are
moved past the copied ids. A difference anywhere rolls the whole copy back.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from somestudio.store import schema
from somestudio.store.errors import MoveError
from somestudio.store.move_media import MediaFiles, transform_for

# Kept by triggers on both backends: rebuilt on the target as the rows arrive, then checked.
DERIVED = frozenset({"metric_latest", "metric_day_totals"})
BATCH = 500


@dataclass(frozen=True, slots=True)
class TableCheck:
    name: str
    rows: int
    digest: str


@dataclass(frozen=True, slots=True)
class MoveReport:
    tables: tuple[TableCheck, ...]
    media_files: int = 0  # attached files whose bytes went into the target's media_blobs
    media_not_found: tuple[str, ...] = ()  # attached files not readable here: rows as they were

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def digest(self) -> str:
        """One hash over every table's name, row count and content hash."""
        whole = hashlib.sha256()
        for table in self.tables:
            whole.update(f"{table.name}\t{table.rows}\t{table.digest}\n".encode())
        return whole.hexdigest()


def _value(value: object) -> object:
    if isinstance(value, bytes | memoryview):  # a blob: its hash stands for it
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


def _row_digest(row: Sequence[object]) -> bytes:
    text = json.dumps([_value(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).digest()


class _Digest:
    """A table's content hash that does not depend on row order (each backend sorts text
    its own way): the sorted hashes of its rows, hashed."""

    def __init__(self) -> None:
        self.rows: list[bytes] = []

    def add(self, row: Sequence[object]) -> None:
        self.rows.append(_row_digest(row))

    def check(self, name: str) -> TableCheck:
        whole = hashlib.sha256()
        for digest in sorted(self.rows):
            whole.update(digest)
        return TableCheck(name, len(self.rows), whole.hexdigest())


def _batches(result: sa.CursorResult[object]) -> Iterator[Sequence[sa.Row[object]]]:
    while batch := result.fetchmany(BATCH):
        yield batch


def table_checks(conn: sa.Connection) -> dict[str, TableCheck]:
    """Each table's row count and content hash, as ``conn`` sees them."""
    checks = {}
    for table in schema.metadata.sorted_tables:
        digest = _Digest()
        for batch in _batches(conn.execute(sa.select(table))):
            for row in batch:
                digest.add(tuple(row))
        checks[table.name] = digest.check(table.name)
    return checks


def _missing_or_extra(conn: sa.Connection) -> list[str]:
    found = {
        name
        for name in sa.inspect(conn).get_table_names()
        if not name.startswith("sqlite_") and name != "alembic_version"
    }
    return sorted(found.symmetric_difference(schema.metadata.tables))


def _not_empty(conn: sa.Connection) -> list[str]:
    return [
        table.name
        for table in schema.metadata.sorted_tables
        if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
    ]


def copy_workspace(
    source: sa.Engine,
    target: sa.Engine,
    *,
    source_name: str,
    target_name: str,
    progress: Callable[[str, int], None] = lambda _table, _rows: None,
) -> MoveReport:
    """Copy every table of ``source`` into the empty ``target`` (both at this build's
    schema) and check it; a ``MoveError`` leaves the target as it was."""
    try:
        return _copy_checked(source, target, source_name, target_name, progress)
    except sa.exc.SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise MoveError(
            "workspace.move_failed",
            f"Copying {source_name} into {target_name} failed ({detail}); the copy was "
            "undone, nothing was changed.",
            source=source_name,
            url=target_name,
            detail=detail,
        ) from None


def _copy_checked(
    source: sa.Engine,
    target: sa.Engine,
    source_name: str,
    target_name: str,
    progress: Callable[[str, int], None],
) -> MoveReport:
    with source.connect() as reading:
        _snapshot(reading)
        odd = _missing_or_extra(reading)
        if odd:
            raise MoveError(
                "workspace.move_schema",
                f"The workspace {source_name} has tables this version of Some Studio does not "
                f"know or lacks some it needs ({', '.join(odd[:5])}); nothing was copied.",
                url=source_name,
                tables=", ".join(odd[:5]),
            )
        with target.begin() as writing:
            full = _not_empty(writing)
            if full:
                raise MoveError(
                    "workspace.move_target_not_empty",
                    f"The workspace {target_name} already holds data ({', '.join(full[:5])}); "
                    "a workspace is moved only into an empty one. Nothing was copied.",
                    url=target_name,
                    tables=", ".join(full[:5]),
                )
            # Into PostgreSQL, the attached files' bytes go along (store/move_media.py).
            files = MediaFiles.read(reading) if writing.dialect.name == "postgresql" else None
            expected = _copy(reading, writing, progress, files, target_name)
            if writing.dialect.name == "postgresql":
                _move_sequences(writing)
            copied = table_checks(writing)
            differing = [name for name, check in expected.items() if copied[name] != check]
            if differing:
                raise MoveError(
                    "workspace.move_differs",
                    f"The copy in {target_name} did not match {source_name} "
                    f"({', '.join(differing[:5])}); it was undone, nothing was changed.",
                    url=target_name,
                    tables=", ".join(differing[:5]),
                )
    return MoveReport(
        tuple(expected[t.name] for t in schema.metadata.sorted_tables),
        len(files.paths) if files is not None else 0,
        tuple(files.not_found) if files is not None else (),
    )


def _snapshot(reading: sa.Connection) -> None:
    """Read the whole source as of one moment, whatever other machines commit meanwhile:
    one REPEATABLE READ transaction on PostgreSQL, one read transaction on SQLite."""
    if reading.dialect.name == "postgresql":
        reading.execution_options(isolation_level="REPEATABLE READ")
        reading.exec_driver_sql("SET TRANSACTION READ ONLY")
    else:
        reading.exec_driver_sql("BEGIN")  # the driver's own control is off (isolation None)


def _copy(
    reading: sa.Connection,
    writing: sa.Connection,
    progress: Callable[[str, int], None],
    files: MediaFiles | None = None,
    target_name: str = "",
) -> dict[str, TableCheck]:
    """Insert the source's rows, parents first; what the source holds (as moved: with the
    attached files' hashes and blobs when ``files`` are taken along), per table."""
    expected: dict[str, TableCheck] = {}
    for table in schema.metadata.sorted_tables:
        digest = _Digest()
        names = [column.name for column in table.columns]
        moved = transform_for(table, files)
        for batch in _batches(reading.execute(sa.select(table))):
            rows = [moved(row) for row in batch]
            for row in rows:
                digest.add(row)
            if table.name not in DERIVED:
                writing.execute(
                    sa.insert(table), [dict(zip(names, row, strict=True)) for row in rows]
                )
        if files is not None and table.name == schema.media_blobs.name:
            for row in files.blob_rows(reading, target_name):  # one file's bytes at a time
                digest.add(row)
                writing.execute(sa.insert(table), dict(zip(names, row, strict=True)))
        expected[table.name] = digest.check(table.name)
        progress(table.name, expected[table.name].rows)
    return expected


def _move_sequences(writing: sa.Connection) -> None:
    """PostgreSQL's identity columns continue after the copied ids."""
    for table in schema.metadata.sorted_tables:
        column = table.columns.get("id")
        if column is None or column.identity is None:
            continue
        writing.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"  # noqa: S608
                f" COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def read_only_sqlite(path: Path) -> sa.Engine:
    """An engine that only reads the SQLite file at ``path`` (a move's source is left
    exactly as it was: no pragma, checkpoint or statistics written)."""

    def creator() -> sqlite3.Connection:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)

    return sa.create_engine("sqlite+pysqlite://", creator=creator, poolclass=NullPool)


def sqlite_version(path: Path) -> int:
    """The file's schema number (``PRAGMA user_version``), read without writing."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
