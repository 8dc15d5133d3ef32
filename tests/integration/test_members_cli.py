"""``somestudio workspace members`` and the approval services on both backends
(tests/integration/either_backend.py): the first member is the owner, a workspace keeps an
owner, a contributor's post waits, is returned with a comment, asked again and approved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from somestudio.app.approval import ApprovalError, Approvals
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.team import Team
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import ApprovalState, MemberRuleError, Role
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from tests.integration.cli_run import cli

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def test_members_are_managed_from_the_command_line(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = either_cli_home
    code, out, _ = cli(capsys, "workspace", "members")
    assert code == 0 and "No members" in out
    code, out, _ = cli(capsys, "workspace", "members", "add", "Anna", "--role", "editor")
    assert (code, out.strip()) == (0, "Added Anna as owner.")  # the first one owns it
    assert cli(capsys, "workspace", "members", "add", "Ben")[:2] == (
        0,
        "Added Ben as contributor.\n",
    )
    code, _, err = cli(capsys, "workspace", "members", "add", "  anna ")
    assert code == 2 and "already called anna" in err
    code, _, err = cli(capsys, "workspace", "members", "role", "Anna", "editor")
    assert code == 2 and "at least one owner" in err
    assert cli(capsys, "workspace", "members", "role", "ben", "editor")[0] == 0
    assert cli(capsys, "workspace", "members", "me", "Ben")[0] == 0
    code, out, _ = cli(capsys, "workspace", "members", "list")
    assert out.splitlines() == ["Anna\towner", "Ben\teditor  (this computer)"]
    # A contributor (here: Ben, before he became an editor) does not schedule from the CLI.
    assert cli(capsys, "workspace", "members", "role", "Ben", "contributor")[0] == 0
    archive = home / "archive"
    archive.mkdir()
    assert cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))[0] == 0
    code, _, err = cli(capsys, "post", "add", "--text", "Hei", "--to", "Arkisto",
                       "--at", "2099-11-21T09:00", "--tz", "Europe/Helsinki")  # fmt: skip
    assert code == 2 and "a contributor asks for approval instead of scheduling" in err
    assert cli(capsys, "workspace", "members", "role", "Ben", "editor")[0] == 0
    code, _, err = cli(capsys, "post", "add", "--text", "Hei", "--to", "Arkisto",
                       "--at", "2099-11-21T09:00", "--tz", "Europe/Helsinki")  # fmt: skip
    assert code == 0, err
    code, _, err = cli(capsys, "workspace", "members", "remove", "Cecilia")
    assert code == 2 and "no member is called Cecilia" in err
    assert cli(capsys, "workspace", "members", "remove", "Ben")[0] == 0
    workspace = open_workspace(home)
    try:
        assert [m.name for m in Team(workspace).members()] == ["Anna"]
        assert Team(workspace).me() is None  # Ben was this computer's member
    finally:
        workspace.close()


def _account(workspace: Workspace, folder: Path) -> int:
    conn = workspace.writable_connection()
    with transaction(conn):
        return account_rows.add_account(
            conn,
            Network.LOCAL,
            "archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(folder)},
        )


def test_a_post_is_asked_for_returned_and_approved(
    either_workspace: Workspace, tmp_path: Path
) -> None:
    workspace = either_workspace
    team = Team(workspace)
    owner = team.add_member("Olli", Role.OWNER)
    assert team.me() == owner  # the first member is the one who set the team up
    writer = team.add_member("Cia", Role.CONTRIBUTOR)
    with pytest.raises(MemberRuleError) as refused:
        team.remove_member(owner.id)
    assert refused.value.code == "members.last_owner"
    team.choose_me(writer.id)
    with pytest.raises(MemberRuleError):  # only an owner changes the members
        team.add_member("Dan", Role.EDITOR)
    planner = Planner(workspace, now=lambda: NOW)
    approvals = Approvals(planner, team, now=lambda: NOW)
    post = Studio(workspace).save_draft("Kevät tulee", [_account(workspace, tmp_path)])
    at = NOW + timedelta(days=1)

    approvals.request(post, at, "Europe/Helsinki")
    found = approvals.state(post)
    assert found is not None and (found.state, found.requested_by) == (ApprovalState.WAITING, "Cia")
    assert [a.post_id for a in approvals.waiting()] == [post]
    assert [e.post_id for e in approvals.requests_after(0)] == [post]

    team.choose_me(owner.id)
    with pytest.raises(ApprovalError) as empty:
        approvals.return_post(post, "   ")
    assert empty.value.code == "approval.empty_comment"
    with pytest.raises(ApprovalError) as waiting:  # scheduling goes through approving
        planner.schedule_existing(post, at, "Europe/Helsinki")
    assert waiting.value.code == "approval.awaiting"
    approvals.return_post(post, "Mention the venue, please.")
    found = approvals.state(post)
    assert found is not None and found.state is ApprovalState.RETURNED
    assert found.comment == "Mention the venue, please."
    with pytest.raises(ApprovalError):  # a returned post is not approved until asked again
        approvals.approve(post)

    team.choose_me(writer.id)
    approvals.request(post, at, "Europe/Helsinki")
    team.choose_me(owner.id)
    (delivery,) = approvals.approve(post)
    row = delivery_rows.get(workspace.connection(), delivery)
    assert row is not None and (row.state, row.scheduled_at) == (DeliveryState.SCHEDULED, at)
    steps = [(e.action.value, e.member_name, e.comment) for e in approvals.history(post)]
    assert steps == [
        ("requested", "Cia", ""),
        ("returned", "Olli", "Mention the venue, please."),
        ("requested", "Cia", ""),
        ("approved", "Olli", ""),
    ]
