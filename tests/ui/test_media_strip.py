"""The composer's attachments: the alt text shown is the chosen attachment's own. Opening
another post showed the previous post's alt text, greyed, under an image that had none."""

from __future__ import annotations

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
