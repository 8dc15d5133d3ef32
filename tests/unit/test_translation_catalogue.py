"""The Finnish catalogue is complete: lupdate, run over the code into a copy of the committed
catalogues, finds nothing new or unfinished; every translation keeps its placeholders and
mnemonic; every context is one Qt will really ask for at run time.

When this fails after you add or change a string: ./scripts/update-translations, translate
what it reports (pyside6-linguist resources/translations/somestudio_fi.ts), run this again.
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from somestudio.ui.catalogue import LANGUAGES, qt_tool, ts_file, update

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "somestudio"
COMMITTED = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"%L?(\d)")
MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    unfinished: bool
    forms: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def messages(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            kind = translation.get("type")
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    numerus,
                    kind in ("unfinished", "vanished", "obsolete") or not all(forms),
                    forms,
                )
            )
    return found


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalogues brought up to date with the code, in a temporary folder."""
    if qt_tool("lupdate") is None:
        pytest.fail("lupdate not found: it comes with PySide6 (the dev virtualenv has it)")
    folder = tmp_path_factory.mktemp("translations")
    for language in LANGUAGES:
        if ts_file(language, COMMITTED).is_file():
            shutil.copy(ts_file(language, COMMITTED), folder)
    update(SOURCE, folder)
    return folder


def test_every_string_has_a_finished_finnish_translation(refreshed: Path) -> None:
    open_ = [str(m) for m in messages(ts_file("fi", refreshed)) if m.unfinished]
    assert open_ == [], (
        f"{len(open_)} messages are missing from or unfinished in somestudio_fi.ts. "
        "Run ./scripts/update-translations and translate them:\n  " + "\n  ".join(open_)
    )


def test_every_plural_has_its_english_forms(refreshed: Path) -> None:
    open_ = [str(m) for m in messages(ts_file("en", refreshed)) if m.unfinished]
    assert open_ == [], (
        "English plural forms missing in somestudio_en.ts (./scripts/update-translations, "
        "then give each its singular and plural):\n  " + "\n  ".join(open_)
    )


def test_translations_keep_placeholders_and_mnemonics() -> None:
    problems = []
    for language in LANGUAGES:
        for message in messages(ts_file(language, COMMITTED)):
            if message.unfinished:
                continue
            wanted = set(PLACEHOLDER.findall(message.source))
            given = {p for form in message.forms for p in PLACEHOLDER.findall(form)}
            if wanted != given:
                problems.append(f"{language} {message}: placeholders {sorted(given)}")
            if MNEMONIC.search(message.source) and not all(
                MNEMONIC.search(form) for form in message.forms
            ):
                problems.append(f"{language} {message}: the & of the keyboard mnemonic is lost")
            counted = message.numerus and "%n" in message.source.replace("%Ln", "%n")
            if counted and not any("%n" in f.replace("%Ln", "%n") for f in message.forms):
                problems.append(f"{language} {message}: no %n in any form")
    assert problems == []


def _known_contexts() -> set[str]:
    """Class names (self.tr's context) and literal contexts of translate() calls."""
    names: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


def test_every_context_is_one_qt_asks_for(refreshed: Path) -> None:
    """``tr = QCoreApplication.translate; tr("Ctx", "Text")`` or ``other.tr("Text")`` are
    read by lupdate under a context Qt never asks for at run time: never translated."""
    known = _known_contexts()
    strays = sorted({str(m) for m in messages(ts_file("fi", refreshed)) if m.context not in known})
    assert strays == [], (
        "Messages under a context that is neither a class nor a translate() context "
        "(use self.tr inside the class, or QCoreApplication.translate with a literal "
        "context):\n  " + "\n  ".join(strays)
    )
