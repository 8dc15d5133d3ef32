"""Reading attached files (Pillow for images, box headers for videos) and fixing oversize
images. The rules about what each channel accepts are pure and live in ``domain.media``."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from somestudio.app.mp4 import probe_video
from somestudio.domain.media import MediaFacts, MediaKind

_MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "MP4": "video/mp4",
    "MOV": "video/quicktime",
}


class MediaFixError(Exception):
    """The image could not be made small enough (or read at all)."""


def mime_type(facts: MediaFacts) -> str:
    return _MIME.get(facts.format, "")


def probe(path: Path, alt_text: str = "") -> MediaFacts:
    """What ``path`` holds; a file that is neither an image nor a video this app reads comes
    back as UNREADABLE with the reason, never as an exception."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        # Moved or deleted since it was attached: say so, and where it was expected.
        return MediaFacts(
            name,
            MediaKind.UNREADABLE,
            alt_text=alt_text,
            problem="missing",
            missing=True,
            path=str(path),
        )
    except OSError as exc:
        return MediaFacts(name, MediaKind.UNREADABLE, alt_text=alt_text, problem=str(exc))
    if not path.is_file():
        return MediaFacts(name, MediaKind.UNREADABLE, alt_text=alt_text, problem="not a file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                frames = int(getattr(image, "n_frames", 1))
                kind = MediaKind.GIF if frames > 1 else MediaKind.IMAGE
                return MediaFacts(
                    name,
                    kind,
                    str(image.format or ""),
                    size,
                    image.width,
                    image.height,
                    frames,
                    alt_text=alt_text,
                )
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        pass
    video = probe_video(path)
    if video is not None:
        return MediaFacts(
            name,
            MediaKind.VIDEO,
            video.format,
            size,
            video.width,
            video.height,
            duration_ms=video.duration_ms,
            alt_text=alt_text,
        )
    return MediaFacts(
        name, MediaKind.UNREADABLE, byte_size=size, alt_text=alt_text, problem="unknown format"
    )


def fit_image(path: Path, max_bytes: int, folder: Path) -> Path:
    """A JPEG copy of the image at ``path`` no bigger than ``max_bytes``, written into
    ``folder``; the original is never touched. Quality is lowered first, then the size."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened)
                image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise MediaFixError(f"{path.name}: {exc}") from exc
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    data = _encode_within(image, max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, f"{path.stem}-{max_bytes // 1000}k.jpg")
    target.write_bytes(data)
    return target


def _encode_within(image: Image.Image, max_bytes: int) -> bytes:
    for _ in range(12):
        for quality in (90, 82, 74):
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=quality, optimize=True)
            if buffer.tell() <= max_bytes:
                return buffer.getvalue()
        if min(image.size) <= 64:
            break
        image = image.resize(
            (max(1, int(image.width * 0.8)), max(1, int(image.height * 0.8))),
            Image.Resampling.LANCZOS,
        )
    raise MediaFixError(f"cannot fit the image in {max_bytes} bytes")


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = target.stem, target.suffix
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target
