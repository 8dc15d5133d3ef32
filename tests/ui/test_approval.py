"""Approval in the window (issue 17): a contributor asks for approval from the composer, an
editor sees the post waiting (the calendar's chip and filter, the composer's note) and
approves it — scheduled as asked — or returns it with a comment the contributor reads in the
composer. A request from another machine raises a notice; a workspace with members asks who
uses this computer; a solo one changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.approval import Approvals
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.team import Team
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import ApprovalState, Member, Role
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.ui.calendar.filter_bar import AWAITING_APPROVAL
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from somestudio.ui.schedule_dialog import ScheduleDialog
from tests.ui.conftest import AHEAD, running_clock

HELSINKI = "Europe/Helsinki"
S = DeliveryState
DAY = date(2031, 3, 20)  # far ahead of any day the suite runs on
AT = datetime(2031, 3, 20, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki


@dataclass
class ScriptedPrompts:
    """Stands in for the dialogs: scripted answers, and what was asked."""

    choices: list[int | None] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    asked: list[tuple[str, list[str]]] = field(default_factory=list)
    told: list[str] = field(default_factory=list)

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        self.asked.append((title, list(options)))
        on_choice(self.choices.pop(0))

    def inform(self, title: str, text: str) -> None:
        self.told.append(text)

    def ask_text(
        self,
        title: str,
        text: str,
        label: str,
        accept: str,
        on_answer: Callable[[str | None], None],
    ) -> None:
        self.asked.append((title, [label, accept]))
        on_answer(self.texts.pop(0))


@dataclass
class Rig:
    window: MainWindow
    workspace: Workspace
    account: int
    prompts: ScriptedPrompts

    @property
    def team(self) -> Team:
        return Team(self.workspace)

    def be(self, name: str) -> Member:
        return self.team.choose_me(self.team.find(name).id)

    def states(self) -> set[DeliveryState]:
        return {r.state for r in self._rows()}

    def _rows(self) -> list[delivery_rows.DeliveryRow]:
        conn = self.workspace.connection()
        rows = conn.execute("SELECT id FROM deliveries").fetchall()
        found = [delivery_rows.get(conn, int(r[0])) for r in rows]
        return [r for r in found if r is not None]

    def schedule_dialog(self) -> ScheduleDialog:
        found = {
            id(w): w
            for w in QApplication.topLevelWidgets() + self.window.findChildren(ScheduleDialog)
            if isinstance(w, ScheduleDialog) and w.isVisible()
        }
        assert len(found) == 1
        return next(iter(found.values()))

    def approvals(self) -> Approvals:
        clock = running_clock(AHEAD)  # 2031's times are ahead, whatever the real date
        return Approvals(Planner(self.workspace, now=clock), self.team, now=clock)


def _window(workspace: Workspace, home: Path, qtbot: QtBot, prompts: ScriptedPrompts) -> MainWindow:
    clock = running_clock(AHEAD)
    window = MainWindow(
        Studio(workspace), workspace.settings, ZoneInfo(HELSINKI), home=home, log_file=home / "x",
        now=clock,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.prompts = prompts  # type: ignore[assignment]
    window.attach_planner(Planner(workspace, now=clock))
    return window


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    """Olli (owner) and Cia (contributor) share a workspace with a Local archive account;
    the window starts as Olli's."""
    english = install_language("en")  # "on 1 account": the English plural forms
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.LOCAL, "arkisto", publish_method=PublishMethod.FOLDER,
            options={"folder": str(tmp_path)},
        )  # fmt: skip
    team = Team(workspace)
    team.add_member("Olli", Role.OWNER)  # the first member: this computer's
    team.add_member("Cia", Role.CONTRIBUTOR)
    prompts = ScriptedPrompts()
    window = _window(workspace, home, qtbot, prompts)
    window.show_page("compose")
    window.show()
    yield Rig(window, workspace, account, prompts)
    workspace.close()
    english.remove()
    QLocale.setDefault(QLocale.c())


def _write(rig: Rig, qtbot: QtBot, text: str) -> None:
    page = rig.window.compose
    page.new_post()
    for row in range(page.accounts.count()):
        page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, text)


def _ask(rig: Rig, qtbot: QtBot, text: str) -> int:
    """As Cia: write ``text`` and ask for approval at AT; the post's id."""
    rig.be("Cia")
    rig.window.new_post()
    page = rig.window.compose
    assert page.schedule_button.text() == "Ask for approval…"
    assert page.publish_button.isHidden()
    _write(rig, qtbot, text)
    page.schedule_button.click()
    dialog = rig.schedule_dialog()
    assert dialog.windowTitle() == "Ask for approval"
    assert dialog.ok.text() == "Ask for approval"
    dialog.day.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.at.setTime(QTime(10, 0))
    dialog.ok.click()
    assert page.confirmation.text().startswith("Asked for approval: Thu 20/03/2031 10:00")
    (row,) = rig._rows()
    assert (row.state, row.scheduled_at) == (S.DRAFT, AT)
    return row.post_id


def test_a_contributor_asks_and_an_editor_approves(qtbot: QtBot, rig: Rig) -> None:
    post = _ask(rig, qtbot, "Kevatjuhla lauantaina")
    found = rig.approvals().state(post)
    assert found is not None and (found.state, found.requested_by) == (ApprovalState.WAITING, "Cia")
    # The contributor sees the waiting state in the composer, with no way to approve it.
    window = rig.window
    window.open_post(post)
    note = window.compose.approval_note  # type: ignore[attr-defined]
    assert note.isVisible() and "Waiting for approval" in note.text.text()
    assert note.approve_button.isHidden() and note.return_button.isHidden()

    rig.be("Olli")
    window.show_page("calendar")
    calendar = window.calendar
    calendar.select_day(DAY)
    (chip,) = calendar.model.chips_on(DAY)
    assert chip.lead.approval == "waiting"
    states = calendar.filters.state
    states.setCurrentIndex(states.findData(AWAITING_APPROVAL))
    assert calendar.filters.current().awaiting_approval
    assert [c.post_id for c in calendar.model.chips_on(DAY)] == [post]

    menu = window._actions.menu_for(chip.lead)  # type: ignore[union-attr]
    texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert texts == ["Open", "⏳ Waiting for approval", "Duplicate", "Delete post"]
    window.open_post(post)
    assert window.compose.schedule_button.text() == "Schedule…"
    assert note.isVisible()
    assert "Cia asks for it to go out Thu 20/03/2031 10:00 (Helsinki)" in note.text.text()
    assert note.approve_button.isVisible()
    note.approve_button.click()
    assert rig.states() == {S.SCHEDULED}
    assert rig.approvals().state(post) is None
    assert window.compose.confirmation.text() == "Approved and scheduled on 1 account"
    assert [c.post_id for c in calendar.model.chips_on(DAY)] == []  # nothing waits now
    steps = [(e.action.value, e.member_name) for e in rig.approvals().history(post)]
    assert steps == [("requested", "Cia"), ("approved", "Olli")]


def test_an_editor_returns_a_post_and_the_contributor_reads_why(qtbot: QtBot, rig: Rig) -> None:
    post = _ask(rig, qtbot, "Kevatjuhla")
    rig.be("Olli")
    window = rig.window
    window.open_post(post)
    note = window.compose.approval_note  # type: ignore[attr-defined]
    rig.prompts.texts = ["Mention the venue, please."]
    note.return_button.click()
    assert rig.prompts.asked[-1][0] == "Return post"
    found = rig.approvals().state(post)
    assert found is not None and found.state is ApprovalState.RETURNED
    assert rig.states() == {S.DRAFT}

    rig.be("Cia")
    window.open_post(post)
    assert note.isVisible()
    assert note.text.text() == (
        "↩ Returned for changes — edit the post, then ask again. "
        "Comment: “Mention the venue, please.”"
    )
    assert note.approve_button.isHidden()
    assert window.compose.schedule_button.text() == "Ask for approval…"
    # Scheduling it directly is refused, with the reason in the user's words.
    window.publish_post_now(post)
    assert rig.states() == {S.DRAFT}
    # Asked again: the dialog offers the time asked for before; the post waits once more.
    window.compose.schedule_button.click()
    dialog = rig.schedule_dialog()
    assert (dialog.day.date(), dialog.at.time()) == (QDate(2031, 3, 20), QTime(10, 0))
    dialog.ok.click()
    found = rig.approvals().state(post)
    assert found is not None and (found.state, found.comment) == (ApprovalState.WAITING, "")


def test_a_request_from_another_machine_notifies_an_editor(qtbot: QtBot, rig: Rig) -> None:
    window = rig.window
    window.team.start()  # what was asked before the window opened raises nothing
    rig.be("Cia")
    approvals = rig.approvals()
    post = Studio(rig.workspace).save_draft("Toiselta koneelta", [rig.account])
    approvals.request(post, AT, HELSINKI)
    rig.be("Olli")
    assert window.notifier is not None
    window.team.other_machine_changed({"approval_events", "post_approvals"})
    assert window.notifier.shown[-1] == (
        "A post waits for your approval",
        "Cia asked for approval. Open the post to approve it or return it.",
    )
    window.team.other_machine_changed({"approval_events"})  # the same request: once only
    assert len(window.notifier.shown) == 1


def test_a_workspace_with_members_asks_who_uses_this_computer(qtbot: QtBot, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    team = Team(workspace, admin=True)  # added from the command line: nobody chosen here
    team.add_member("Olli", Role.OWNER)
    team.add_member("Cia", Role.CONTRIBUTOR)
    assert team.needs_to_identify()
    prompts = ScriptedPrompts(choices=[0])  # the list is by name: Cia, Olli
    window = _window(workspace, home, qtbot, prompts)
    qtbot.waitUntil(lambda: bool(prompts.asked))
    assert prompts.asked == [("Who are you?", ["Cia", "Olli"])]
    me = Team(workspace).me()
    assert me is not None and me.name == "Cia"
    assert window.compose.schedule_button.text() == "Ask for approval…"
    workspace.close()


def test_a_solo_workspace_shows_nothing_of_approval(qtbot: QtBot, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    workspace = open_workspace(home)
    prompts = ScriptedPrompts()
    window = _window(workspace, home, qtbot, prompts)
    page = window.compose
    qtbot.wait(20)  # a question would come once the window is up
    assert prompts.asked == []
    assert page.schedule_button.text() == "Schedule…"
    assert not page.publish_button.isHidden()
    assert page.approval_note.isHidden()  # type: ignore[attr-defined]
    workspace.close()
