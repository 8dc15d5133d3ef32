"""Attached images and videos: what a probe found, and the checks against each channel's
limits (``media_limits``). The facts come from ``app.media``, which reads the files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from somestudio.domain.composer_messages import render
from somestudio.domain.findings import Severity
from somestudio.domain.media_limits import MEDIA_LIMITS, MediaLimits
from somestudio.domain.text import grapheme_count


class MediaKind(StrEnum):
    IMAGE = "image"
    GIF = "gif"  # an animated image (GIF, or WebP/PNG with more than one frame)
    VIDEO = "video"
    UNREADABLE = "unreadable"  # not an image or video this app can read


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """One attached file as probed. ``format`` is Pillow's name (JPEG, PNG, GIF, WEBP) or the
    container brand for a video (MP4, MOV)."""

    name: str
    kind: MediaKind
    format: str = ""
    byte_size: int = 0
    width: int = 0
    height: int = 0
    frames: int = 1
    duration_ms: int | None = None
    alt_text: str = ""
    problem: str = ""  # why it could not be read (for an UNREADABLE file)
    missing: bool = False  # UNREADABLE because no file is at ``path`` (moved or deleted)
    path: str = ""  # where the file was expected (set for a missing one)

    @property
    def broken_video(self) -> bool:
        """A "video" with no picture: a header without a movie (a 36-byte "MP4"), an
        audio-only file, or a download cut before its movie header. No network takes it.
        A length that cannot be read alone (a fragmented MP4 without mehd) is not broken:
        its length limits are then not checked."""
        if self.kind is not MediaKind.VIDEO:
            return False
        return self.width <= 0 or self.height <= 0


@dataclass(frozen=True, slots=True, order=True)
class MediaFinding:
    """One media problem; ``index`` is the attachment's position (-1: all of them)."""

    index: int
    code: str
    severity: Severity
    params: tuple[tuple[str, str | int], ...] = ()
    lang: str = "en"

    @property
    def message(self) -> str:
        return render(self.code, self.lang, dict(self.params))


def _finding(
    code: str, index: int, severity: Severity, lang: str, **params: str | int
) -> MediaFinding:
    return MediaFinding(index, code, severity, tuple(params.items()), lang)


def check_media(
    channel: str, items: Sequence[MediaFacts], *, title: str, lang: str = "en"
) -> list[MediaFinding]:
    """Problems with ``items`` on ``channel`` (a channel without limits: unreadable files only)."""
    found: list[MediaFinding] = []
    for i, item in enumerate(items):
        if item.missing:
            found.append(
                _finding("media.missing", i, Severity.ERROR, lang, name=item.name, path=item.path)
            )
        elif item.broken_video:
            found.append(
                _finding("media.video_unreadable", i, Severity.ERROR, lang, name=item.name)
            )
        elif item.kind is MediaKind.UNREADABLE:
            found.append(
                _finding(
                    "media.unreadable", i, Severity.ERROR, lang, name=item.name, reason=item.problem
                )
            )
    limits = MEDIA_LIMITS.get(channel)
    if limits is None:
        return found
    readable = [(i, m) for i, m in enumerate(items) if m.kind is not MediaKind.UNREADABLE]
    found += _count_findings(limits, readable, title, lang)
    for i, item in readable:
        found += _item_findings(limits, i, item, title, lang)
    return sorted(found)


def _count_findings(
    limits: MediaLimits, items: list[tuple[int, MediaFacts]], title: str, lang: str
) -> list[MediaFinding]:
    kinds = [m.kind for _, m in items]
    videos = kinds.count(MediaKind.VIDEO)
    gifs = kinds.count(MediaKind.GIF)
    images = kinds.count(MediaKind.IMAGE) + gifs
    found: list[MediaFinding] = []
    if limits.needs_media and not items:
        # A channel that takes only a video says so from the start (YouTube).
        code = "media.video_required" if limits.max_images == 0 else "media.required"
        found.append(_finding(code, -1, Severity.ERROR, lang, channel=title))
    if videos and not limits.sends_video:
        found.append(_finding("media.video_not_sent", -1, Severity.ERROR, lang, channel=title))
    elif limits.mixes_video and videos:
        # A carousel of images and videos: every item counts toward one limit.
        total = images + videos
        if limits.max_images is not None and total > limits.max_images:
            found.append(
                _finding(
                    "media.too_many_items",
                    -1,
                    Severity.ERROR,
                    lang,
                    channel=title,
                    count=total,
                    limit=limits.max_images,
                )
            )
        elif gifs and limits.max_gifs <= 1:
            found.append(_finding("media.gif_alone", -1, Severity.ERROR, lang, channel=title))
    elif videos and (images or videos > limits.max_videos):
        found.append(
            _finding(
                "media.video_alone",
                -1,
                Severity.ERROR,
                lang,
                channel=title,
                limit=limits.max_videos,
            )
        )
    elif limits.max_images is not None and images > limits.max_images:
        code = "media.no_images" if limits.max_images == 0 else "media.too_many"
        found.append(
            _finding(
                code, -1, Severity.ERROR, lang, channel=title, count=images, limit=limits.max_images
            )
        )
    elif gifs and (gifs > limits.max_gifs or images > gifs) and limits.max_gifs <= 1:
        found.append(_finding("media.gif_alone", -1, Severity.ERROR, lang, channel=title))
    return found


def _item_findings(
    limits: MediaLimits, i: int, item: MediaFacts, title: str, lang: str
) -> list[MediaFinding]:
    found: list[MediaFinding] = []
    name = item.name
    if item.kind is MediaKind.VIDEO:
        cap = limits.max_video_bytes
        if cap is not None and item.byte_size > cap:
            found.append(_too_big(i, item, cap, title, lang))
        if limits.video_seconds is not None and item.duration_ms is not None:
            low, high = limits.video_seconds
            seconds = item.duration_ms / 1000
            if not low <= seconds <= high:
                found.append(
                    _finding(
                        "media.video_length",
                        i,
                        Severity.ERROR,
                        lang,
                        channel=title,
                        name=name,
                        seconds=round(seconds),
                        low=f"{low:g}",
                        high=f"{high:g}",
                    )
                )
    else:
        if limits.image_formats is not None and item.format not in limits.image_formats:
            found.append(
                _finding(
                    "media.format",
                    i,
                    Severity.ERROR,
                    lang,
                    channel=title,
                    name=name,
                    format=item.format or "?",
                    formats=", ".join(sorted(limits.image_formats)),
                )
            )
        cap = limits.max_gif_bytes if item.kind is MediaKind.GIF else limits.max_image_bytes
        if cap is not None and item.byte_size > cap:
            found.append(_too_big(i, item, cap, title, lang))
        if limits.aspect is not None and item.width and item.height:
            low, high = limits.aspect
            ratio = item.width / item.height
            if not low <= ratio <= high:
                found.append(
                    _finding(
                        "media.aspect",
                        i,
                        Severity.WARNING,
                        lang,
                        channel=title,
                        name=name,
                        ratio=f"{ratio:.2f}",
                        low=f"{low:g}",
                        high=f"{high:g}",
                    )
                )
    takes_alt = item.kind is not MediaKind.VIDEO or limits.video_alt_text
    if not item.alt_text.strip() and limits.alt_text_expected and takes_alt:
        found.append(
            _finding("media.alt_missing", i, Severity.WARNING, lang, channel=title, name=name)
        )
    if limits.alt_text_max is not None:
        length = grapheme_count(item.alt_text)
        if length > limits.alt_text_max:
            found.append(
                _finding(
                    "media.alt_too_long",
                    i,
                    Severity.ERROR,
                    lang,
                    channel=title,
                    name=name,
                    count=length,
                    limit=limits.alt_text_max,
                )
            )
    return found


def _too_big(i: int, item: MediaFacts, cap: int, title: str, lang: str) -> MediaFinding:
    return _finding(
        "media.too_big",
        i,
        Severity.ERROR,
        lang,
        channel=title,
        name=item.name,
        size=_size(item.byte_size),
        limit=_size(cap),
    )


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 1_000_000 else f"{count / 1000:.0f} kB"


def fixable_size(channel: str, item: MediaFacts) -> int | None:
    """The byte size a still image must shrink to for ``channel``, when it is too big (an
    animation or a video is not re-encoded: that would lose its motion)."""
    limits = MEDIA_LIMITS.get(channel)
    if limits is None or item.kind is not MediaKind.IMAGE or limits.max_image_bytes is None:
        return None
    return limits.max_image_bytes if item.byte_size > limits.max_image_bytes else None
