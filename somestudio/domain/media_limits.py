"""Each channel's media limits, one table per PLATFORMS.md; "unconfirmed" entries come from
third-party sources only. None means the network states no limit we know of."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

MB = 1024 * 1024

_COMMON = frozenset({"JPEG", "PNG", "GIF", "WEBP"})


@dataclass(frozen=True, slots=True)
class MediaLimits:
    confirmed: bool
    source: str
    max_images: int | None = 4  # 0: video only
    max_videos: int = 1  # a video goes alone, never with images (unless ``mixes_video``)
    # A carousel may mix images and videos: ``max_images`` then counts every item.
    mixes_video: bool = False
    max_gifs: int = 1  # an animated image goes alone when this is 1
    image_formats: frozenset[str] | None = _COMMON
    max_image_bytes: int | None = None
    max_gif_bytes: int | None = None
    max_video_bytes: int | None = None
    video_seconds: tuple[float, float] | None = None
    alt_text_max: int | None = None  # grapheme clusters
    alt_text_expected: bool = False  # a missing alt text is worth a warning
    video_alt_text: bool = False  # the network also takes alt text for a video
    aspect: tuple[float, float] | None = None  # width / height range shown uncropped
    needs_media: bool = False  # a post without an image or video is refused
    # False: the network takes a video but Some Studio's publisher does not send one yet.
    sends_video: bool = True


_THIRD_PARTY = "third-party sources only"

MEDIA_LIMITS: Mapping[str, MediaLimits] = MappingProxyType(
    {
        "x": MediaLimits(
            True,
            "PLATFORMS.md (X media docs): 4 images, or 1 GIF, or 1 video",
            max_image_bytes=5 * MB,
            max_gif_bytes=15 * MB,
            max_video_bytes=512 * MB,
            video_seconds=(0.5, 140.0),
            alt_text_max=1000,
        ),
        "mastodon": MediaLimits(
            True,
            "PLATFORMS.md (Mastodon defaults; per instance: configuration.media_attachments)",
            max_image_bytes=16 * MB,
            max_gif_bytes=16 * MB,
            max_video_bytes=99 * MB,
            alt_text_max=1500,
            alt_text_expected=True,
        ),
        "bluesky": MediaLimits(
            True,
            "PLATFORMS.md: 4 images, each at most 2,000,000 bytes, alt text expected",
            max_image_bytes=2_000_000,
            max_gif_bytes=2_000_000,
            max_video_bytes=300 * MB,
            # 3 minutes: Bluesky's March 2025 announcement as third-party pages report it
            # (no developer page states it); unconfirmed.
            video_seconds=(0.0, 180.0),
            alt_text_expected=True,
            # networks/bluesky/publish.py sends images only (app.bsky.embed.images): a video
            # was checked as fine here and then refused when it was due.
            sends_video=False,
        ),
        # Carousel: 2 to 20 images, videos or a mix ("Threads Posts", Carousel posts,
        # https://developers.facebook.com/documentation/threads/posts). Alt text for each
        # image or video ("Accessibility", alt_text on POST /threads,
        # https://developers.facebook.com/documentation/threads/posts/accessibility).
        # Formats, sizes and the 5-minute video: third-party pages only.
        "threads": MediaLimits(
            False,
            "Threads Posts (carousel of 20, mixed) and Accessibility (alt_text); sizes third-party",
            max_images=20,
            max_videos=20,
            mixes_video=True,
            max_gifs=0,
            image_formats=frozenset({"JPEG", "PNG"}),
            max_image_bytes=8 * MB,
            max_video_bytes=1024 * MB,
            video_seconds=(0.0, 300.0),
            alt_text_expected=True,
            video_alt_text=True,
        ),
        "linkedin": MediaLimits(False, _THIRD_PARTY, max_images=20, max_video_bytes=5 * 1024 * MB),
        "facebook": MediaLimits(
            False, _THIRD_PARTY, max_images=10, max_image_bytes=10 * MB, max_gif_bytes=10 * MB
        ),
        # Carousel: images and videos ("Content Publishing", carousel posts "containing
        # multiple images and videos", https://developers.facebook.com/docs/instagram-platform/
        # content-publishing/); 10 items, sizes and the 3 s-15 min reel: third-party only.
        # Alt text: "On March 24, 2025, we introduced the new alt_text field for image posts
        # ... Reels and stories are not supported" (same page): images only.
        "instagram": MediaLimits(
            False,
            "Content Publishing (mixed carousels, alt_text for images); numbers third-party",
            max_images=10,
            max_videos=10,
            mixes_video=True,
            max_gifs=0,
            image_formats=frozenset({"JPEG"}),
            max_image_bytes=8 * MB,
            max_video_bytes=300 * MB,
            video_seconds=(3.0, 900.0),
            aspect=(0.8, 1.91),
            alt_text_expected=True,
            needs_media=True,
        ),
        # Photo mode: up to 35 images (JPEG or WebP, at most 20 MB each), or one video.
        # TikTok for Developers, "Content Posting API - Photo" reference
        # (developers.tiktok.com/doc/content-posting-api-reference-photo-post: media_type
        # PHOTO, photo_images) and its media transfer guide (image formats and size);
        # the numbers as third-party guides repeat them, so not marked confirmed.
        "tiktok": MediaLimits(
            False,
            "TikTok Content Posting API - Photo (content-posting-api-reference-photo-post); "
            "numbers third-party",
            max_images=35,
            max_gifs=0,
            image_formats=frozenset({"JPEG", "WEBP"}),
            max_image_bytes=20 * MB,
            max_video_bytes=4 * 1024 * MB,
            video_seconds=(3.0, 600.0),
            needs_media=True,
        ),
        "youtube": MediaLimits(
            False, "YouTube: one video per upload", max_images=0, max_gifs=0, needs_media=True
        ),
        "pinterest": MediaLimits(
            False,
            "Pinterest API v5 OpenAPI: alt_text maxLength 500; the rest third-party",
            max_images=1,
            max_gifs=1,
            max_image_bytes=20 * MB,
            max_gif_bytes=20 * MB,
            alt_text_max=500,
            needs_media=True,
        ),
    }
)
