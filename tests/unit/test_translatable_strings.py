"""Every string the window shows goes through Qt's tr(): a literal handed straight to a
visible text setter is a string the Finnish catalogue can never translate."""

from __future__ import annotations

import ast
import re
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
    "setDetailedText",
    "addAction",
    "setTabText",
    "setTabToolTip",
    "setItemText",
    "insertItem",
    "setHeaderLabels",
    "setHeaderLabel",
    "setNameFilter",
    "setNameFilters",
    "setSpecialValueText",
}
# Static dialogs: (parent, title, text, ...) — every argument after the parent is shown.
STATIC_DIALOGS = {
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getText",
    "getItem",
    "getInt",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
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
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QMessageBox",
    "QFileDialog",
}


def _has_words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal parts, or a list's items) with letters in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in re.sub(r"<[^>]*>", "", node.value))  # not tags
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(item) for item in node.elts)
    if isinstance(node, ast.BinOp):  # tr("Images") + " (*.jpg)": what comes after is data
        return _has_words(node.left)
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
        shown = node.args[:1] if name in VISIBLE_SETTERS | VISIBLE_CONSTRUCTORS else []
        if name in STATIC_DIALOGS:
            shown = node.args[1:]
        if any(_has_words(arg) for arg in shown):
            problems.append((node.lineno, name))
    return problems


def unextractable(source: str) -> list[tuple[int, str]]:
    """tr()/translate() calls lupdate cannot read: the text (and translate's context) must
    be string literals, and translate must not be renamed (``tr = ….translate`` is read by
    lupdate as tr(text, comment) and files the message under no context)."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr in ("translate", "tr")
        ):
            problems.append((node.lineno, "alias of " + node.value.attr))
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _name(node)
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if name == "translate" and not (
            isinstance(receiver, ast.Name) and receiver.id.endswith(("Application", "app"))
        ):
            continue  # str.translate, a QTranslator's own method
        texts = {"tr": node.args[:1], "translate": node.args[:2]}.get(name, [])
        for arg in texts:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                problems.append((node.lineno, f"{name}() of a non-literal"))
    return problems


def test_the_checker_catches_a_bare_literal() -> None:
    assert untranslated('label.setText("Hello")') == [(1, "setText")]
    assert untranslated('QLabel(f"Hello {name}")') == [(1, "QLabel")]
    assert untranslated('label.setText(self.tr("Hello"))') == []
    assert untranslated('label.setText(f"{a} · {b}")') == []  # data, no words of ours
    assert untranslated('button.setText("‹")') == []


def test_the_checker_catches_what_lupdate_cannot_read() -> None:
    assert unextractable('self.tr(f"Hello {name}")') == [(1, "tr() of a non-literal")]
    assert unextractable("self.tr(text)") == [(1, "tr() of a non-literal")]
    assert unextractable('tr = QCoreApplication.translate\ntr("Ctx", "Hi")') == [
        (1, "alias of translate")
    ]
    assert unextractable('QCoreApplication.translate("Ctx", "Hi")') == []
    assert unextractable('self.tr("%n posts", "", count)') == []
    assert untranslated('QMessageBox.warning(self, "Oops", text)') == [(1, "warning")]
    assert untranslated('tree.setHeaderLabels(["Action", self.tr("Keys")])') == [
        (1, "setHeaderLabels")
    ]


def test_translations_are_readable_by_lupdate() -> None:
    problems = [
        f"{path.relative_to(UI.parent.parent)}:{line} {what}"
        for path in sorted(UI.rglob("*.py"))
        for line, what in unextractable(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_ui_strings_are_wrapped_for_translation() -> None:
    problems = [
        f"{path.relative_to(UI.parent.parent)}:{line} {name}(…) gets a bare string"
        for path in sorted(UI.rglob("*.py"))
        for line, name in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert problems == []
