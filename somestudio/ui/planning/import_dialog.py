"""Importing posts from a CSV file: choose the file, see every row with each account's
checks before anything is saved, import all of it or none."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.csv_import import CsvImporter, ImportPreview, ImportRefusedError
from somestudio.app.plan_library import PlanLibrary
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.domain.csv_problems import Blocking
from somestudio.domain.csv_table import TextEncoding
from somestudio.domain.csv_values import DateOrder
from somestudio.domain.utc import utc_now
from somestudio.ui.file_folders import DOCUMENTS, start_in
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import network_icon
from somestudio.ui.theme.icons import Status, status_icon
from somestudio.ui.when_text import when_text

COLUMNS = 5


class ImportDialog(QDialog):
    imported = Signal(int)  # how many posts

    def __init__(
        self,
        studio: Studio,
        planner: Planner | None,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (a row's time already passed; this year)."""
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import posts from CSV"))
        self.resize(980, 640)
        self._studio = studio
        self._zone = zone
        self._now = now
        library = PlanLibrary(studio.workspace)
        self._importer = CsvImporter(
            studio.workspace, planner, extra_check=library.csv_check, now=now
        )
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose)
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(self.tr("Encoding"))
        self.encoding.addItem(self.tr("UTF-8 (CSV UTF-8)"), TextEncoding.UTF8.value)
        self.encoding.addItem(
            self.tr("Windows-1252 (plain CSV from Excel)"), TextEncoding.CP1252.value
        )
        self.date_order = QComboBox()
        self.date_order.setAccessibleName(self.tr("Date order"))
        self.date_order.addItem(self.tr("Dates: ask when unclear"), None)
        self.date_order.addItem(self.tr("Dates: day/month/year"), DateOrder.DAY_FIRST.value)
        self.date_order.addItem(self.tr("Dates: month/day/year"), DateOrder.MONTH_FIRST.value)
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account for rows without one"))
        self.account.addItem(self.tr("Rows name their accounts"), None)
        for account in studio.accounts():
            self.account.addItem(
                network_icon(account.network),
                f"{network_name(account.network)} · {account.label}",
                account.id,
            )
        for combo in (self.encoding, self.date_order, self.account):
            combo.currentIndexChanged.connect(self.refresh)
        options = QHBoxLayout()
        options.addWidget(choose)
        options.addWidget(self.encoding)
        options.addWidget(self.date_order)
        options.addWidget(self.account)
        options.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("ImportSummary")
        self.summary.setWordWrap(True)
        self.rows = QTableWidget(0, COLUMNS)
        self.rows.setObjectName("ImportRows")
        self.rows.setAccessibleName(self.tr("Rows to import"))
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("When"),
                self.tr("Accounts"),
                self.tr("Text"),
                self.tr("Checks"),
            ]
        )
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(True)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.rows.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems = QListWidget()
        self.problems.setObjectName("ImportProblems")
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("ImportButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 1)
        layout.addWidget(QLabel(self.tr("Problems (row:column):")))
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)

    def load(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.refresh()

    def refresh(self) -> None:
        if self.path is None:
            return
        account = self.account.currentData()
        order = self.date_order.currentData()
        lang = QLocale().name()
        try:
            preview = self._importer.preview(
                self.path,
                zone=self._zone.key,
                accounts=[int(account)] if account is not None else [],
                encoding=TextEncoding(self.encoding.currentData()),
                date_order=DateOrder(order) if order else None,
                lang=lang,
            )
        except FileNotFoundError as exc:
            self.summary.setText(self.tr("Cannot read the file: %1").replace("%1", str(exc)))
            self.import_button.setEnabled(False)
            return
        self.show_preview(preview, lang)

    def show_preview(self, preview: ImportPreview, lang: str) -> None:
        self.preview = preview
        self.rows.setRowCount(len(preview.rows))
        ok_icon, bad_icon = status_icon(Status.OK), status_icon(Status.ERROR)
        for row, item in enumerate(preview.rows):
            planned = item.planned
            if planned.at is None:
                when = self.tr("draft, no date")
            else:
                # As the calendar and the Schedule dialog write a moment (it was 7.1.2027
                # 09:00 in every language), the zone's place named.
                when = when_text(planned.at, planned.zone, now=self._now())
                when += " · " + self.tr("draft") if planned.draft else ""
            checks = "\n".join(
                f"{'✓' if c.ok else '✕'} {c.account} {c.counter}".rstrip() for c in item.channels
            )
            cells = [str(planned.row), when, "\n".join(item.accounts), planned.text, checks]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setIcon(ok_icon if item.ok else bad_icon)
                self.rows.setItem(row, column, cell)
        self.rows.resizeRowsToContents()
        self.problems.clear()
        for problem in preview.problems:
            icon = bad_icon if problem.severity is Blocking.ERROR else status_icon(Status.WARNING)
            entry = QListWidgetItem(icon, problem.line(lang))
            entry.setData(Qt.ItemDataRole.UserRole, problem.row)
            self.problems.addItem(entry)
        errors = len(preview.errors)
        if errors:
            self.summary.setText(
                self.tr(
                    "%n problems: fix them in the file, then choose it again. "
                    "Nothing is imported until every row is right.",
                    "",
                    errors,
                )
            )
        elif preview.rows:
            self.summary.setText(self.tr("%n posts are ready to import.", "", len(preview.rows)))
        else:
            self.summary.setText(self.tr("The file has no posts."))
        self.import_button.setEnabled(preview.ok)

    def do_import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        try:
            ids = self._importer.apply(self.preview)
        except ImportRefusedError as exc:
            self.summary.setText(
                self.tr("Nothing was imported: %1").replace(
                    "%1", "; ".join(p.line() for p in exc.problems)
                )
            )
            self.import_button.setEnabled(False)
            return
        self.imported.emit(len(ids))
        self.accept()

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a CSV file"))
        dialog.setNameFilter(self.tr("CSV files (*.csv *.txt)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        start_in(dialog, DOCUMENTS)
        dialog.fileSelected.connect(lambda name: self.load(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
