"""What scripts, benchmarks and the bundle rely on: --version and SOMESTUDIO_EXIT_WHEN_SHOWN."""

from __future__ import annotations

import subprocess

import pytest

import somestudio

from .conftest import OFFSCREEN_NOISE, SHOWN_LINE, LaunchApp, stderr_problems

pytestmark = pytest.mark.slow


def test_version_prints_name_and_version(app_command: list[str], app_env: dict[str, str]) -> None:
    result = subprocess.run(
        [*app_command, "--version"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"somestudio {somestudio.__version__}\n"


@pytest.mark.parametrize("args", [[], ["--demo"]], ids=["empty-home", "demo"])
def test_exit_when_shown_reports_and_exits_zero(
    launch: LaunchApp, app_command: list[str], app_env: dict[str, str], args: list[str]
) -> None:
    app = launch([*app_command, *args], {**app_env, "SOMESTUDIO_EXIT_WHEN_SHOWN": "1"})
    code = app.wait(60)
    assert code == 0, app.describe()
    assert SHOWN_LINE in app.stdout().splitlines(), app.describe()
    assert stderr_problems(app.stderr(), ignore=OFFSCREEN_NOISE) == [], app.describe()
