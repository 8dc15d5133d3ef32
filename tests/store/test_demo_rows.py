"""The demo written on each backend gives the same rows: ``fill_demo`` (every statement the
demo's modules run: posts, deliveries, attempts, metrics and the triggers' totals, goals,
actions, collaborations, inbox entries and answers) on a SQLite file and on PostgreSQL,
then every table read back and compared, row for row."""

from __future__ import annotations

import random
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.demo import DEMO_ZONE, fill_demo
from somestudio.store import demo_rows, schema
from somestudio.store.database import close_connection, open_database
from somestudio.store.engines import make_engine
from somestudio.store.sql import Conn, Sql, run, write
from somestudio.store.workspace_url import WorkspaceUrl
from tests.postgres_server import PostgresServer

NOW = datetime.combine(date(2027, 3, 28), time(12), ZoneInfo(DEMO_ZONE))
# What the demo takes from the machine: rows' own creation times (utc_now) and idempotency
# keys (uuid4).
_CLOCK_COLUMNS = {"created_at", "updated_at", "idempotency_key"}


def _tables(conn: Conn) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted. Row ids are replaced by their rank in their table (in
    the row and where other rows refer to it): PostgreSQL's identity spends a number on an
    ``INSERT … ON CONFLICT DO NOTHING`` that inserted nothing, SQLite's rowid does not, so
    the same rows may have other numbers, never another order."""
    raw: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    ranks: dict[str, dict[object, int]] = {}
    for table in schema.metadata.sorted_tables:
        names = [c.name for c in table.columns]
        statement = Sql(f"SELECT {', '.join(names)} FROM {table.name}")
        rows = [tuple(r) for r in run(conn, statement).fetchall()]
        raw[table.name] = (names, rows)
        if "id" in names and table.c.id.identity is not None:
            at = names.index("id")
            ranks[table.name] = {v: n for n, v in enumerate(sorted(r[at] for r in rows))}
    found = {}
    for table in schema.metadata.sorted_tables:
        names, rows = raw[table.name]
        refers = {}
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.name == "id" and key.column.table.name in ranks:
                    refers[column.name] = ranks[key.column.table.name]
        if table.name in ranks:
            refers["id"] = ranks[table.name]
        found[table.name] = sorted(
            (
                tuple(
                    "<machine>"
                    if n in _CLOCK_COLUMNS and v is not None
                    else refers[n].get(v, v)
                    if n in refers
                    else v
                    for n, v in zip(names, row, strict=True)
                )
                for row in rows
            ),
            key=repr,
        )
    return found


def _fill(conn: Conn, home: Path) -> dict[str, list[tuple[object, ...]]]:
    with write(conn):
        fill_demo(conn, random.Random(2026), home=home, now=NOW)
    return _tables(conn)


def test_the_demo_is_the_same_on_both_backends(
    tmp_path: Path, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    home = tmp_path / "home"
    database, _report = open_database(tmp_path / "somestudio.db")
    lite = database.connect()
    try:
        on_sqlite = _fill(lite, home)
    finally:
        close_connection(lite, optimize=False)
    engine = make_engine(pg_url, lambda: postgres.password)
    try:
        with engine.connect() as pg:
            pg_conn = pg.execution_options(isolation_level="AUTOCOMMIT")
            on_postgresql = _fill(pg_conn, home)
            # The demo's own reads, on what it wrote.
            assert demo_rows.first_out_days(pg_conn, "#MAINOS Yhteistyössä Paahtimo")
            assert demo_rows.first_followers(pg_conn, 10_000) is None
    finally:
        engine.dispose()
    assert sum(map(len, on_sqlite.values())) > 1000
    for name in (
        "posts",
        "deliveries",
        "attempts",
        "metric_latest",
        "metric_day_totals",
        "goals",
        "timeline_actions",
        "collaborations",
        "inbox_items",
        "inbox_replies",
    ):
        assert on_sqlite[name], name  # fmt: skip
    for name, rows in on_sqlite.items():
        assert on_postgresql[name] == rows, name
