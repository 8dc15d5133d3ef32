"""File → Export review pack…: a week or a month (the calendar's, unless changed) as one HTML
page or a PDF, for a reviewer outside the app. The posts are read and their pictures made
small off the GUI thread; the file is written in one step (a temporary beside it, renamed)
and only where the user chose."""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.collab.files import save_drawn, save_text
from somestudio.app.review_pack import (
    MONTH,
    WEEK,
    ReviewPack,
    ReviewPeriod,
    build_review_pack,
    month_period,
    week_period,
)
from somestudio.app.studio import Studio
from somestudio.domain.utc import utc_now
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.file_folders import DOCUMENTS, as_kind, remember, start_folder
from somestudio.ui.i18n import ui_language
from somestudio.ui.qtdates import qdate
from somestudio.ui.review_pack.pack_html import review_html
from somestudio.ui.review_pack.pack_pdf import write_review_pdf
from somestudio.ui.review_pack.pack_words import count_text, period_text
from somestudio.ui.storage_text import storage_text
from somestudio.ui.tasks import Tasks

HTML = "html"
PDF = "pdf"


class ReviewPackDialog(QDialog):
    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        period: ReviewPeriod,
        parent: QWidget | None = None,
        *,
        first_weekday: int = 1,
        tasks: Tasks | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """``now``: the window's clock (the pack says when it was made)."""
        super().__init__(parent)
        self.setObjectName("ReviewPackDialog")
        self.setWindowTitle(self.tr("Export review pack"))
        self._studio = studio
        self._zone = zone
        self._now = now
        self._first_weekday = first_weekday
        self._tasks = tasks or Tasks(self)
        self.saved: Path | None = None  # the last file written
        self._replace: Path | None = None  # an existing file the user was told of once
        self.kind = QComboBox()
        self.kind.setObjectName("ReviewPackKind")
        self.kind.addItem(self.tr("Week"), WEEK)
        self.kind.addItem(self.tr("Month"), MONTH)
        self.kind.setCurrentIndex(0 if period.kind == WEEK else 1)
        self.kind.setAccessibleName(self.tr("Week or month"))
        self.day = DayEdit(qdate(period.first))  # a whole day typed at once, four-digit year
        self.day.setObjectName("ReviewPackDay")
        self.day.setAccessibleName(self.tr("A day in the period"))
        self.period_label = QLabel()
        self.period_label.setObjectName("ReviewPackPeriod")
        self.format = QComboBox()
        self.format.setObjectName("ReviewPackFormat")
        self.format.addItem(self.tr("HTML page (opens in any browser)"), HTML)
        self.format.addItem(self.tr("PDF"), PDF)
        self.format.setAccessibleName(self.tr("Format"))
        self.path = QLineEdit()
        self.path.setObjectName("ReviewPackPath")
        self.path.setAccessibleName(self.tr("File"))
        self.path.setPlaceholderText(self.tr("Where to save the review pack"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setObjectName("ReviewPackChoose")
        self.browse.setAccessibleName(self.tr("Choose the file"))
        self.progress = QProgressBar()
        self.progress.setObjectName("ReviewPackProgress")
        self.progress.setRange(0, 0)  # busy: how long the pictures take is not known
        self.progress.setAccessibleName(self.tr("Exporting"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("ReviewPackOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("ReviewPackExport")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("ReviewPackClose")
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.kind)
        form.addRow(self.tr("Day in it"), self.day)
        form.addRow("", self.period_label)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), where)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._period_changed)
        self.day.dateChanged.connect(self._period_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self._suggested = ""
        self._period_changed()
        self.resize(520, self.sizeHint().height())

    # -- what is chosen
    def period(self) -> ReviewPeriod:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        if self.kind.currentData() == WEEK:
            return week_period(day, self._first_weekday)
        return month_period(day)

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def set_format(self, kind: str) -> None:
        self.format.setCurrentIndex(self.format.findData(kind))

    def set_path(self, path: Path | str) -> None:
        self.path.setText(str(path))

    # -- acting
    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the review pack"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        pdf = self.chosen_format() == PDF
        dialog.setDefaultSuffix(PDF if pdf else HTML)
        dialog.setNameFilter(
            self.tr("PDF files (*.pdf)") if pdf else self.tr("HTML pages (*.html *.htm)")
        )
        dialog.setDirectory(start_folder(DOCUMENTS))
        dialog.selectFile(self._file_name())
        dialog.fileSelected.connect(self.set_path)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export(self) -> None:
        """Read the period's posts off the GUI thread, then write the chosen file."""
        text = self.path.text().strip()
        if not text:
            self.outcome.setText(self.tr("Choose where to save the review pack first."))
            self.path.setFocus()
            return
        target = Path(text).expanduser()
        if target.is_dir():
            target = target / self._file_name()
        else:  # a PDF is not written under "pack.html" (nor a page under "pack.pdf")
            target = as_kind(target, *((PDF,) if self.chosen_format() == PDF else (HTML, "htm")))
            self.path.setText(str(target))
        if target.exists() and target not in (self.saved, self._replace):
            # Told once, the second Export replaces it (nothing is written meanwhile).
            self._replace = target
            self.outcome.setText(
                self.tr("%1 already exists. Export again to replace it.").replace("%1", str(target))
            )
            return
        self._replace = None
        period, kind, language = self.period(), self.chosen_format(), ui_language()
        studio, zone, made = self._studio, self._zone, self._now()
        self._busy(True)
        self.outcome.setText(self.tr("Gathering the posts and their pictures…"))
        self._tasks.run(
            lambda: build_review_pack(studio, period, zone, language=language, now=made),
            lambda pack: self._write(pack, target, kind),
            self._failed_reading,
        )

    # -- private
    def _write(self, pack: ReviewPack, target: Path, kind: str) -> None:
        """Draw the PDF (pictures and all) or write the page on the worker too."""
        home = self._studio.workspace.home

        def work() -> None:
            if kind == PDF:
                save_drawn(target, home, lambda temporary: write_review_pdf(pack, temporary))
            else:
                save_text(target, home, review_html(pack))

        self.outcome.setText(self.tr("Saving %1…").replace("%1", str(target)))
        self._tasks.run(
            work,
            lambda _none: self._written(pack, target),
            lambda error: self._failed_writing(error, target),
        )

    def _written(self, pack: ReviewPack, target: Path) -> None:
        self._busy(False)
        self.saved = target
        remember(DOCUMENTS, target)
        self.outcome.setText(
            self.tr("Saved %1 (%2).")
            .replace("%1", str(target))
            .replace("%2", count_text(len(pack.posts)))
        )

    def _failed_writing(self, error: BaseException, target: Path) -> None:
        self._busy(False)
        why = self._why(error) if isinstance(error, OSError) else storage_text(error)
        self.outcome.setText(
            self.tr("Could not save %1: %2").replace("%1", str(target)).replace("%2", why)
        )

    def _why(self, exc: OSError) -> str:
        if getattr(exc, "code", None):
            return storage_text(exc)  # the refusal of a file inside the data folder
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return self.tr("the folder cannot be written to.")
        if exc.errno == errno.ENOENT:
            return self.tr("the folder does not exist.")
        if exc.errno == errno.ENOSPC:
            return self.tr("the disk is full.")
        return exc.strerror or str(exc)

    def _failed_reading(self, error: BaseException) -> None:
        self._busy(False)
        self.outcome.setText(
            self.tr("Could not read the posts: %1").replace("%1", storage_text(error))
        )

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)

    def _file_name(self) -> str:
        """e.g. review-2026-12.html, its first word in the window's language."""
        stem = self.period().file_stem.removeprefix("review")
        word = self.tr("review")
        return f"{word}{stem}.{self.chosen_format()}"

    def _period_changed(self) -> None:
        self.period_label.setText(period_text(self.period()))
        self._follow_suggestion()

    def _format_changed(self) -> None:
        """The file's ending follows the format (a PDF written into an .html file would
        replace the page exported a moment ago); then the suggestion as for the period."""
        text = self.path.text().strip()
        if text and text != self._suggested:
            path = Path(text)
            if path.suffix.lower() in (".html", ".htm", ".pdf"):
                self.path.setText(str(path.with_suffix(f".{self.chosen_format()}")))
            return
        self._follow_suggestion()

    def _follow_suggestion(self) -> None:
        """A path the dialog suggested follows the period and format; a typed one stays."""
        text = self.path.text().strip()
        if text and text != self._suggested:
            return
        self._suggested = str(Path(start_folder(DOCUMENTS)) / self._file_name())
        self.path.setText(self._suggested)
