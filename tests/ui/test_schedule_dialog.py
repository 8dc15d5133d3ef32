"""The schedule dialog: wall time + IANA zone, DST problems resolved by the user, repeats."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.schedule_dialog import ScheduleDialog
from tests.ui.a11y import clipped

HELSINKI = "Europe/Helsinki"
EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


@pytest.fixture(autouse=True)
def british_english():
    """Dates and times in the summaries follow the locale: one known locale for the tests."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def draft(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path)},
        )  # fmt: skip
    studio = Studio(workspace)
    post_id = studio.save_draft("Viikkotiedote 📰", [account])
    yield studio, Planner(workspace), post_id
    workspace.close()


def dialog_for(qtbot: QtBot, planner: Planner, post_id: int, wall: datetime) -> ScheduleDialog:
    dialog = ScheduleDialog(planner, post_id, HELSINKI)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(wall.year, wall.month, wall.day))
    dialog.at.setTime(QTime(wall.hour, wall.minute))
    return dialog


def workspace_of(studio: Studio) -> Workspace:
    return studio.workspace


def test_plain_time_is_scheduled_in_utc_with_its_zone(qtbot: QtBot, draft) -> None:
    studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 6, 1, 9, 0))
    assert dialog.ok.isEnabled()
    # The person reads the time they chose, in their zone (stored as UTC underneath).
    assert dialog.summary.text() == "Goes out Sun 01/06/2031 09:00 (Helsinki)."
    assert dialog.blocking.isHidden() and dialog.blocked_reason.isHidden()
    with qtbot.waitSignal(dialog.scheduled):
        dialog.ok.click()
    # (the English plural comes from the catalogue, which widget tests do not load)
    assert dialog.confirmation().startswith("Scheduled Sun 01/06/2031 09:00 (Helsinki) on 1 ")
    assert dialog.first_day() == date(2031, 6, 1)
    (entry,) = studio.entries_between(*EVER)
    assert entry.scheduled_at == datetime(2031, 6, 1, 6, 0, tzinfo=UTC)
    assert entry.time_zone == HELSINKI and entry.state is DeliveryState.SCHEDULED


def test_time_in_the_spring_gap_is_a_problem_to_resolve(qtbot: QtBot, draft) -> None:
    studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 3, 30, 3, 30))
    assert "does not exist" in dialog.problem.text()
    assert dialog.first.text() == "Use 04:00 instead"
    dialog.second.setChecked(True)  # "pick another time": nothing can be scheduled
    assert not dialog.ok.isEnabled()
    dialog.first.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    (entry,) = studio.entries_between(*EVER)
    assert entry.scheduled_at == datetime(2031, 3, 30, 1, 0, tzinfo=UTC)


def test_the_dialog_grows_to_say_a_skipped_time_whole(qtbot: QtBot, draft) -> None:
    """Shown at a plain time, then a time the clocks skip typed in: the reason and its two
    choices were cut at the top and bottom, the dialog staying its size (a new user's
    finding)."""
    _studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 6, 1, 9, 0))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.day.setDate(QDate(2031, 3, 30))
    dialog.at.setTime(QTime(3, 30))
    assert "does not exist" in dialog.problem.text()
    qtbot.waitUntil(lambda: clipped(dialog) == [], timeout=2000)


def test_time_that_happens_twice_takes_the_chosen_one(qtbot: QtBot, draft) -> None:
    studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 10, 26, 3, 30))
    assert "happens twice" in dialog.problem.text()
    assert dialog.first.text() == "The first one (UTC+03:00)"
    dialog.second.setChecked(True)
    dialog.ok.click()
    (entry,) = studio.entries_between(*EVER)
    assert entry.scheduled_at == datetime(2031, 10, 26, 1, 30, tzinfo=UTC)


def test_typing_a_city_in_any_case_offers_its_zone(qtbot: QtBot, draft) -> None:
    """The completer's own filter (its popup needs a keyboard grab offscreen has not)."""
    _studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 1, 1, 9, 0))
    completer = dialog.zone.completer()
    assert completer is not None
    completer.setCompletionPrefix("helsinki")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Europe/Helsinki"


def test_past_time_and_unknown_zone_cannot_be_scheduled(qtbot: QtBot, draft) -> None:
    _studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2020, 1, 1, 9, 0))
    assert dialog.problem.text() == "That time has already passed."
    assert not dialog.ok.isEnabled()
    dialog.day.setDate(QDate(2031, 1, 1))
    dialog.zone.setCurrentText("Europe/Atlantis")
    assert "Unknown time zone" in dialog.problem.text()
    dialog.zone.setCurrentText("Europe")  # typed on the way to Europe/Helsinki: a folder
    assert dialog.problem.text() == "Unknown time zone: Europe"
    assert not dialog.ok.isEnabled()
    assert not dialog.ok.isEnabled()


def test_weekly_repeat_makes_one_post_per_occurrence(qtbot: QtBot, draft) -> None:
    studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 6, 2, 9, 0))  # a Monday
    dialog.repeat.setCurrentIndex(1)
    for weekday, box in enumerate(dialog.weekdays):
        box.setChecked(weekday in (0, 2))  # Mondays and Wednesdays
    dialog.times.setValue(4)
    assert dialog.summary.text() == "4 posts, from 02/06/2031 09:00 to 11/06/2031 09:00."
    dialog.ok.click()
    entries = studio.entries_between(*EVER)
    assert [e.scheduled_at.date() for e in entries] == [
        date(2031, 6, 2), date(2031, 6, 4), date(2031, 6, 9), date(2031, 6, 11)
    ]  # fmt: skip
    assert {e.scheduled_at.astimezone(UTC).timetz().replace(tzinfo=None) for e in entries} == {
        time(6, 0)
    }
    assert studio.post(post_id) is None  # the draft became the series


def test_a_repeat_goes_out_on_the_weekday_and_day_of_the_date_chosen(qtbot: QtBot, draft) -> None:
    """The dialog opens on one day (here a Saturday); the user picks a Wednesday, then
    Weekly: Wednesdays, from that Wednesday. The ticks kept the day the dialog opened on, and
    the first post went out the Saturday after, while the notice named the Wednesday."""
    studio, planner, post_id = draft
    dialog = ScheduleDialog(planner, post_id, HELSINKI, initial=datetime(2031, 6, 7, 14, 0))
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2031, 6, 11))  # a Wednesday
    dialog.repeat.setCurrentIndex(1)
    assert [box.isChecked() for box in dialog.weekdays] == [i == 2 for i in range(7)]
    assert dialog.summary.text() == "4 posts, from 11/06/2031 14:00 to 02/07/2031 14:00."
    dialog.day.setDate(QDate(2031, 6, 12))  # a Thursday: the tick follows
    assert [box.isChecked() for box in dialog.weekdays] == [i == 3 for i in range(7)]
    # Monthly follows the day of the month the same way.
    dialog.repeat.setCurrentIndex(2)
    assert dialog.month_day.value() == 12
    dialog.day.setDate(QDate(2031, 6, 15))
    assert dialog.month_day.value() == 15
    dialog.repeat.setCurrentIndex(1)
    assert [box.isChecked() for box in dialog.weekdays] == [i == 6 for i in range(7)]
    # Once the user ticks a weekday, a new date leaves the ticks as they are.
    qtbot.mouseClick(dialog.weekdays[0], Qt.MouseButton.LeftButton)  # Mondays too
    dialog.day.setDate(QDate(2031, 6, 11))
    assert [box.isChecked() for box in dialog.weekdays] == [i in (0, 6) for i in range(7)]
    dialog.ok.click()
    days = [e.scheduled_at.astimezone(UTC).date() for e in studio.entries_between(*EVER)]
    assert days == [date(2031, 6, 15), date(2031, 6, 16), date(2031, 6, 22), date(2031, 6, 23)]
    # What the window then says, and the day the calendar opens on: the first post's.
    assert dialog.confirmation().startswith("Scheduled 4 posts, the first Sun 15/06")
    assert dialog.first_day() == date(2031, 6, 15)


def test_add_to_queue_takes_each_accounts_next_free_slot(qtbot: QtBot, tmp_path: Path) -> None:
    """Add to queue was only in a calendar chip's menu, where new users did not find it."""
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        archive = account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path)},
        )  # fmt: skip
        mastodon = account_rows.add_account(
            conn, Network.MASTODON, "Kunta", publish_method=PublishMethod.MANUAL
        )
    monday_ten = datetime(2031, 6, 2, 7, 0, tzinfo=UTC)  # Monday 10:00 in Helsinki
    planner = Planner(workspace, now=lambda: monday_ten)
    studio = Studio(workspace)
    post_id = studio.save_draft("Kirjasto auki", [archive, mastodon])
    planner.set_posting_slots(archive, "Mon, Wed 09:00", HELSINKI)
    dialog = ScheduleDialog(planner, post_id, HELSINKI, queue=True)
    qtbot.addWidget(dialog)
    assert dialog.queue_button is not None  # asked for, the dialog offers the queue

    dialog.queue_button.click()  # the Mastodon account has no slots yet: nothing is queued
    assert dialog.problem.text() == (
        "No posting slots for Kunta (Mastodon). Set them in Accounts, or choose a time here."
    )
    assert not dialog.problem.isHidden()  # a refusal set on the hidden line stayed unseen
    states = "SELECT DISTINCT state FROM deliveries"
    assert workspace.connection().execute(states).fetchall() == [("draft",)]

    planner.set_posting_slots(mastodon, "Tue 12:00", HELSINKI)
    with qtbot.waitSignal(dialog.scheduled):
        dialog.queue_button.click()
    times = {e.account_id: e.scheduled_at for e in studio.entries_between(*EVER)}
    assert times == {
        archive: datetime(2031, 6, 4, 6, 0, tzinfo=UTC),  # Wed 09:00: Monday's has passed
        mastodon: datetime(2031, 6, 3, 9, 0, tzinfo=UTC),  # Tue 12:00
    }
    assert {e.state for e in studio.entries_between(*EVER)} == {DeliveryState.SCHEDULED}
    assert dialog.confirmation().startswith("Queued on 2 ")
    assert dialog.confirmation().endswith("the first Tue 03/06/2031 12:00 (Helsinki)")
    assert dialog.first_day() == date(2031, 6, 3)
    workspace.close()


def test_the_buttons_stay_put_while_a_time_is_typed(qtbot: QtBot, draft) -> None:
    """Typing a time passes through texts that are not one ("8:", "8:2"): the line saying so
    took a row of its own above the summary, and the dialog grew and its buttons jumped down
    and up under the pointer at each key. The problem and the summary share one place."""
    _studio, planner, post_id = draft
    dialog = dialog_for(qtbot, planner, post_id, datetime(2031, 6, 1, 9, 0))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.adjustSize()
    qtbot.wait(50)
    where = dialog.ok.mapTo(dialog, dialog.ok.rect().topLeft()).y()
    height = dialog.height()
    dialog.at.selectAll()
    for text in ("8", "8:", "8:2", "8:20"):
        dialog.at.setText(text)
        dialog.at.textEdited.emit(text)
        qtbot.wait(20)
        assert (dialog.height(), dialog.ok.mapTo(dialog, dialog.ok.rect().topLeft()).y()) == (
            height,
            where,
        ), text
    assert dialog.summary.text().startswith("Goes out Sun 01/06/2031 08:20")
