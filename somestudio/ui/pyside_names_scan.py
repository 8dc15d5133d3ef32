"""Writes ``pyside_names.py``: the names Some Studio's modules import from PySide (the types
the GUI thread makes before another thread imports them: ``pyside_types``).

    python -m somestudio.ui.pyside_names_scan

``tests/faults/test_pyside_types.py`` fails while the file is not current.
"""

from __future__ import annotations

import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
TARGET = Path(__file__).with_name("pyside_names.py")


def scan(package: Path = PACKAGE) -> dict[str, tuple[str, ...]]:
    """Every ``from PySide6.<module> import <name>`` in ``package``, by module."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                found[str(node.module)].update(alias.name for alias in node.names)
    return {module: tuple(sorted(found[module])) for module in sorted(found)}


def source(names: dict[str, tuple[str, ...]]) -> str:
    lines = [
        '"""The names Some Studio\'s modules import from PySide, by module. Written by',
        '``python -m somestudio.ui.pyside_names_scan``; do not edit by hand."""',
        "",
        "NAMES: dict[str, tuple[str, ...]] = {",
    ]
    for module, members in names.items():
        if len(members) == 1:
            lines.append(f"    {json.dumps(module)}: ({json.dumps(members[0])},),")
            continue
        lines.append(f"    {json.dumps(module)}: (")
        lines += [f"        {json.dumps(name)}," for name in members]
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(source(scan()), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
