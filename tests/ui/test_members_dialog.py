"""Settings → Members and the members dialog (issue 17): the first member is the person here
as the owner; the owner adds (Enter in the name field adds, and does nothing else), changes
roles and removes; the last owner stays; a contributor sees the list but changes nothing."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.team import Team
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.members import Role
from somestudio.ui.main_window import MainWindow
from somestudio.ui.team.members_dialog import MembersDialog
from tests.ui.conftest import AHEAD, running_clock


@pytest.fixture
def workspace(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    opened = open_workspace(home)
    yield opened
    opened.close()


def _names(dialog: MembersDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def _select(dialog: MembersDialog, name: str) -> None:
    for i in range(dialog.list.count()):
        if dialog.list.item(i).text().startswith(name):
            dialog.list.setCurrentRow(i)
            return
    raise AssertionError(name)


def test_settings_opens_the_dialog_and_the_first_member_is_the_owner_here(
    qtbot: QtBot, workspace: Workspace
) -> None:
    clock = running_clock(AHEAD)
    window = MainWindow(
        Studio(workspace), workspace.settings, ZoneInfo("Europe/Helsinki"),
        home=workspace.home, log_file=workspace.home / "x", now=clock,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.attach_planner(Planner(workspace, now=clock))
    window.show_page("settings")
    group = window.settings_page.members  # type: ignore[attr-defined]
    assert group.note.text().startswith("Only you use this workspace: you are its owner.")
    group.manage.click()
    dialog = window.team.dialog
    assert isinstance(dialog, MembersDialog) and dialog.isVisible()
    assert dialog.new_role.currentData() == "owner" and not dialog.new_role.isEnabled()

    qtbot.keyClicks(dialog.name, "Anna")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert _names(dialog) == ["Anna — Owner (you)"]
    # The summary follows at once, and the next one is no owner unless chosen so.
    assert group.note.text().startswith("You are Anna: Owner")
    assert dialog.new_role.currentData() == "contributor"
    qtbot.keyClicks(dialog.name, "Ben")
    dialog.new_role.setCurrentIndex(dialog.new_role.findData("editor"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert _names(dialog) == ["Anna — Owner (you)", "Ben — Editor"]
    me = Team(workspace).me()
    assert me is not None and me.name == "Anna"  # Enter did not press "This is me"
    group.refresh()
    assert group.note.text() == (
        "You are Anna: Owner (manages the members, approves and schedules)."
    )
    dialog.close()


def test_the_owner_changes_roles_and_the_last_owner_stays(
    qtbot: QtBot, workspace: Workspace
) -> None:
    team = Team(workspace)
    team.add_member("Anna", Role.OWNER)
    team.add_member("Ben", Role.CONTRIBUTOR)
    dialog = MembersDialog(team)
    qtbot.addWidget(dialog)
    _select(dialog, "Anna")
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    dialog.role.activated.emit(dialog.role.currentIndex())
    assert dialog.problem.text() == (
        "The workspace needs at least one owner: make someone else an owner first."
    )
    _select(dialog, "Ben")
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    dialog.role.activated.emit(dialog.role.currentIndex())
    assert dialog.problem.isHidden()
    assert _names(dialog) == ["Anna — Owner (you)", "Ben — Editor"]
    dialog.remove_button.click()
    assert _names(dialog) == ["Anna — Owner (you)"]


def test_a_contributor_sees_the_members_but_changes_nothing(
    qtbot: QtBot, workspace: Workspace
) -> None:
    team = Team(workspace)
    team.add_member("Anna", Role.OWNER)
    ben = team.add_member("Ben", Role.CONTRIBUTOR)
    team.choose_me(ben.id)
    dialog = MembersDialog(team)
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == "Only an owner can change the members."
    _select(dialog, "Anna")
    assert not dialog.role.isEnabled() and not dialog.remove_button.isEnabled()
    assert not dialog.adding.isEnabled()
    assert dialog.me_button.isEnabled()
