"""The schedule dialog refuses a post its network would refuse, says which account and why,
and takes times typed in the locale's forms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTime
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.publish_gate import AccountProblems
from somestudio.app.sign_in_check import sign_in_problems
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.networks import Network
from somestudio.secrets import SecretStore
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.ui.schedule_dialog import ScheduleDialog

HELSINKI = "Europe/Helsinki"
LONG = "Kahvila Aurinko avaa ovensa taas. " + "a" * 361  # 395 characters


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ws = open_workspace(home)
    yield ws
    ws.close()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def accounts(workspace: Workspace) -> dict[Network, int]:
    conn = workspace.writable_connection()
    with transaction(conn):
        return {
            Network.X: account_rows.add_account(conn, Network.X, "kahvila"),
            Network.LOCAL: account_rows.add_account(conn, Network.LOCAL, "arkisto"),
        }


def _dialog(qtbot: QtBot, workspace: Workspace, post_id: int) -> ScheduleDialog:
    dialog = ScheduleDialog(Planner(workspace), post_id, HELSINKI)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2031, 6, 2))
    dialog.at.setTime(QTime(12, 0))
    return dialog


def _hei_dialog(qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]) -> ScheduleDialog:
    """The dialog of a saved draft "Hei" to the Local archive (on 2 June 2031 12:00)."""
    post_id = Composer(workspace).save(Draft("Hei", (accounts[Network.LOCAL],)))
    assert post_id is not None
    return _dialog(qtbot, workspace, post_id)


def test_too_long_for_x_cannot_be_scheduled_and_the_dialog_says_why(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    post_id = Composer(workspace).save(Draft(LONG, tuple(accounts.values())))
    assert post_id is not None
    dialog = _dialog(qtbot, workspace, post_id)
    dialog.show()
    lines = [dialog.blocking.item(r).text() for r in range(dialog.blocking.count())]
    assert lines == ["X · kahvila: too long (395/280 weighted characters)."]
    assert dialog.blocking.isVisible()
    assert dialog.blocking.accessibleName() == "Problems that stop scheduling"
    assert dialog.blocked_reason.isVisible()
    assert "Cannot schedule: X · kahvila would refuse this post" in dialog.blocked_reason.text()
    assert not dialog.ok.isEnabled()
    assert "X · kahvila" in dialog.ok.toolTip()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not get past it either
    states = {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)}
    assert states == {DeliveryState.DRAFT}


def test_warnings_are_listed_but_do_not_block(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    post_id = Composer(workspace).save(Draft("Hei\x07 kaikki", (accounts[Network.X],)))
    assert post_id is not None
    dialog = _dialog(qtbot, workspace, post_id)
    assert dialog.blocking.count() == 1 and not dialog.blocking.isHidden()
    assert dialog.blocked_reason.isHidden()
    assert dialog.ok.isEnabled()
    assert dialog.blocking_label.text() == "Worth a look:"  # a text warning is only that


def test_an_account_nothing_can_publish_to_is_named_before_scheduling(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int], keyring_store: SecretStore
) -> None:
    """X was never connected on this computer (nothing in the real keyring): the dialog says
    so, on its worker, in the list of what is worth a look, and scheduling still works (the
    person may connect it before the post is due)."""
    post_id = Composer(workspace).save(Draft("Hei", (accounts[Network.X],)))
    assert post_id is not None
    service = Accounts(workspace, keyring_store)
    asked: list[int] = []

    def sign_ins(post: int) -> list[AccountProblems]:
        asked.append(post)
        return sign_in_problems(service, post)

    dialog = ScheduleDialog(Planner(workspace), post_id, HELSINKI, sign_ins=sign_ins)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2031, 6, 2))
    dialog.at.setTime(QTime(12, 0))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.blocking.count() == 1)
    assert asked == [post_id]
    line = dialog.blocking.item(0).text()
    assert line.startswith("X · kahvila: Not connected: no sign-in is stored on this computer")
    assert "Connect it in Accounts" in line
    # Read whole, not cut after two lines: the list is as tall as the view lays the wrapped
    # line out (and the line does wrap at the dialog's width).
    item = dialog.blocking.visualItemRect(dialog.blocking.item(0))
    spacing = dialog.blocking.fontMetrics().lineSpacing()
    assert item.height() > 2 * spacing
    qtbot.waitUntil(lambda: dialog.blocking.viewport().height() >= item.height())
    assert dialog.blocking_label.text() == "Will not go out unless you act first:"
    assert dialog.blocked_reason.isHidden()
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    states = {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)}
    assert states == {DeliveryState.SCHEDULED}


@pytest.mark.parametrize(
    ("typed", "day"),
    # Days far ahead: the dialog refuses a time already passed by the real clock, and the
    # suite runs again at other dates (libfaketime).
    [
        ("12/5/90", "2090-12-05"),
        ("12/5/2090", "2090-12-05"),
        ("1/15/2091", "2091-01-15"),
        ("1/2/99", "2099-01-02"),
    ],
)
def test_a_day_typed_whole_in_the_us_form_is_that_day(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int], typed: str, day: str
) -> None:
    """Typed over the selected day, as a person does after Tab. Qt's own date field (M/d/yy)
    read "12/5/26" as 12/4/52 (on 2026-12-04): the month filled, the slash skipped the day,
    the year became 52, and the post was scheduled for 2052 with nothing but the summary to
    say so."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    post_id = Composer(workspace).save(Draft("Hei", (accounts[Network.LOCAL],)))
    assert post_id is not None
    dialog = ScheduleDialog(
        Planner(workspace), post_id, HELSINKI, initial=datetime(2026, 12, 4, 23, 0)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    assert dialog.day.lineEdit().selectedText() == "12/4/2026"  # a four-digit year, all of it
    qtbot.keyClicks(dialog.day, typed)
    qtbot.keyClick(dialog.day, Qt.Key.Key_Tab)  # on to the time: the day is read whole
    qtbot.waitUntil(lambda: dialog.day.date().toString("yyyy-MM-dd") == day)
    assert dialog.summary.text().startswith("Goes out")
    if day.startswith("2099"):  # another year than any this test runs in: shown in full
        assert "1/2/2099" in dialog.summary.text()  # not "1/2/99", read as 1999


def test_a_typed_non_day_is_a_problem_not_another_day(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    dialog = _hei_dialog(qtbot, workspace, accounts)
    dialog.show()
    dialog.activateWindow()
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    dialog.day.lineEdit().selectAll()
    qtbot.keyClicks(dialog.day, "31/31")
    dialog.day.focusOutEvent(QFocusEvent(QEvent.Type.FocusOut))
    dialog.day.editingFinished.emit()
    assert "is not a day" in dialog.problem.text()
    # Checked as it is typed: nothing was to be saved yet, and the sentence does not say so.
    assert "saved" not in dialog.problem.text()
    assert not dialog.ok.isEnabled()


def test_a_non_day_stays_in_view_and_a_non_time_is_named_beside_it(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    """A day typed as "31/02/2026", then Tab: the field keeps the words beside the reason (it showed
    the day before again, next to "is not a day" and a greyed button), and a time that is
    no time is named at once too, not only after the day is mended (a new user's
    finding)."""
    dialog = _hei_dialog(qtbot, workspace, accounts)
    dialog.show()
    dialog.activateWindow()
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    dialog.day.lineEdit().selectAll()
    qtbot.keyClicks(dialog.day, "31/02/2026")
    dialog.day.focusOutEvent(QFocusEvent(QEvent.Type.FocusOut))  # as Tab leaves it
    dialog.day.editingFinished.emit()
    assert dialog.day.text() == "31/02/2026"
    assert dialog.problem.text() == "“31/02/2026” is not a day: there are 28 days in February 2026."
    dialog.at.selectAll()
    qtbot.keyClicks(dialog.at, "25.61")
    assert dialog.problem.text() == (
        "“31/02/2026” is not a day: there are 28 days in February 2026.\n"
        "“25.61” is not a time: type it like 09:00 or 21:30."
    )
    assert not dialog.ok.isEnabled()
    dialog.day.setFocus()
    dialog.day.lineEdit().selectAll()
    qtbot.keyClicks(dialog.day, "28/02/2032")
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    assert dialog.problem.text() == "“25.61” is not a time: type it like 09:00 or 21:30."


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("9.00", "09:00"),
        ("900", "09:00"),
        ("0900", "09:00"),
        ("21.30", "21:30"),
        ("8:54 AM", "08:54"),
    ],
)
def test_typed_times_in_the_locales_forms(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int], typed: str, shown: str
) -> None:
    dialog = _hei_dialog(qtbot, workspace, accounts)
    dialog.show()
    dialog.activateWindow()
    dialog.at.setFocus()
    dialog.at.selectAll()
    qtbot.keyClicks(dialog.at, typed)
    assert dialog.ok.isEnabled()
    assert dialog.summary.text() == f"Goes out Mon 02/06/2031 {shown} (Helsinki)."
    # Leaving the field shows the locale's form (offscreen Qt moves no focus between
    # windows' widgets reliably, so the field's own end-of-editing signal stands in).
    dialog.at.editingFinished.emit()
    assert dialog.at.text() == shown


def test_a_typed_non_time_is_a_problem_and_up_steps_a_quarter(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    dialog = _hei_dialog(qtbot, workspace, accounts)
    dialog.at.selectAll()
    qtbot.keyClicks(dialog.at, "25.00")
    assert not dialog.ok.isEnabled()
    assert dialog.problem.text() == "“25.00” is not a time: type it like 09:00 or 21:30."
    dialog.at.setTime(QTime(9, 7))
    qtbot.keyClick(dialog.at, Qt.Key.Key_Up)
    assert dialog.at.time() == QTime(9, 15)
    qtbot.keyClick(dialog.at, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.at, Qt.Key.Key_Down)
    assert dialog.at.time() == QTime(8, 45)


def test_finnish_summary_and_time(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    post_id = Composer(workspace).save(Draft("Hei", (accounts[Network.LOCAL],)))
    assert post_id is not None
    dialog = _dialog(qtbot, workspace, post_id)
    dialog.at.selectAll()
    qtbot.keyClicks(dialog.at, "21.30")
    assert dialog.summary.text().endswith(" 21.30 (Helsinki).")
    with qtbot.waitSignal(dialog.scheduled):
        dialog.ok.click()
    (row,) = delivery_rows.of_post(workspace.connection(), post_id)
    assert row.scheduled_at == datetime(2031, 6, 2, 18, 30, tzinfo=UTC)


def test_a_banned_word_of_the_house_style_cannot_be_scheduled(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    """The composer marked it ✕ (an error), yet the post was scheduled and its review pack
    said it passed the checks (a municipality's new-user pass)."""
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.planning import BlockedByProblemsError  # noqa: PLC0415
    from somestudio.domain.guidelines import Rulebook  # noqa: PLC0415

    PlanLibrary(workspace).save_rulebook(Rulebook(banned_words=("ASAP",)))
    draft = Draft("Palauta kirjat ASAP ennen joulua!", tuple(accounts.values()))
    post_id = Composer(workspace).save(draft)
    assert post_id is not None
    dialog = _dialog(qtbot, workspace, post_id)
    dialog.show()
    lines = [dialog.blocking.item(r).text() for r in range(dialog.blocking.count())]
    assert sorted(lines) == [
        "Local archive · arkisto: Guideline: “ASAP” is not used in our posts.",
        "X · kahvila: Guideline: “ASAP” is not used in our posts.",
    ]
    assert not dialog.ok.isEnabled()
    # The house style blocks, not the networks (it said they "would refuse" it).
    assert dialog.blocked_reason.text().startswith(
        "Cannot schedule: your guidelines do not allow this post."
    )
    queued = ScheduleDialog(Planner(workspace), post_id, HELSINKI, queue=True)
    qtbot.addWidget(queued)
    assert queued.queue_button is not None
    assert not queued.queue_button.isEnabled()  # clicked, it did nothing visible
    with pytest.raises(BlockedByProblemsError):
        Planner(workspace).schedule_existing(post_id, datetime(2031, 6, 2, 9, tzinfo=UTC), HELSINKI)
    states = {r.state for r in delivery_rows.of_post(workspace.connection(), post_id)}
    assert states == {DeliveryState.DRAFT}


def test_a_day_is_checked_as_it_is_typed(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    """A day typed as "12/45/2026" stood beside "Goes out Sat 12/5 1:00 PM" (the day before)
    until Tab (a new user's finding): a day typed is followed at once, a text that is no day
    is named after a pause, and nothing stale is said meanwhile."""
    dialog = _hei_dialog(qtbot, workspace, accounts)
    dialog.show()
    dialog.activateWindow()
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    assert "02/06/2031" in dialog.summary.text()
    dialog.day.lineEdit().selectAll()
    qtbot.keyClicks(dialog.day, "24/12/2031")
    qtbot.waitUntil(lambda: "24/12/2031" in dialog.summary.text())
    assert dialog.summary.text().startswith("Goes out") and dialog.ok.isEnabled()
    assert dialog.day.hasFocus() and dialog.day.text() == "24/12/2031"  # still being typed
    dialog.day.lineEdit().selectAll()
    qtbot.keyClicks(dialog.day, "45/12/2031")
    assert dialog.summary.text() == ""  # not the day before's "Goes out …"
    assert dialog.problem.text() == ""  # not at each key of "4…"
    qtbot.waitUntil(lambda: "is not a day" in dialog.problem.text())
    assert "45/12/2031" in dialog.problem.text() and not dialog.ok.isEnabled()
    assert dialog.day.hasFocus() and dialog.day.text() == "45/12/2031"


def test_tab_goes_through_the_buttons_in_the_order_they_stand(
    qtbot: QtBot, workspace: Workspace, accounts: dict[Network, int]
) -> None:
    """Tab went … Repeat → Cancel → Schedule → Add to queue while the buttons stand
    Schedule, Add to queue, Cancel (a keyboard-only user's finding)."""
    post_id = Composer(workspace).save(Draft("Hei", (accounts[Network.LOCAL],)))
    assert post_id is not None
    dialog = ScheduleDialog(Planner(workspace), post_id, HELSINKI, queue=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = sorted((b for b in dialog.buttons.buttons() if b.isVisible()), key=lambda b: b.x())
    assert len(shown) == 3
    chain: list[str] = []
    widget: QWidget | None = shown[0]
    while widget is not None and len(chain) < len(shown):
        if widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            chain.append(widget.text() if isinstance(widget, QAbstractButton) else "?")
        widget = widget.nextInFocusChain()
    assert chain == [b.text() for b in shown]
