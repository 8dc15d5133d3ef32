"""Every string the window shows goes through Qt's tr(): a literal handed straight to a
visible text setter is a string the Finnish catalogue can never translate."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "somestudio" / "ui"

VISIBLE_SETTERS = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setStatusTip",
    "setWhatsThis",
    "setSuffix",
    "setPrefix",
    "addItem",
    "addTab",
    "setTitle",
    "showMessage",
    "addMenu",
    "setLabelText",
    "setInformativeText",
}
VISIBLE_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QAction",
    "QGroupBox",
    "QListWidgetItem",
    "QMenu",
}


def _has_words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal parts) with letters in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    return False


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated(source: str) -> list[tuple[int, str]]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _name(node)
        if name in VISIBLE_SETTERS | VISIBLE_CONSTRUCTORS and _has_words(node.args[0]):
            problems.append((node.lineno, name))
    return problems


def test_the_checker_catches_a_bare_literal() -> None:
    assert untranslated('label.setText("Hello")') == [(1, "setText")]
    assert untranslated('QLabel(f"Hello {name}")') == [(1, "QLabel")]
    assert untranslated('label.setText(self.tr("Hello"))') == []
    assert untranslated('label.setText(f"{a} · {b}")') == []  # data, no words of ours
    assert untranslated('button.setText("‹")') == []


def test_ui_strings_are_wrapped_for_translation() -> None:
    problems = [
        f"{path.relative_to(UI.parent.parent)}:{line} {name}(…) gets a bare string"
        for path in sorted(UI.rglob("*.py"))
        for line, name in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert problems == []
