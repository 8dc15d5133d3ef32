"""What a screen reader hears where the picture says more than the words: a problem's
severity (only its icon told an error from a warning) and a post's per-account states (a
fixed name hid them behind "Where this post stands"). Read through Qt's accessibility
interfaces, as AT-SPI gets them."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from somestudio.domain.findings import Severity
from somestudio.ui.composer.findings_list import Entry, FindingsList, Place


def _spoken_rows(widget: FindingsList) -> list[str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    rows = [face.child(i) for i in range(face.childCount())]
    return [r.text(QAccessible.Text.Name) for r in rows if r is not None]


def test_a_problem_says_whether_it_stops_scheduling(qtbot: QtBot) -> None:
    found = FindingsList()
    qtbot.addWidget(found)
    found.show()
    too_long = Entry(Severity.ERROR, "Bluesky: too long (476/300 characters).", Place("base"))
    tag = Entry(Severity.WARNING, "Mastodon: 6 hashtags.", Place("base"))
    found.show_entries([too_long, tag])
    spoken = _spoken_rows(found)
    assert "Error: Bluesky: too long (476/300 characters)." in spoken
    assert "Warning: Mastodon: 6 hashtags." in spoken
    # A count that moves is said anew, in place.
    found.show_entries([Entry(Severity.ERROR, "Bluesky: too long (480/300 characters).",
                              Place("base")), tag])  # fmt: skip
    assert "Error: Bluesky: too long (480/300 characters)." in _spoken_rows(found)
