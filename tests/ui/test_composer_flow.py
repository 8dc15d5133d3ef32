"""The composer's flow in the real window: the text stays until a time is confirmed, a
confirmation names what happened, errors stop Ctrl+Enter and Ctrl+Shift+Enter, an opened
post shows where it stands, and a failure shows its stored reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.main_window import MainWindow
from somestudio.ui.planning.composer_tools import ComposerTools
from somestudio.ui.schedule_dialog import ScheduleDialog
from tests.ui.conftest import AHEAD, running_clock

HELSINKI = "Europe/Helsinki"
S = DeliveryState
LONG = "Kahvila Aurinko avaa ovensa taas. " + "a" * 361  # 395 characters
CTRL = Qt.KeyboardModifier.ControlModifier


class Told:
    def __init__(self) -> None:
        self.told: list[str] = []

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        raise AssertionError(text)

    def inform(self, title: str, text: str) -> None:
        self.told.append(text)


class Rig:
    def __init__(self, window: MainWindow, workspace: Workspace, accounts: dict[Network, int]):
        self.window = window
        self.workspace = workspace
        self.accounts = accounts
        self.prompts = Told()
        window.prompts = self.prompts  # type: ignore[assignment]

    def states(self) -> set[DeliveryState]:
        rows = self.workspace.connection().execute("SELECT state FROM deliveries").fetchall()
        return {S(r[0]) for r in rows}

    def schedule_dialog(self) -> ScheduleDialog:
        found = list(
            {
                id(w): w
                for w in QApplication.topLevelWidgets() + self.window.findChildren(ScheduleDialog)
                if isinstance(w, ScheduleDialog) and w.isVisible()
            }.values()
        )
        assert len(found) == 1
        return found[0]


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        accounts = {
            Network.X: account_rows.add_account(conn, Network.X, "kahvila"),
            Network.LOCAL: account_rows.add_account(
                conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
                options={"folder": str(tmp_path)},
            ),
        }  # fmt: skip
    clock = running_clock(AHEAD)
    window = MainWindow(
        Studio(workspace), workspace.settings, ZoneInfo(HELSINKI), home=home, log_file=home / "x",
        now=clock,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.attach_planner(Planner(workspace, now=clock))
    window.show_page("compose")
    window.show()
    yield Rig(window, workspace, accounts)
    workspace.close()
    QLocale.setDefault(QLocale.c())


def tick(rig: Rig, *networks: Network) -> None:
    page = rig.window.compose
    wanted = {rig.accounts[n] for n in networks}
    for row in range(page.accounts.count()):
        item = page.accounts.item(row)
        if int(item.data(Qt.ItemDataRole.UserRole + 1)) in wanted:
            item.setCheckState(Qt.CheckState.Checked)


def test_text_stays_until_confirmed_then_a_confirmation_leads_to_the_calendar(
    qtbot: QtBot, rig: Rig
) -> None:
    page = rig.window.compose
    tick(rig, Network.X, Network.LOCAL)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "Korvapuustit uunista klo 12 ")
    page.editor.insertPlainText("☕")  # QTest types ASCII only
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, CTRL)
    dialog = rig.schedule_dialog()
    assert page.editor.text() == "Korvapuustit uunista klo 12 ☕"  # nothing emptied yet
    dialog.reject()
    assert page.editor.text() == "Korvapuustit uunista klo 12 ☕"
    assert page.feedback.text() == "Not scheduled. The post is kept as a draft."
    assert rig.states() == {S.DRAFT}
    assert page.accounts.isEnabled()  # still an undated draft: its accounts may change

    qtbot.keyClick(page.editor, Qt.Key.Key_Return, CTRL)
    dialog = rig.schedule_dialog()
    dialog.day.setDate(QDate(2031, 12, 4))
    dialog.at.setTime(QTime(12, 0))
    assert dialog.summary.text() == "Goes out Thu 04/12/2031 12:00 (Helsinki)."
    dialog.ok.click()
    assert rig.states() == {S.SCHEDULED}
    assert page.editor.text() == ""
    assert page.confirmation.isVisible()
    assert page.confirmation.text() == "Scheduled Thu 04/12/2031 12:00 (Helsinki) on 2 accounts"
    assert page.feedback.text() == ""  # no stale "Draft saved."
    assert page.show_in_calendar_button.isVisible()
    # Typing the next post leaves it where it is: nothing under the pointer moves.
    accounts_at = page.accounts.mapTo(page, page.accounts.rect().topLeft())
    qtbot.keyClicks(page.editor, "Seuraava")
    assert page.confirmation.isVisible()
    assert page.accounts.mapTo(page, page.accounts.rect().topLeft()) == accounts_at
    # ...and says whose it is (read above the new text, it was taken for the new post's time).
    assert page.confirmation.text() == (
        "Previous post: Scheduled Thu 04/12/2031 12:00 (Helsinki) on 2 accounts"
    )
    page.show_in_calendar_button.click()
    calendar = rig.window.calendar
    assert rig.window.current_page() == "calendar"
    assert calendar.anchor == date(2031, 12, 4)
    # The post itself is picked out, in the month's day list and in the agenda.
    picked = calendar.day_list.currentIndex()
    assert picked.isValid() and "Korvapuustit" in str(picked.data())
    calendar.set_mode("agenda")
    page.show_in_calendar_button.click()
    picked = calendar.agenda.currentIndex()
    assert picked.isValid() and "Korvapuustit" in str(picked.data())


def test_an_error_for_x_stops_ctrl_enter_and_publish_now(qtbot: QtBot, rig: Rig) -> None:
    page = rig.window.compose
    tick(rig, Network.X, Network.LOCAL)
    page.editor.setPlainText(LONG)
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, CTRL)
    dialog = rig.schedule_dialog()
    assert not dialog.ok.isEnabled()
    assert dialog.blocking.item(0).text().startswith("X · kahvila: too long (395/280")
    dialog.reject()
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert rig.states() == {S.DRAFT}
    (told,) = rig.prompts.told
    assert "Nothing was scheduled or sent" in told and "X · kahvila: too long (395/280" in told
    assert page.editor.text() == LONG  # nothing lost


def _scheduled_post(rig: Rig, state: DeliveryState, error: str | None = None) -> int:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        post = post_rows.create_post(conn, "Hyvää huomenta ☀️")
        at = datetime(2031, 3, 20, 10, tzinfo=UTC)
        account = rig.accounts[Network.LOCAL]
        delivery = post_rows.add_delivery(
            conn, post, account, scheduled_at=at, time_zone=HELSINKI, state=state
        )
        if error is not None:
            conn.execute("UPDATE deliveries SET last_error = ? WHERE id = ?", (error, delivery))
            delivery_rows.append_attempt(
                conn, delivery, started_at=datetime(2031, 3, 20, 10, tzinfo=UTC),
                finished_at=datetime(2031, 3, 20, 10, tzinfo=UTC), outcome="final",
                message=error,
            )  # fmt: skip
    return post


def test_an_opened_scheduled_post_says_when_and_why_accounts_are_fixed(
    qtbot: QtBot, rig: Rig
) -> None:
    post = _scheduled_post(rig, S.SCHEDULED)
    page = rig.window.compose
    rig.window.open_post(post)
    assert page.post_status.isVisible()
    assert (
        page.post_status.text()
        == "Local archive · arkisto: Scheduled — Thu 20/03/2031 12:00 (Helsinki)"
    )
    # A screen reader hears the states themselves (a fixed name hid them).
    spoken = QAccessible.queryAccessibleInterface(page.post_status)
    assert spoken is not None and spoken.text(QAccessible.Text.Name) == page.post_status.text()
    assert not page.accounts.isEnabled()
    assert page.accounts_note.isVisible()
    assert "unschedule it" in page.accounts_note.text()
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_N, CTRL)  # unchanged: nothing to keep
    assert page.feedback.text() == ""
    assert not page.post_status.isVisible()


def test_an_opened_failed_post_shows_the_stored_reason(qtbot: QtBot, rig: Rig) -> None:
    post = _scheduled_post(rig, S.FAILED, "The folder /mnt/arkisto is not writable")
    page = rig.window.compose
    with qtbot.waitSignal(page.checked):
        rig.window.open_post(post)
    first = page.findings.item(0).text()
    assert first == "Local archive · arkisto: Failed — The folder /mnt/arkisto is not writable"
    assert all(
        page.findings.item(r).text() != "No problems found." for r in range(page.findings.count())
    )


def test_an_opened_post_whose_accounts_were_added_out_of_list_order_is_unchanged(
    qtbot: QtBot, rig: Rig
) -> None:
    """The post keeps its accounts in the order they were added (here the archive, then X);
    the list shows them in its own order. Opening it and pressing Ctrl+N is no change: no
    "kept as a draft" (a new user saw it after opening a failed demo post)."""
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        post = post_rows.create_post(conn, "Hyvää huomenta ☀️")
        at = datetime(2031, 3, 20, 10, tzinfo=UTC)
        for network in (Network.LOCAL, Network.X):
            post_rows.add_delivery(
                conn, post, rig.accounts[network], scheduled_at=at, time_zone=HELSINKI,
                state=S.FAILED,
            )  # fmt: skip
    page = rig.window.compose
    rig.window.open_post(post)
    assert not page.is_dirty()
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_N, CTRL)
    assert page.feedback.text() == ""


def test_schedule_on_a_scheduled_post_opens_on_its_time_and_cancel_leaves_it_scheduled(
    qtbot: QtBot, rig: Rig
) -> None:
    """Opened from the calendar, a post due in the future: Ctrl+Enter shows its own time
    (the dialog offered the next whole hour, and Schedule moved the post there), and Cancel
    says it stays scheduled (it said the post was kept as a draft)."""
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        post = post_rows.create_post(conn, "Joulumyyjäiset lauantaina")
        post_rows.add_delivery(
            conn, post, rig.accounts[Network.LOCAL],
            scheduled_at=datetime(2031, 12, 13, 8, 30, tzinfo=UTC), time_zone=HELSINKI,
            state=S.SCHEDULED,
        )  # fmt: skip
    page = rig.window.compose
    rig.window.open_post(post)
    qtbot.waitUntil(lambda: page.editor.text() == "Joulumyyjäiset lauantaina")
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, CTRL)
    dialog = rig.schedule_dialog()
    assert (dialog.day.date(), dialog.at.time()) == (QDate(2031, 12, 13), QTime(10, 30))
    assert dialog.summary.text() == "Goes out Sat 13/12/2031 10:30 (Helsinki)."
    dialog.reject()
    assert page.feedback.text() == "Nothing changed: the post stays scheduled."
    assert rig.states() == {S.SCHEDULED}


def test_saving_a_changed_main_text_names_the_channels_with_their_own_text(
    qtbot: QtBot, rig: Rig
) -> None:
    """A correction to the main text does not reach a channel that has its own text: saving
    says which ones (a corrected time went out wrong on one channel, unsaid)."""
    from somestudio.app.composer import Composer  # noqa: PLC0415
    from somestudio.domain.drafts import Draft  # noqa: PLC0415

    x, local = rig.accounts[Network.X], rig.accounts[Network.LOCAL]
    post = Composer(rig.workspace).save(
        Draft(
            "Kirjasto auki klo 10–18",
            (x, local),
            variants={local: "Kirjasto auki klo 10–18 #kirjasto"},
            threads={x: ("Kirjasto auki", "klo 10–18")},  # split into a thread: not reached
        )
    )
    assert post is not None
    page = rig.window.compose
    rig.window.open_post(post)
    qtbot.waitUntil(lambda: page.editor.text() == "Kirjasto auki klo 10–18")
    page.editor.set_text("PÄIVITETTY: Kirjasto auki klo 12–18")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == (
        "Changes saved. These channels have their own text or thread, which the change to the"
        " main text does not reach: Local archive, X. Edit them in their tabs if needed (a"
        " thread: Split again)."
    )
    # A change elsewhere (no change to the main text) says nothing of them.
    page.editor.set_text("PÄIVITETTY: Kirjasto auki klo 12–18")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == "Changes saved."


def test_a_post_out_on_every_account_opens_read_only(qtbot: QtBot, rig: Rig) -> None:
    """Opened after it went out, its text could be changed and saved ("Changes saved."):
    the post's record and its previews changed, never what went out. Now its texts and
    media are read-only and it says why; its labels can still be set (for Metrics)."""
    post = _scheduled_post(rig, S.PUBLISHED)
    page = rig.window.compose
    rig.window.open_post(post)
    assert page.editor.isReadOnly()
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, " MUOKATTU")
    assert page.editor.text() == "Hyvää huomenta ☀️"
    assert page.accounts_note.isVisible()
    assert page.accounts_note.text().startswith("Published on every account")
    tools = page.findChild(ComposerTools)  # attached by the window
    assert tools is not None
    assert not tools.template_button.isEnabled() and not tools.hashtag_button.isEnabled()
    assert tools.labels_button.isEnabled() and tools.paid.isEnabled()
    assert not page.media.isEnabled()
    panel = page.panel(rig.accounts[Network.LOCAL])
    assert panel is not None and panel.variant.isReadOnly()
    assert not panel.override_button.isEnabled()
    # The next post is written as always.
    rig.window.new_post()
    assert not page.editor.isReadOnly() and page.media.isEnabled()
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "Uusi")
    assert page.editor.text() == "Uusi"
    assert tools.template_button.isEnabled()


def test_a_post_published_while_it_is_edited_says_so_when_saved(qtbot: QtBot, rig: Rig) -> None:
    """It went out with the old text while open; the header still said "Scheduled" and Save
    said "Changes saved.", taken for the edit having gone out too."""
    post = _scheduled_post(rig, S.SCHEDULED)
    page = rig.window.compose
    rig.window.open_post(post)
    page.editor.set_text("Hyvää huomenta ☀️ MUOKATTU")
    conn = rig.workspace.writable_connection()
    with transaction(conn):  # what the engine writes when it has sent it
        conn.execute(
            "UPDATE deliveries SET state = 'published', published_at = ? WHERE post_id = ?",
            ("2031-03-20T10:00:01Z", post),
        )
    rig.window._on_data_changed()  # the engine's event
    assert page.post_status.text().startswith("Local archive · arkisto: Published")
    # Nothing is left to schedule or send ("no account to go to", said both).
    assert not page.schedule_button.isEnabled() and not page.publish_button.isEnabled()
    from somestudio.app.planning import Planner, PlanningError  # noqa: PLC0415

    with pytest.raises(PlanningError, match="already published on every account"):
        Planner(rig.workspace).publish_post_now(post)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.text() == (
        "Saved, but meanwhile the post was published on Local archive · arkisto as it was "
        "before your changes: they did not go out there."
    )
    sent = conn.execute("SELECT text_override FROM deliveries WHERE post_id = ?", (post,))
    assert sent.fetchone()[0] == "Hyvää huomenta ☀️"  # what went out stays what went out
