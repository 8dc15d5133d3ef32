"""Saving the monthly report from the window: the same refusal as the command line (never a
file inside the data folder) and written in one step (a temporary beside the target, then
renamed), for the CSV and for the PDF the window's painter draws; ``save_monthly_report``
does the whole of it (reading the month included) on a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from somestudio.app.atomic_files import write_atomically_with
from somestudio.app.export_targets import refuse_inside_data_folder
from somestudio.app.metrics_report import MonthlyReport, build_report, write_report_csv

if TYPE_CHECKING:
    from somestudio.app.workspace import Workspace

DrawPdf = Callable[[MonthlyReport, Path], None]


def save_report_csv(
    report: MonthlyReport,
    target: Path,
    home: Path,
    *,
    decimal_comma: bool = False,
    words: Mapping[str, str] | None = None,
) -> None:
    """Raises ``InsideDataFolderError`` (nothing written) or ``OSError``. ``decimal_comma``:
    numbers as 12,5 with ";" between cells (a spreadsheet in Finnish); ``words``: the
    headings and states in the window's language (``write_report_csv``)."""
    refuse_inside_data_folder(target, home)
    if decimal_comma:
        write_report_csv(report, target, delimiter=";", decimal=",", words=words)
    else:
        write_report_csv(report, target, words=words)


def save_report_pdf(report: MonthlyReport, target: Path, home: Path, draw: DrawPdf) -> None:
    """``draw`` paints the PDF into the temporary path it is given."""
    refuse_inside_data_folder(target, home)
    write_atomically_with(target, lambda temporary: draw(report, temporary))


def save_monthly_report(
    workspace: Workspace,
    month: date,
    zone: ZoneInfo,
    *,
    kind: str,
    target: Path,
    draw: DrawPdf,
    decimal_comma: bool = False,
    words: Mapping[str, str] | None = None,
) -> Path:
    """Build ``month``'s report and save it at ``target`` as ``kind`` ("pdf", drawn by
    ``draw``, or "csv"): for a worker thread, the month read on a connection of its own
    (closed after). A target inside the data folder is refused before anything is read or
    written. Returns ``target``; raises ``InsideDataFolderError`` or ``OSError``."""
    refuse_inside_data_folder(target, workspace.home)
    conn = workspace.database.connect()
    try:
        report = build_report(lambda: conn, month, zone)
    finally:
        conn.close()
    if kind == "pdf":
        save_report_pdf(report, target, workspace.home, draw)
    else:
        save_report_csv(report, target, workspace.home, decimal_comma=decimal_comma, words=words)
    return target
