"""``somestudio export review-pack`` in-process on a real data folder (both backends): the
month's or ISO week's posts as one HTML page or a PDF, in the language asked for, and the
refusals naming what is wrong."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from somestudio.app.workspace import open_workspace
from tests.integration.cli_run import cli
from tests.integration.review_pack_plan import Plan, make_plan


@pytest.fixture
def plan(either_cli_home: Path, tmp_path: Path) -> Plan:
    workspace = open_workspace(either_cli_home)
    try:
        return make_plan(workspace, tmp_path)
    finally:
        workspace.close()


def test_a_month_as_html_in_finnish(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "joulukuu.html"
    code, said, err = cli(
        capsys, "export", "review-pack", "--month", "2026-12", "--format", "html",
        "--out", str(out), "--language", "fi",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert said.strip() == f"wrote 4 posts to {out}"
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fi">' in page and "Arviointipaketti" in page
    for post_id in (plan.thread, plan.hostile, plan.folded, plan.last_minute):
        assert f'id="post-{post_id}"' in page
    assert f'id="post-{plan.after}"' not in page and f'id="post-{plan.before}"' not in page
    assert "<script>" not in page


def test_an_iso_week_as_pdf_in_english(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.pdf"
    code, said, _ = cli(
        capsys, "export", "review-pack", "--week", "2026-W49", "--format", "pdf",
        "--out", str(out), "--language", "en", "--zone", "Europe/Helsinki",
    )  # fmt: skip
    assert code == 0 and "wrote 2 posts" in said
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".week")] == []
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Review pack" in text and "Week 49" in text
    assert "Marraskuun viimeinen" in text and "Ketjun kolmas osa" in text
    assert "Vuoden viimeinen minuutti" not in text


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--out", "x.html"], "--month YYYY-MM or --week"),
        (["--month", "2026-13", "--out", "x.html"], "--month: '2026-13' is not a month"),
        (["--week", "2026-W49"], "--out: say where"),
        (["--week", "2026-W49", "--out", "x.html", "--zone", "Mars/Base"], "--zone"),
        (["--week", "2026-W49", "--csv", "x.csv"], "not --csv"),
    ],
)
@pytest.mark.usefixtures("plan")
def test_refusals_name_the_option(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "export", "review-pack", *args)
    assert code == 2 and said in err
    assert not (tmp_path / "x.html").exists()


def test_a_folder_that_does_not_exist_is_refused(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gone" / "pack.html"
    code, _, err = cli(capsys, "export", "review-pack", "--month", "2026-12", "--out", str(out))
    assert code == 2 and str(out) in err and "does not exist" in err


def test_a_file_in_the_data_folder_is_refused(
    plan: Plan, either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = either_cli_home / "pack.html"
    code, _, err = cli(capsys, "export", "review-pack", "--month", "2026-12", "--out", str(out))
    assert code == 2 and "--out" in err and "data folder" in err
    assert not out.exists()


def test_a_review_pack_option_without_review_pack_is_refused(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.csv"
    code, _, err = cli(capsys, "export", "--csv", str(out), "--month", "2026-12")
    assert code == 2 and "--month: is for export review-pack" in err
    assert not out.exists()
