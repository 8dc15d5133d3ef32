"""Findings 8, 13, 14, 15 and 16 (the input half): what an adversarial user or a broken file
hands the command line gets a clear message and an exit status, never a traceback, a hang
or a quiet wrong answer. Each test runs ``python -m somestudio`` as a real process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.faults.helpers_input import cli_environ, run_cli

HEADINGS = "text,accounts,date,time\n"


def _no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr + done.stdout, done.stderr


def _with_archive(tmp_path: Path, name: str = "archive") -> dict[str, str]:
    env = cli_environ(tmp_path / "env")
    folder = tmp_path / f"folder-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    added = run_cli(env, "account", "add", "local", name, "--folder", str(folder))
    assert added.returncode == 0, added.stderr
    return env


def _add_archive(env: dict[str, str], tmp_path: Path, name: str) -> str:
    folder = tmp_path / f"archive-{name.encode().hex()}"
    folder.mkdir()
    added = run_cli(env, "account", "add", "local", name, "--folder", str(folder))
    assert added.returncode == 0, added.stderr
    return added.stdout.strip()


# ---------------------------------------------------------------- 8: tracebacks → messages


def test_year_9999_in_post_add_is_refused_with_the_accepted_years(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    for at in ("9999-12-31T23:59", "9999-12-31T23:59:59Z", "1899-01-01T10:00"):
        done = run_cli(
            env, "post", "add", "--text", "hei", "--to", "1", "--at", at, "--tz", "America/New_York"
        )
        _no_traceback(done)
        assert done.returncode == 2
        assert "--at" in done.stderr and "2000–2100" in done.stderr


def test_year_9999_in_a_csv_import_is_a_cell_problem(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    source = tmp_path / "plan.csv"
    source.write_text(HEADINGS + "hello,archive,9999-12-31,23:59\n", encoding="utf-8")
    done = run_cli(env, "import", str(source), "--tz", "America/New_York")
    _no_traceback(done)
    assert done.returncode == 2
    assert ":2:C (date)" in done.stderr and "2000–2100" in done.stderr


def test_an_accepted_9999_time_does_not_break_the_ics_export(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    # What an older version stored before times were bounded.
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    workspace = open_workspace(Path(env["SOMESTUDIO_HOME"]))
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            post_id = post_rows.create_post(conn, "the end of time")
            post_rows.add_delivery(
                conn,
                post_id,
                1,
                scheduled_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
                time_zone="Europe/Helsinki",
                state=DeliveryState.SCHEDULED,
            )
    finally:
        workspace.close()
    target = tmp_path / "plan.ics"
    done = run_cli(env, "export", "--ics", str(target))
    _no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "wrote 1 events" in done.stderr
    assert b"SUMMARY:" in target.read_bytes()


def test_undecodable_bytes_in_an_argument_are_named(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    done = run_cli(env, "post", "add", "--text", b"caf\xe9", "--to", "1", "--now")
    _no_traceback(done)
    assert done.returncode == 2
    assert "--text" in done.stderr and "0xE9" in done.stderr and "UTF-8" in done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MB tmpfs (needs the right to mount, as the test machines have)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    """Write until the disk refuses, in big then small steps, leaving no free block."""
    for name, step in (("filler", 65536), ("filler-tail", 512)):
        with (folder / name).open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * step)
            except OSError:
                pass


def test_a_full_disk_in_post_add_is_a_message_not_a_traceback(
    tmp_path: Path, small_disk: Path
) -> None:
    env = cli_environ(tmp_path / "env", {"SOMESTUDIO_HOME": str(small_disk / "home")})
    (small_disk / "home").mkdir()
    archive = tmp_path / "archive"
    archive.mkdir()
    assert run_cli(env, "account", "add", "local", "a", "--folder", str(archive)).returncode == 0
    # Another reader (as the window would be) keeps the WAL files in place, so the database
    # still opens and the disk is found full only when the post is written.
    holder = sqlite3.connect(small_disk / "home" / "somestudio.db")
    try:
        holder.execute("SELECT count(*) FROM accounts").fetchone()
        _fill(small_disk)
        text = "x" * 200_000  # more than the few bytes the page cache could still hold
        done = run_cli(
            env, "post", "add", "--file", "-", "--to", "1", "--at", "2099-01-01T10:00Z", stdin=text
        )
    finally:
        holder.close()
    _no_traceback(done)
    assert done.returncode == 1, done.stderr
    assert "full" in done.stderr and "nothing was saved" in done.stderr


# ---------------------------------------------------------------- 13: ambiguity


def test_to_1_is_ambiguous_when_an_account_is_named_1(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    first = _add_archive(env, tmp_path, "kahvila")
    named_one = _add_archive(env, tmp_path, "1")
    assert (first, named_one) == ("1", "2")
    when = "2099-01-01T10:00Z"
    ambiguous = run_cli(env, "post", "add", "--text", "hei", "--to", "1", "--at", when)
    _no_traceback(ambiguous)
    assert ambiguous.returncode == 2
    assert "id:1" in ambiguous.stderr and "name:1" in ambiguous.stderr
    by_id = run_cli(env, "post", "add", "--text", "a", "--to", "id:1", "--at", when)
    by_name = run_cli(env, "post", "add", "--text", "b", "--to", "name:1", "--at", when)
    assert by_id.returncode == 0 and by_name.returncode == 0, by_id.stderr + by_name.stderr
    conn = sqlite3.connect(Path(env["SOMESTUDIO_HOME"]) / "somestudio.db")
    try:
        pairs = sorted(conn.execute("SELECT post_id, account_id FROM deliveries").fetchall())
    finally:
        conn.close()
    assert pairs == [(int(by_id.stdout), 1), (int(by_name.stdout), 2)]


# ---------------------------------------------------------------- 14: unbounded input


def test_check_refuses_a_device_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    done = run_cli(cli_environ(tmp_path / "env"), "check", "/dev/zero", timeout=30)
    assert time.monotonic() - started < 20
    _no_traceback(done)
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_check_reads_at_most_1_mb_from_standard_input(tmp_path: Path) -> None:
    done = run_cli(cli_environ(tmp_path / "env"), "check", stdin=b"a" * 1_000_001, timeout=30)
    _no_traceback(done)
    assert done.returncode == 2 and "1 MB limit" in done.stderr
    fits = run_cli(cli_environ(tmp_path / "env2"), "check", "--channel", "x", stdin=b"a" * 10)
    assert fits.returncode == 0


def test_check_and_import_refuse_a_fifo_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    env = cli_environ(tmp_path / "env")
    checked = run_cli(env, "check", str(fifo), timeout=30)
    assert checked.returncode == 2 and "FIFO" in checked.stderr
    imported = run_cli(env, "import", str(fifo), "--tz", "Europe/Helsinki", timeout=30)
    _no_traceback(imported)
    assert imported.returncode == 2 and "not a regular file" in imported.stderr
    metrics = run_cli(env, "metrics", "import", str(fifo), "--tz", "Europe/Helsinki", timeout=30)
    _no_traceback(metrics)
    assert metrics.returncode != 0 and "not a regular file" in metrics.stderr + metrics.stdout


def test_import_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    source = tmp_path / "huge.csv"
    with source.open("wb") as handle:
        handle.truncate(20_000_001)  # sparse: no real disk used
    done = run_cli(env, "import", str(source), "--tz", "Europe/Helsinki")
    _no_traceback(done)
    assert done.returncode == 2 and "20 MB" in done.stderr


# ---------------------------------------------------------------- 15: tokens over http


def test_a_token_is_never_sent_over_plain_http_to_another_host(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    for args in (
        ("mastodon", "--service", "http://mastodon.example"),
        ("bluesky", "--handle", "me.example", "--service", "http://pds.example"),
    ):
        done = run_cli(env, "account", "add", *args, stdin="tok-1234567890")
        _no_traceback(done)
        assert done.returncode == 1
        assert "plain http" in done.stderr and "https://" in done.stderr


def test_the_http_stack_refuses_plain_http_to_another_host_before_connecting() -> None:
    # An account stored by an older version with an http address: its token is not sent.
    from somestudio.domain.publish_result import Final  # noqa: PLC0415
    from somestudio.networks.http import Http, create_session  # noqa: PLC0415

    http = Http(create_session(), "Mastodon")
    with pytest.raises(Final) as caught:
        http.request("GET", "http://mastodon.invalid/api/v1/x", idempotent=True, token="t" * 20)
    assert "plain http" in caught.value.reason and "nothing was sent" in caught.value.reason


# ---------------------------------------------------------------- 16: misleading messages


def test_a_5_mb_cell_is_called_too_large_not_unclosed(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    source = tmp_path / "big-cell.csv"
    source.write_text(HEADINGS + '"' + "a" * 5_000_000 + '",archive,2099-01-01,10:00\n')
    done = run_cli(env, "import", str(source), "--tz", "Europe/Helsinki")
    _no_traceback(done)
    assert done.returncode == 2
    assert "longer than 131072 characters" in done.stderr
    assert "not closed" not in done.stderr


def test_ics_export_counts_events_not_mentions_of_begin_vevent(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    text = "How to write a calendar file:\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT"
    added = run_cli(env, "post", "add", "--text", text, "--to", "1", "--at", "2099-01-01T10:00Z")
    assert added.returncode == 0, added.stderr
    done = run_cli(env, "export", "--ics", str(tmp_path / "plan.ics"))
    assert done.returncode == 0, done.stderr
    assert "wrote 1 events" in done.stderr


def test_a_utf32_csv_is_read_as_utf32(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    for codec in ("utf-32", "utf-32-be"):
        source = tmp_path / f"{codec}.csv"
        body = HEADINGS + "Hyvää päivää,archive,2099-01-01,10:00\n"
        data = body.encode(codec)
        if codec == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        source.write_bytes(data)
        done = run_cli(env, "import", str(source), "--tz", "Europe/Helsinki", "--dry-run")
        _no_traceback(done)
        assert done.returncode == 0, done.stderr
        assert "Hyvää päivää" in done.stdout


def test_account_names_with_escape_sequences_are_shown_inert(tmp_path: Path) -> None:
    env = cli_environ(tmp_path / "env")
    hostile = "evil\x1b]0;pwned\x07\x1b[2J\nfake\rline"
    _add_archive(env, tmp_path, hostile)
    listed = run_cli(env, "account", "list")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert "\r" not in listed.stdout
    lines = listed.stdout.splitlines()
    assert len(lines) == 2 and "evil\\x1b]0;pwned" in lines[1] and "\\nfake\\rline" in lines[1]
    posted = run_cli(env, "post", "add", "--text", "hei", "--to", "1", "--at", "2099-01-01T10:00Z")
    assert posted.returncode == 0, posted.stderr
    overview = run_cli(env, "post", "list")
    assert "\x1b" not in overview.stdout
    # The name itself is kept as written.
    shown = run_cli(env, "account", "list", "--json")
    assert '"handle": "evil\\u001b]0;pwned\\u0007\\u001b[2J\\nfake\\rline"' in shown.stdout


def test_a_csv_text_with_escape_sequences_is_shown_inert(tmp_path: Path) -> None:
    env = _with_archive(tmp_path)
    source = tmp_path / "escapes.csv"
    source.write_text(HEADINGS + "hi\x1b[2Jthere,archive,2099-01-01,10:00\n", encoding="utf-8")
    done = run_cli(env, "import", str(source), "--tz", "Europe/Helsinki", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "hi\\x1b[2Jthere" in done.stdout


def test_account_add_refuses_a_megabyte_on_standard_input(tmp_path: Path) -> None:
    """The secret is read from stdin with a bound (64 KiB): 1 MB is refused, exit 2, with a
    message naming standard input and the limit; nothing is sent to the server."""
    from tests.faults.helpers_input import Answer, Seen, loopback_server  # noqa: PLC0415
    from tests.secret_service import secret_service  # noqa: PLC0415

    def answer(seen: Seen) -> Answer:
        return Answer(payload={"id": "1", "acct": "kahvila", "display_name": "Kahvila"})

    with loopback_server(answer) as server, secret_service(tmp_path / "kr") as keyring:
        env = cli_environ(tmp_path / "env", keyring.environ)
        big = "A" * 1_000_000
        started = time.monotonic()
        done = run_cli(env, "account", "add", "mastodon", "--service", server.url, stdin=big)
        took = time.monotonic() - started
        listed = run_cli(env, "account", "list")
    _no_traceback(done)
    assert done.returncode == 2, done.stderr
    assert "standard input" in done.stderr and "65,536 characters (64 KiB)" in done.stderr
    assert server.seen == []
    assert "kahvila" not in listed.stdout
    assert took < 30
