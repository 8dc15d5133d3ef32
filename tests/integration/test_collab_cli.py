"""`somestudio collab list|add|report` and `somestudio mediakit` on a real data folder: the
collaboration lands with exact money, the partner report and the media kit are real PDFs
(read back with pdftotext), a bad amount or a file in the data folder is refused."""

from __future__ import annotations

import json
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from somestudio.cli import main


@pytest.fixture
def cli_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SOMESTUDIO_HOME", str(home))
    monkeypatch.setenv("TZ", "Europe/Helsinki")
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield home
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def test_add_list_and_report(
    cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
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
    cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "collab", "add", "--company", "X", "--fee", "12,3,4")
    assert code == 2 and "--fee" in err
    code, _, err = cli(capsys, "collab", "report", "7", "--pdf", str(tmp_path / "r.pdf"))
    assert code == 1 and "no collaboration 7" in err
    inside = cli_home / "report.pdf"
    code, _, err = cli(capsys, "mediakit", "--pdf", str(inside))
    assert code == 2 and not inside.exists()
    code, out, _ = cli(capsys, "collab", "list")
    assert out.strip() == "no collaborations"


def test_media_kit_pdf_and_png(
    cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "account", "add", "x", "kahvila", "--by-hand")[0] == 0
    pdf, png = tmp_path / "kit.pdf", tmp_path / "kit.png"
    code, _, err = cli(capsys, "mediakit", "--pdf", str(pdf), "--png", str(png), "--language", "fi")
    assert (code, err) == (0, ""), err
    text = _text(pdf)
    assert "Mediakortti" in text and "Kanavat" in text and "kahvila" in text
    assert png.read_bytes()[:4] == b"\x89PNG"
