"""The review pack as PDF, drawn like the monthly report (the same page, writer and footer):
per day, each post with each account's preview text — the same text the HTML page shows,
made by the composer's preview (``body_html``) and read back as plain text — its pictures,
its counter and findings."""

from __future__ import annotations

import html
import re
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QImage, QPen

from somestudio.app.review_pack import PackPost, PackTarget, ReviewPack
from somestudio.domain.networks.catalogue import descriptor
from somestudio.ui.collab.documents import DocumentWriter, Rendered, render_pages, write_pdf
from somestudio.ui.collab.report_words import Words
from somestudio.ui.composer.card_styles import style_of
from somestudio.ui.composer.card_text import body_html
from somestudio.ui.i18n import ui_language
from somestudio.ui.metrics.report_pdf import MUTED, RULE, WIDTH, DrawnText
from somestudio.ui.review_pack.pack_html import SCHEME
from somestudio.ui.review_pack.pack_words import (
    CONTEXT,
    count_text,
    day_text,
    made_text,
    period_text,
    shown_parts,
    target_words,
    time_text,
    title,
)

DANGER = QColor(SCHEME.danger)
PICTURE_HEIGHT = 110.0
_TAG = re.compile(r"<[^>]+>")
BREAK_EVERY = 40  # characters: narrower than a line of the page at its text size
_LONG_WORD = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")
ZERO_WIDTH_SPACE = "\u200b"


def write_review_pdf(pack: ReviewPack, path: Path) -> list[DrawnText]:
    """Raises OSError when ``path`` cannot be written (QPdfWriter itself only warns)."""
    path.open("wb").close()
    words = Words(ui_language(), CONTEXT)
    return write_pdf(
        path, f"{title()} · {period_text(pack.period)}", words, lambda o: _draw(o, pack)
    )


def render_review_pages(pack: ReviewPack, scale: float = 1.0) -> Rendered:
    return render_pages(Words(ui_language(), CONTEXT), lambda o: _draw(o, pack), scale)


def preview_plain(text: str, target: PackTarget, fold: int | None = None, lead: str = "") -> str:
    """The preview's text (links shortened, the fold and its "see more") as plain text."""
    composed = target.report.target
    marked = body_html(
        text,
        channel=composed.channel,
        style=style_of(composed.network),
        scheme=SCHEME,
        fold=fold,
        lead=lead,
    )
    plain = html.unescape(_TAG.sub("", marked.replace("<br>", "\n"))).strip()
    return _LONG_WORD.sub(lambda m: _breakable(m.group()), plain)


def _breakable(word: str) -> str:
    """A word too long for a line (a long link, a row of letters) with places to break."""
    return ZERO_WIDTH_SPACE.join(
        word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY)
    )


def _draw(out: DocumentWriter, pack: ReviewPack) -> None:
    out.text(title(), 22, bold=True)
    out.text(f"{period_text(pack.period)} · {count_text(len(pack.posts))}", 13)
    out.text(made_text(pack), 9, colour=MUTED)
    if not pack.posts:
        out.y += 8
        out.text(QCoreApplication.translate("ReviewPack", "Nothing is planned for this period."))
    for _day, posts in groupby(pack.posts, key=lambda p: p.when.date()):
        day_posts = list(posts)
        out.heading(day_text(day_posts[0].when), 90)
        for post in day_posts:
            _post(out, post)
    out.finish()


def _post(out: DocumentWriter, post: PackPost) -> None:
    labels = f" · {', '.join(post.labels)}" if post.labels else ""
    out.ensure(60)
    out.y += 4
    out.text(f"{time_text(post.when)}{labels}", 11, bold=True)
    for target in post.targets:
        _target(out, post, target)
    out.painter.setPen(QPen(RULE, 1))
    out.painter.drawLine(0, int(out.y + 2), int(WIDTH), int(out.y + 2))
    out.y += 8


def _target(out: DocumentWriter, post: PackPost, target: PackTarget) -> None:
    report = target.report
    style = style_of(report.target.network)
    words = target_words(target, post.when)
    out.ensure(70)
    top = out.y
    out.painter.setPen(QPen(QColor(descriptor(report.target.network).colour), 3))
    handle = words.handle if words.handle != words.name else ""
    line = " · ".join(s for s in (words.network, words.name, handle, words.when) if s)
    out.text(f"{line} — {words.state}", 9.5, bold=True)
    parts = shown_parts(target)
    if style.media_first:
        _pictures(out, post)
    out.text(preview_plain(parts[0], target, report.fold, words.caption_lead), 10)
    if not style.media_first:
        _pictures(out, post)
    for number, part in enumerate(parts[1:], start=2):
        out.text(f"{number}/{len(parts)}", 8, colour=MUTED)
        out.text(preview_plain(part, target), 10)
    if report.comment:
        out.text("↳ " + QCoreApplication.translate("ReviewPack", "First comment"), 8, colour=MUTED)
        out.text(preview_plain(report.comment, target), 10)
    verdict = (
        QCoreApplication.translate("ReviewPack", "does not pass the checks")
        if words.over
        else QCoreApplication.translate("ReviewPack", "passes the checks")
    )
    out.text(f"{words.counter} · {verdict}", 8, colour=DANGER if words.over else MUTED)
    for finding in words.findings:
        out.text(f"• {finding}", 8, colour=DANGER if words.over else MUTED)
    # The network's colour down the left edge of the account's block, as the page's cards.
    out.painter.setPen(QPen(QColor(descriptor(report.target.network).colour), 3))
    if out.y > top:
        out.painter.drawLine(-8, int(top + 2), -8, int(out.y - 2))
    out.y += 6


def _pictures(out: DocumentWriter, post: PackPost) -> None:
    images = [QImage.fromData(p.data) for p in post.images[:4] if p.data]
    images = [i for i in images if not i.isNull()]
    if not images:
        return
    out.ensure(PICTURE_HEIGHT + 8)
    left = 0.0
    for image in images:
        width = PICTURE_HEIGHT * image.width() / max(1, image.height())
        if left + width > WIDTH:
            break
        out.painter.drawImage(QRectF(left, out.y, width, PICTURE_HEIGHT), image)
        left += width + 6
    out.y += PICTURE_HEIGHT + 6
