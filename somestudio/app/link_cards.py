"""Link cards for the composer: fetch the first link's card facts and keep its picture.

Runs on a worker thread (the composer calls it through its background tasks). The picture
is re-encoded with Pillow as a JPEG of at most ``THUMB_MAX_BYTES`` and ``THUMB_MAX_SIDE``
pixels — Bluesky takes a card thumbnail of at most 1,000,000 bytes (lexicon
app.bsky.embed.external, ``thumb.maxSize``) — and kept in the data folder's
``media/cards/`` beside the other media copies, named by its content. Offline, or for a
page that cannot be read, there is simply no card: ``fetch`` returns None, never raises.
"""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from somestudio.domain.link_cards import LinkCard
from somestudio.domain.page_meta import page_meta
from somestudio.networks.link_preview import LinkPreviewFetcher, PreviewError

log = logging.getLogger(__name__)

CARDS_FOLDER = "cards"  # inside the composer's media folder
THUMB_MAX_BYTES = 1_000_000
THUMB_MAX_SIDE = 1200
_MAX_PIXELS = 40_000_000  # a picture claiming more is not decoded at all


class LinkCards:
    def __init__(self, media_folder: Path, fetcher: LinkPreviewFetcher | None = None) -> None:
        self.folder = media_folder / CARDS_FOLDER
        self.fetcher = fetcher or LinkPreviewFetcher()

    def fetch(self, url: str) -> LinkCard | None:
        """The card for ``url``, or None when the page cannot be read or says nothing."""
        try:
            text, final_url = self.fetcher.page(url)
        except PreviewError as exc:
            log.info("no link card for %s: %s", url[:200], exc)
            return None
        meta = page_meta(text, final_url)
        if meta.empty:
            return None
        thumb = ""
        if meta.image_url:
            try:
                thumb = str(self._keep_thumbnail(self.fetcher.image(meta.image_url)))
            except (PreviewError, ThumbnailError) as exc:
                log.info("no card picture from %s: %s", meta.image_url[:200], exc)
        return LinkCard(
            url=url,
            title=meta.title,
            description=meta.description,
            image_url=meta.image_url,
            thumb_path=thumb,
        )

    def _keep_thumbnail(self, data: bytes) -> Path:
        jpeg = thumbnail_jpeg(data)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{hashlib.sha256(jpeg).hexdigest()[:24]}.jpg"
        if not target.exists():
            partial = target.with_suffix(".part")
            partial.write_bytes(jpeg)
            partial.replace(target)
        return target


class ThumbnailError(Exception):
    """The downloaded picture is not an image Pillow can read, or cannot be made small."""


def thumbnail_jpeg(data: bytes) -> bytes:
    """``data`` (any image Pillow reads) as a JPEG within the size limits."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > _MAX_PIXELS:
                    raise ThumbnailError("the picture is too large")
                image = ImageOps.exif_transpose(opened)
                image.load()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        ValueError,
    ) as exc:
        raise ThumbnailError(str(exc)) from exc
    if image.mode != "RGB":
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    image.thumbnail((THUMB_MAX_SIDE, THUMB_MAX_SIDE), Image.Resampling.LANCZOS)
    for quality in (85, 75, 60, 45):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        if buffer.tell() <= THUMB_MAX_BYTES:
            return buffer.getvalue()
    raise ThumbnailError("the picture cannot be made small enough")
