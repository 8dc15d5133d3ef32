"""Words of a document in a language of its own: the partner report speaks the partner's
language and the media kit the one the creator picks, whatever the window speaks.

Sources are marked with ``QT_TRANSLATE_NOOP`` (so the catalogue tool collects them) and
looked up in that language's catalogue, loaded apart from the window's translators.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator

from somestudio.ui.catalogue import qm_file
from somestudio.ui.i18n import locale_for


class Words:
    def __init__(self, language: str, context: str) -> None:
        self.language = language if language in ("fi", "en") else "en"
        self.context = context
        self.locale: QLocale = locale_for(self.language)
        self._translator: QTranslator | None = None
        if self.language != "en":
            path = qm_file(self.language)
            translator = QTranslator()
            if path is not None and translator.load(str(path)):
                self._translator = translator

    def __call__(self, source: object) -> str:
        """``source`` comes from ``QT_TRANSLATE_NOOP`` (typed ``object``; it is the string)."""
        return self.translate(self.context, str(source))

    def translate(self, context: str, source: str) -> str:
        if self._translator is None:
            return source
        return self._translator.translate(context, source) or source

    def percent(self, ratio: float | None, decimals: int = 1) -> str:
        if ratio is None:
            return "–"
        return f"{self.locale.toString(float(ratio * 100), 'f', decimals)} %"

    def number(self, value: float | None, decimals: int = 0) -> str:
        if value is None:
            return "–"
        if decimals == 0:
            return self.locale.toString(round(value))
        return self.locale.toString(float(value), "f", decimals)

    def change(self, ratio: float | None) -> str:
        if ratio is None:
            return "–"
        sign = "+" if ratio > 0 else ("−" if ratio < 0 else "±")
        return f"{sign}{self.locale.toString(float(abs(ratio) * 100), 'f', 0)} %"
