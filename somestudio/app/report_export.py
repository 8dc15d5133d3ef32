"""Saving the monthly report from the window: the same refusal as the command line (never a
file inside the data folder) and written in one step (a temporary beside the target, then
renamed), for the CSV and for the PDF the window's painter draws."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from somestudio.app.atomic_files import write_atomically_with
from somestudio.app.export_targets import refuse_inside_data_folder
from somestudio.app.metrics_report import MonthlyReport, write_report_csv

DrawPdf = Callable[[MonthlyReport, Path], None]


def save_report_csv(report: MonthlyReport, target: Path, home: Path) -> None:
    """Raises ``InsideDataFolderError`` (nothing written) or ``OSError``."""
    refuse_inside_data_folder(target, home)
    write_report_csv(report, target)


def save_report_pdf(report: MonthlyReport, target: Path, home: Path, draw: DrawPdf) -> None:
    """``draw`` paints the PDF into the temporary path it is given."""
    refuse_inside_data_folder(target, home)
    write_atomically_with(target, lambda temporary: draw(report, temporary))
