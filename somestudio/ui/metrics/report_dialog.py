"""Export a month's report as PDF and/or CSV. The month is read and the file written on a
worker (``ui.tasks``), the Save buttons resting meanwhile and the outcome line saying so."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
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

from somestudio.app.metrics_report import last_full_month, previous_month
from somestudio.app.report_export import save_monthly_report
from somestudio.app.studio import Studio
from somestudio.domain.utc import utc_now
from somestudio.ui.file_folders import DOCUMENTS, as_kind, remember, start_folder
from somestudio.ui.metrics.report_csv_words import report_csv_words
from somestudio.ui.metrics.report_pdf import write_report_pdf
from somestudio.ui.storage_text import storage_text
from somestudio.ui.tasks import Tasks


class ReportDialog(QDialog):
    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        """``today``: the window's day in ``zone`` (the last full month before it is
        offered); the computer's clock without it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly report"))
        self._studio = studio
        self._zone = zone
        # Its own worker, gone with the dialog: a report still being written when the dialog
        # closes is written all the same (in one step), only its outcome goes unheard.
        self._tasks = tasks or Tasks(self)
        self.saved: Path | None = None  # the last file written
        self._focus_back: QWidget | None = None
        self.month = QComboBox()
        locale = QLocale()
        today = utc_now().astimezone(zone).date() if today is None else today
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

    def save(self, kind: str, path: Path | None = None) -> None:
        """Ask where to save (unless ``path``), then read the chosen month and write the file
        on the worker; "Saving…" meanwhile, then where it was saved or why it could not be."""
        if self._tasks.busy():
            return
        month = self.chosen_month()
        if path is None:
            # The file's name in the window's language (a word only: no space, no slash).
            word = self.tr("report")
            suggested = f"{word}-{month:%Y-%m}.{kind}"
            filters = (
                self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("CSV files (*.csv)")
            )
            start = str(Path(start_folder(DOCUMENTS)) / suggested)
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), start, filters)
            if not chosen:
                return
            path = as_kind(chosen, kind)
            remember(DOCUMENTS, path)
        workspace, zone, target = self._studio.workspace, self._zone, path
        self._busy(True)
        self._say(self.tr("Saving…"))
        # The CSV as the user's spreadsheet reads it: in Finnish, 12,5 with ";" between cells.
        decimal_comma = QLocale().decimalPoint() == ","
        words = report_csv_words()  # its headings and states in the window's language
        self._tasks.run(
            lambda: save_monthly_report(
                workspace,
                month,
                zone,
                kind=kind,
                target=target,
                draw=write_report_pdf,
                decimal_comma=decimal_comma,
                words=words,
            ),
            self._saved,
            self._failed,
        )

    def busy(self) -> bool:
        """Whether a report is being saved."""
        return self._tasks.busy()

    def _saved(self, path: Path) -> None:
        self._busy(False)
        self.saved = path
        self._say(self.tr("Saved %1").replace("%1", str(path)))

    def _failed(self, error: BaseException) -> None:
        """A refusal (inside the data folder) or a failure to write, in our words."""
        self._busy(False)
        self._say(self.tr("Could not save: %1").replace("%1", storage_text(error)))

    def _busy(self, busy: bool) -> None:
        """The Save buttons rest while a report is saved. The focus on the one pressed would
        move on to Close (Enter would close the dialog): it waits on the month instead and
        comes back to the button when the saving is over, unless it was moved meanwhile."""
        focus = QApplication.focusWidget()
        if busy and focus in (self.pdf_button, self.csv_button):
            self._focus_back = focus
            self.month.setFocus(Qt.FocusReason.OtherFocusReason)
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(not busy)
        if not busy:
            back, self._focus_back = self._focus_back, None
            if back is not None and QApplication.focusWidget() is self.month:
                back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str) -> None:
        """The outcome under the month, the dialog grown to show all of it (a path is long;
        the dialog was sized while the line was empty)."""
        self.outcome.setText(text)
        self.adjustSize()
