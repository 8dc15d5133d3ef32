"""A document drawn like the monthly report (``ui.metrics.report_pdf``): the same page,
writer and tables, with the words and numbers of the document's own language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPdfWriter

from somestudio.ui.collab.report_words import Words

# The monthly report's page machinery (_Pages, _Writer), shared on purpose: one look for
# every document the app prints.
from somestudio.ui.metrics.report_pdf import (
    DPI,
    MUTED,
    PAGE_LAYOUT,
    WIDTH,
    DrawnText,
    _Pages,
    _Writer,
)

PAGE = "Some Studio · page %1"  # the monthly report's, translated there


class DocumentWriter(_Writer):
    """The monthly report's writer with a footer and numbers in ``words``' language."""

    def __init__(self, pages: _Pages, words: Words) -> None:
        super().__init__(pages)
        self.words = words
        self.locale = words.locale

    def footer(self) -> None:
        self.font(7.5)
        self.painter.setPen(MUTED)
        self.painter.drawText(
            QRectF(0, self.height - 16, WIDTH, 16),
            int(Qt.AlignmentFlag.AlignRight),
            self.words.translate("MonthlyReport", PAGE).replace("%1", str(self.page)),
        )


@dataclass(frozen=True, slots=True)
class Rendered:
    pages: list[QImage]
    drawn: list[DrawnText]
    page_height: float


Draw = Callable[[DocumentWriter], None]


def write_pdf(path: Path, title: str, words: Words, draw: Draw) -> list[DrawnText]:
    pdf = QPdfWriter(str(path))
    pdf.setResolution(DPI)
    pdf.setTitle(title)
    pdf.setCreator("Some Studio")
    pdf.setPageLayout(PAGE_LAYOUT)
    out = DocumentWriter(_Pages(pdf), words)
    draw(out)
    return out.drawn


def render_pages(words: Words, draw: Draw, scale: float = 1.0) -> Rendered:
    pages = _Pages(None, scale)
    out = DocumentWriter(pages, words)
    draw(out)
    return Rendered(pages.images, out.drawn, out.height)
