"""The tests use Qt's enums as the app does: in full, no unscoped shortcuts (see somestudio)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from somestudio import PYSIDE_ENUM_OPTIONS


def test_this_process_has_no_forgiveness_mode() -> None:
    """Were PySide6 imported before ``somestudio`` here, the tests would accept code the
    app then fails on (an unscoped ``Qt.AlignLeft``)."""
    assert sys.pyside6_option_python_enum == PYSIDE_ENUM_OPTIONS  # type: ignore[attr-defined]
    assert Qt.AlignmentFlag.AlignLeft.name == "AlignLeft"
    with pytest.raises(AttributeError):
        _ = Qt.AlignLeft  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = QStyle.PM_ButtonMargin  # type: ignore[attr-defined]


def test_the_app_sets_it_before_qt_loads() -> None:
    code = (
        "import somestudio.ui.launch\n"
        "from PySide6.QtCore import Qt\n"
        "print(hasattr(Qt, 'AlignLeft'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"
