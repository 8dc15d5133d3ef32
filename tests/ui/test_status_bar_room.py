"""The status bar's messages beside its badges and "Next: …", at 1024 and 800 px wide, in
English and Finnish. A new user read "Moved to 12/14/26 10:00 AM. Undo (Ctrl+Z) move" and
"A post needs your attention: Waiting for you to pu": Qt drew a message in what the parts
on the right left it and cut it mid-word, with no sign. The parts on the right now make room
for it ("Next: …" first, then the badges' words); a message that still does not fit ends in
"…", whole in its tooltip and for a screen reader."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.scheduling.events import DeliveryNeedsAttention, DeliveryPublished
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.main_window import MainWindow
from somestudio.ui.status_bar import StatusBar

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2031, 3, 20, 6, tzinfo=UTC)  # 8.00 in Helsinki: the next post is "today"
SIZES = {"1024": (1024, 768), "800": (800, 600)}


@dataclass
class Bar:
    window: MainWindow
    status: StatusBar
    studio: Studio


def _fill(workspace: Workspace) -> None:
    """A post due later today to a Local archive, two posts held for the user to publish
    by hand and eight that failed: every part on the right of the bar shows."""
    conn = workspace.writable_connection()
    with transaction(conn):
        archive = account_rows.add_account(
            conn, Network.LOCAL, "Kahvila Aurinko – arkisto", publish_method=PublishMethod.FOLDER
        )
        by_hand = account_rows.add_account(
            conn, Network.INSTAGRAM, "kahvila.aurinko", publish_method=PublishMethod.MANUAL
        )
        post = post_rows.create_post(conn, "Talven lounaslista: lohikeitto ja ruisleipä")
        post_rows.add_delivery(
            conn, post, archive, scheduled_at=datetime(2031, 3, 20, 11, tzinfo=UTC),
            time_zone=HELSINKI.key, state=DeliveryState.SCHEDULED,
        )  # fmt: skip
        for n in range(2):
            held = post_rows.add_delivery(
                conn, post_rows.create_post(conn, f"Käsin {n}"), by_hand,
                scheduled_at=NOW, time_zone=HELSINKI.key, state=DeliveryState.NEEDS_ATTENTION,
            )  # fmt: skip
            delivery_rows.append_attempt(
                conn, held, started_at=NOW, finished_at=NOW, outcome="unknown",
                error_kind="manual", message="waiting for you to publish by hand",
            )  # fmt: skip
        for n in range(8):
            post_rows.add_delivery(
                conn, post_rows.create_post(conn, f"Epäonnistui {n}"), archive,
                scheduled_at=NOW, time_zone=HELSINKI.key, state=DeliveryState.FAILED,
            )  # fmt: skip


@pytest.fixture(params=list(SIZES))
def bar(
    request: pytest.FixtureRequest, language: str, qtbot: QtBot, tmp_path: Path
) -> Iterator[Bar]:
    del language  # installed before the window is made
    workspace = open_workspace(tmp_path)
    try:
        _fill(workspace)
        studio = Studio(workspace)
        window = MainWindow(
            studio, workspace.settings, HELSINKI, home=tmp_path, log_file=tmp_path / "x.log",
            now=lambda: NOW,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.attach_planner(Planner(workspace, now=lambda: NOW))
        window.resize(*SIZES[request.param])
        window.show()
        qtbot.waitExposed(window)
        yield Bar(window, window.status, studio)
        window.close()
    finally:
        workspace.close()


def _right_parts(status: StatusBar) -> list[QWidget]:
    """The parts on the bar's right that show something (a part given no room shows none)."""
    parts = (status.sign_ins, status.reminders, status.attention, status.next_label)
    return [w for w in parts if w.isVisible() and w.width() > 1]


def _settled(status: StatusBar) -> None:
    for _ in range(3):  # the layout, then the badges' form, then the layout again
        QApplication.processEvents()


def _spoken(widget: QWidget) -> str:
    """The name a screen reader reads."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def _shown_whole(status: StatusBar) -> None:
    """The message in view is whole, left of the parts on the right, which still show."""
    said = status.currentMessage()
    _settled(status)
    room = min(w.x() for w in _right_parts(status))
    assert status.fontMetrics().horizontalAdvance(said) <= room, (said, room)
    assert status.message.text() == said  # with no "…"
    assert not status.scheduler_label.isVisible()
    # The badges are still there with their counts; a screen reader hears their words.
    assert status.reminders.isVisible() and "2" in status.reminders.text()
    assert status.attention.isVisible() and "8" in status.attention.text()
    assert _spoken(status.reminders) in ("📋 To publish by hand: 2", "📋 Julkaistavana käsin: 2")


def test_a_message_has_its_whole_width_beside_the_bars_parts(bar: Bar, qtbot: QtBot) -> None:
    window, status = bar.window, bar.status
    _settled(status)
    assert status.reminders.isVisible() and status.attention.isVisible()
    (entry,) = [
        e
        for e in bar.studio.entries_between(NOW, datetime(2032, 1, 1, tzinfo=UTC))
        if e.state is DeliveryState.SCHEDULED
    ]
    # The line said as a post goes out ("Published on Local archive · Kahvila Aurinko – ark"
    # at 1024 px), then the one for a post handed to the user ("… Waiting for you to pu").
    window.on_engine_event(DeliveryPublished(entry.delivery_id, entry.post_id, "", ""))
    assert "Kahvila Aurinko – arkisto: " in status.currentMessage()
    _shown_whole(status)
    window.on_engine_event(
        DeliveryNeedsAttention(
            entry.delivery_id, entry.post_id, "waiting for you to publish by hand"
        )
    )
    assert status.currentMessage().startswith(("A post needs your attention: ", "Julkaisu"))
    _shown_whole(status)
    window.calendar.entry_moved.emit(entry, datetime(2031, 12, 14, 10, 30))  # dropped there
    assert "Ctrl+Z" in status.currentMessage()  # "Moved to 12/14/31 10:30 AM. Undo (Ctrl+Z)…"
    _shown_whole(status)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage().startswith(("Undone: ", "Kumottu: "))
    _shown_whole(status)

    status.clearMessage()  # its time is up
    _settled(status)
    assert status.scheduler_label.isVisible() and not status.message.isVisible()
    # With the scheduler's short state on the left, the parts on the right are whole again.
    assert status.reminders.text() == status.reminders.accessibleName()
    assert status.attention.text() == status.attention.accessibleName()
    assert status.next_label.text() == status.next_label.full_text()


def test_a_message_too_long_for_the_bar_ends_in_an_ellipsis(bar: Bar) -> None:
    status = bar.status
    line = (
        "A post needs your attention: Waiting for you to publish it by hand on Instagram ·"
        " kahvila.aurinko, then mark it published in the list of posts to publish by hand."
    )
    status.showMessage(line, 15_000)
    _settled(status)
    shown = status.message.text()
    assert shown.endswith("…") and line.startswith(shown[:-1]) and len(shown) > 40
    assert status.fontMetrics().horizontalAdvance(shown) <= status.message.width()
    assert status.message.toolTip() == line
    assert _spoken(status.message) == line
    # The badges gave up their words for the message, not their counts.
    assert status.reminders.text() == "📋 2" and status.attention.text() == "⚠ 8"
    assert _spoken(status.attention) in ("⚠ Needs attention: 8", "⚠ Vaatii huomiota: 8")
    assert "8" in status.attention.toolTip()


def test_next_says_when_and_where_in_its_tooltip_when_cut(bar: Bar, qtbot: QtBot) -> None:
    """At 800 pixels the bar showed "Next: tomorro…" and its tooltip only the post's text,
    on one line past the screen's edge: when and where the next post goes were nowhere
    (a check on the real program). The tooltip says the whole line, then the post's first
    words, and wraps."""
    from PySide6.QtGui import Qt  # noqa: PLC0415 - its Qt has mightBeRichText

    status = bar.window.status
    qtbot.waitUntil(lambda: status.next_label.full_text().startswith(("Next:", "Seuraava:")))
    _settled(status)
    tip = status.next_label.toolTip()
    assert Qt.mightBeRichText(tip)  # a rich text tooltip wraps; a plain one does not
    assert html.escape(status.next_label.full_text()) in tip
    assert "Talven lounaslista: lohikeitto ja ruisleipä" in tip
