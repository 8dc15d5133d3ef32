"""`somestudio collab list|add|report` and `somestudio mediakit` on a real data folder: the
collaboration lands with exact money, the partner report and the media kit are real PDFs
(read back with pdftotext), a bad amount or a file in the data folder is refused."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.integration.cli_run import cli


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def test_add_list_and_report(
    either_cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys,
        "collab", "add", "--company", "Paahtimo Kulma", "--fee", "1 200,50", "--vat", "25,5",
        "--language", "en", "--due", "2027-01-31", "--agreed", "2026-12-01",
        "--file", str(tmp_path / "sopimus.pdf"),
    )  # fmt: skip
    assert (code, out.strip(), err) == (0, "added collaboration 1", "")
    code, out, _ = cli(capsys, "collab", "list", "--json")
    rows = json.loads(out)
    assert rows[0]["partner"] == "Paahtimo Kulma"
    assert (rows[0]["fee"], rows[0]["vat_rate"], rows[0]["gross"]) == ("1200.50", "25.5", "1506.63")
    assert rows[0]["files"] == [str(tmp_path / "sopimus.pdf")]
    assert not (tmp_path / "sopimus.pdf").exists()  # the path only: nothing was copied
    code, out, _ = cli(capsys, "collab", "list")
    assert "Paahtimo Kulma" in out and "1200.50 €" in out and "offered" in out
    pdf = tmp_path / "report.pdf"
    code, out, err = cli(capsys, "collab", "report", "1", "--pdf", str(pdf))
    assert (code, err) == (0, ""), err
    text = _text(pdf)
    assert "Collaboration report" in text and "Paahtimo Kulma" in text
    assert "None of the posts has been published yet." in text


def test_bad_input_is_refused_and_nothing_written(
    either_cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "collab", "add", "--company", "X", "--fee", "12,3,4")
    assert code == 2 and "--fee" in err
    code, _, err = cli(capsys, "collab", "report", "7", "--pdf", str(tmp_path / "r.pdf"))
    assert code == 1 and "no collaboration 7" in err
    inside = either_cli_home / "report.pdf"
    code, _, err = cli(capsys, "mediakit", "--pdf", str(inside))
    assert code == 2 and not inside.exists()
    code, out, _ = cli(capsys, "collab", "list")
    assert out.strip() == "no collaborations"


def test_media_kit_pdf_and_png(
    either_cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "account", "add", "x", "kahvila", "--by-hand")[0] == 0
    pdf, png = tmp_path / "kit.pdf", tmp_path / "kit.png"
    code, _, err = cli(capsys, "mediakit", "--pdf", str(pdf), "--png", str(png), "--language", "fi")
    assert (code, err) == (0, ""), err
    text = _text(pdf)
    assert "Mediakortti" in text and "Kanavat" in text and "kahvila" in text
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_edit_changes_only_what_is_given(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(
        capsys,
        "collab", "add", "--company", "Paahtimo Kulma", "--fee", "650", "--title", "Kevät",
        "--due", "2027-01-31", "--agreed", "2026-12-01", "--contact", "Maija",
    )  # fmt: skip
    code, out, err = cli(capsys, "collab", "edit", "1", "--fee", "700,50", "--due", "none")
    assert (code, out.strip(), err) == (0, "changed collaboration 1", "")
    (row,) = json.loads(cli(capsys, "collab", "list", "--json")[1])
    assert (row["fee"], row["payment_due"], row["title"]) == ("700.50", None, "Kevät")
    code, _, err = cli(capsys, "collab", "edit", "1", "--fee", "paljon")
    assert code != 0 and "--fee" in err
    code, _, err = cli(capsys, "collab", "edit", "9", "--title", "x")
    assert code != 0 and "no collaboration 9" in err
