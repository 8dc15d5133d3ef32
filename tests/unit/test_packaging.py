"""The wheel must carry every package and the resources the window needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_python_package_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "somestudio").rglob("__init__.py")
    }
    assert found | {"somestudio.resources"} == _declared()


@pytest.mark.slow
def test_wheel_carries_resources_and_data(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("somestudio-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "somestudio/resources/icons/somestudio.svg",
        "somestudio/resources/icons/hicolor/256x256/apps/somestudio.png",
        "somestudio/resources/somestudio.desktop",
        "somestudio/store/migrations/001_initial.sql",
        "somestudio/app/demo_media/korvapuusti.jpg",
    ):
        assert needed in names
