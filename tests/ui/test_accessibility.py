"""Accessibility: every control has a name a screen reader can say; a post's state is a
symbol and a word as well as a colour everywhere it shows; the window follows a dark scheme
and the chips stay readable in it; at 200 % scaling the views still fit and nothing clips."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.review_pack import parse_month
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import Role
from somestudio.domain.networks import Network
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.attention_dialog import AttentionDialog
from somestudio.ui.calendar.agenda_view import AgendaModel
from somestudio.ui.calendar.chips import chip_label, entry_tooltip
from somestudio.ui.calendar.day_model import DayModel
from somestudio.ui.main_window import PAGES
from somestudio.ui.review_pack.pack_dialog import ReviewPackDialog
from somestudio.ui.schedule_dialog import ScheduleDialog
from somestudio.ui.shortcuts_dialog import ShortcutsDialog, window_shortcuts
from somestudio.ui.states import (
    APPROVAL_GLYPHS,
    BACKGROUNDS,
    GLYPHS,
    approval_name,
    state_name,
)
from somestudio.ui.team.members_dialog import MembersDialog
from somestudio.ui.theme import apply_scheme, dark_palette, is_dark
from tests.conftest import FIXED_DAY

from .a11y import unnamed
from .conftest import HELSINKI, MakeWindow

REPO = Path(__file__).resolve().parents[2]


def test_every_control_of_every_page_has_a_name(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for key in PAGES:
        window.show_page(key)
        if key == "compose":  # its channel tabs and preview appear once accounts are ticked
            window.compose.accounts.item(0).setCheckState(Qt.CheckState.Checked)
        if key == "calendar":
            for mode in ("month", "week", "agenda"):
                window.calendar.set_mode(mode)
                assert unnamed(window.page(key)) == [], f"{key} ({mode})"
        assert unnamed(window.page(key)) == [], key
    assert unnamed(window.navigation) == []
    window.attach_planner(Planner(window._studio.workspace, now=window._now))
    window._studio.save_draft("Nimetty luonnos", [window._studio.accounts()[0].id])
    window.show_page("calendar")
    window.drafts.action.trigger()
    qtbot.waitUntil(lambda: window.drafts.panel.model.rowCount() > 0)
    window.drafts.panel.list.setCurrentIndex(window.drafts.panel.model.index(0))
    assert unnamed(window.drafts) == []
    assert window.drafts.panel.list.accessibleName() == "Drafts"


def test_every_control_of_every_dialog_has_a_name(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    window = make_window(demo_home)
    studio = window._studio
    planner = Planner(studio.workspace, now=window._now)
    post_id = studio.save_draft("Nimetyt säätimet", [studio.accounts()[0].id])
    schedule = ScheduleDialog(planner, post_id, HELSINKI.key, window, now=window._now)
    attention = AttentionDialog(studio, planner, HELSINKI, window)
    shortcuts = ShortcutsDialog(window_shortcuts(window.menuBar(), []), window)
    review_pack = ReviewPackDialog(studio, HELSINKI, parse_month("2026-12"), window)
    asking = ScheduleDialog(planner, post_id, HELSINKI.key, window, asking=True, now=window._now)
    studio.team().add_member("Anna", Role.OWNER)
    members = MembersDialog(studio.team(), window)
    members.list.setCurrentRow(0)
    for dialog in (schedule, attention, shortcuts, asking, members, review_pack):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if dialog is schedule:
            for repeat in range(3):
                schedule.repeat.setCurrentIndex(repeat)
                assert unnamed(dialog) == [], f"schedule dialog, repeat {repeat}"
        assert unnamed(dialog) == [], dialog.objectName()
        dialog.close()


def _entry(state: DeliveryState) -> ScheduledEntry:
    return ScheduledEntry(
        delivery_id=1,
        post_id=1,
        account_id=1,
        network=Network.MASTODON,
        account_label="Kahvila",
        text="Hyvää huomenta",
        scheduled_at=datetime(2031, 3, 20, 7, tzinfo=UTC),
        time_zone=HELSINKI.key,
        state=state,
        media_count=0,
    )


@pytest.mark.parametrize("state", list(DeliveryState))
def test_a_state_is_never_told_by_colour_alone(state: DeliveryState) -> None:
    """Month and week chips carry the symbol; the day list, the agenda and tooltips carry
    the symbol and the state's name; screen readers get the name."""
    entry = _entry(state)
    glyph, name = GLYPHS[state], state_name(state)
    assert len(set(GLYPHS.values())) == len(GLYPHS)  # each state its own symbol
    assert chip_label(entry, HELSINKI).startswith(glyph)
    assert glyph in entry_tooltip(entry, HELSINKI) and name in entry_tooltip(entry, HELSINKI)
    day = DayModel(HELSINKI)
    day.set_entries([entry])
    index = day.index(0)
    assert glyph in index.data() and name in index.data()
    assert name in index.data(Qt.ItemDataRole.AccessibleTextRole)
    agenda = AgendaModel(HELSINKI, QLocale())
    agenda.set_days({entry.scheduled_at.date(): [entry]})
    row = agenda.index(1)
    assert glyph in row.data() and name in row.data()
    assert name in row.data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.parametrize("approval", ["waiting", "returned"])
def test_a_post_awaiting_approval_is_never_told_by_colour_alone(approval: str) -> None:
    """Issue 17: a contributor's post waiting (or returned) has its own symbol and words,
    unlike any delivery state's."""
    entry = replace(_entry(DeliveryState.DRAFT), approval=approval)
    glyph, name = APPROVAL_GLYPHS[approval], approval_name(approval)
    assert glyph not in GLYPHS.values() and name not in map(state_name, DeliveryState)
    assert chip_label(entry, HELSINKI).startswith(glyph)
    assert glyph in entry_tooltip(entry, HELSINKI) and name in entry_tooltip(entry, HELSINKI)
    day = DayModel(HELSINKI)
    day.set_entries([entry])
    assert glyph in day.index(0).data() and name in day.index(0).data()
    assert name in day.index(0).data(Qt.ItemDataRole.AccessibleTextRole)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_scheme_gives_a_dark_palette_and_readable_chips(qapp: QApplication) -> None:
    app = qapp  # made by pytest-qt when this test runs first
    apply_scheme(app, Qt.ColorScheme.Dark)
    try:
        palette = app.palette()
        assert is_dark(palette)
        text, base = palette.color(palette.ColorRole.Text), palette.color(palette.ColorRole.Base)
        assert _contrast(text, base) >= 7
        # The chips keep their light backgrounds and dark text: readable in both schemes.
        for colour in BACKGROUNDS.values():
            assert _contrast(QColor("#1b1b1b"), QColor(colour)) >= 7
    finally:
        apply_scheme(app, Qt.ColorScheme.Light)
    assert not is_dark(app.palette())
    assert is_dark(dark_palette())


def test_views_fit_and_nothing_clips_at_200_percent(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=2 (a 2560 × 1600 screen shown as 1280 × 800): the Finnish views."""
    out = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts")) / "screenshots"
    # The offscreen platform's own screen is 800 × 800; describe the 2560 × 1600 one.
    screens = tmp_path / "screens.json"
    screens.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "Screen", "x": 0, "y": 0, "width": 2560, "height": 1600, "dpr": 1}
                ]
            }
        ),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
    }
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "ui" / "layout_views.py"),
            str(out / "scale200"),
            "fi",
            FIXED_DAY.isoformat(),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shots = json.loads(result.stdout.strip().splitlines()[-1])
    assert {s["name"] for s in shots} >= {"calendar-month", "composer", "settings"}
    assert all("scale2" in s["path"] for s in shots), "the scale factor did not apply"
    problems = [f"{s['name']}: {p}" for s in shots for p in s["clipped"]]
    assert problems == []
