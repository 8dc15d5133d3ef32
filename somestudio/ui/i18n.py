"""The window's language: English or Finnish, from Settings or else the system.

``install_language`` runs once, before any widget exists: it sets the default QLocale (dates,
times, numbers, the first day of the week: the chosen language with the system's country,
so English in Finland still has Monday weeks and a 24-hour clock), loads Qt's own catalogue
for standard dialogs and buttons, and our catalogue. Changing the language in Settings
takes effect at the next start (the page says so).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from somestudio.app.settings import peek
from somestudio.ui.catalogue import LANGUAGES, qm_file
from somestudio.ui.pseudo import ENV_PSEUDO, PseudoTranslator

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
# Each language by its own name: someone who cannot read the current one still finds theirs.
ENDONYMS = {"en": "English", "fi": "Suomi"}
# The restart offered after choosing a language, in that language: the button speaks the
# language the user just picked, not the one they are leaving (first-run welcome).
RESTART_IN = {"en": "Restart in English", "fi": "Käynnistä uudelleen suomeksi"}
# What the welcome says once a language is chosen, in that language too ("speaks Suomi" in an
# English sentence read oddly to a new user).
FROM_NEXT_START = {
    "en": "Some Studio speaks English from the next start.",
    "fi": "Some Studio on suomeksi seuraavasta käynnistyksestä alkaen.",
}
RESTART_NAMED = {
    "en": "Restart Some Studio in English",
    "fi": "Käynnistä Some Studio uudelleen suomeksi",
}
_QT_LANGUAGES = {"en": QLocale.Language.English, "fi": QLocale.Language.Finnish}
_current = DEFAULT_LANGUAGE


def ui_language() -> str:
    """The language the window speaks ("en" or "fi"): for messages made outside Qt."""
    return _current


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred UI languages that we ship, else English."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name[:2].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``setting`` is "", "en" or "fi" (Settings.language); "" follows the system."""
    return setting if setting in LANGUAGES else system_language(system)


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The chosen language with the system's country when Qt knows that pair (en_FI,
    fi_FI), else the language's main locale."""
    wanted = _QT_LANGUAGES.get(language, QLocale.Language.English)
    territory = (system or QLocale.system()).territory()
    locale = QLocale(wanted, territory)
    if locale.language() != wanted or locale.territory() != territory:
        locale = QLocale(wanted)
    return locale


def iso_dates_under_c_locale() -> None:
    """Where the system locale is C/POSIX (a bare server, LANG=C.UTF-8) Qt writes dates as
    "28 02 2027" and "20 11 2026 17:31": documents the command line draws then use ISO dates
    (2027-02-28) with English words and numbers instead (en_CA's formats)."""
    if QLocale().language() in {QLocale.Language.C, QLocale.Language.AnyLanguage}:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))


def saved_language(folder: Path) -> str:
    """Settings.language from the data folder's settings file, read without side effects
    (the window's SettingsStore deals with a damaged file later)."""
    return peek(folder, "language")


def _qt_translations_folders() -> list[str]:
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    return folders


@dataclass
class Installed:
    """What ``install_language`` put in place (kept referenced: Qt does not own them)."""

    language: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    pseudo: bool = False
    # What was in place before, put back by remove(): a language tried for a moment (a test,
    # a preview) must not leave its locale behind for everything after it.
    previous_locale: QLocale | None = None
    previous_language: str = DEFAULT_LANGUAGE

    def remove(self) -> None:
        global _current  # noqa: PLW0603 - see install_language
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        if self.previous_locale is not None:
            QLocale.setDefault(self.previous_locale)
            _current = self.previous_language
            self.previous_locale = None


def install_language(
    language: str, *, pseudo: bool | None = None, system: QLocale | None = None
) -> Installed:
    """Make ``language`` the window's language: locale, Qt's catalogue, ours."""
    global _current  # noqa: PLW0603 - one language per process, read by ui_language()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    locale = locale_for(language, system)
    installed = Installed(language, locale, previous_locale=QLocale(), previous_language=_current)
    QLocale.setDefault(locale)
    _current = language
    loaded: list[QTranslator] = []
    app_catalogue = qm_file(language)
    if app_catalogue is not None:
        ours = QTranslator()
        if ours.load(str(app_catalogue)):
            loaded.append(ours)
        else:
            log.warning("could not load %s", app_catalogue)
    elif language != DEFAULT_LANGUAGE:
        log.warning("no %s catalogue found: the window stays in English", language)
    if language != DEFAULT_LANGUAGE:
        for folder in _qt_translations_folders():
            qt = QTranslator()
            if qt.load(locale, "qtbase", "_", folder):
                loaded.append(qt)
                break
    if pseudo is None:
        pseudo = os.environ.get(ENV_PSEUDO, "") not in ("", "0")
    # Qt asks the translator installed last first: ours before Qt's, pseudo before both.
    translators: list[QTranslator] = [*reversed(loaded)]
    if pseudo:
        translators.append(PseudoTranslator(list(loaded)))
        installed.pseudo = True
    for translator in translators:
        QCoreApplication.installTranslator(translator)
    installed.translators = translators
    return installed
