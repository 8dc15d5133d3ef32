"""PySide's check of every imported module keeps no source in memory (ui/pyside_imports.py)."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import somestudio.ui  # noqa: F401 - applies the cheap check, as the window's start does
from somestudio.ui import pyside_imports


def test_the_hook_of_this_pyside_uses_the_cheap_check() -> None:
    """If a PySide update drops or renames the hook this fails, rather than the memory
    quietly coming back."""
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_imports._uses_pyside


PROBE = """\
import linecache, sys
import somestudio.ui  # applies the cheap check, as the window's start does
feature = sys.modules["shibokensupport.feature"]
sys.path.insert(0, sys.argv[1])
import pyside_imports_probe  # through PySide's import hook
print(sys.argv[1] + "/pyside_imports_probe.py" in linecache.cache)
print(feature.pyside_feature_dict["pyside_imports_probe"])
"""


def test_an_import_leaves_no_source_lines_in_memory(tmp_path: Path) -> None:
    """In a process of its own, as the window's: PySide's import hook is process-wide state
    that other tests change (PySide 6.11 swaps ``builtins.__import__`` for its own
    ``__lazy_import__`` at times, and an import then goes past the hook)."""
    module_file = tmp_path / "pyside_imports_probe.py"
    module_file.write_text("from PySide6.QtCore import QObject\n\nVALUE = QObject\n")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    in_linecache, feature = result.stdout.split()
    assert in_linecache == "False"  # no source kept
    assert feature == "0"  # seen as using PySide


def test_the_answer_is_the_one_pyside_gave_for_every_module_of_the_app() -> None:
    checked = 0
    for name, module in sorted(sys.modules.items()):
        if not name.startswith(("somestudio", "PySide6", "json", "sqlite3")):
            continue
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert pyside_imports._uses_pyside(module) is expected, name
        checked += 1
    assert checked > 20
