"""``somestudio account`` and ``somestudio post`` run in-process on a real data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somestudio.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive"
    path.mkdir()
    return path


def test_account_add_local(cli_home: Path, archive: Path, capsys) -> None:
    code, out, _ = cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))
    assert code == 0 and out.strip().isdigit()
    code, _, err = cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))
    assert code == 2 and "NAME" in err and "already exists" in err
    code, _, err = cli(capsys, "account", "add", "local", "Other", "--folder", str(archive / "x"))
    assert code == 2 and "--folder" in err and "does not exist" in err
    assert not (archive / "x").exists()
    code, _, err = cli(capsys, "account", "add", "local", "Other")
    assert code == 2 and "--folder" in err
    code, _, err = cli(capsys, "account", "add", "mastodon", "@me")
    assert code == 2 and "--by-hand" in err
    code, _, err = cli(capsys, "account", "add", "myspace", "@me", "--by-hand")
    assert code == 2 and "NETWORK" in err
    assert cli(capsys, "account", "add", "mastodon", "@me", "--by-hand")[0] == 0
    code, out, _ = cli(capsys, "account", "list", "--json")
    listed = json.loads(out)
    assert [(a["network"], a["name"], a["publish_method"]) for a in listed] == [
        ("local", "Arkisto", "folder"),
        ("mastodon", "@me", "manual"),
    ]
    assert listed[0]["folder"] == str(archive.resolve())


@pytest.mark.parametrize(
    ("args", "field", "words"),
    [
        (["--to", "Arkisto", "--at", "2031-01-01T09:00"], "--text/--file", "exactly one"),
        (["--text", "x", "--file", "f", "--to", "Arkisto", "--now"], "--text/--file", "one"),
        (["--text", "  ", "--to", "Arkisto", "--now"], "--text", "empty"),
        (["--text", "x", "--to", "Nobody", "--now"], "--to", "no account 'Nobody'"),
        (["--text", "x", "--now"], "--to", "at least one"),
        (["--text", "x", "--to", "Arkisto"], "--at/--now", "exactly one"),
        (["--text", "x", "--to", "Arkisto", "--at", "2031-01-01T09:00", "--now"], "--at/--now", ""),
        (["--text", "x", "--to", "Arkisto", "--at", "2020-01-01T09:00"], "--at", "in the past"),
        (["--text", "x", "--to", "Arkisto", "--at", "soon"], "--at", "ISO 8601"),
        (
            ["--text", "x", "--to", "Arkisto", "--at", "2031-01-01T09:00", "--tz", "Mars/Base"],
            "--tz",
            "IANA",
        ),
        (["--text", "x", "--to", "Arkisto", "--at", "2031-03-30T03:30"], "--at", "does not exist"),
        (
            ["--text", "x", "--to", "Arkisto", "--at", "2031-10-26T03:30"],
            "--at",
            "2031-10-26T03:30+02:00",
        ),
        (["--file", "/no/such/file", "--to", "Arkisto", "--now"], "--file", "cannot read"),
    ],
)
@pytest.mark.usefixtures("cli_home")
def test_post_add_bad_input(archive, capsys, args, field, words) -> None:
    assert cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))[0] == 0
    code, out, err = cli(capsys, "post", "add", *args)
    assert code == 2, err
    assert f"somestudio post: {field}:" in err
    assert words in err
    assert out == ""
    assert json.loads(cli(capsys, "post", "list", "--json")[1]) == []


@pytest.mark.usefixtures("cli_home")
def test_post_add_refuses_a_text_the_network_would_refuse(archive, capsys) -> None:
    """The command line schedules through the same gate as the window: an error blocks."""
    assert cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))[0] == 0
    assert cli(capsys, "account", "add", "x", "kahvila", "--by-hand")[0] == 0
    too_long = "Joulun kahvila ☕ " * 20  # 340 weighted characters on X
    code, out, err = cli(
        capsys, "post", "add", "--text", too_long, "--to", "Arkisto", "--to", "kahvila",
        "--at", "2031-12-01T09:00",
    )  # fmt: skip
    assert code == 2 and out == ""
    assert "somestudio post: --text:" in err and "X kahvila" in err and "too long" in err
    assert "Arkisto" not in err  # the archive takes any length: only X is named
    assert json.loads(cli(capsys, "post", "list", "--json")[1]) == []  # nothing half-written
    code, _, _ = cli(
        capsys, "post", "add", "--text", too_long, "--to", "Arkisto", "--at", "2031-12-01T09:00"
    )
    assert code == 0


def test_post_add_list_delete(either_cli_home, archive, capsys, tmp_path) -> None:
    """On both backends (tests/integration/either_backend.py)."""
    cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))
    cli(capsys, "account", "add", "bluesky", "me.example", "--by-hand")
    text_file = tmp_path / "post.txt"
    text_file.write_text("\ufeffHyvää huomenta ☀️\n", encoding="utf-8")
    code, out, _ = cli(
        capsys, "post", "add", "--file", str(text_file), "--to", "Arkisto", "--to", "2",
        "--at", "2031-10-26T03:30+03:00",
    )  # fmt: skip
    assert code == 0
    post_id = int(out)
    code, out, err = cli(
        capsys, "post", "add", "--text", "later", "--to", "1", "--at", "2031-06-01T12:00"
    )
    assert code == 0
    later = int(out)
    # Nothing runs on the folder: said, so that nobody trusts it to go out by itself.
    assert "nothing is running to publish it now" in err
    posts = json.loads(cli(capsys, "post", "list", "--json")[1])
    assert [p["id"] for p in posts] == [later, post_id]  # by time
    first = posts[1]
    assert first["text"] == "Hyvää huomenta ☀️"
    assert {
        (d["account"], d["state"], d["scheduled_at"], d["time_zone"]) for d in first["deliveries"]
    } == {
        ("Arkisto", "scheduled", "2031-10-26T00:30:00Z", "Europe/Helsinki"),
        ("me.example", "scheduled", "2031-10-26T00:30:00Z", "Europe/Helsinki"),
    }
    assert posts[0]["deliveries"][0]["scheduled_at"] == "2031-06-01T09:00:00Z"  # summer: UTC+3
    code, out, _ = cli(capsys, "post", "list")
    assert "2031-10-26T00:30:00Z" in out and "Europe/Helsinki" in out and "scheduled" in out
    assert cli(capsys, "post", "delete", str(post_id))[0] == 0
    code, _, err = cli(capsys, "post", "delete", str(post_id))
    assert code == 2 and "ID:" in err
    assert [p["id"] for p in json.loads(cli(capsys, "post", "list", "--json")[1])] == [later]


def test_post_add_now_publishes_in_process(either_cli_home, archive, capsys) -> None:
    cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))
    cli(capsys, "account", "add", "mastodon", "@me", "--by-hand")
    code, out, err = cli(
        capsys, "post", "add", "--text", "Nyt!", "--to", "Arkisto", "--to", "@me", "--now"
    )
    assert code == 0, err
    post_id = int(out)
    (folder,) = archive.iterdir()
    assert (folder / "post.txt").read_text(encoding="utf-8") == "Nyt!"
    assert "published" in err and folder.name in err
    assert "waiting for you to publish by hand" in err
    (post,) = json.loads(cli(capsys, "post", "list", "--json")[1])
    assert post["id"] == post_id
    states = {d["account"]: d["state"] for d in post["deliveries"]}
    assert states == {"Arkisto": "published", "@me": "needs_attention"}
    assert post["deliveries"][0]["remote_id"] == folder.name


def test_post_add_now_reports_a_failure(cli_home, archive, capsys) -> None:
    cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))
    archive.rmdir()  # the drive went away
    code, out, err = cli(capsys, "post", "add", "--text", "x", "--to", "Arkisto", "--now")
    assert code == 1
    assert out.strip().isdigit()
    assert "failed" in err and "does not exist" in err
