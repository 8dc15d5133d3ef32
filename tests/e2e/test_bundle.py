"""The PyInstaller one-folder bundle from build.spec builds and starts on its own."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

import somestudio

from .conftest import (
    OFFSCREEN_NOISE,
    REPO_ROOT,
    SHOWN_LINE,
    LaunchApp,
    stderr_problems,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

BUILD_TIMEOUT = 800


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once per module into a temporary dist/work folder; the bundled executable."""
    root = tmp_path_factory.mktemp("bundle")
    log = root / "pyinstaller.log"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm"]
    command += ["--distpath", str(root / "dist"), "--workpath", str(root / "work")]
    started = time.monotonic()
    with log.open("wb") as out:
        result = subprocess.run(
            [*command, str(REPO_ROOT / "build.spec")],
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    seconds = time.monotonic() - started
    text = log.read_text(errors="replace")
    assert result.returncode == 0, f"PyInstaller failed after {seconds:.0f} s:\n{text[-6000:]}"
    executable = root / "dist" / "somestudio" / "somestudio"
    assert executable.is_file(), f"no executable at {executable}\n{text[-3000:]}"
    return executable


def test_bundle_carries_resources_and_migrations(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    assert (internal / "resources" / "icons" / "somestudio.svg").is_file()
    assert (internal / "resources" / "somestudio.desktop").is_file()
    sql_in_source = sorted(
        p.name for p in (REPO_ROOT / "somestudio" / "store" / "migrations").glob("*.sql")
    )
    sql_in_bundle = sorted(
        p.name for p in (internal / "somestudio" / "store" / "migrations").glob("*.sql")
    )
    assert sql_in_source, "no migrations in the source tree?"
    assert sql_in_bundle == sql_in_source
    # The big Qt modules the app does not use stay out.
    qt_libs = {p.name for p in (internal / "PySide6" / "Qt" / "lib").iterdir()}
    assert not {name for name in qt_libs if "Quick" in name or "Qml" in name or "WebEngine" in name}


def test_bundle_prints_version(bundle: Path, app_env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(bundle), "--version"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"somestudio {somestudio.__version__}\n"


@pytest.mark.parametrize("args", [[], ["--demo"]], ids=["empty-home", "demo"])
def test_bundle_shows_window_offscreen(
    bundle: Path, launch: LaunchApp, app_env: dict[str, str], args: list[str]
) -> None:
    """--demo also needs the package's data files (sample media) inside the bundle."""
    app = launch([str(bundle), *args], {**app_env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"})
    assert app.wait(90) == 0, app.describe()
    assert SHOWN_LINE in app.stdout().splitlines(), app.describe()
    assert stderr_problems(app.stderr(), ignore=OFFSCREEN_NOISE) == [], app.describe()


@pytest.mark.xvfb
def test_bundle_shows_window_on_x11(
    bundle: Path, launch: LaunchApp, app_env: dict[str, str], xvfb_display: str
) -> None:
    """The xcb plugin and every library it loads came along (or exist on the system)."""
    env = {**app_env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"}
    env |= {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}
    app = launch([str(bundle)], env)
    assert app.wait(90) == 0, app.describe()
    assert SHOWN_LINE in app.stdout().splitlines(), app.describe()
    assert stderr_problems(app.stderr()) == [], app.describe()
