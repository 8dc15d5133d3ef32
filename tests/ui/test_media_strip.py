"""The composer's attachments: the alt text shown is the chosen attachment's own. Opening
another post showed the previous post's alt text, greyed, under an image that had none."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from somestudio.domain.drafts import Attachment
from somestudio.ui.composer.media_strip import MediaStrip


def test_a_post_opened_after_another_shows_its_own_alt_text(qtbot: QtBot) -> None:
    strip = MediaStrip()
    qtbot.addWidget(strip)
    strip.show()
    strip.set_attachments([Attachment("/kuvat/kirjasto.jpg", "Pääkirjaston sisäänkäynti")])
    assert strip.alt_text.text() == "Pääkirjaston sisäänkäynti"
    assert strip.alt_text.isEnabled()  # the only image is the chosen one: ready to edit
    strip.set_attachments([Attachment("/kuvat/kesa.jpg")])  # the next post: no alt text yet
    assert strip.alt_text.text() == ""
    assert strip.alt_text.isEnabled() and strip.list.currentRow() == 0
    strip.set_attachments([])
    assert strip.alt_text.text() == "" and not strip.alt_text.isVisible()


def test_a_small_file_says_its_bytes_not_zero_kilobytes(qapp: object) -> None:
    from somestudio.domain.media import MediaFacts, MediaKind  # noqa: PLC0415
    from somestudio.ui.composer.media_strip import describe  # noqa: PLC0415

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert describe(MediaFacts("a.png", MediaKind.IMAGE, "PNG", 366, 8, 8)).endswith(
            "· 366 B"
        )  # it read "0 kB"
        assert describe(MediaFacts("b.png", MediaKind.IMAGE, "PNG", 340_400)).endswith("· 340 kB")
        assert describe(MediaFacts("c.png", MediaKind.IMAGE, "PNG", 2_400_000)).endswith("· 2.4 MB")
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_alt_text_hint_names_a_video_for_a_video(qtbot: QtBot) -> None:
    """The hint said "describe the image" under a video too."""
    from somestudio.domain.media import MediaFacts, MediaKind  # noqa: PLC0415

    strip = MediaStrip()
    qtbot.addWidget(strip)
    strip.show()
    strip.set_attachments([Attachment("/v/leivonta.mp4"), Attachment("/k/pulla.jpg")])
    assert "image or video" in strip.alt_text.placeholderText()  # not probed yet
    video = MediaFacts("leivonta.mp4", MediaKind.VIDEO, "MP4", 9000, 1080, 1920, duration_ms=9000)
    image = MediaFacts("pulla.jpg", MediaKind.IMAGE, "JPEG", 9000, 800, 600)
    strip.show_facts((video, image), {})
    strip.list.setCurrentRow(0)
    assert "describe the video" in strip.alt_text.placeholderText()
    strip.list.setCurrentRow(1)
    assert "describe the image for" in strip.alt_text.placeholderText()
