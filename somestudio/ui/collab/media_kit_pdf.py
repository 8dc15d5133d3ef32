"""The media kit as PDF and as a PNG of its first page (for sharing in a message): channels,
followers and growth, engagement per channel, best posts, audience, rates, past partners."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP

from somestudio.app.collab.media_kit import MediaKit
from somestudio.ui.collab.documents import DocumentWriter, Rendered, render_pages, write_pdf
from somestudio.ui.collab.report_words import Words
from somestudio.ui.metrics.models import local_text
from somestudio.ui.metrics.report_pdf import MUTED, DrawnText, _table

CONTEXT = "MediaKit"
PNG_SCALE = 2.0  # sharp on a phone


def _words(kit: MediaKit) -> Words:
    return Words(kit.settings.language, CONTEXT)


def write_media_kit_pdf(kit: MediaKit, path: Path, zone: ZoneInfo) -> list[DrawnText]:
    words = _words(kit)
    title = kit.settings.name or words(QT_TRANSLATE_NOOP("MediaKit", "Media kit"))
    return write_pdf(path, title, words, lambda o: _draw(o, kit, zone))


def render_media_kit_pages(kit: MediaKit, zone: ZoneInfo, scale: float = 1.0) -> Rendered:
    return render_pages(_words(kit), lambda o: _draw(o, kit, zone), scale)


def write_media_kit_png(kit: MediaKit, path: Path, zone: ZoneInfo) -> None:
    """The first page as a PNG. Raises OSError when it cannot be written."""
    rendered = render_media_kit_pages(kit, zone, PNG_SCALE)
    saved = rendered.pages[0].save(str(path), "PNG")  # type: ignore[call-overload]
    if not saved:
        raise OSError(f"could not write {path}")


def _draw(out: DocumentWriter, kit: MediaKit, zone: ZoneInfo) -> None:
    w = out.words
    settings = kit.settings
    out.text(settings.name or w(QT_TRANSLATE_NOOP("MediaKit", "Media kit")), 22, bold=True)
    if settings.name:
        out.text(w(QT_TRANSLATE_NOOP("MediaKit", "Media kit")), 13, colour=MUTED)
    out.heading(w(QT_TRANSLATE_NOOP("MediaKit", "Channels")), 90)
    if not kit.channels:
        out.text(w(QT_TRANSLATE_NOOP("MediaKit", "No channels yet.")))
    else:
        _table(
            out,
            (
                w(QT_TRANSLATE_NOOP("MediaKit", "Channel")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Followers")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Growth, 30 days")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Posts, 90 days")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Engagement rate")),
            ),
            (200, 70, 80, 70, 80),
            [
                (
                    f"{c.network.display_name} · {c.label}",
                    w.number(c.followers),
                    "–" if c.growth is None else ("+" if c.growth > 0 else "") + w.number(c.growth),
                    w.number(c.posts),
                    w.percent(c.rate, 2),
                )
                for c in kit.channels
            ],
        )
    out.heading(w(QT_TRANSLATE_NOOP("MediaKit", "Best posts, 90 days")), 100)
    if not kit.best:
        out.text(w(QT_TRANSLATE_NOOP("MediaKit", "No posts with numbers yet.")))
    else:
        body = []
        for post in kit.best:
            text = " ".join(post.text.split())
            body.append(
                (
                    local_text(post.published_at.astimezone(zone), out.locale),
                    post.network.display_name,
                    text if len(text) <= 140 else text[:139] + "…",
                    w.number(post.counts.views),
                    w.number(post.engagements),
                )
            )
        _table(
            out,
            (
                w(QT_TRANSLATE_NOOP("MediaKit", "Published")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Channel")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Post")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Views")),
                w(QT_TRANSLATE_NOOP("MediaKit", "Engagements")),
            ),
            (95, 70, 270, 60, 80),
            body,
            wrap_column=2,
        )
    if settings.audience.strip():
        out.heading(w(QT_TRANSLATE_NOOP("MediaKit", "Audience")), 60)
        out.text(settings.audience.strip())
    if settings.rates.strip():
        out.heading(w(QT_TRANSLATE_NOOP("MediaKit", "Rates")), 60)
        for line in settings.rates.strip().splitlines():
            if line.strip():
                out.text(line.strip())
    if kit.partners:
        out.heading(w(QT_TRANSLATE_NOOP("MediaKit", "Past partners")), 60)
        out.text(", ".join(kit.partners))
    out.y += 6
    out.text(
        w(
            QT_TRANSLATE_NOOP(
                "MediaKit",
                "Engagement rate: likes, shares, replies and saves per view (per follower where "
                "the network reports no views), averaged over the channel's posts of the last "
                "90 days.",
            )
        ),
        8,
        colour=MUTED,
    )
    out.finish()
