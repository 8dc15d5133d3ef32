"""somestudio workspace: choose where the plan lives (issue 17).

  workspace prepare postgresql://user@host[:port]/database [--password-stdin]
  workspace use postgresql://user@host[:port]/database [--password-stdin]
  workspace use sqlite:PATH
  workspace use sqlite
  workspace move --to postgresql://user@host[:port]/database [--password-stdin]
  workspace move --to sqlite:PATH
  workspace members [list | add NAME --role R | role NAME R | remove NAME | me NAME]

prepare connects, creates the schema in an empty database or brings an older one up to date
(after a pg_dump backup into the data folder's backups), and keeps the password in the
system keyring (read from standard input with --password-stdin, never from the command
line; it is stored only once the server has accepted it).

use does the same and then records the workspace in the data folder's settings (never the
password): the window, the other commands and run-scheduler open it from then on.
"use sqlite" goes back to the data folder's own file. On any problem nothing is recorded.

move copies the workspace in use, every table, into an empty PostgreSQL database (prepared
as above) or a new SQLite file, in one transaction that commits only once each table's row
count and content hash match the source; then it uses the copy. The source is only read:
to go back, "use" it again. Into PostgreSQL the attached files found on this computer go
along (their bytes kept in the workspace, once per content hash), so every computer can
publish and show them; the files themselves stay where they are. Into SQLite the workspace's
kept files go along as they are (read from there when a file is not on this computer).

members lists and manages the people of the workspace in use and their roles (owner,
editor, contributor): a contributor's posts wait for approval (workspace members --help).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from somestudio.commands import workspace_members as members
from somestudio.commands.account import read_secret
from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    complain,
    say,
)

NAME = "workspace"
HELP = "prepare or choose the workspace: a shared PostgreSQL database or a SQLite file"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    prepare = actions.add_parser("prepare", help="create or update the workspace's schema")
    prepare.add_argument("url", metavar="URL", help="postgresql://user@host[:port]/database")
    prepare.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input and keep it in the keyring",
    )
    move = actions.add_parser("move", help="copy the workspace in use into another, checked")
    move.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="postgresql://user@host[:port]/database (empty) or sqlite:PATH (a new file)",
    )
    move.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the target's password from standard input and keep it in the keyring",
    )
    members.configure(actions)
    use = actions.add_parser("use", help="open this workspace from now on")
    use.add_argument(
        "url",
        metavar="URL",
        help="postgresql://user@host[:port]/database, sqlite:PATH, or sqlite (the default)",
    )
    use.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input and keep it in the keyring",
    )


def run(args: argparse.Namespace) -> int:
    from somestudio.app.paths import prepare_home, resolve_home  # noqa: PLC0415
    from somestudio.app.shared_workspace import prepare_shared_workspace  # noqa: PLC0415
    from somestudio.secrets import SecretStoreError  # noqa: PLC0415
    from somestudio.store.errors import StorageError, WorkspaceUrlError  # noqa: PLC0415

    if args.action == "members":
        return members.run(args)
    try:
        password = read_secret("workspace password") if args.password_stdin else None
        home = prepare_home(resolve_home())
        if args.action in ("use", "move"):
            return _with_lock(home, lambda: _choose(args, home, password))
        prepared = prepare_shared_workspace(args.url, home, password)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except WorkspaceUrlError as exc:
        complain(NAME, f"URL: {exc}")
        return EXIT_BAD_INPUT
    except (StorageError, SecretStoreError) as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    if prepared.migrated_from is None:
        say(f"{prepared.url}: ready, schema {prepared.revision} (already up to date).")
    elif prepared.migrated_from == "":
        say(f"{prepared.url}: ready, schema {prepared.revision} (created).")
    else:
        say(
            f"{prepared.url}: ready, schema {prepared.revision} (updated from "
            f"{prepared.migrated_from}; backup {prepared.backup})."
        )
    return EXIT_OK


def _with_lock(home: Path, action: Callable[[], int]) -> int:
    """``use`` and ``move`` hold the data folder's lock: a running window would write its
    own settings back over the choice, and a running engine would write during a move."""
    from somestudio.app.instance_lock import InstanceLock  # noqa: PLC0415

    lock = InstanceLock(home)
    if not lock.acquire():
        complain(
            NAME,
            f"{lock.describe_owner()} is using the data folder {home}; close it first, then "
            "choose the workspace (nothing was changed).",
        )
        return EXIT_PROBLEM
    try:
        return action()
    finally:
        lock.release()


def _choose(args: argparse.Namespace, home: Path, password: str | None) -> int:
    from somestudio.app.shared_workspace import move_workspace, use_workspace  # noqa: PLC0415
    from somestudio.secrets import SecretStoreError  # noqa: PLC0415
    from somestudio.store.errors import StorageError, WorkspaceUrlError  # noqa: PLC0415

    try:
        if args.action == "use":
            chosen = use_workspace(args.url, home, password)
            if chosen.url:
                say(f"Using the workspace {chosen.url} (schema {chosen.revision}).")
            else:
                say(f"Using the data folder's own workspace in {home}.")
            return EXIT_OK
        moved = move_workspace(args.to, home, password)
    except WorkspaceUrlError as exc:
        complain(NAME, f"URL: {exc}")
        return EXIT_BAD_INPUT
    except (StorageError, SecretStoreError) as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    say(
        f"Moved {moved.rows} rows in {moved.tables} tables from {moved.source} to "
        f"{moved.target}; row counts and content hash {moved.digest} checked. Using "
        f"{moved.target} from now on; {moved.source} was left as it was."
    )
    if moved.media_files:
        say(f"{moved.media_files} attached files are now kept in {moved.target} too.")
    if moved.media_not_found:
        say(
            f"{len(moved.media_not_found)} attached files were not found on this computer "
            f"({', '.join(moved.media_not_found[:3])}): only the computer that has them can "
            "publish those posts; attach them again to share them."
        )
    return EXIT_OK
