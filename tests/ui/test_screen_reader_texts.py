"""What a screen reader hears where the picture says more than the words: a problem's
severity (only its icon told an error from a warning) and a post's per-account states (a
fixed name hid them behind "Where this post stands"). Read through Qt's accessibility
interfaces, as AT-SPI gets them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from somestudio.domain.findings import Severity
from somestudio.ui.composer.findings_list import Entry, FindingsList, Place
from tests.ui.conftest import MakeWindow


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


def _heard(widget: QWidget) -> tuple[str, str, list[str]]:
    """Name, description and the labels it is labelled by, as AT-SPI gets them."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    labels = [other.text(QAccessible.Text.Name) for other, _kind in face.relations()]
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description), labels


def test_drop_down_lists_say_what_they_are_for(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """Qt on Linux names a combo box by the choice it shows, as GTK does, and a screen
    reader says what it is for from the label it is labelled by. The filters have no label
    of their own: their description says it ("All accounts" alone said nothing). A read-only
    path is named by its own label, not by the button beside it."""
    window = make_window(demo_home)
    window.show()
    filters = window.calendar.filters
    assert _heard(filters.account)[:2] == ("All accounts", "Show account")
    assert _heard(filters.state)[:2] == ("All states", "Show state")
    window.show_page("settings")
    settings = window.settings_page
    assert "Language:" in _heard(settings.language)[2]  # its caption, which Orca says
    named = {_heard(w)[0]: w for w in settings.findChildren(QLineEdit) if w.isReadOnly()}
    assert {"Data folder", "Log file"} <= set(named)
    assert not {"Open data folder", "Open log folder"} & set(named)  # the buttons' names
    for path in (named["Data folder"], named["Log file"]):
        assert any(label.buddy() is path for label in settings.findChildren(QLabel))
    window.show_page("metrics")
    qtbot.waitUntil(lambda: "metrics" in window._pages)
    channel = window.metrics.filters.channel
    assert _heard(channel)[:2] == (channel.currentText(), "Channel")
