"""The composer's use cases on a real SQLite file and real image and video files."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from somestudio.app.composer import Composer, UnsavableTextError
from somestudio.app.draft_checks import MediaCache
from somestudio.app.media import MediaFixError, fit_image, probe
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.media import MediaKind, check_media
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila")
        mastodon = account_rows.add_account(
            conn, Network.MASTODON, "@aurinko", instance_url="https://m.example"
        )
        conn.execute(
            "UPDATE accounts SET limits_json = ? WHERE id = ?",
            (json.dumps({"max_characters": 1000}), mastodon),
        )
        account_rows.add_account(conn, Network.LOCAL, "arkisto")
    yield ws
    ws.close()


def ids(composer: Composer) -> dict[str, int]:
    return {t.network.value: t.account_id for t in composer.targets()}


def test_targets_carry_channel_and_instance_limit(workspace: Workspace) -> None:
    targets = {t.network: t for t in Composer(workspace).targets()}
    assert targets[Network.MASTODON].limit == 1000
    assert targets[Network.X].limit is None and targets[Network.X].channel == "x"
    assert targets[Network.LOCAL].channel is None


def test_new_post_with_variant_thread_and_media_round_trips(
    workspace: Workspace, tmp_path: Path
) -> None:
    composer = Composer(workspace)
    a = ids(composer)
    image = tmp_path / "kuva.png"
    Image.new("RGB", (40, 30), "orange").save(image)
    draft = Draft(
        base_text="Pohjateksti 🥐",
        account_ids=(a["x"], a["mastodon"]),
        variants={a["mastodon"]: "Oma teksti Mastodonille"},
        threads={a["x"]: ("Osa yksi 1/2", "Osa kaksi 2/2")},
        attachments=(Attachment(str(image), "Oranssi neliö"),),
    )
    post_id = composer.save(draft)
    assert post_id is not None
    loaded = composer.load(post_id)
    assert loaded == Draft(
        base_text=draft.base_text,
        account_ids=tuple(sorted(draft.account_ids)),
        variants=dict(draft.variants),
        threads=dict(draft.threads),
        attachments=draft.attachments,
        post_id=post_id,
    )
    row = (
        workspace.connection()
        .execute(
            "SELECT mime_type, width, height, frame_count FROM media WHERE post_id = ?", (post_id,)
        )
        .fetchone()
    )
    assert tuple(row) == ("image/png", 40, 30, 1)


def test_editing_resets_a_variant_and_leaves_published_deliveries_alone(
    workspace: Workspace,
) -> None:
    composer = Composer(workspace)
    a = ids(composer)
    post_id = composer.save(
        Draft(
            base_text="Alku",
            account_ids=(a["x"], a["mastodon"]),
            variants={a["x"]: "X:lle", a["mastodon"]: "Mastodonille"},
        )
    )
    assert post_id is not None
    edited = _published_on(workspace, post_id, a["mastodon"])
    composer.save(Draft("Uusi alku", edited.account_ids, {}, {}, (), post_id))
    again = composer.load(post_id)
    assert again is not None and again.base_text == "Uusi alku"
    assert again.variants == {a["mastodon"]: "Mastodonille"}  # went out with that text


def test_autosave_recovers_and_save_clears_it(workspace: Workspace) -> None:
    composer = Composer(workspace)
    assert composer.recovered() is None
    broken = Draft(base_text="kesken \ud83d ja \x00 NUL", account_ids=(ids(composer)["x"],))
    composer.autosave(broken)
    assert Composer(workspace).recovered() == broken
    with pytest.raises(UnsavableTextError):
        composer.save(broken)
    assert composer.recovered() == broken  # nothing lost by the refused save
    fine = Draft(base_text="valmis \x00 NUL", account_ids=broken.account_ids)
    post_id = composer.save(fine)
    assert post_id is not None and composer.recovered() is None
    assert composer.load(post_id) is not None
    composer.autosave(Draft(base_text="  "))
    assert composer.recovered() is None  # an empty composer keeps nothing


def test_autosave_of_a_deleted_post_comes_back_as_a_new_post(workspace: Workspace) -> None:
    composer = Composer(workspace)
    composer.autosave(Draft(base_text="muokkaus", post_id=999))
    recovered = composer.recovered()
    assert recovered is not None and recovered.base_text == "muokkaus"
    assert composer.save(recovered) is None  # the post is gone: the UI then saves it as new


def test_unreadable_autosave_is_kept_and_ignored(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    with transaction(conn):
        conn.execute("INSERT INTO composer_autosave VALUES ('main', NULL, '{\"nope\": 1}', 'x')")
    assert Composer(workspace).recovered() is None
    assert conn.execute("SELECT count(*) FROM composer_autosave").fetchone()[0] == 1


# -- media files
def mp4(
    path: Path,
    *,
    seconds: float,
    timescale: int = 600,
    version: int = 0,
    fragmented: bool = False,
) -> Path:
    def box(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I4s", 8 + len(payload), kind) + payload

    ticks = int(seconds * timescale)
    in_mvhd = 0 if fragmented else ticks  # a fragmented file's mvhd says 0
    if version == 0:
        mvhd = bytes(4) + struct.pack(">IIII", 0, 0, timescale, in_mvhd)
    else:
        mvhd = b"\x01\x00\x00\x00" + struct.pack(">QQIQ", 0, 0, timescale, in_mvhd)
    tkhd = bytes(76) + struct.pack(">II", 1080 << 16, 1920 << 16)
    # ISO/IEC 14496-12 Movie Extends Header: version 0, flags, fragment_duration (u32)
    mvex = box(b"mvex", box(b"mehd", bytes(4) + struct.pack(">I", ticks))) if fragmented else b""
    moov = box(b"moov", box(b"mvhd", mvhd + bytes(80)) + mvex + box(b"trak", box(b"tkhd", tkhd)))
    path.write_bytes(
        box(b"ftyp", b"isom" + bytes(4) + b"isommp41") + box(b"mdat", bytes(64)) + moov
    )
    return path


def test_probe_images_animation_video_and_junk(tmp_path: Path) -> None:
    jpeg = tmp_path / "a.jpg"
    Image.new("RGB", (320, 200), "red").save(jpeg)
    facts = probe(jpeg, "alt")
    assert (facts.kind, facts.format, facts.width, facts.height, facts.alt_text) == (
        MediaKind.IMAGE,
        "JPEG",
        320,
        200,
        "alt",
    )
    assert facts.byte_size == jpeg.stat().st_size
    gif = tmp_path / "b.gif"
    frames = [Image.new("RGB", (10, 10), c) for c in ("red", "green", "blue")]
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    assert (probe(gif).kind, probe(gif).frames) == (MediaKind.GIF, 3)
    video = probe(mp4(tmp_path / "c.mp4", seconds=12.5))
    assert (video.kind, video.format, video.duration_ms) == (MediaKind.VIDEO, "MP4", 12500)
    assert (video.width, video.height) == (1080, 1920)
    assert probe(mp4(tmp_path / "d.mp4", seconds=200, version=1)).duration_ms == 200_000
    for junk, content in (("e.txt", b"hello"), ("f.jpg", b"\xff\xd8 not really"), ("g", b"")):
        (tmp_path / junk).write_bytes(content)
        assert probe(tmp_path / junk).kind is MediaKind.UNREADABLE
    truncated = tmp_path / "h.mp4"
    truncated.write_bytes(mp4(tmp_path / "i.mp4", seconds=3).read_bytes()[:30])
    assert probe(truncated).duration_ms is None  # a cut file: no duration, no crash
    assert probe(tmp_path / "missing.png").kind is MediaKind.UNREADABLE
    assert probe(tmp_path).kind is MediaKind.UNREADABLE  # a folder


def test_a_header_only_mp4_is_refused_everywhere_and_a_moved_file_is_missing(
    tmp_path: Path,
) -> None:
    """The creator's 36-byte "video": an ftyp box and nothing else went out to five
    networks with "No problems found"."""
    fake = tmp_path / "fake.mp4"
    fake.write_bytes(
        struct.pack(">I4s4sI4s4s4s", 36, b"ftyp", b"isom", 512, b"isom", b"iso2", b"mp41")
        + b"\0" * 8
    )
    assert fake.stat().st_size == 36
    facts = probe(fake)
    assert facts.kind is MediaKind.VIDEO and facts.broken_video
    for channel in ("youtube", "tiktok", "instagram", "bluesky", "threads"):
        codes = [f.code for f in check_media(channel, [facts], title=channel)]
        assert "media.video_unreadable" in codes, channel
    assert not probe(mp4(tmp_path / "ok.mp4", seconds=12.5)).broken_video
    # A fragmented MP4 (mvhd duration 0) is a video: its length comes from mehd.
    fragmented = probe(mp4(tmp_path / "frag.mp4", seconds=200, fragmented=True))
    assert fragmented.duration_ms == 200_000 and not fragmented.broken_video
    assert [f.code for f in check_media("x", [fragmented], title="X")] == ["media.video_length"]
    gone = MediaCache().facts(Attachment(str(tmp_path / "photo.jpg"), "kuvaus"))
    assert gone.missing and gone.path == str(tmp_path / "photo.jpg")
    assert gone.alt_text == "kuvaus"
    message = check_media("x", [gone], title="X")[0].message
    assert "moved or deleted" in message and str(tmp_path / "photo.jpg") in message


def test_video_length_checked_from_the_file(tmp_path: Path) -> None:
    facts = probe(mp4(tmp_path / "long.mp4", seconds=200))
    assert [f.code for f in check_media("x", [facts], title="X")] == ["media.video_length"]


def test_fit_oversize_image_for_bluesky_keeps_the_original(
    workspace: Workspace, tmp_path: Path
) -> None:
    noisy = tmp_path / "iso.png"
    Image.effect_noise((1400, 1000), 90).convert("RGB").save(noisy)
    before = noisy.read_bytes()
    assert len(before) > 2_000_000
    facts = probe(noisy, "Kohinaa")
    assert [f.code for f in check_media("bluesky", [facts], title="Bluesky")] == ["media.too_big"]
    composer = Composer(workspace)
    fitted = composer.fit_image(Attachment(str(noisy), "Kohinaa"), 2_000_000)
    assert noisy.read_bytes() == before
    assert Path(fitted.path).parent == composer.media_folder
    assert fitted.original_path == str(noisy) and fitted.alt_text == "Kohinaa"
    small = probe(Path(fitted.path), fitted.alt_text)
    assert small.format == "JPEG" and small.byte_size <= 2_000_000
    assert check_media("bluesky", [small], title="Bluesky") == []
    again = composer.fit_image(fitted, 200_000)  # fixing a fixed copy keeps the first original
    assert again.original_path == str(noisy) and Path(again.path) != Path(fitted.path)


def test_fit_refuses_a_file_that_is_not_an_image(tmp_path: Path) -> None:
    junk = tmp_path / "x.png"
    junk.write_text("not an image")
    with pytest.raises(MediaFixError):
        fit_image(junk, 1000, tmp_path / "out")


def test_rgba_image_is_flattened(tmp_path: Path) -> None:
    rgba = tmp_path / "alpha.png"
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(rgba)
    out = fit_image(rgba, 100_000, tmp_path / "out")
    with Image.open(out) as image:
        assert image.mode == "RGB" and image.getpixel((5, 5)) == (255, 255, 255)


def test_a_delivery_published_with_the_posts_text_keeps_that_text_after_an_edit(
    workspace: Workspace,
) -> None:
    """Bluesky went out with the post's own text; the post is then edited for the channels
    still to go. What the app shows as published on Bluesky stays what went out (an edit
    rewrote it: "…EDITED" under a publishing time of the day before)."""
    composer = Composer(workspace)
    a = ids(composer)
    post_id = composer.save(
        Draft(base_text="Uusi video ulkona", account_ids=(a["x"], a["mastodon"]))
    )
    assert post_id is not None
    edited = _published_on(workspace, post_id, a["mastodon"])
    composer.save(replace(edited, base_text="Uusi video ulkona – nyt tekstitettynä"))
    conn = workspace.connection()
    again = composer.load(post_id)
    assert again is not None and again.base_text == "Uusi video ulkona – nyt tekstitettynä"
    assert again.variants == {a["mastodon"]: "Uusi video ulkona"}  # what went out
    sent = conn.execute(
        "SELECT COALESCE(d.text_override, p.base_text), d.override_length FROM deliveries d"
        " JOIN posts p ON p.id = d.post_id WHERE d.post_id = ? AND d.account_id = ?",
        (post_id, a["mastodon"]),
    ).fetchone()
    assert tuple(sent) == ("Uusi video ulkona", len("Uusi video ulkona"))
    # An edit that leaves the text as it was changes nothing of it.
    composer.save(replace(again, base_text="Uusi video ulkona – nyt tekstitettynä"))
    assert composer.load(post_id).variants == {a["mastodon"]: "Uusi video ulkona"}  # type: ignore[union-attr]


def _published_on(workspace: Workspace, post_id: int, account_id: int) -> Draft:
    """The post as the composer loads it once its delivery to ``account_id`` went out."""
    conn = workspace.writable_connection()
    with transaction(conn):
        conn.execute(
            "UPDATE deliveries SET state = 'published', scheduled_at = '2026-01-01T10:00:00Z',"
            " time_zone = 'UTC' WHERE post_id = ? AND account_id = ?",
            (post_id, account_id),
        )
    edited = Composer(workspace).load(post_id)
    assert edited is not None
    return edited
