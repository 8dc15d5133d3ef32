"""What a screen reader hears where the picture says more than the words: a problem's
severity (only its icon told an error from a warning) and a post's per-account states (a
fixed name hid them behind "Where this post stands"). Read through Qt's accessibility
interfaces, as AT-SPI gets them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.domain.findings import Severity
from somestudio.ui.composer.findings_list import Entry, FindingsList, Place
from somestudio.ui.first_run.welcome_dialog import WelcomeDialog
from somestudio.ui.schedule_dialog import ScheduleDialog
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


def _heard(widget: QWidget) -> tuple[str, str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Value)


def test_drop_down_lists_are_named_by_their_label_not_their_choice(
    qtbot: QtBot, demo_home: Path, home: Path, make_window: MakeWindow
) -> None:
    """Qt on Linux named a combo box by the choice it shows ("All accounts", "English",
    "Europe/Helsinki"): a screen reader never said what was being chosen. The choice is
    the value; the name is the label. And a read-only path is named by its own label,
    not by the button beside it."""
    window = make_window(demo_home)
    window.show()
    filters = window.calendar.filters
    assert _heard(filters.account) == ("Show account", "All accounts")
    assert _heard(filters.state) == ("Show state", "All states")
    window.show_page("settings")
    settings = window.settings_page
    assert _heard(settings.language)[0] == "Language"
    named = {_heard(w)[0]: w for w in settings.findChildren(QLineEdit) if w.isReadOnly()}
    assert {"Data folder", "Log file"} <= set(named)
    assert not {"Open data folder", "Open log folder"} & set(named)  # the buttons' names
    for path in (named["Data folder"], named["Log file"]):
        assert any(label.buddy() is path for label in settings.findChildren(QLabel))
    window.show_page("metrics")
    qtbot.waitUntil(lambda: "metrics" in window._pages)
    channel = window.metrics.filters.channel
    assert _heard(channel) == ("Channel", channel.currentText())
    studio = window._studio
    post_id = studio.save_draft("Vyöhyke", [studio.accounts()[0].id])
    schedule = ScheduleDialog(Planner(studio.workspace), post_id, "Europe/Helsinki", window)
    qtbot.addWidget(schedule)
    assert _heard(schedule.zone) == ("Time zone", "Europe/Helsinki")
    first = make_window(home)
    first.show()
    qtbot.waitExposed(first)
    assert first.show_welcome_if_new()
    welcome = first.welcome
    assert isinstance(welcome, WelcomeDialog)
    assert _heard(welcome.language)[0] == "Language"
    assert _heard(welcome.network)[0] == "Network to sign in to"
