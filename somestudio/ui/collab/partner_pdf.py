"""The partner report as PDF: the collaboration's posts, their reach and engagement against
the creator's own average, in the partner's language."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from somestudio.app.collab.partner_report import PartnerReport
from somestudio.domain.metrics import change
from somestudio.ui.collab.documents import DocumentWriter, Rendered, render_pages, write_pdf
from somestudio.ui.collab.report_words import Words
from somestudio.ui.metrics.models import local_text
from somestudio.ui.metrics.report_pdf import INK, MUTED, RULE, WIDTH, DrawnText, _table
from somestudio.ui.theme.tokens import LIGHT

CONTEXT = "PartnerReport"


def _words(report: PartnerReport) -> Words:
    return Words(report.language, CONTEXT)


def write_partner_pdf(report: PartnerReport, path: Path, zone: ZoneInfo) -> list[DrawnText]:
    words = _words(report)
    title = words(QT_TRANSLATE_NOOP("PartnerReport", "Collaboration report"))
    return write_pdf(
        path, f"{title} — {report.collab.partner.company}", words, lambda o: _draw(o, report, zone)
    )


def render_partner_pages(report: PartnerReport, zone: ZoneInfo, scale: float = 1.0) -> Rendered:
    return render_pages(_words(report), lambda o: _draw(o, report, zone), scale)


def _day(out: DocumentWriter, year: int, month: int, day: int) -> str:
    return out.locale.toString(QDate(year, month, day), QLocale.FormatType.ShortFormat)


def _draw(out: DocumentWriter, report: PartnerReport, zone: ZoneInfo) -> None:
    w = out.words
    collab = report.collab
    out.text(w(QT_TRANSLATE_NOOP("PartnerReport", "Collaboration report")), 22, bold=True)
    made = report.made_at.astimezone(zone)
    line = collab.partner.company + (f" · {collab.title}" if collab.title else "")
    out.text(line, 13)
    out.text(
        w(QT_TRANSLATE_NOOP("PartnerReport", "Made on %1")).replace(
            "%1", _day(out, made.year, made.month, made.day)
        ),
        9,
        colour=MUTED,
    )
    _summary(out, report)
    out.heading(w(QT_TRANSLATE_NOOP("PartnerReport", "Posts")), 100)
    if not report.posts:
        out.text(w(QT_TRANSLATE_NOOP("PartnerReport", "None of the posts has been published yet.")))
    else:
        averages = {(b.network, b.account_label): b for b in report.baselines}
        body = []
        for post in report.posts:
            base = averages.get((post.network, post.account_label))
            text = " ".join(post.text.split())
            body.append(
                (
                    local_text(post.published_at.astimezone(zone), out.locale),
                    post.network.display_name,
                    text if len(text) <= 160 else text[:159] + "…",
                    w.number(post.views),
                    w.number(post.engagements),
                    w.percent(post.rate, 2),
                    w.change(change(post.rate, base.rate) if base and post.rate else None),
                )
            )
        _table(
            out,
            (
                w(QT_TRANSLATE_NOOP("PartnerReport", "Published")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "Channel")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "Post")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "Reach")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "Engagements")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "Rate")),
                w(QT_TRANSLATE_NOOP("PartnerReport", "vs. average")),
            ),
            (95, 65, 230, 55, 75, 55, 70),
            body,
            wrap_column=2,
        )
    _baselines(out, report)
    out.y += 6
    out.text(
        w(
            QT_TRANSLATE_NOOP(
                "PartnerReport",
                "Reach is the views the network reports. Engagements are likes, shares, "
                "replies and saves. The rate is engagements per view, or per follower where "
                "the network reports no views. The average is of the creator's other posts on "
                "the same account in the 90 days before the first collaboration post.",
            )
        ),
        8,
        colour=MUTED,
    )
    out.finish()


def _summary(out: DocumentWriter, report: PartnerReport) -> None:
    w = out.words
    rates = [p.rate for p in report.posts if p.rate is not None]
    base_rates = [b.rate for b in report.baselines if b.rate is not None]
    mean_rate = sum(rates) / len(rates) if rates else None
    mean_base = sum(base_rates) / len(base_rates) if base_rates else None
    boxes = (
        (w(QT_TRANSLATE_NOOP("PartnerReport", "Posts published")), w.number(len(report.posts)), ""),
        (w(QT_TRANSLATE_NOOP("PartnerReport", "Total reach")), w.number(report.total_views), ""),
        (
            w(QT_TRANSLATE_NOOP("PartnerReport", "Total engagements")),
            w.number(report.total_engagements),
            "",
        ),
        (
            w(QT_TRANSLATE_NOOP("PartnerReport", "Engagement rate")),
            w.percent(mean_rate, 2),
            w(QT_TRANSLATE_NOOP("PartnerReport", "own average %1")).replace(
                "%1", w.percent(mean_base, 2)
            ),
        ),
    )
    out.ensure(110)
    out.y += 10
    box_width = (WIDTH - 3 * 12) / 4
    top = out.y
    for index, (name, value, note) in enumerate(boxes):
        left = index * (box_width + 12)
        out.painter.setPen(QPen(RULE, 1))
        out.painter.setBrush(QColor(LIGHT.surface_alt))
        out.painter.drawRoundedRect(QRectF(left, top, box_width, 86), 6, 6)
        out.painter.setPen(MUTED)
        out.font(8.5)
        out.painter.drawText(QRectF(left + 10, top + 8, box_width - 20, 16), 0, name)
        out.painter.setPen(INK)
        out.font(18, bold=True)
        out.painter.drawText(QRectF(left + 10, top + 26, box_width - 20, 30), 0, value)
        if note:
            out.font(8)
            out.painter.setPen(MUTED)
            out.painter.drawText(QRectF(left + 10, top + 60, box_width - 20, 16), 0, note)
    out.painter.setBrush(Qt.BrushStyle.NoBrush)
    out.y = top + 98


def _baselines(out: DocumentWriter, report: PartnerReport) -> None:
    w = out.words
    if not report.baselines:
        return
    out.heading(w(QT_TRANSLATE_NOOP("PartnerReport", "The creator's own average")), 90)
    _table(
        out,
        (
            w(QT_TRANSLATE_NOOP("PartnerReport", "Account")),
            w(QT_TRANSLATE_NOOP("PartnerReport", "Posts compared")),
            w(QT_TRANSLATE_NOOP("PartnerReport", "Average reach")),
            w(QT_TRANSLATE_NOOP("PartnerReport", "Average engagements")),
            w(QT_TRANSLATE_NOOP("PartnerReport", "Average rate")),
        ),
        (190, 70, 70, 90, 70),
        [
            (
                f"{b.network.display_name} · {b.account_label}",
                w.number(b.posts),
                w.number(b.views),
                w.number(b.engagements, 1),
                w.percent(b.rate, 2),
            )
            for b in report.baselines
        ],
    )
