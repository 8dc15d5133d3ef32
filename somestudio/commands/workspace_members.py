"""somestudio workspace members: the people of the workspace in use and their roles.

  workspace members [list]              who is a member, with their role
  workspace members add NAME --role R   a new member (owner, editor or contributor; the
                                        first member is always an owner)
  workspace members role NAME R         change a member's role
  workspace members remove NAME         remove a member (their log entries keep the name)
  workspace members me NAME             this computer is used by NAME (the window asks
                                        otherwise)

A contributor's posts wait for an editor's or owner's approval before they can go out. A
workspace keeps at least one owner while it has members.
"""

from __future__ import annotations

import argparse

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    database_errors,
    open_cli_workspace,
    say,
    storage_problem,
)

NAME = "workspace members"
ROLES = ("owner", "editor", "contributor")


def configure(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    members = actions.add_parser(
        "members",
        help="list and manage the workspace's members and their roles",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    steps = members.add_subparsers(dest="member_action", metavar="STEP")
    steps.add_parser("list", help="the members and their roles")
    add = steps.add_parser("add", help="add a member")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, default="contributor")
    role = steps.add_parser("role", help="change a member's role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=ROLES, metavar="ROLE")
    remove = steps.add_parser("remove", help="remove a member")
    remove.add_argument("name", metavar="NAME")
    me = steps.add_parser("me", help="say which member uses this computer")
    me.add_argument("name", metavar="NAME")


def run(args: argparse.Namespace) -> int:
    if args.member_action != "me":
        return _run(args)
    # "me" is a setting of this data folder: a running window would write its own back.
    from somestudio.app.instance_lock import InstanceLock  # noqa: PLC0415
    from somestudio.app.paths import prepare_home, resolve_home  # noqa: PLC0415

    home = prepare_home(resolve_home())
    lock = InstanceLock(home)
    if not lock.acquire():
        complain(NAME, f"{lock.describe_owner()} is using the data folder {home}; close it first.")
        return EXIT_PROBLEM
    try:
        return _run(args)
    finally:
        lock.release()


def _run(args: argparse.Namespace) -> int:
    from somestudio.domain.members import MemberRuleError  # noqa: PLC0415

    try:
        workspace = open_cli_workspace()
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    try:
        _step(args, workspace)
    except MemberRuleError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except database_errors() as exc:
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM
    finally:
        workspace.close()
    return EXIT_OK


def _step(args: argparse.Namespace, workspace: object) -> None:
    from somestudio.app.team import Team  # noqa: PLC0415
    from somestudio.app.workspace import Workspace  # noqa: PLC0415
    from somestudio.domain.members import Role  # noqa: PLC0415

    assert isinstance(workspace, Workspace)
    team = Team(workspace, admin=True)
    step = args.member_action or "list"
    if step == "add":
        member = team.add_member(args.name, Role(args.role))
        say(f"Added {member.name} as {member.role.value}.")
    elif step == "role":
        member = team.find(args.name)
        team.set_role(member.id, Role(args.role))
        say(f"{member.name} is now {args.role}.")
    elif step == "remove":
        member = team.find(args.name)
        team.remove_member(member.id)
        say(f"Removed {member.name}.")
    elif step == "me":
        member = team.choose_me(team.find(args.name).id)
        say(f"This computer is used by {member.name} ({member.role.value}).")
    else:
        _list(team)


def _list(team: object) -> None:
    from somestudio.app.team import Team  # noqa: PLC0415

    assert isinstance(team, Team)
    members = team.members()
    if not members:
        say("No members: whoever uses this workspace is its owner.")
        return
    me = team.me()
    for member in members:
        here = "  (this computer)" if me is not None and me.id == member.id else ""
        say(f"{member.name}\t{member.role.value}{here}")
