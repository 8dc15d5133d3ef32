"""Running ``somestudio`` commands in-process for the CLI tests: a data folder and zone of
the test's own, the root logger put back afterwards, and the exit code with what was
printed."""

from __future__ import annotations

import logging
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
