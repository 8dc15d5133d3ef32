"""Folds, media checks and the draft's JSON form: the composer's pure parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain import composer_messages
from somestudio.domain.drafts import Attachment, Draft, DraftFormatError, from_json, to_json
from somestudio.domain.findings import Severity
from somestudio.domain.folds import FOLDS, fold_offset
from somestudio.domain.media import (
    MediaFacts,
    MediaFinding,
    MediaKind,
    check_media,
    fixable_size,
)
from somestudio.domain.media_limits import MEDIA_LIMITS

JPEG = MediaFacts("kuva.jpg", MediaKind.IMAGE, "JPEG", 300_000, 1200, 800, alt_text="Kahvikuppi")


def codes(found: list[MediaFinding]) -> list[str]:
    return [f.code for f in found]


# -- folds
def test_fold_falls_at_a_space_before_the_threshold() -> None:
    text = "Tervetuloa kahvilaan, tänään tarjolla korvapuusteja. " * 10
    at = fold_offset(text, "linkedin")
    assert at is not None and at <= FOLDS["linkedin"].characters
    assert text[at] == " " and at > 150


def test_fold_by_lines_comes_first_when_earlier() -> None:
    assert fold_offset("yksi\nkaksi\nkolme\nneljä", "linkedin") == len("yksi\nkaksi\nkolme")
    assert fold_offset("yksi\nkaksi\nkolme\n", "linkedin") is None  # nothing after the fold


def test_fold_counts_clusters_not_code_points() -> None:
    family = "👩‍👩‍👧‍👦"  # seven code points, one character on screen
    assert fold_offset(family * 125, "instagram") is None
    assert fold_offset(family * 126, "instagram") == 125 * 7


def test_no_fold_where_the_feed_shows_everything() -> None:
    assert fold_offset("x" * 5000, "mastodon") is None
    assert all(not fold.confirmed and fold.source for fold in FOLDS.values())


# -- media
def test_bluesky_image_too_big_is_an_error_and_fixable() -> None:
    big = MediaFacts("iso.png", MediaKind.IMAGE, "PNG", 2_500_000, 4000, 3000, alt_text="x")
    found = check_media("bluesky", [big], title="Bluesky")
    assert codes(found) == ["media.too_big"]
    assert found[0].severity is Severity.ERROR and "2.5 MB" in found[0].message
    assert fixable_size("bluesky", big) == 2_000_000
    assert fixable_size("bluesky", JPEG) is None
    assert fixable_size("local", big) is None


def test_counts_and_mixing() -> None:
    five = [JPEG] * 5
    assert codes(check_media("x", five, title="X")) == ["media.too_many"]
    video = MediaFacts("v.mp4", MediaKind.VIDEO, "MP4", 1000, 640, 360, duration_ms=10_000)
    assert codes(check_media("x", [JPEG, video], title="X")) == ["media.video_alone"]
    gif = MediaFacts("a.gif", MediaKind.GIF, "GIF", 1000, 10, 10, frames=8, alt_text="a")
    assert codes(check_media("x", [gif, JPEG], title="X")) == ["media.gif_alone"]
    assert codes(check_media("instagram", [], title="Instagram")) == ["media.required"]
    assert codes(check_media("youtube", [JPEG], title="YouTube")) == ["media.no_images"]


def test_tiktok_takes_a_photo_post_within_its_documented_limits() -> None:
    # Photo mode: TikTok was "only a video can be posted here, not images".
    assert check_media("tiktok", [JPEG], title="TikTok") == []
    assert check_media("tiktok", [JPEG] * 35, title="TikTok") == []
    assert codes(check_media("tiktok", [JPEG] * 36, title="TikTok")) == ["media.too_many"]
    webp = MediaFacts("k.webp", MediaKind.IMAGE, "WEBP", 1000, 1080, 1920)
    assert check_media("tiktok", [webp], title="TikTok") == []
    png = MediaFacts("k.png", MediaKind.IMAGE, "PNG", 1000, 1080, 1920)
    assert codes(check_media("tiktok", [png], title="TikTok")) == ["media.format"]
    big = MediaFacts("iso.jpg", MediaKind.IMAGE, "JPEG", 21 * 1024 * 1024, 4000, 3000)
    assert codes(check_media("tiktok", [big], title="TikTok")) == ["media.too_big"]
    video = MediaFacts("v.mp4", MediaKind.VIDEO, "MP4", 1000, 1080, 1920, duration_ms=10_000)
    assert codes(check_media("tiktok", [JPEG, video], title="TikTok")) == ["media.video_alone"]


def test_video_length_format_aspect_alt_text() -> None:
    long_video = MediaFacts("v.mp4", MediaKind.VIDEO, "MP4", 1000, 640, 360, duration_ms=200_000)
    assert codes(check_media("x", [long_video], title="X")) == ["media.video_length"]
    png = MediaFacts("k.png", MediaKind.IMAGE, "PNG", 1000, 3000, 1000, alt_text="a")
    assert codes(check_media("instagram", [png], title="Instagram")) == [
        "media.aspect",
        "media.format",
    ]
    bare = MediaFacts("k.jpg", MediaKind.IMAGE, "JPEG", 1000, 100, 100)
    found = check_media("mastodon", [bare], title="Mastodon")
    assert codes(found) == ["media.alt_missing"] and found[0].severity is Severity.WARNING
    wordy = MediaFacts("k.jpg", MediaKind.IMAGE, "JPEG", 1000, 100, 100, alt_text="å" * 1001)
    assert codes(check_media("x", [wordy], title="X")) == ["media.alt_too_long"]


def test_unreadable_file_is_a_finding_everywhere_even_without_limits() -> None:
    text_file = MediaFacts("muistio.txt", MediaKind.UNREADABLE, problem="not an image")
    for channel in ("x", "local"):
        found = check_media(channel, [text_file], title=channel)
        assert codes(found) == ["media.unreadable"]
        assert "muistio.txt" in found[0].message
    fi = check_media("x", [text_file], title="X", lang="fi")[0].message
    assert fi.startswith("muistio.txt ei ole kuva")


def test_every_media_code_has_both_languages_and_every_limit_a_source() -> None:
    for code in composer_messages.codes():
        assert composer_messages.render(code, "fi", _AnyParams()) != code
    assert all(limits.source for limits in MEDIA_LIMITS.values())


class _AnyParams(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return key


def test_render_formats_with_missing_tolerance() -> None:
    assert composer_messages.render("nope", "en", {}) == "nope"


# -- drafts
texts = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=50)


@given(
    base=texts,
    variant=texts,
    part=texts,
    alt=texts,
    post_id=st.none() | st.integers(min_value=1, max_value=10**9),
)
def test_draft_survives_json_including_lone_surrogates_and_nul(
    base: str, variant: str, part: str, alt: str, post_id: int | None
) -> None:
    draft = Draft(
        base_text=base + "\ud800\x00",
        account_ids=(3, 1),
        variants={3: variant},
        threads={1: (part, "toinen")},
        attachments=(Attachment("/tmp/a.jpg", alt, "/home/a.jpg"),),
        post_id=post_id,
    )
    encoded = to_json(draft)
    encoded.encode("utf-8")  # storable as SQLite text
    assert from_json(encoded) == draft


def test_bad_json_is_a_format_error() -> None:
    for bad in ("", "[]", "{}", '{"base_text": "x", "account_ids": ["a"]}'):
        with pytest.raises(DraftFormatError):
            from_json(bad)


def test_text_for_and_emptiness() -> None:
    draft = Draft(base_text="pohja", account_ids=(1, 2), variants={2: "oma"})
    assert (draft.text_for(1), draft.text_for(2)) == ("pohja", "oma")
    assert Draft(base_text=" \n").is_empty and not draft.is_empty


# -- the creator's report: per-network media rules checked at their source
VIDEO = MediaFacts("v.mp4", MediaKind.VIDEO, "MP4", 1000, 1080, 1920, duration_ms=10_000)


def test_instagram_and_threads_carousels_mix_images_and_videos() -> None:
    # Instagram "Content Publishing": carousel posts "containing multiple images and videos"
    # https://developers.facebook.com/docs/instagram-platform/content-publishing/
    square = MediaFacts("k.jpg", MediaKind.IMAGE, "JPEG", 1000, 1080, 1080, alt_text="a")
    assert check_media("instagram", [VIDEO, square], title="Instagram") == []
    found = check_media("instagram", [VIDEO] + [square] * 10, title="Instagram")
    assert codes(found) == ["media.too_many_items"] and "11" in found[0].message
    # "Threads Posts", carousel: up to 20 images, videos or a mix
    # https://developers.facebook.com/documentation/threads/posts
    alt_video = MediaFacts(
        "v.mp4", MediaKind.VIDEO, "MP4", 1000, 1080, 1920, duration_ms=10_000, alt_text="a"
    )
    png = MediaFacts("k.png", MediaKind.IMAGE, "PNG", 1000, 1080, 1080, alt_text="a")
    assert check_media("threads", [alt_video, png], title="Threads") == []
    assert codes(check_media("threads", [alt_video] * 21, title="Threads")) == [
        "media.too_many_items"
    ]
    # X and Bluesky keep a video alone.
    assert codes(check_media("x", [VIDEO, JPEG], title="X")) == ["media.video_alone"]


def test_a_video_without_a_readable_picture_is_an_error_everywhere() -> None:
    header_only = MediaFacts("fake.mp4", MediaKind.VIDEO, "MP4", 36)  # ftyp and nothing else
    for channel in ("youtube", "tiktok", "instagram", "bluesky", "threads", "local"):
        found = check_media(channel, [header_only], title=channel)
        assert "media.video_unreadable" in codes(found), channel
        broken = [f for f in found if f.code == "media.video_unreadable"]
        assert broken[0].severity is Severity.ERROR and "fake.mp4" in broken[0].message
    no_picture = MediaFacts("ääni.mp4", MediaKind.VIDEO, "MP4", 9000, duration_ms=5000)
    assert codes(check_media("x", [no_picture], title="X")) == ["media.video_unreadable"]


def test_video_lengths_per_network() -> None:
    def lasting(seconds: int) -> MediaFacts:
        return MediaFacts(
            "v.mp4",
            MediaKind.VIDEO,
            "MP4",
            1000,
            1080,
            1920,
            duration_ms=seconds * 1000,
            alt_text="a",
        )

    # Bluesky: 3 minutes, but this app's Bluesky publisher sends images only (it refused
    # a video only when it was due): the composer says so at once.
    assert codes(check_media("bluesky", [lasting(180)], title="Bluesky")) == [
        "media.video_not_sent"
    ]
    assert codes(check_media("bluesky", [lasting(181)], title="Bluesky")) == [
        "media.video_not_sent",
        "media.video_length",
    ]
    assert check_media("x", [lasting(140)], title="X") == []
    assert codes(check_media("threads", [lasting(301)], title="Threads")) == ["media.video_length"]
    assert codes(check_media("instagram", [lasting(2)], title="Instagram")) == [
        "media.video_length"
    ]


def test_alt_text_is_asked_for_where_the_api_takes_it() -> None:
    bare = MediaFacts("k.jpg", MediaKind.IMAGE, "JPEG", 1000, 1080, 1080)
    # Instagram: alt_text for image posts since 24 March 2025, not for reels.
    assert codes(check_media("instagram", [bare], title="Instagram")) == ["media.alt_missing"]
    bare_video = MediaFacts("v.mp4", MediaKind.VIDEO, "MP4", 1000, 1080, 1920, duration_ms=10_000)
    assert check_media("instagram", [bare_video], title="Instagram") == []
    # Threads "Accessibility": alt_text for each image or video.
    assert codes(check_media("threads", [bare], title="Threads")) == ["media.alt_missing"]
    assert codes(check_media("threads", [bare_video], title="Threads")) == ["media.alt_missing"]


def test_youtube_says_it_needs_a_video_from_the_start() -> None:
    found = check_media("youtube", [], title="YouTube")
    assert codes(found) == ["media.video_required"]
    assert found[0].message == "YouTube needs a video."
    assert codes(check_media("instagram", [], title="Instagram")) == ["media.required"]


def test_a_missing_file_says_so_and_where_it_was() -> None:
    gone = MediaFacts(
        "photo.jpg", MediaKind.UNREADABLE, problem="missing", missing=True, path="/k/photo.jpg"
    )
    found = check_media("x", [gone], title="X")
    assert codes(found) == ["media.missing"]
    assert "moved or deleted" in found[0].message and "/k/photo.jpg" in found[0].message
    assert "not an image" not in found[0].message
    assert "/k/photo.jpg" in check_media("x", [gone], title="X", lang="fi")[0].message
