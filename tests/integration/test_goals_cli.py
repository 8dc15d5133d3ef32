"""``somestudio goals list|add|remove`` in-process on a real data folder: progress as of a
given day (never the machine's), JSON for scripts, and clear refusals."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from somestudio.app.workspace import open_workspace
from somestudio.domain.metrics import AccountCounts
from somestudio.store import metric_writes
from somestudio.store.database import transaction
from somestudio.store.engines import make_engine
from somestudio.store.workspace_url import WorkspaceUrl
from tests.integration.cli_run import cli
from tests.postgres_server import PostgresServer


def test_add_list_and_remove_goals(
    either_cli_home: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On both backends (tests/integration/either_backend.py)."""
    cli_home = either_cli_home
    assert cli(capsys, "account", "add", "linkedin", "--handle", "minna", "--by-hand")[0] == 0
    workspace = open_workspace(cli_home)
    assert workspace.is_shared == (backend == "postgresql")
    conn = workspace.writable_connection()
    with transaction(conn):
        for day in range(1, 15):
            metric_writes.add_account_snapshot(
                conn,
                1,
                datetime(2026, 3, day, 9, tzinfo=UTC),
                AccountCounts(120 + 2 * day),
                "manual",
            )
    workspace.close()
    code, out, err = cli(capsys, "goals", "add", "--title", "200 contacts", "--target",
                         "200", "--by", "2026-06-30", "--account", "1",
                         "--start", "2026-03-01")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.strip() == "1"
    code, out, _ = cli(capsys, "goals", "add", "--title", "Two a week", "--target", "2",
                       "--per", "week", "--start", "2026-03-02")  # fmt: skip
    assert code == 0 and out.strip() == "2"

    code, out, _ = cli(capsys, "goals", "list", "--on", "2026-03-14")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == (
        "#1 200 contacts — followers 200 by 2026-06-30 (minna): 148, 33 %; on track, at this "
        "pace reached 2026-04-09"
    )
    assert lines[1].startswith("#2 Two a week — 2 posts a week (all accounts): 0 this week, 0 %")

    code, out, _ = cli(capsys, "goals", "list", "--json", "--on", "2026-03-14")
    listed = json.loads(out)
    assert [g["id"] for g in listed] == [1, 2]
    assert listed[0]["state"] == "on_track"
    assert listed[0]["projected"] == "2026-04-09"
    assert (listed[0]["baseline"], listed[0]["current"]) == (122, 148)
    assert listed[1]["per"] == "week" and listed[1]["posts_this_period"] == 0

    assert cli(capsys, "goals", "remove", "2")[0] == 0
    code, _, err = cli(capsys, "goals", "remove", "2")
    assert code == 2 and "no goal with id 2" in err
    code, out, _ = cli(capsys, "goals", "list", "--json", "--on", "2026-03-14")
    assert [g["id"] for g in json.loads(out)] == [1]


def test_refusals_name_the_option(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "goals", "add", "--title", "x", "--target", "5",
                         "--by", "2026-03-01", "--start", "2026-03-01")  # fmt: skip
    assert code == 2 and out == ""
    assert "--by: the deadline must come after the start" in err
    code, _, err = cli(capsys, "goals", "add", "--title", "x", "--target", "5",
                       "--by", "next week")  # fmt: skip
    assert code == 2 and "--by: 'next week' is not a day like 2026-03-31" in err
    code, _, err = cli(capsys, "goals", "add", "--title", "x", "--target", "5",
                       "--per", "week", "--account", "7", "--start", "2026-03-02")  # fmt: skip
    assert code == 2 and "--account: no such account" in err
    code, out, _ = cli(capsys, "goals", "list", "--on", "2026-03-14")
    assert code == 0 and "no goals yet" in out


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_server_that_cannot_do_the_write_is_said_without_a_traceback(
    either_cli_home: Path,
    postgres: PostgresServer,
    pg_url: WorkspaceUrl,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Another session holds the goals table locked longer than the workspace waits for a
    lock (lock_timeout): the server refuses the write; the command says so and exits 1,
    nothing is written."""
    admin = make_engine(pg_url, lambda: postgres.password)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"ALTER DATABASE {pg_url.database} SET lock_timeout = '200ms'")
        conn.commit()
    with admin.connect() as holder:
        holder.exec_driver_sql("LOCK TABLE goals IN ACCESS EXCLUSIVE MODE")  # held until the end
        code, out, err = cli(capsys, "goals", "add", "--title", "Two a week", "--target", "2",
                             "--per", "week", "--start", "2026-03-02")  # fmt: skip
        holder.rollback()
    admin.dispose()
    assert (code, out) == (1, "")
    assert err.startswith("somestudio goals: the workspace's database server") and "lock" in err
    assert "Traceback" not in err and "nothing was saved" in err
    code, out, _ = cli(capsys, "goals", "list", "--json", "--on", "2026-03-14")
    assert (code, json.loads(out)) == (0, [])
