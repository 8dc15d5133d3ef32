"""The window's zone (``launch.system_zone``): what TZ names, else what /etc/localtime links
to, else Qt's answer; never a zone that would shift the user's posts by guessing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimeZone

from somestudio.ui import launch


@pytest.mark.parametrize(
    ("variable", "zone"),
    [
        ("Europe/Helsinki", "Europe/Helsinki"),
        (":America/New_York", "America/New_York"),  # POSIX: a leading colon
        ("/usr/share/zoneinfo/Asia/Kolkata", "Asia/Kolkata"),  # a path to the zone's file
    ],
)
def test_tz_names_the_zone(monkeypatch: pytest.MonkeyPatch, variable: str, zone: str) -> None:
    monkeypatch.setenv("TZ", variable)
    assert launch.system_zone().key == zone


def test_without_tz_the_zone_is_the_one_qt_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt reads the system's zone its own way (the /etc/localtime link, /etc/timezone): the
    same answer, without Qt's cost."""
    monkeypatch.delenv("TZ", raising=False)
    qt_name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    assert launch.system_zone().key == launch.UTC_ALIASES.get(qt_name, qt_name)


@pytest.mark.parametrize("variable", ["Etc/UTC", "Etc/Universal", "UCT", "Zulu", "UTC"])
def test_utc_by_any_name_is_utc(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    """A machine set to UTC (Debian's default links /etc/localtime to Etc/UTC) shows its
    zone as the calendar names it: "UTC" in the Schedule dialog too, not "Etc/UTC" beside a
    calendar saying "UTC" (a new user's finding)."""
    monkeypatch.setenv("TZ", variable)
    assert launch.system_zone().key == "UTC"


@pytest.mark.parametrize("variable", ["Nowhere/Atlantis", "Europe"])  # "Europe": a folder
def test_a_zone_nobody_knows_falls_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str
) -> None:
    monkeypatch.setenv("TZ", variable)
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Europe/Helsinki")
    real = os.path.realpath
    monkeypatch.setattr(
        os.path,
        "realpath",
        lambda path: real(link) if path == "/etc/localtime" else real(path),
    )
    assert launch.system_zone().key == "Europe/Helsinki"
