"""The always-on box's set-up (README "An always-on box", issue 17 point 6) stays true: the
shipped systemd unit is one systemd accepts and starts a command we have, and every
``somestudio …`` command of that README section is one the real command line parses."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from somestudio.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "resources" / "systemd" / "somestudio-scheduler.service"
HEADING = "## An always-on box"


def unit_sections() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys keep case
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def parses(args: list[str]) -> str | None:
    """None when the real parser takes ``args``, else what it said."""
    try:
        parsed = build_parser(args).parse_args(args)
    except SystemExit as exc:
        return f"exit {exc.code}"
    return None if getattr(parsed, "run", None) is not None else "no command chosen"


def test_the_unit_starts_run_scheduler_of_ours() -> None:
    unit = unit_sections()
    assert set(unit.sections()) == {"Unit", "Service", "Install"}
    program, *args = shlex.split(unit["Service"]["ExecStart"])
    assert program == "%h/.local/bin/somestudio"  # where pipx puts it
    assert args == ["run-scheduler"]
    assert parses(args) is None
    assert unit["Service"]["Restart"] == "on-failure"  # exit 1: locked, or server not up yet
    assert unit["Service"]["Environment"] == "DBUS_SESSION_BUS_ADDRESS=unix:path=%t/bus"
    assert unit["Install"]["WantedBy"] == "default.target"  # a user unit, started with linger


def test_a_command_we_do_not_have_would_be_caught() -> None:
    assert parses(["run-scheduler", "--daemon"]) is not None
    assert parses(["workspace", "use", "postgresql://a@b/c", "--secret"]) is not None
    assert parses(["no-such-command"]) is not None


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    home = tmp_path / "home"
    program = home / ".local" / "bin" / "somestudio"  # it checks that ExecStart exists
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    # Short: systemd reads the user's socket units (gpg-agent's) with paths in it, and a
    # Unix socket's path has room for 107 bytes, which a deep temporary folder can exceed.
    runtime = Path(tempfile.mkdtemp(prefix="rt-", dir="/tmp"))
    copy = tmp_path / UNIT.name
    shutil.copy(UNIT, copy)
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime), SYSTEMD_LOG_COLOR="0")
    done = subprocess.run(
        [analyze, "--user", "verify", str(copy)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    shutil.rmtree(runtime, ignore_errors=True)
    assert (done.returncode, done.stderr.strip()) == (0, "")


def readme_commands() -> list[list[str]]:
    """Each ``somestudio …`` command in the README section's shell blocks, as its arguments
    (after a ``printf … |`` feeding it standard input)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(HEADING)
    end = text.index("\n## ", start + len(HEADING))
    section = text[start:end]
    commands: list[list[str]] = []
    for block in section.split("```sh\n")[1:]:
        for line in block.split("```", 1)[0].splitlines():
            words = shlex.split(line, comments=True)
            pipeline: list[list[str]] = [[]]
            for word in words:
                if word == "|":
                    pipeline.append([])
                else:
                    pipeline[-1].append(word)
            commands += [part[1:] for part in pipeline if part[:1] == ["somestudio"]]
    return commands


def test_every_somestudio_command_of_the_readme_section_parses() -> None:
    commands = readme_commands()
    named = {tuple(c[:2]) for c in commands}
    for expected in (("workspace", "move"), ("workspace", "use"), ("account", "add"), ("doctor",)):
        assert any(n[: len(expected)] == expected for n in named), expected
    problems = {shlex.join(c): said for c in commands if (said := parses(c)) is not None}
    assert problems == {}
    assert len(commands) >= 6


def test_the_section_installs_the_unit_that_is_shipped() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index(HEADING) :]
    assert f"cp {UNIT.relative_to(REPO)} ~/.config/systemd/user/" in section
    assert 'loginctl enable-linger "$USER"' in section
