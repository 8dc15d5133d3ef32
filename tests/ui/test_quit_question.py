"""Quitting (Ctrl+Q, File → Quit, the tray, closing the window) with posts due in the next
hour asks first, since nothing publishes them while the app is closed: keep running in the
tray, quit anyway, or cancel. The clock is the test's; the question is a real QMessageBox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.quit_guard import QuitGuard
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from somestudio.ui.prompts import Prompts

from .scripted_prompts import ScriptedPrompts

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2031, 10, 26, 0, 15, tzinfo=UTC)  # 3.15 in Helsinki, the night clocks go back
QUESTION = "1 post is due in the next hour. Nothing will publish it while Some Studio is closed."


@dataclass
class Rig:
    workspace: Workspace
    window: MainWindow
    prompts: ScriptedPrompts
    quits: list[bool]

    def schedule(self, minutes: int, text: str = "Yövuoro") -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            post = post_rows.create_post(conn, text)
            post_rows.add_delivery(
                conn, post, 1, scheduled_at=NOW + timedelta(minutes=minutes),
                time_zone=HELSINKI.key, state=DeliveryState.SCHEDULED,
            )  # fmt: skip


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    # English with its plural forms ("1 post"), dates as in the United Kingdom.
    english = install_language(
        "en", system=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    workspace = open_workspace(tmp_path)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path)},
        )  # fmt: skip
    window = MainWindow(
        Studio(workspace), workspace.settings, HELSINKI, home=tmp_path, log_file=tmp_path / "x.log"
    )
    window.quit_guard = QuitGuard(workspace, now=lambda: NOW, scheduler_elsewhere=lambda _h: False)
    prompts = ScriptedPrompts()
    window.prompts = prompts  # type: ignore[assignment]
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.set_tray_available(True)
    window.show()
    qtbot.waitExposed(window)
    yield Rig(workspace, window, prompts, quits)
    window.hide()  # closed as the test's own window, not by a person: no question
    window.close()
    window.deleteLater()
    english.remove()
    QLocale.setDefault(QLocale.c())
    workspace.close()


def test_quit_with_a_post_due_in_30_minutes_asks_and_cancel_keeps_the_window(rig: Rig) -> None:
    rig.schedule(30)
    rig.prompts.answers = [None]
    rig.window.request_quit()
    assert rig.prompts.questions() == [(QUESTION, ["Keep running in the tray", "Quit anyway"])]
    assert rig.window.isVisible() and rig.quits == []


def test_quit_anyway_quits(rig: Rig) -> None:
    rig.schedule(30)
    rig.prompts.answers = [1]
    rig.window.request_quit()
    assert rig.quits == [True]


def test_keep_running_hides_to_the_tray(rig: Rig) -> None:
    rig.schedule(30)
    rig.prompts.answers = [0]
    rig.window.request_quit()
    assert not rig.window.isVisible() and rig.quits == []


def test_without_a_tray_the_choice_is_quit_or_cancel(rig: Rig) -> None:
    rig.schedule(30)
    rig.window.set_tray_available(False)
    rig.prompts.answers = [0]
    rig.window.request_quit()
    assert rig.prompts.questions() == [(QUESTION, ["Quit anyway"])]
    assert rig.quits == [True]


def test_several_posts_and_overdue_retries_are_counted(rig: Rig) -> None:
    rig.schedule(-2, "Myöhässä mutta yhä jonossa")  # the engine would still send it
    rig.schedule(59)
    rig.schedule(61)  # after the hour: not counted
    rig.prompts.answers = [None]
    rig.window.request_quit()
    ((text, _options),) = rig.prompts.questions()
    assert text.startswith("2 posts are due in the next hour. Nothing will publish them")


def test_nothing_due_within_the_hour_quits_without_asking(rig: Rig) -> None:
    rig.schedule(61)
    rig.window.request_quit()
    assert rig.prompts.questions() == [] and rig.quits == [True]


def test_a_headless_scheduler_on_the_folder_means_no_question(rig: Rig) -> None:
    rig.schedule(30)
    rig.window.quit_guard = QuitGuard(
        rig.workspace, now=lambda: NOW, scheduler_elsewhere=lambda home: home == rig.workspace.home
    )
    rig.window.request_quit()
    assert rig.prompts.questions() == [] and rig.quits == [True]


def test_ctrl_q_and_closing_the_window_ask_too(rig: Rig, qtbot: QtBot) -> None:
    rig.schedule(30)
    rig.prompts.answers = [None, None]
    quit_action = rig.window.findChild(QAction, "QuitAction")
    assert quit_action is not None
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    assert len(rig.prompts.questions()) == 1
    rig.window.close()  # "keep running in the tray" is off
    qtbot.waitUntil(lambda: len(rig.prompts.questions()) == 2)
    assert rig.window.isVisible() and rig.quits == []


def test_the_question_is_a_real_message_box_with_named_buttons(rig: Rig, qtbot: QtBot) -> None:
    rig.schedule(30)
    rig.window.prompts = Prompts(rig.window)
    rig.window.request_quit()
    box = rig.window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text() == QUESTION
    named = {b.accessibleName(): b for b in box.findChildren(QPushButton)}
    assert set(named) == {"Keep running in the tray", "Quit anyway", "Cancel"}
    assert box.defaultButton() is named["Keep running in the tray"]
    named["Quit anyway"].click()
    qtbot.waitUntil(lambda: rig.quits == [True])


def test_without_a_tray_enter_cancels_rather_than_quits(rig: Rig, qtbot: QtBot) -> None:
    rig.schedule(30)
    rig.window.set_tray_available(False)
    rig.window.prompts = Prompts(rig.window)
    rig.window.request_quit()
    box = rig.window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    named = {b.accessibleName(): b for b in box.findChildren(QPushButton)}
    assert set(named) == {"Quit anyway", "Cancel"}
    assert box.defaultButton() is named["Cancel"]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert rig.quits == [] and rig.window.isVisible()


def test_the_question_in_finnish(rig: Rig) -> None:
    rig.schedule(30)
    rig.schedule(45)
    rig.prompts.answers = [None]
    finnish = install_language("fi")
    try:
        rig.window.request_quit()
    finally:
        finnish.remove()
    assert rig.prompts.questions() == [
        (
            "2 julkaisua on ajastettu seuraavan tunnin sisällä. Mikään ei julkaise niitä, kun "
            "Some Studio on suljettu.",
            ["Jätä käyntiin ilmoitusalueelle", "Lopeta silti"],
        )
    ]


SAVE_QUESTION = (
    "The post you are editing is scheduled, and your changes to it are not saved. Save them "
    "now, or quit without them: the post then goes out as it was saved."
)


def _edit_scheduled(rig: Rig, minutes: int) -> int:
    """A post scheduled ``minutes`` ahead, open in the composer, its text changed."""
    rig.schedule(minutes, "Aamukahvi kello 7")
    post = rig.workspace.connection().execute("SELECT max(id) FROM posts").fetchone()[0]
    assert rig.window.compose.open_post(post)
    rig.window.compose.editor.setPlainText("Aamukahvi jo kello 6!")
    assert rig.window.compose.unsaved_edits_of_scheduled_post()
    return int(post)


def _text(rig: Rig, post: int) -> str:
    return str(
        rig.workspace.connection()
        .execute("SELECT base_text FROM posts WHERE id = ?", (post,))
        .fetchone()[0]
    )


def test_unsaved_edits_of_a_scheduled_post_are_saved_before_quitting_if_asked(rig: Rig) -> None:
    post = _edit_scheduled(rig, 3 * 60)  # not due within the hour: only this question
    rig.prompts.answers = [0]
    rig.window.request_quit()
    assert rig.prompts.questions() == [(SAVE_QUESTION, ["Save and quit", "Quit without saving"])]
    assert _text(rig, post) == "Aamukahvi jo kello 6!"  # what goes out is what was written
    assert rig.quits == [True]


def test_quitting_without_saving_leaves_the_post_as_it_was(rig: Rig) -> None:
    post = _edit_scheduled(rig, 3 * 60)
    rig.window.compose.autosave()  # kept a moment after typing, as in the window
    assert Composer(rig.workspace).recovered() is not None
    rig.prompts.answers = [1]
    rig.window.request_quit()
    assert _text(rig, post) == "Aamukahvi kello 7"
    assert rig.quits == [True]
    # Given up: the edits do not come back at the next start (a new user found them back,
    # and the next post opened wrote them into the scheduled post).
    assert Composer(rig.workspace).recovered() is None
    assert not rig.window.compose.is_dirty()


def test_opening_another_post_keeps_the_edits_apart_from_the_scheduled_post(rig: Rig) -> None:
    """Edits to a scheduled post never reach it without Save: opening another post keeps
    them as a new draft (they were written into the post, under "kept as a draft")."""
    post = _edit_scheduled(rig, 3 * 60)
    rig.window.compose.new_post()
    assert _text(rig, post) == "Aamukahvi kello 7"
    conn = rig.workspace.connection()
    kept = conn.execute(
        "SELECT id FROM posts WHERE base_text = ? AND id != ?", ("Aamukahvi jo kello 6!", post)
    ).fetchall()
    assert len(kept) == 1
    assert rig.window.compose.feedback.text() == (
        "The scheduled post was left as it was saved: your unsaved edits were kept as a new draft."
    )


KEEP_QUESTION = (
    "Your changes to this scheduled post are not saved, and the post stays as it was saved. "
    "Keep the changes as a new draft, or discard them?"
)


@pytest.mark.parametrize("how", ["open another post", "new post"])
def test_leaving_unsaved_edits_of_a_scheduled_post_asks_what_becomes_of_them(
    rig: Rig, how: str
) -> None:
    """They went to a new draft without a word (a new user then scheduled that copy too):
    the window asks, Enter decides nothing, and each answer does what it says."""
    post = _edit_scheduled(rig, 3 * 60)
    rig.schedule(4 * 60, "Iltapäiväkahvi")
    other = int(rig.workspace.connection().execute("SELECT max(id) FROM posts").fetchone()[0])

    def leave() -> None:
        if how == "new post":
            rig.window.new_post()
        else:
            rig.window.open_post(other)

    def posts() -> int:
        return int(rig.workspace.connection().execute("SELECT count(*) FROM posts").fetchone()[0])

    before = posts()
    rig.prompts.answers = [None]  # Cancel, Escape
    leave()
    assert rig.prompts.questions() == [(KEEP_QUESTION, ["Keep as a new draft", "Discard changes"])]
    assert rig.window.compose.editor.toPlainText() == "Aamukahvi jo kello 6!"  # still here
    assert rig.window.current_page() == "compose" and posts() == before

    rig.prompts.answers = [1]  # Discard changes
    leave()
    assert posts() == before and _text(rig, post) == "Aamukahvi kello 7"
    assert "Aamukahvi jo kello 6!" not in rig.window.compose.editor.toPlainText()

    assert rig.window.compose.open_post(post)
    rig.window.compose.editor.setPlainText("Aamukahvi jo kello 6!")
    rig.prompts.answers = [0]  # Keep as a new draft
    leave()
    assert posts() == before + 1 and _text(rig, post) == "Aamukahvi kello 7"
    assert rig.window.compose.feedback.text() == (
        "The scheduled post was left as it was saved: your unsaved edits were kept as a new draft."
    )


def test_cancel_keeps_the_window_and_the_edits(rig: Rig) -> None:
    post = _edit_scheduled(rig, 3 * 60)
    rig.prompts.answers = [None]
    rig.window.request_quit()
    assert rig.quits == []
    assert rig.window.compose.editor.toPlainText() == "Aamukahvi jo kello 6!"
    assert _text(rig, post) == "Aamukahvi kello 7"


def test_saved_and_due_within_the_hour_asks_that_too(rig: Rig) -> None:
    _edit_scheduled(rig, 30)
    rig.prompts.answers = [0, 1]  # save, then quit anyway
    rig.window.request_quit()
    assert [options for _text, options in rig.prompts.questions()] == [
        ["Save and quit", "Quit without saving"],
        ["Keep running in the tray", "Quit anyway"],
    ]
    assert rig.quits == [True]


def test_quit_without_saving_then_cancel_keeps_the_edits(rig: Rig) -> None:
    """ "Quit without saving", then Cancel at "posts are due within the hour": the window
    stayed open, the edits already thrown away."""
    post = _edit_scheduled(rig, 30)
    rig.prompts.answers = [1, None]
    rig.window.request_quit()
    assert [options for _text, options in rig.prompts.questions()] == [
        ["Save and quit", "Quit without saving"],
        ["Keep running in the tray", "Quit anyway"],
    ]
    assert rig.quits == []
    assert rig.window.compose.editor.toPlainText() == "Aamukahvi jo kello 6!"
    assert rig.window.compose.is_dirty()
    assert _text(rig, post) == "Aamukahvi kello 7"
