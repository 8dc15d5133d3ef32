"""The fault suite's common parts: real processes, real files, a real small disk.

Each test here reproduces one finding of issue 13 (or one failure the issue names) against
the real program: ``python -m somestudio`` in a child process, SQLite files in a temporary
folder, a tmpfs of a few megabytes when a full disk is needed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import isolated_environ


def somestudio(
    args: list[str], env: dict[str, str], *, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m somestudio ARGS`` to the end."""
    return subprocess.run(
        [sys.executable, "-m", "somestudio", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "somestudio", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An isolated environment (HOME, XDG, no session bus) with an empty data folder."""
    environ = isolated_environ(tmp_path / "env")
    environ["QT_QPA_PLATFORM"] = "offscreen"
    environ["TZ"] = "UTC"
    return environ


@pytest.fixture
def data_home(env: dict[str, str]) -> Path:
    return Path(env["SOMESTUDIO_HOME"])


@dataclass(frozen=True)
class SmallDisk:
    """A mounted tmpfs of ``size`` bytes; ``fill()`` takes all the room left, ``free()``
    gives it back."""

    path: Path
    size: int

    @property
    def filler(self) -> Path:
        return self.path / "filler.bin"

    def fill(self) -> None:
        # Unbuffered: every byte that fits is written, and closing has nothing left to flush.
        with self.filler.open("ab", buffering=0) as handle:
            for size in (1 << 20, 65536, 4096, 512, 1):
                try:
                    while True:
                        handle.write(b"\0" * size)
                except OSError:
                    pass
        assert shutil.disk_usage(self.path).free < 4096

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


def _mount_tmpfs(folder: Path, size: int) -> str | None:
    """Mount a tmpfs; the reason it cannot be done, or None."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CAP_SYS_ADMIN); run the fault suite as root"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else f"mount -t tmpfs failed: {done.stderr.strip()}"


@pytest.fixture
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SmallDisk]:
    """A real small disk (tmpfs). Size in bytes from ``@pytest.mark.parametrize`` via
    ``request.param`` when given indirectly, else 24 MB."""
    size = int(getattr(request, "param", 24 * 1024 * 1024))
    folder = tmp_path / "small-disk"
    folder.mkdir()
    reason = _mount_tmpfs(folder, size)
    if reason is not None:
        pytest.fail(f"no real full disk can be made here: {reason}")
    try:
        yield SmallDisk(folder, size)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
