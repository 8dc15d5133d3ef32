"""Language set-up: which language, which locale, a catalogue compiled when only the .ts is
there (a wheel built from a clean clone), and pseudo-translation."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel

from somestudio.ui.catalogue import qm_file, translations_folder
from somestudio.ui.i18n import install_language, locale_for, resolve_language, saved_language
from somestudio.ui.pseudo import pseudo

FINLAND = QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
SWEDISH_FINLAND = QLocale(QLocale.Language.Swedish, QLocale.Country.Finland)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_language_follows_the_setting_else_the_system(tmp_path: Path) -> None:
    assert resolve_language("", FINLAND) == "fi"
    assert resolve_language("", US) == "en"
    assert resolve_language("", SWEDISH_FINLAND) in ("fi", "en")  # its uiLanguages decide
    assert resolve_language("en", FINLAND) == "en"
    assert resolve_language("fi", US) == "fi"
    (tmp_path / "settings.json").write_text('{"language": "fi"}', encoding="utf-8")
    assert saved_language(tmp_path) == "fi"
    assert saved_language(tmp_path / "missing") == ""


def test_locale_keeps_the_systems_country_where_qt_knows_the_pair() -> None:
    english_in_finland = locale_for("en", FINLAND)
    assert english_in_finland.language() == QLocale.Language.English
    assert english_in_finland.firstDayOfWeek().value == 1  # Monday
    assert locale_for("fi", US).name() == "fi_FI"
    assert locale_for("fi", FINLAND).firstDayOfWeek().value == 1


def test_a_missing_qm_is_compiled_from_the_ts_into_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(translations_folder() / "somestudio_fi.ts", folder)
    compiled = qm_file("fi", folder)
    assert compiled is not None and compiled.is_file()
    assert not (folder / "somestudio_fi.qm").exists()  # the installed package stays untouched
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("MainWindow", "Calendar") == "Kalenteri"
    assert qm_file("fi", folder) == compiled  # once per catalogue version


def test_installed_finnish_translates_qt_and_us(qapp: object) -> None:
    installed = install_language("fi")
    try:
        assert QCoreApplication.translate("MainWindow", "Calendar") == "Kalenteri"
        assert QCoreApplication.translate("DeliveryState", "Missed") == "Myöhästynyt"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Peru"
        assert QLocale().language() == QLocale.Language.Finnish
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


def test_qt_dialogs_and_key_names_speak_finnish(qapp: object) -> None:
    installed = install_language("fi")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        dialog.deleteLater()
        assert {"&Lähde:", "Tiedosto&tyyppi:"} <= labels
        native = QKeySequence.SequenceFormat.NativeText
        # Qt's own Finnish catalogue says "Return"; Finnish keyboards and manuals say Enter.
        assert QKeySequence("Ctrl+Return").toString(native) == "Ctrl+Enter"
        assert QKeySequence("Ctrl+Shift+Z").toString(native) == "Ctrl+Vaihto+Z"
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
    assert QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText) == (
        "Ctrl+Return"
    )


def test_pseudo_translation_lengthens_and_keeps_what_code_needs(qapp: object) -> None:
    text = pseudo("&Save %1 of %n posts <b>now</b> &amp; later")
    assert text.startswith("[&") and text.endswith("]")
    for kept in ("%1", "%n", "<b>", "</b>", "&amp;"):
        assert kept in text
    assert len(text) >= len("&Save %1 of %n posts <b>now</b> &amp; later") * 1.3
    installed = install_language("en", pseudo=True)
    try:
        assert QCoreApplication.translate("MainWindow", "Calendar").startswith("[Çàĺéñðàŕ")
        assert QCoreApplication.translate("MainWindow", "%n posts need attention", "", 1) == (
            pseudo("1 post needs attention")
        )
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
