"""The post's language: a plain choice, the window's language by default. Networks that
take it get it (Bluesky ``langs``, Mastodon ``language``); ISO 639-1 codes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


class LanguageChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PostLanguage")
        self.setAccessibleName(self.tr("Language of the post"))
        self.setToolTip(
            self.tr("Sent to networks that take it, so people who read this language find it")
        )
        names = {
            "": self.tr("Not said"),
            "en": self.tr("English"),
            "fi": self.tr("Finnish"),
            "sv": self.tr("Swedish"),
            "et": self.tr("Estonian"),
            "de": self.tr("German"),
            "fr": self.tr("French"),
            "es": self.tr("Spanish"),
            "it": self.tr("Italian"),
            "nl": self.tr("Dutch"),
            "da": self.tr("Danish"),
            "pl": self.tr("Polish"),
            "pt": self.tr("Portuguese"),
            "ru": self.tr("Russian"),
            "uk": self.tr("Ukrainian"),
        }
        for code, name in names.items():
            self.addItem(f"{name} ({code})" if code else name, code)

    def language(self) -> str:
        value = self.currentData()
        return value if isinstance(value, str) else ""

    def set_language(self, code: str) -> None:
        index = self.findData(code)
        if index < 0:  # a code this list does not name (from a file or an older choice)
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)
