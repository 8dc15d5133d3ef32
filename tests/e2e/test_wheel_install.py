"""What `pipx install .` gives a user: a wheel in its own virtualenv, started by its script.

The wheel is built from a copy of the checkout with the dev virtualenv's setuptools; its
dependencies come from the dev virtualenv through a .pth file, so nothing is downloaded.

"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import somestudio

from .conftest import OFFSCREEN_NOISE, REPO_ROOT, SHOWN_LINE, LaunchApp, stderr_problems

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "artifacts", "*.egg-info", "__pycache__", ".*_cache",
    ".hypothesis", ".tools",
)  # fmt: skip


PIP = (sys.executable, "-m", "pip", "-q", "--no-input", "--disable-pip-version-check")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(REPO_ROOT, source, symlinks=True, ignore=_NOT_SOURCE)
    result = subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "-w", str(root / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = (root / "dist").glob("somestudio-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with only the wheel installed; its bin/ folder."""
    venv = tmp_path_factory.mktemp("user-venv")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), *PIP[1:], "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=120,
    )
    target = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    # Dependencies from the dev venv, after the user venv's own site-packages on sys.path,
    # so `somestudio` itself is the wheel's copy, never the checkout.
    (Path(target) / "zz-dev-dependencies.pth").write_text("\n".join(site.getsitepackages()))
    return venv / "bin"


def test_installed_script_prints_version(installed: Path, app_env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(installed / "somestudio"), "--version"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"somestudio {somestudio.__version__}\n"


@pytest.mark.parametrize("args", [[], ["--demo"]], ids=["empty-home", "demo"])
def test_installed_gui_script_shows_window(
    installed: Path, launch: LaunchApp, app_env: dict[str, str], args: list[str]
) -> None:
    env = {**app_env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"}
    app = launch([str(installed / "somestudio-gui"), *args], env)
    assert app.wait(90) == 0, app.describe()
    assert SHOWN_LINE in app.stdout().splitlines(), app.describe()
    assert stderr_problems(app.stderr(), ignore=OFFSCREEN_NOISE) == [], app.describe()


def test_wheel_carries_resources_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "somestudio/resources/icons/somestudio.svg",
        "somestudio/resources/icons/hicolor/256x256/apps/somestudio.png",
        "somestudio/resources/somestudio.desktop",
        "somestudio/store/migrations/001_initial.sql",
        "somestudio/app/demo_media/korvapuusti.jpg",
        "somestudio/domain/data/tlds.txt",
    ):
        assert needed in names
