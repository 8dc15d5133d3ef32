"""``somestudio check``: called through configure/run, and once as a real process."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from somestudio.commands import check

REPO_ROOT = Path(__file__).resolve().parents[3]


def run_check(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    check.configure(parser)
    return check.run(parser.parse_args(argv))


def write(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "post.txt"
    path.write_bytes(data)
    return str(path)


def test_contract() -> None:
    assert check.NAME == "check"
    assert check.HELP


def test_json_shape_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path, ("a" * 281 + "\n").encode())
    assert run_check(["--json", "--channel", "x", "--channel", "bluesky", post]) == 1
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["x", "bluesky"]
    assert document["bluesky"] == {
        "count": 281,
        "limit": 300,
        "unit": "graphemes",
        "ok": True,
        "findings": [],
    }
    (finding,) = document["x"]["findings"]
    assert finding == {
        "code": "x.too_long",
        "severity": "error",
        "message": "X: too long (281/280 weighted characters).",
        "start": 280,
        "end": 281,
    }
    assert document["x"]["ok"] is False


def test_all_channels_by_default_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = write(tmp_path, "Hyvää huomenta! https://example.com 🇫🇮".encode())
    assert run_check(["--json", post]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document) == [
        "x",
        "mastodon",
        "bluesky",
        "threads",
        "linkedin",
        "facebook",
        "instagram",
        "tiktok",
        "youtube",
        "pinterest",
    ]
    assert document["x"]["count"] == len("Hyvää huomenta! ") + 23 + 1 + 2


def test_comma_separated_channels_and_finnish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = write(tmp_path, b"a" * 301)
    assert run_check(["--json", "--lang", "fi", "--channel", "Bluesky,threads", post]) == 1
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["bluesky", "threads"]
    assert document["bluesky"]["findings"][0]["message"].startswith("Bluesky: liian pitkä")


def test_per_account_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path, b"a" * 600)
    assert run_check(["--json", "--channel", "mastodon", "--limit", "mastodon=1000", post]) == 0
    assert json.loads(capsys.readouterr().out)["mastodon"]["limit"] == 1000


def test_stdin_bom_and_final_newline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "\ufeffhei\r\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run_check(["--json", "--channel", "x", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["x"]["count"] == 3


def test_offsets_are_code_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path, ("😷" * 141).encode())
    assert run_check(["--json", "--channel", "x", post]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["x"]["findings"]
    assert (finding["start"], finding["end"]) == (140, 141)


def test_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path, b"a" * 301 + b"\x00")
    assert run_check(["--channel", "bluesky", "--channel", "linkedin", post]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["CHANNEL", "COUNT", "/", "LIMIT", "UNIT", "RESULT"]
    assert lines[1].split()[:6] == ["bluesky", "302", "/", "300", "graphemes", "REFUSED"]
    assert lines[2].split()[:4] == ["linkedin", "302", "/", "3000*"]
    assert "not confirmed" in out
    assert "bluesky: error at 300-302 [bluesky.too_long]" in out
    assert out.count("text: error at 301-302 [text.nul]") == 1  # once, not per channel


def test_unknown_channel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check(["--channel", "myspace", write(tmp_path, b"hei")]) == 2
    assert "unknown channel 'myspace'" in capsys.readouterr().err


def test_bad_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check(["--limit", "mastodon=lots", write(tmp_path, b"hei")]) == 2
    assert "--limit" in capsys.readouterr().err


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check([str(tmp_path)]) == 2
    assert f"cannot read {tmp_path}" in capsys.readouterr().err
    assert run_check([str(tmp_path / "missing.txt")]) == 2


def test_invalid_utf8_names_file_and_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = write(tmp_path, "hyvää ".encode() + b"\xff\xfe")
    assert run_check([post]) == 2
    err = capsys.readouterr().err
    assert post in err
    assert "byte offset 8" in err
    assert capsys.readouterr().out == ""


def test_as_a_process(tmp_path: Path) -> None:
    post = write(tmp_path, b"Hei https://example.com #somestudio")
    done = subprocess.run(
        [sys.executable, "-m", "somestudio", "check", "--json", "--channel", "mastodon", post],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["mastodon"]["count"] == len("Hei ") + 23 + len(" #somestudio")
    bad = subprocess.run(
        [sys.executable, "-m", "somestudio", "check", "--channel", "nope", post],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "unknown channel" in bad.stderr
