"""The monthly report as PDF: Qt's PDF writer and QPainter (vector charts, real text), A4.

Needs a QGuiApplication (the command line makes an offscreen one). Every word goes through
``translate("MonthlyReport", …)`` so the Finnish catalogue covers the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
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
WIDTH = 794 - 2 * 56  # A4 at 96 dpi less the margins
# Paper is white whatever the screen's scheme: the report takes the light scheme's colours.
INK = QColor(LIGHT.text)
MUTED = QColor(LIGHT.text_muted)
RULE = QColor(LIGHT.border)


class _Writer:
    """Draws top to bottom, starting a new page when the next block does not fit."""

    def __init__(self, path: Path, title: str) -> None:
        self.pdf = QPdfWriter(str(path))
        self.pdf.setResolution(DPI)
        self.pdf.setTitle(title)
        self.pdf.setCreator("Some Studio")
        self.pdf.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.painter = QPainter(self.pdf)
        self.height = self.pdf.pageLayout().paintRectPixels(DPI).height()
        self.y = 0.0
        self.page = 1
        self.locale = QLocale()

    def font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        return font

    def ensure(self, needed: float) -> None:
        if self.y + needed > self.height - 30:
            self.footer()
            self.pdf.newPage()
            self.page += 1
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

    def text(
        self, text: str, size: float = 10, *, bold: bool = False, colour: QColor = INK
    ) -> None:
        font = self.font(size, bold=bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font).boundingRect(QRectF(0, 0, WIDTH, 10_000), flags, text)
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
    locale = QLocale()
    month_name = locale.standaloneMonthName(report.month.month, QLocale.FormatType.LongFormat)
    month = f"{month_name} {report.month.year}"
    before = previous_month(report.month)
    before_name = locale.standaloneMonthName(before.month, QLocale.FormatType.LongFormat)
    out = _Writer(
        path, QCoreApplication.translate("MonthlyReport", "Monthly report") + " — " + month
    )
    out.text(QCoreApplication.translate("MonthlyReport", "Monthly report"), 22, bold=True)
    out.text(
        month
        + " · "
        + QCoreApplication.translate("MonthlyReport", "times in %1").replace("%1", report.zone.key),
        11,
        colour=MUTED,
    )
    _headline(out, report, before_name)
    _channels(out, report, locale)
    _followers(out, report)
    _top_posts(out, report, locale)
    _insights(out, report, locale)
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
    rows = [
        (
            network_name(t.current.network),
            t.current.engagements,
            t.previous.engagements if t.previous else 0,
        )
        for t in report.totals
    ]
    _bars(out, rows, locale)
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
                _number(c.engagements, locale),
                format_change(change(c.engagements, previous), locale),
            )
        )
    _table(out, columns, widths, body)


def _bars(out: _Writer, rows: Sequence[tuple[str, int, int]], locale: QLocale) -> None:
    height = 150.0
    out.ensure(height + 40)
    top = out.y
    high = max([max(r[1], r[2]) for r in rows] + [1])
    slot = WIDTH / len(rows)
    bar = min(34.0, slot / 3)
    now_colour = QColor(LIGHT_SERIES[0])
    before_colour = QColor(LIGHT_SERIES[0])
    before_colour.setAlpha(80)
    out.painter.setPen(QPen(RULE, 1))
    out.painter.drawLine(QPointF(0, top + height), QPointF(WIDTH, top + height))
    for index, (name, now, before) in enumerate(rows):
        centre = slot * index + slot / 2
        for offset, value, colour in (
            (-bar / 2 - 2, before, before_colour),
            (bar / 2 + 2, now, now_colour),
        ):
            h = (height - 16) * value / high
            rect = QRectF(centre + offset - bar / 2, top + height - h, bar, h)
            out.painter.fillRect(rect, colour)
            out.font(7)
            out.painter.setPen(INK)
            out.painter.drawText(
                QRectF(rect.left() - 20, rect.top() - 13, bar + 40, 12),
                int(Qt.AlignmentFlag.AlignHCenter),
                locale.toString(value),
            )
        out.font(8)
        out.painter.drawText(
            QRectF(slot * index, top + height + 3, slot, 14),
            int(Qt.AlignmentFlag.AlignHCenter),
            name,
        )
    out.y = top + height + 20
    out.font(8)
    out.painter.fillRect(QRectF(0, out.y + 3, 10, 8), before_colour)
    out.painter.setPen(MUTED)
    out.painter.drawText(
        QRectF(14, out.y, 200, 14), 0, QCoreApplication.translate("MonthlyReport", "previous month")
    )
    out.painter.fillRect(QRectF(130, out.y + 3, 10, 8), now_colour)
    out.painter.drawText(
        QRectF(144, out.y, 200, 14), 0, QCoreApplication.translate("MonthlyReport", "this month")
    )
    out.y += 18


def _table(
    out: _Writer,
    columns: Sequence[str],
    widths: Sequence[float],
    body: Sequence[Sequence[str]],
    *,
    wrap_column: int = -1,
) -> None:
    scale = WIDTH / sum(widths)
    widths = [w * scale for w in widths]
    font = out.font(8.5, bold=True)
    out.ensure(22)
    x = 0.0
    out.painter.setPen(MUTED)
    for index, (name, width) in enumerate(zip(columns, widths, strict=True)):
        align = (
            Qt.AlignmentFlag.AlignLeft if index in (0, wrap_column) else Qt.AlignmentFlag.AlignRight
        )
        out.painter.drawText(QRectF(x + 3, out.y, width - 6, 16), int(align), name)
        x += width
    out.y += 18
    for row in body:
        font = out.font(8.5)
        metrics = QFontMetricsF(font)
        line_height = 15.0
        if wrap_column >= 0:
            box = metrics.boundingRect(
                QRectF(0, 0, widths[wrap_column] - 6, 1000),
                int(Qt.TextFlag.TextWordWrap),
                row[wrap_column],
            )
            line_height = max(line_height, box.height() + 4)
        out.ensure(line_height + 2)
        out.font(8.5)
        out.painter.setPen(QPen(RULE, 0.5))
        out.painter.drawLine(QPointF(0, out.y - 1), QPointF(WIDTH, out.y - 1))
        out.painter.setPen(INK)
        x = 0.0
        for index, (value, width) in enumerate(zip(row, widths, strict=True)):
            if index == wrap_column:
                flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
            elif index == 0:
                flags = int(Qt.AlignmentFlag.AlignLeft)
            else:
                flags = int(Qt.AlignmentFlag.AlignRight)
            out.painter.drawText(QRectF(x + 3, out.y + 1, width - 6, line_height), flags, value)
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
    plot = QRectF(left, top, WIDTH - left - 170, height)
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
    for index, (name, line) in enumerate(sorted(series.items())):
        colour = QColor(LIGHT_SERIES[index % len(LIGHT_SERIES)])
        out.painter.setPen(QPen(colour, 2))
        _polyline(out, line, plot, start=start, span=span, low=low, high=high)
        ly = top + 4 + index * 16
        out.painter.fillRect(QRectF(plot.right() + 10, ly + 4, 12, 4), colour)
        out.painter.setPen(INK)
        out.font(8)
        gain = (line[-1].followers or 0) - (line[0].followers or 0)
        gain_text = f" ({'+' if gain >= 0 else ''}{out.locale.toString(gain)})"
        # The legend ends at the page edge: a long account name is shortened, never the gain.
        room = QRectF(plot.right() + 26, ly, WIDTH - plot.right() - 26, 14)
        metrics = QFontMetricsF(out.painter.font())
        shown = metrics.elidedText(
            name, Qt.TextElideMode.ElideRight, room.width() - metrics.horizontalAdvance(gain_text)
        )
        out.painter.drawText(room, 0, shown + gain_text)
    out.y = top + height + 20


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
                _number(post.engagements, locale),
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
