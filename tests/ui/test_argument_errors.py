"""A wrong argument to a Qt call is a ``TypeError`` the program can catch, not the end of the
process (``ui/argument_errors.py``). Each case runs in a process of its own: the failure
happened on the first wrong argument of a process only."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CALLS = {
    "widgets": "from PySide6.QtWidgets import QWidget\nQWidget().setMinimumWidth('wide')",
    "core": "from PySide6.QtCore import QTimer\nQTimer.singleShot('soon', None)",
    "gui": "from PySide6.QtGui import QFont\nQFont().setPointSize('big')",
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_raises_a_type_error_the_program_survives(call: str) -> None:
    code = (
        "import somestudio.ui\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "try:\n"
        + "".join(f"    {line}\n" for line in CALLS[call].splitlines())
        + "except TypeError as error:\n"
        "    print('TypeError:', str(error).splitlines()[0])\n"
        "print('still running')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "TypeError: 'PySide6." in done.stdout
    assert "still running" in done.stdout
    assert "Fatal Python error" not in done.stderr
    assert "Warning" not in done.stderr
