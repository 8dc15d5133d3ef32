"""The monthly report as PDF: Qt's PDF writer and QPainter (vector charts, real text), A4.
The same drawing makes the pages as images (``render_report_pages``), for screenshots and for
the tests that check every string fits the box it was given.

Needs a QGuiApplication (the command line makes an offscreen one). Every word goes through
``translate("MonthlyReport", …)`` so the Finnish catalogue covers the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from somestudio.app.metrics_report import MonthlyReport, previous_month
from somestudio.domain.metrics import AccountPoint, change
from somestudio.ui.metrics.colours import LIGHT_SERIES
from somestudio.ui.metrics.insight_text import describe
from somestudio.ui.metrics.models import format_change, local_text
from somestudio.ui.network_names import network_name
from somestudio.ui.theme.tokens import LIGHT

DPI = 96
PAGE_LAYOUT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(15, 15, 15, 15),
    QPageLayout.Unit.Millimeter,
)
WIDTH = 794 - 2 * 56  # A4 at 96 dpi less the margins
# Paper is white whatever the screen's scheme: the report takes the light scheme's colours.
INK = QColor(LIGHT.text)
MUTED = QColor(LIGHT.text_muted)
RULE = QColor(LIGHT.border)


@dataclass(frozen=True, slots=True)
class DrawnText:
    """One string as the report drew it: the box it was given and the box it needs."""

    page: int
    text: str
    box: QRectF
    needed: QRectF

    def fits(self, page_height: float) -> bool:
        inside_page = QRectF(0, 0, WIDTH, page_height)
        slack = self.box.adjusted(-0.5, -0.5, 0.5, 0.5)
        return (
            self.needed.width() <= self.box.width() + 0.5
            and self.needed.height() <= self.box.height() + 0.5
            and slack.contains(self.needed)
            and inside_page.contains(self.box)
        )


class _Pages:
    """Where the pages go: a PDF file (``pdf``) or images for people and tests to look at."""

    def __init__(self, pdf: QPdfWriter | None, scale: float = 1.0) -> None:
        self.pdf = pdf
        self.scale = scale
        self.images: list[QImage] = []

    def first(self) -> QPaintDevice:
        return self.pdf if self.pdf is not None else self._new_image()

    def next(self, painter: QPainter) -> None:
        if self.pdf is not None:
            self.pdf.newPage()
            return
        font, pen, brush = painter.font(), painter.pen(), painter.brush()
        painter.end()
        painter.begin(self._new_image())
        self.prepare(painter)
        painter.setFont(font)
        painter.setPen(pen)
        painter.setBrush(brush)

    def prepare(self, painter: QPainter) -> None:
        """An image page is the whole sheet: draw from the margin, as the PDF writer does."""
        if self.pdf is None:
            margin = PAGE_LAYOUT.paintRectPixels(DPI).topLeft()
            painter.translate(QPointF(margin))
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def _new_image(self) -> QImage:
        full = PAGE_LAYOUT.fullRectPixels(DPI).size()
        image = QImage(
            round(full.width() * self.scale),
            round(full.height() * self.scale),
            QImage.Format.Format_RGB32,
        )
        image.setDevicePixelRatio(self.scale)
        dots_per_metre = round(DPI / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor(LIGHT.surface))  # paper
        self.images.append(image)
        return image


class _Painter(QPainter):
    """A QPainter that notes every string drawn in a box, so a test can check each fits."""

    def __init__(self, device: QPaintDevice) -> None:
        super().__init__(device)
        self.page = 1
        self.drawn: list[DrawnText] = []

    def drawText(self, *args: Any) -> None:  # type: ignore[override]  # Qt's overloads
        if len(args) == 3 and isinstance(args[0], QRectF) and isinstance(args[2], str):
            box, flags, text = args
            device = self.device()
            assert device is not None  # measured on the page, not on the screen
            needed = QFontMetricsF(self.font(), device).boundingRect(box, int(flags), text)
            self.drawn.append(DrawnText(self.page, text, QRectF(box), needed))
        super().drawText(*args)


class _Writer:
    """Draws top to bottom, starting a new page when the next block does not fit."""

    def __init__(self, pages: _Pages) -> None:
        self.pages = pages
        self.painter = _Painter(pages.first())
        pages.prepare(self.painter)
        self.height = PAGE_LAYOUT.paintRectPixels(DPI).height()
        self.y = 0.0
        self.page = 1
        self.locale = QLocale()

    def font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        return font

    def metrics(self, font: QFont | None = None) -> QFontMetricsF:
        """Measured on the page being drawn, not on the screen (whose resolution may differ)."""
        device = self.painter.device()
        assert device is not None
        return QFontMetricsF(font or self.painter.font(), device)

    @property
    def drawn(self) -> list[DrawnText]:
        return self.painter.drawn

    def ensure(self, needed: float) -> None:
        if self.y + needed > self.height - 30:
            self.footer()
            self.pages.next(self.painter)
            self.page += 1
            self.painter.page = self.page
            self.y = 0.0

    def footer(self) -> None:
        self.font(7.5)
        self.painter.setPen(MUTED)
        self.painter.drawText(
            QRectF(0, self.height - 16, WIDTH, 16),
            int(Qt.AlignmentFlag.AlignRight),
            QCoreApplication.translate("MonthlyReport", "Some Studio · page %1").replace(
                "%1", str(self.page)
            ),
        )

    def room_for(self, text: str, size: float = 10, *, bold: bool = False) -> float:
        """The room ``text`` takes (with its spacing) when drawn by ``text()``."""
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = self.metrics(font).boundingRect(QRectF(0, 0, WIDTH, 10_000), flags, text)
        return box.height() + 4

    def text(
        self, text: str, size: float = 10, *, bold: bool = False, colour: QColor = INK
    ) -> None:
        font = self.font(size, bold=bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = self.metrics(font).boundingRect(QRectF(0, 0, WIDTH, 10_000), flags, text)
        self.ensure(box.height() + 4)
        self.painter.setPen(colour)
        self.painter.drawText(QRectF(0, self.y, WIDTH, box.height() + 2), flags, text)
        self.y += box.height() + 4

    def heading(self, text: str, room: float = 120) -> None:
        self.ensure(room)
        self.y += 10
        self.text(text, 13, bold=True)
        self.painter.setPen(QPen(RULE, 1))
        self.painter.drawLine(QPointF(0, self.y), QPointF(WIDTH, self.y))
        self.y += 6

    def finish(self) -> None:
        self.footer()
        self.painter.end()


def _number(value: float | None, locale: QLocale) -> str:
    return "–" if value is None else locale.toString(round(value))


def write_report_pdf(report: MonthlyReport, path: Path) -> None:
    draw_report_pdf(report, path)


def draw_report_pdf(report: MonthlyReport, path: Path) -> list[DrawnText]:
    """Write the report to ``path``; the strings drawn, with their boxes, come back."""
    pdf = QPdfWriter(str(path))
    pdf.setResolution(DPI)
    pdf.setTitle(
        QCoreApplication.translate("MonthlyReport", "Monthly report") + " — " + _month(report)
    )
    pdf.setCreator("Some Studio")
    pdf.setPageLayout(PAGE_LAYOUT)
    out = _Writer(_Pages(pdf))
    _draw(out, report)
    return out.drawn


@dataclass(frozen=True, slots=True)
class RenderedReport:
    pages: list[QImage]
    drawn: list[DrawnText]
    page_height: float  # of the area inside the margins, where everything is drawn


def render_report_pages(report: MonthlyReport, scale: float = 1.0) -> RenderedReport:
    """The report's pages as images (A4 at 96 dpi × ``scale``), drawn as the PDF is."""
    pages = _Pages(None, scale)
    out = _Writer(pages)
    _draw(out, report)
    return RenderedReport(pages.images, out.drawn, out.height)


def _month(report: MonthlyReport) -> str:
    name = QLocale().standaloneMonthName(report.month.month, QLocale.FormatType.LongFormat)
    return f"{name} {report.month.year}"


def _draw(out: _Writer, report: MonthlyReport) -> None:
    locale = QLocale()
    month = _month(report)
    before = previous_month(report.month)
    before_name = locale.standaloneMonthName(before.month, QLocale.FormatType.LongFormat)
    out.text(QCoreApplication.translate("MonthlyReport", "Monthly report"), 22, bold=True)
    out.text(
        month
        + " · "
        + QCoreApplication.translate("MonthlyReport", "times in %1").replace("%1", report.zone.key),
        11,
        colour=MUTED,
    )
    _wins(out, report, locale)
    _headline(out, report, before_name)
    _goals(out, report, locale)
    _channels(out, report, locale)
    _followers(out, report)
    _top_posts(out, report, locale)
    _insights(out, report, locale)
    _actions(out, report, locale)
    _community(out, report, locale)
    if report.series:
        out.heading(QCoreApplication.translate("MonthlyReport", "Your own numbers"), 60)
        for line in report.series:
            ratio = change(line.total, line.previous)
            out.text(
                f"{line.name}: {locale.toString(line.total, 'f', 0)} {line.unit}".rstrip()
                + f" ({format_change(ratio, locale)})"
            )
    out.finish()


def _wins(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    """The month's wins open the report: ready to read out at the monthly meeting."""
    from somestudio.ui.metrics.goal_text import win_text  # noqa: PLC0415

    out.heading(QCoreApplication.translate("MonthlyReport", "Wins of the month"), 80)
    if not report.wins:
        out.text(
            QCoreApplication.translate(
                "MonthlyReport",
                "No wins recorded this month: no goal reached, no post with numbers.",
            ),
            colour=MUTED,
        )
        return
    for win in report.wins:
        out.text("★ " + win_text(win, locale, report.month), 10.5)


def _goals(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    """Each goal as of the month's last day: a bar, where it stands, the pace."""
    if not report.goals:
        return
    from somestudio.app.metrics_report import month_period_end  # noqa: PLC0415
    from somestudio.ui.metrics.goal_text import (  # noqa: PLC0415
        goal_summary,
        shown_fraction,
        status_text,
    )

    last_day = month_period_end(report.month) - timedelta(days=1)
    out.heading(QCoreApplication.translate("MonthlyReport", "Goals"), 90)
    for status in report.goals:
        out.ensure(70)
        out.text(status.goal.title, 10.5, bold=True)
        out.text(
            goal_summary(status.goal, status.account_label, locale, status.network),
            8.5,
            colour=MUTED,
        )
        top = out.y
        out.painter.setPen(QPen(RULE, 1))
        out.painter.setBrush(QColor(LIGHT.surface_alt))
        out.painter.drawRoundedRect(QRectF(0, top, WIDTH, 10), 4, 4)
        out.painter.setBrush(QColor(LIGHT_SERIES[0]))
        out.painter.setPen(Qt.PenStyle.NoPen)
        fraction = shown_fraction(status, month_end=True)
        if fraction > 0:
            out.painter.drawRoundedRect(QRectF(0, top, WIDTH * fraction, 10), 4, 4)
        out.painter.setBrush(Qt.BrushStyle.NoBrush)
        out.y = top + 14
        out.text(status_text(status, last_day, locale, month_end=True), 9)
        out.y += 4


def _headline(out: _Writer, report: MonthlyReport, before_name: str) -> None:
    out.heading(QCoreApplication.translate("MonthlyReport", "Headline numbers"), 110)
    names = {
        "posts": QCoreApplication.translate("MonthlyReport", "Posts published"),
        "engagements": QCoreApplication.translate("MonthlyReport", "Engagements"),
        "views": QCoreApplication.translate("MonthlyReport", "Views"),
        "followers": QCoreApplication.translate("MonthlyReport", "Followers gained"),
    }
    box_width = (WIDTH - 3 * 12) / 4
    top = out.y
    for index, item in enumerate(report.headline):
        left = index * (box_width + 12)
        out.painter.setPen(QPen(RULE, 1))
        out.painter.setBrush(QColor(LIGHT.surface_alt))
        out.painter.drawRoundedRect(QRectF(left, top, box_width, 92), 6, 6)
        out.painter.setPen(MUTED)
        out.font(8.5)
        out.painter.drawText(QRectF(left + 10, top + 8, box_width - 20, 16), 0, names[item.key])
        out.painter.setPen(INK)
        out.font(18, bold=True)
        out.painter.drawText(
            QRectF(left + 10, top + 26, box_width - 20, 30), 0, _number(item.value, out.locale)
        )
        out.font(8)
        ratio = item.change
        if ratio is None:
            note = QCoreApplication.translate("MonthlyReport", "no %1 figure to compare").replace(
                "%1", before_name
            )
        else:
            note = QCoreApplication.translate("MonthlyReport", "%1 from %2").replace(
                "%1", format_change(ratio, out.locale)
            )
            note = note.replace("%2", before_name)
        out.painter.setPen(QColor(LIGHT.success) if (ratio or 0) > 0 else MUTED)
        out.painter.drawText(
            QRectF(left + 10, top + 58, box_width - 20, 30),
            int(Qt.TextFlag.TextWordWrap),
            note,
        )
    out.painter.setBrush(Qt.BrushStyle.NoBrush)
    out.y = top + 104


def _channels(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    out.heading(QCoreApplication.translate("MonthlyReport", "Engagements per channel"), 260)
    if not report.totals:
        out.text(QCoreApplication.translate("MonthlyReport", "Nothing was published this month."))
        return
    # A channel none of whose posts reports the figures engagements are made of shows no 0
    # it did not say (as the Metrics page does): "not offered" where the network's API has
    # none of them, "no numbers yet" where it has (posted by hand, not fetched yet).
    rows = [
        (
            network_name(t.current.network),
            t.current.engagements if t.current.offers_engagements else None,
            (t.previous.engagements if t.previous else 0) if t.current.offers_engagements else None,
            QCoreApplication.translate("TotalsModel", "no numbers yet")
            if t.current.network_offers_engagements
            else QCoreApplication.translate("TotalsModel", "not offered"),
        )
        for t in report.totals
    ]
    _bars(out, rows, locale)
    if any(figure is None for _name, figure, _before, _why in rows):
        # Said where it is missed: "no numbers yet" read as if they would come by themselves.
        out.text(
            QCoreApplication.translate(
                "MonthlyReport",
                "Channels without numbers: enter them in Metrics → Enter numbers… (the numbers "
                "of posts published by hand are not fetched).",
            ),
            8,
            colour=MUTED,
        )
    out.y += 8
    columns = (
        QCoreApplication.translate("MonthlyReport", "Channel"),
        QCoreApplication.translate("MonthlyReport", "Posts"),
        QCoreApplication.translate("MonthlyReport", "Likes"),
        QCoreApplication.translate("MonthlyReport", "Reposts"),
        QCoreApplication.translate("MonthlyReport", "Replies"),
        QCoreApplication.translate("MonthlyReport", "Views"),
        QCoreApplication.translate("MonthlyReport", "Engagements"),
        QCoreApplication.translate("MonthlyReport", "Change"),
    )
    widths = (150, 50, 60, 60, 60, 70, 80, 70)
    body = []
    for t in report.totals:
        c = t.current
        previous = t.previous.engagements if t.previous else None
        body.append(
            (
                network_name(c.network),
                _number(c.posts, locale),
                _number(c.likes, locale),
                _number(c.reposts, locale),
                _number(c.replies, locale),
                _number(c.views, locale),
                _number(c.engagements if c.offers_engagements else None, locale),
                format_change(change(c.engagements, previous), locale)
                if c.offers_engagements
                else "–",
            )
        )
    _table(out, columns, widths, body)


def _bars(
    out: _Writer, rows: Sequence[tuple[str, int | None, int | None, str]], locale: QLocale
) -> None:
    """Each channel's engagements this month beside the previous; None: no figure, the
    row's last part saying why."""
    height = 150.0
    out.ensure(height + 40)
    top = out.y
    high = max([max(r[1] or 0, r[2] or 0) for r in rows] + [1])
    slot = WIDTH / len(rows)
    bar = min(34.0, slot / 3)
    now_colour = QColor(LIGHT_SERIES[0])
    before_colour = QColor(LIGHT_SERIES[0])
    before_colour.setAlpha(80)
    out.painter.setPen(QPen(RULE, 1))
    out.painter.drawLine(QPointF(0, top + height), QPointF(WIDTH, top + height))
    for index, (name, now, before, missing) in enumerate(rows):
        centre = slot * index + slot / 2
        if now is None or before is None:
            out.font(7)
            out.painter.setPen(MUTED)
            out.painter.drawText(
                QRectF(slot * index + 2, top + height - 28, slot - 4, 26),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
                | int(Qt.TextFlag.TextWordWrap),
                missing,
            )
            out.painter.setPen(INK)
            out.font(8)
            out.painter.drawText(
                QRectF(slot * index + 2, top + height + 3, slot - 4, 26),
                int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap),
                name,
            )
            continue
        for offset, value, colour in (
            (-bar / 2 - 2, before, before_colour),
            (bar / 2 + 2, now, now_colour),
        ):
            h = (height - 16) * value / high
            rect = QRectF(centre + offset - bar / 2, top + height - h, bar, h)
            out.painter.fillRect(rect, colour)
            out.font(7)
            out.painter.setPen(INK)
            # Centred over its bar, its box kept on the page (many channels: narrow slots).
            middle = rect.center().x()
            half = min(bar / 2 + 20, middle, WIDTH - middle)
            out.painter.drawText(
                QRectF(middle - half, rect.top() - 13, 2 * half, 12),
                int(Qt.AlignmentFlag.AlignHCenter),
                locale.toString(value),
            )
        out.font(8)
        # A long channel name ("Paikallinen arkisto") in a narrow slot goes on two lines.
        out.painter.drawText(
            QRectF(slot * index + 2, top + height + 3, slot - 4, 26),
            int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap),
            name,
        )
    out.y = top + height + 20 + (12 if _any_wraps(out, [r[0] for r in rows], slot - 4) else 0)
    out.font(8)
    x = 0.0
    for colour, label in (
        (before_colour, QCoreApplication.translate("MonthlyReport", "previous month")),
        (now_colour, QCoreApplication.translate("MonthlyReport", "this month")),
    ):
        out.painter.fillRect(QRectF(x, out.y + 3, 10, 8), colour)
        out.painter.setPen(MUTED)
        width = out.metrics().horizontalAdvance(label) + 1
        out.painter.drawText(QRectF(x + 14, out.y, width, 14), 0, label)
        x += 14 + width + 18  # the next key after this one's words, whatever the language
    out.y += 18


def _any_wraps(out: _Writer, names: Sequence[str], room: float) -> bool:
    metrics = out.metrics()
    return any(metrics.horizontalAdvance(name) > room for name in names)


PAD = 3.0  # each side of a table cell
TEXT_SIZE = 8.5  # points, of table cells
WRAPPED_AT_LEAST = 130.0  # the wrapped column (a post's text) keeps room for a few words


def _column_widths(
    out: _Writer,
    columns: Sequence[str],
    widths: Sequence[float],
    body: Sequence[Sequence[str]],
    *,
    wrap_column: int,
    heading_size: float,
) -> list[float]:
    """``widths`` as proportions of the page, then widened where a heading or a value would
    not fit (in Finnish "Vuorovaikutukset" is twice "Engagements"), the room taken from the
    columns that have some to spare."""
    base = [w * WIDTH / sum(widths) for w in widths]
    heading = out.metrics(out.font(heading_size, bold=True))
    cell = out.metrics(out.font(TEXT_SIZE))
    needed = []
    for index, name in enumerate(columns):
        if index == wrap_column:
            needed.append(WRAPPED_AT_LEAST)
            continue
        widest = max(
            [heading.horizontalAdvance(name)] + [cell.horizontalAdvance(row[index]) for row in body]
        )
        needed.append(widest + 2 * PAD + 1)
    short = sum(max(0.0, n - b) for n, b in zip(needed, base, strict=True))
    spare = sum(max(0.0, b - n) for n, b in zip(needed, base, strict=True))
    if short == 0 or spare == 0:
        return base
    give = min(1.0, short / spare)
    return [n if n >= b else b - (b - n) * give for n, b in zip(needed, base, strict=True)]


def _table(
    out: _Writer,
    columns: Sequence[str],
    widths: Sequence[float],
    body: Sequence[Sequence[str]],
    *,
    wrap_column: int = -1,
) -> None:
    # Headings get smaller (down to 7 pt) before any of them would be cut.
    heading_size = TEXT_SIZE
    while True:
        sized = _column_widths(
            out, columns, widths, body, wrap_column=wrap_column, heading_size=heading_size
        )
        if sum(sized) <= WIDTH + 0.5 or heading_size <= 7:
            break
        heading_size -= 0.5

    def headings() -> None:
        out.font(heading_size, bold=True)
        out.painter.setPen(MUTED)
        x = 0.0
        for index, (name, width) in enumerate(zip(columns, sized, strict=True)):
            left = index in (0, wrap_column)
            align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
            out.painter.drawText(QRectF(x + PAD, out.y, width - 2 * PAD, 16), int(align), name)
            x += width
        out.y += 18

    out.ensure(40)
    headings()
    for row in body:
        font = out.font(TEXT_SIZE)
        metrics = out.metrics(font)
        line_height = 15.0
        if wrap_column >= 0:
            box = metrics.boundingRect(
                QRectF(0, 0, sized[wrap_column] - 2 * PAD, 1000),
                int(Qt.TextFlag.TextWordWrap),
                row[wrap_column],
            )
            line_height = max(line_height, box.height() + 4)
        page = out.page
        out.ensure(line_height + 2)
        if out.page != page:  # a table going on to the next page repeats its headings
            headings()
        out.font(TEXT_SIZE)
        out.painter.setPen(QPen(RULE, 0.5))
        out.painter.drawLine(QPointF(0, out.y - 1), QPointF(WIDTH, out.y - 1))
        out.painter.setPen(INK)
        x = 0.0
        for index, (value, width) in enumerate(zip(row, sized, strict=True)):
            if index == wrap_column:
                flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
            elif index == 0:
                flags = int(Qt.AlignmentFlag.AlignLeft)
            else:
                flags = int(Qt.AlignmentFlag.AlignRight)
            out.painter.drawText(
                QRectF(x + PAD, out.y + 1, width - 2 * PAD, line_height), flags, value
            )
            x += width
        out.y += line_height + 2


def _followers(out: _Writer, report: MonthlyReport) -> None:
    series = {k: v for k, v in report.followers.items() if len(v) >= 2}
    out.heading(QCoreApplication.translate("MonthlyReport", "Followers"), 230)
    if not series:
        out.text(QCoreApplication.translate("MonthlyReport", "No follower counts this month."))
        return
    height = 170.0
    top = out.y
    left = 50.0
    plot = QRectF(left, top, WIDTH - left - 200, height)
    points = [p for line in series.values() for p in line if p.followers is not None]
    low = min(p.followers or 0 for p in points)
    high = max(p.followers or 0 for p in points)
    if high == low:
        high += 1
    start = min(p.fetched_at for p in points).timestamp()
    end = max(p.fetched_at for p in points).timestamp()
    span = max(end - start, 1.0)
    out.painter.setPen(QPen(RULE, 1))
    out.painter.drawRect(plot)
    out.font(7.5)
    out.painter.setPen(MUTED)
    for value, y in ((high, plot.top()), (low, plot.bottom() - 10)):
        out.painter.drawText(
            QRectF(0, y, left - 6, 12), int(Qt.AlignmentFlag.AlignRight), out.locale.toString(value)
        )
    first = min(p.fetched_at for p in points).astimezone(report.zone)
    last = max(p.fetched_at for p in points).astimezone(report.zone)
    out.painter.drawText(
        QRectF(plot.left(), plot.bottom() + 2, 150, 12), 0, local_text(first, out.locale)
    )
    out.painter.drawText(
        QRectF(plot.right() - 150, plot.bottom() + 2, 150, 12),
        int(Qt.AlignmentFlag.AlignRight),
        local_text(last, out.locale),
    )
    out.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ly = top + 4
    for index, (name, line) in enumerate(sorted(series.items())):
        slot = report.follower_slots.get(name, index)  # the account's, as on the page
        colour = QColor(LIGHT_SERIES[slot % len(LIGHT_SERIES)])
        out.painter.setPen(QPen(colour, 2))
        _polyline(out, line, plot, start=start, span=span, low=low, high=high)
        out.painter.fillRect(QRectF(plot.right() + 10, ly + 4, 12, 4), colour)
        out.painter.setPen(INK)
        out.font(8)
        gain = (line[-1].followers or 0) - (line[0].followers or 0)
        gain_text = f" ({'+' if gain >= 0 else ''}{out.locale.toString(gain)})"
        # Accounts of one name on several networks differ only at the end ("Kahvila Aurinko
        # (Bluesky)"): a name gets two lines before it is shortened, and the gain is never cut.
        metrics = out.metrics()
        width = WIDTH - plot.right() - 26
        flags = int(Qt.TextFlag.TextWordWrap)
        two_lines = 2 * metrics.lineSpacing() + 1
        shown = name + gain_text
        if metrics.boundingRect(QRectF(0, 0, width, 1000), flags, shown).height() > two_lines:
            room = 2 * width - metrics.horizontalAdvance(gain_text) - metrics.averageCharWidth() * 4
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + gain_text
        box = metrics.boundingRect(QRectF(0, 0, width, 1000), flags, shown)
        out.painter.drawText(QRectF(plot.right() + 26, ly, width, box.height() + 1), flags, shown)
        ly += box.height() + 4
    out.y = max(top + height + 20, ly + 6)


def _polyline(
    out: _Writer,
    line: Sequence[AccountPoint],
    plot: QRectF,
    *,
    start: float,
    span: float,
    low: int,
    high: int,
) -> None:
    previous: QPointF | None = None
    for point in line:
        if point.followers is None:
            continue
        x = plot.left() + plot.width() * (point.fetched_at.timestamp() - start) / span
        y = plot.bottom() - plot.height() * (point.followers - low) / (high - low)
        current = QPointF(x, y)
        if previous is not None:
            out.painter.drawLine(previous, current)
        previous = current


def _top_posts(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    out.heading(QCoreApplication.translate("MonthlyReport", "Top posts"), 140)
    if not report.top_posts:
        out.text(QCoreApplication.translate("MonthlyReport", "No posts with numbers this month."))
        return
    body = []
    for rank, post in enumerate(report.top_posts, start=1):
        text = " ".join(post.text.split())
        body.append(
            (
                str(rank),
                local_text(post.published_at.astimezone(report.zone), locale),
                network_name(post.network),
                text if len(text) <= 160 else text[:159] + "…",
                _number(post.counts.likes, locale),
                _number(post.counts.views, locale),
                _number(post.counts.engagements_known, locale),  # unknown: "–", not 0
            )
        )
    _table(
        out,
        (
            "#",
            QCoreApplication.translate("MonthlyReport", "Published"),
            QCoreApplication.translate("MonthlyReport", "Channel"),
            QCoreApplication.translate("MonthlyReport", "Post"),
            QCoreApplication.translate("MonthlyReport", "Likes"),
            QCoreApplication.translate("MonthlyReport", "Views"),
            QCoreApplication.translate("MonthlyReport", "Engagements"),
        ),
        (22, 95, 70, 250, 45, 55, 85),
        body,
        wrap_column=3,
    )


def _insights(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    out.heading(QCoreApplication.translate("MonthlyReport", "Insights"), 80)
    if report.insights:
        for insight in report.insights:
            out.text("• " + describe(insight, locale), 9.5)
    elif report.statements_tested == 0:
        out.text(
            QCoreApplication.translate(
                "MonthlyReport",
                "Too few posts this month to compare anything: each comparison needs at "
                "least 10 posts of a channel on both sides.",
            ),
            9.5,
        )
    else:
        out.text(
            QCoreApplication.translate(
                "MonthlyReport",
                "No clear differences this month: none of the %1 comparisons held once "
                "chance was allowed for. More posts make smaller differences visible.",
            ).replace("%1", str(report.statements_tested)),
            9.5,
        )
    if not report.insights:
        return  # the note explains statements: without one it stood alone on its page
    out.text(
        QCoreApplication.translate(
            "MonthlyReport",
            "How to read these: each statement compares a group of a channel's posts with "
            "the rest of that channel's posts (Mann–Whitney test, Holm-adjusted across all "
            "statements, at least 10 posts on each side). 'Did better in 70 % of pairs' means "
            "a post from the group beat a post from the rest 7 times in 10.",
        ),
        8,
        colour=MUTED,
    )


def _actions(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    """The month's own actions and whether follower growth changed after each."""
    if not report.actions:
        return
    from somestudio.ui.metrics.goal_text import (  # noqa: PLC0415
        compared_account,
        comparison_text,
        day_text,
    )

    out.heading(QCoreApplication.translate("MonthlyReport", "Your actions"), 80)
    for action, result in report.actions:
        account = compared_account(action.account_id, report.accounts)
        head = f"{action.note} ({day_text(action.day, report.month, locale)})"
        body = comparison_text(result, locale, account)
        out.ensure(out.room_for(head, 10, bold=True) + out.room_for(body, 9))  # kept together
        out.text(head, 10, bold=True)
        out.text(body, 9)


def _community(out: _Writer, report: MonthlyReport, locale: QLocale) -> None:
    """The inbox's numbers (issue 16): one block of its own, after the insights."""
    numbers = report.community
    if numbers is None or not (numbers.received or numbers.unanswered_over_day):
        return
    from somestudio.ui.metrics.community import duration_text  # noqa: PLC0415
    from somestudio.ui.qtdates import day_month  # noqa: PLC0415

    out.heading(QCoreApplication.translate("MonthlyReport", "Community"), 140)
    out.text(
        QCoreApplication.translate(
            "MonthlyReport",
            "Replies received: %1 · answered: %2 · median time to first answer: %3 · "
            "unanswered after 24 h at the month's end: %4",
        )
        .replace("%1", locale.toString(numbers.received))
        .replace("%2", locale.toString(numbers.answered))
        .replace("%3", duration_text(numbers.median_first_answer))
        .replace("%4", locale.toString(numbers.unanswered_over_day))
    )
    _table(
        out,
        [
            QCoreApplication.translate("MonthlyReport", "Week starting"),
            QCoreApplication.translate("MonthlyReport", "Received"),
            QCoreApplication.translate("MonthlyReport", "Answered"),
        ],
        [2, 1, 1],
        [
            [day_month(w.monday, locale), locale.toString(w.received), locale.toString(w.answered)]
            for w in numbers.weeks
        ],
    )
