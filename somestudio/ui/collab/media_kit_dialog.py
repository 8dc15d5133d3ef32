"""The media kit in one click: what only the creator knows (name, audience, rates, whether
to show past partners, the language), kept for next time, then a PDF and a PNG beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.collab.files import save_drawn
from somestudio.app.collab.media_kit import (
    KitSettings,
    build_media_kit,
    load_settings,
    save_settings,
)
from somestudio.app.workspace import Workspace
from somestudio.ui.collab.media_kit_pdf import write_media_kit_pdf, write_media_kit_png
from somestudio.ui.file_folders import DOCUMENTS, as_kind, remember, start_in
from somestudio.ui.i18n import ui_language
from somestudio.ui.storage_text import storage_text


class MediaKitDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        zone: ZoneInfo,
        now: Callable[[], datetime],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MediaKitDialog")
        self.setWindowTitle(self.tr("Media kit"))
        self.resize(560, 520)
        self._workspace = workspace
        self._zone = zone
        self._now = now
        kept = load_settings(workspace, default_language=ui_language())
        self.name = QLineEdit(kept.name)
        self.name.setPlaceholderText(self.tr("Your name or brand"))
        self.audience = QPlainTextEdit(kept.audience)
        self.audience.setTabChangesFocus(True)
        self.audience.setPlaceholderText(self.tr("Who follows you: age, place, interests"))
        self.rates = QPlainTextEdit(kept.rates)
        self.rates.setTabChangesFocus(True)
        self.rates.setPlaceholderText(self.tr("One rate a line, e.g. Instagram post 450 €"))
        self.partners = QCheckBox(self.tr("Show past partners"))
        self.partners.setChecked(kept.show_partners)
        self.language = QComboBox()
        self.language.addItem(self.tr("Finnish"), "fi")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(0 if kept.language == "fi" else 1)
        self.save_button = QPushButton(self.tr("Save PDF and PNG…"))
        self.save_button.clicked.connect(self._choose)
        self.outcome = QLabel()
        self.outcome.setObjectName("MediaKitOutcome")
        self.outcome.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Audience"), self.audience),
            (self.tr("Rates"), self.rates),
            (self.tr("Language"), self.language),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("", self.partners)
        self.partners.setAccessibleName(self.tr("Show past partners"))
        self.save_button.setAccessibleName(self.tr("Save PDF and PNG"))
        close.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)  # once inside this dialog, where Qt honours it

    def settings(self) -> KitSettings:
        return KitSettings(
            name=self.name.text().strip(),
            audience=self.audience.toPlainText().strip(),
            rates=self.rates.toPlainText().strip(),
            show_partners=self.partners.isChecked(),
            language=str(self.language.currentData()),
        )

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the media kit"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        start_in(dialog, DOCUMENTS)
        dialog.selectFile(
            "media-kit.pdf" if self.language.currentData() == "en" else "mediakortti.pdf"
        )
        dialog.fileSelected.connect(lambda name: self.save(as_kind(name, "pdf")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save(self, pdf: Path) -> bool:
        """Keep the settings, write ``pdf`` and a PNG of its first page beside it."""
        settings = self.settings()
        save_settings(self._workspace, settings)
        kit = build_media_kit(self._workspace, self._now(), settings)
        png = pdf.with_suffix(".png")
        home = self._workspace.home
        try:
            save_drawn(pdf, home, lambda t: write_media_kit_pdf(kit, t, self._zone))
            save_drawn(png, home, lambda t: write_media_kit_png(kit, t, self._zone))
        except OSError as exc:
            self.outcome.setText(self.tr("Could not save: %1").replace("%1", storage_text(exc)))
            return False
        remember(DOCUMENTS, pdf)
        self.outcome.setText(
            self.tr("Saved %1 and %2").replace("%1", str(pdf)).replace("%2", png.name)
        )
        return True
