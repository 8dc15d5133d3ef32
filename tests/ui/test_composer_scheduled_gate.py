"""Saving changes to a scheduled post passes the scheduling gate (trial 18): a paid post
whose marking was deleted (or an over-limit text) is not saved over the scheduled one, the
edits stay in the editor with the reason, and leaving keeps them as a new draft."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from somestudio.app.collab.service import Collaborations, NewCollaboration
from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.ui.main_window import MainWindow

HELSINKI = "Europe/Helsinki"
NOW = datetime(2031, 3, 1, 8, tzinfo=UTC)
AT = datetime(2031, 3, 20, 10, tzinfo=UTC)
MARKED = "Kaupallinen yhteistyö: Kenkä Oy\n\nUudet talvikengät ovat täällä!"


@dataclass
class Rig:
    window: MainWindow
    workspace: Workspace
    post_id: int

    def saved_text(self, post_id: int | None = None) -> str:
        draft = Composer(self.workspace).load(post_id or self.post_id)
        assert draft is not None
        return draft.base_text

    def states(self) -> set[DeliveryState]:
        return {r.state for r in delivery_rows.of_post(self.workspace.connection(), self.post_id)}


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila")
    collabs = Collaborations(workspace)
    collab_id = collabs.add(
        NewCollaboration(
            company="Kenkä Oy", fee=Decimal(100), vat_rate=Decimal("25.5"),
            agreed_on=date(2031, 2, 1), contact="", language="fi", title="Talvi",
        )
    )  # fmt: skip
    post_id = collabs.add_deliverable(collab_id, Network.X, date(2031, 3, 20), lang="fi")
    draft = Composer(workspace).load(post_id)
    assert draft is not None
    Composer(workspace).save(replace(draft, base_text=MARKED))
    planner = Planner(workspace, now=lambda: NOW)
    planner.schedule_existing(post_id, AT, HELSINKI)
    window = MainWindow(
        Studio(workspace), workspace.settings, ZoneInfo(HELSINKI), home=home, log_file=home / "x"
    )
    qtbot.addWidget(window)
    window.attach_planner(planner)
    window.show_page("compose")
    window.show()
    yield Rig(window, workspace, post_id)
    workspace.close()
    QLocale.setDefault(QLocale.c())


def test_deleting_the_marking_of_a_scheduled_post_is_not_saved(qtbot: QtBot, rig: Rig) -> None:
    page = rig.window.compose
    rig.window.open_post(rig.post_id)
    tools = page.composer_tools  # type: ignore[attr-defined]
    qtbot.waitUntil(tools.paid.isChecked)
    page.editor.set_text("Uudet talvikengät ovat täällä!")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text().startswith("Not saved: this post is scheduled")
    assert "Kenkä Oy" in page.feedback.text()
    assert rig.saved_text() == MARKED  # the scheduled post is as it was
    assert rig.states() == {DeliveryState.SCHEDULED}
    assert page.editor.text() == "Uudet talvikengät ovat täällä!"  # the edits are still here
    assert page.is_dirty()
    # Leaving the post keeps the edits as a new draft; the scheduled post stays.
    page.new_post()
    assert "kept as a new draft" in page.feedback.text()
    rows = rig.workspace.connection().execute("SELECT id FROM posts ORDER BY id").fetchall()
    assert len(rows) == 2
    assert rig.saved_text(int(rows[1][0])) == "Uudet talvikengät ovat täällä!"
    assert rig.saved_text() == MARKED


def test_an_over_limit_change_to_a_scheduled_post_is_not_saved(qtbot: QtBot, rig: Rig) -> None:
    page = rig.window.compose
    rig.window.open_post(rig.post_id)
    page.editor.set_text(MARKED + " " + "a" * 300)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text().startswith("Not saved")
    assert rig.saved_text() == MARKED
    # Fixed, the refusal's line goes at the next check (it stayed beside "No problems").
    page.editor.set_text(MARKED + " Tervetuloa!")
    page.run_checks()
    qtbot.waitUntil(lambda: page.feedback.text() == "")
    # A fine change is saved, and the post stays scheduled.
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "Changes saved."
    assert rig.saved_text() == MARKED + " Tervetuloa!"
    assert rig.states() == {DeliveryState.SCHEDULED}


def test_the_schedule_dialog_of_an_owed_post_opens_on_its_due_day(qtbot: QtBot, rig: Rig) -> None:
    from PySide6.QtCore import QDate  # noqa: PLC0415

    from somestudio.ui.schedule_dialog import ScheduleDialog  # noqa: PLC0415

    collabs = Collaborations(rig.workspace)
    collab_id = collabs.all()[0].id
    post_id = collabs.add_deliverable(collab_id, Network.X, date(2099, 6, 15), lang="fi")
    rig.window.schedule_post(post_id)
    (dialog,) = [d for d in rig.window.findChildren(ScheduleDialog) if d.isVisible()]
    assert dialog.day.date() == QDate(2099, 6, 15)
    dialog.reject()


def test_a_new_post_after_a_scheduled_paid_one_starts_unticked(qtbot: QtBot, rig: Rig) -> None:
    """The next new post starts clean: "Paid collaboration" stayed ticked after a new paid
    post was scheduled (the composer emptied before any check saw the saved post)."""
    page = rig.window.compose
    tools = page.composer_tools  # type: ignore[attr-defined]
    page.new_post()
    page.accounts.item(0).setCheckState(Qt.CheckState.Checked)  # the X account
    tools.paid.setChecked(True)
    page.editor.set_text("Mainos: Kenkä Oy. Uudet talvikengät ovat täällä!")
    page.schedule_requested.disconnect()  # the window's dialog is not part of this test
    with qtbot.waitSignal(page.schedule_requested) as asked:
        page.schedule()
    post_id = asked.args[0]
    page.confirm_sent(post_id, "Scheduled", None)  # as the window does once a time is chosen
    qtbot.waitUntil(lambda: not tools.paid.isChecked(), timeout=3000)
    assert page.editor.text() == ""


def test_after_scheduling_the_keys_are_in_the_next_posts_text(qtbot: QtBot, rig: Rig) -> None:
    """After Schedule (or Add to queue) the keyboard stayed on "Post to", and what the user
    typed for the next post went nowhere (a keyboard-only user's finding)."""
    window = rig.window
    window.show()
    qtbot.waitExposed(window)
    window.show_page("compose")
    page = window.compose
    page.new_post()
    page.accounts.item(0).setCheckState(Qt.CheckState.Checked)
    page.editor.set_text("Ensimmäinen julkaisu")
    page.schedule_requested.disconnect()  # the window's dialog is not part of this test
    with qtbot.waitSignal(page.schedule_requested) as asked:
        page.schedule()
    page.accounts.setFocus()  # where the dialog gave the keyboard back
    qtbot.waitUntil(page.accounts.hasFocus)
    page.confirm_sent(asked.args[0], "Scheduled", None)
    qtbot.waitUntil(page.editor.hasFocus)
    qtbot.keyClicks(page.editor, "Seuraava")
    assert page.editor.text() == "Seuraava"
