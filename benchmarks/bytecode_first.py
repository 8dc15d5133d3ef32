"""Bytecode first, as an installed app has it: no compile time inside any figure.

A checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (as the test runs are), or whose sources
changed since their ``.pyc`` files were written, would otherwise compile each changed module
again on every start: 20 ms for the main window's module alone, counted as start-up.
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def compile_app() -> bool:
    """Write the ``.pyc`` of somestudio/ and benchmarks/ (whatever the environment says about
    writing bytecode); False, with a line on stderr, when a file does not compile."""
    ok = compileall.compile_dir(ROOT / "somestudio", quiet=1) and compileall.compile_dir(
        HERE, quiet=1
    )
    if not ok:
        print("compileall failed", file=sys.stderr)
    return bool(ok)
