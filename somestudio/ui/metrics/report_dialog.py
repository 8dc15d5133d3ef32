"""Export a month's report as PDF and/or CSV."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.metrics_report import build_report, last_full_month, previous_month
from somestudio.app.report_export import save_report_csv, save_report_pdf
from somestudio.app.studio import Studio
from somestudio.ui.file_folders import DOCUMENTS, remember, start_folder
from somestudio.ui.metrics.report_pdf import write_report_pdf
from somestudio.ui.storage_text import storage_text


class ReportDialog(QDialog):
    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly report"))
        self._studio = studio
        self._zone = zone
        self.month = QComboBox()
        locale = QLocale()
        today = datetime.now(zone).date() if today is None else today
        first = today.replace(day=1)
        default = last_full_month(today)
        for _ in range(24):
            name = locale.standaloneMonthName(first.month, QLocale.FormatType.LongFormat)
            self.month.addItem(f"{name} {first.year}", first)
            if first == default:
                # The month under way is listed, but the last full one is what a report is for.
                self.month.setCurrentIndex(self.month.count() - 1)
            first = previous_month(first)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.csv_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.close_button.clicked.connect(self.accept)

    def chosen_month(self) -> date:
        value = self.month.currentData()
        assert isinstance(value, date)
        return value

    def save(self, kind: str, path: Path | None = None) -> Path | None:
        month = self.chosen_month()
        if path is None:
            suggested = f"report-{month:%Y-%m}.{kind}"
            filters = (
                self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("CSV files (*.csv)")
            )
            start = str(Path(start_folder(DOCUMENTS)) / suggested)
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), start, filters)
            if not chosen:
                return None
            path = Path(chosen)
            remember(DOCUMENTS, path)
        report = build_report(self._studio.workspace.connection, month, self._zone)
        home = self._studio.workspace.home
        try:
            if kind == "pdf":
                save_report_pdf(report, path, home, write_report_pdf)
            else:
                save_report_csv(report, path, home)
        except OSError as exc:  # a refusal (inside the data folder) says so in our words
            self._say(self.tr("Could not save: %1").replace("%1", storage_text(exc)))
            return None
        self._say(self.tr("Saved %1").replace("%1", str(path)))
        return path

    def _say(self, text: str) -> None:
        """The outcome under the month, the dialog grown to show all of it (a path is long;
        the dialog was sized while the line was empty)."""
        self.outcome.setText(text)
        self.adjustSize()
