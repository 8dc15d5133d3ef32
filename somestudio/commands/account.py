"""somestudio account: add and list the accounts posts go to.

``account add local NAME --folder PATH`` adds a Local archive: publishing writes each post
into a new subfolder of PATH (which must exist). ``account add NETWORK NAME --by-hand`` adds
an account you publish to yourself: at the time, the app reminds you. Sign-in to networks
comes with their clients; no secret is ever taken on the command line.
"""

from __future__ import annotations

import argparse
import json
import sqlite3

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    open_cli_workspace,
    say,
)

NAME = "account"
HELP = "add or list accounts (a Local archive folder, or a network you publish to by hand)"

NETWORKS = (
    "local",
    "mastodon",
    "bluesky",
    "x",
    "threads",
    "linkedin",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "pinterest",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an account; prints its id")
    add.add_argument("network", metavar="NETWORK", help=f"one of {', '.join(NETWORKS)}")
    add.add_argument("name", metavar="NAME", help="the account's name (handle)")
    add.add_argument("--folder", metavar="PATH", help="local: the existing archive folder")
    add.add_argument(
        "--by-hand", action="store_true", help="publish by hand: be reminded at the time"
    )
    add.add_argument("--display-name", default="", metavar="TEXT", help="a friendlier label")
    add.add_argument("--instance", default="", metavar="URL", help="Mastodon instance, etc.")
    listing = actions.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            say(str(_add(args)))
        else:
            _list(args.json)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from pathlib import Path  # noqa: PLC0415

    from somestudio.domain.networks import Network, PublishMethod  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    network_name = args.network.strip().lower()
    if network_name not in NETWORKS:
        raise BadInputError("NETWORK", f"{args.network!r} is not one of {', '.join(NETWORKS)}")
    name = args.name.strip()
    if not name:
        raise BadInputError("NAME", "the account needs a name")
    network = Network(network_name)
    options: dict[str, object] = {}
    if network is Network.LOCAL:
        if args.by_hand:
            raise BadInputError("--by-hand", "a Local archive publishes by itself")
        if not args.folder:
            raise BadInputError("--folder", "a Local archive needs --folder PATH")
        folder = Path(args.folder).expanduser()
        if not folder.is_dir():
            raise BadInputError("--folder", f"{folder} does not exist or is not a folder")
        options["folder"] = str(folder.resolve())
        method = PublishMethod.FOLDER
    else:
        if args.folder:
            raise BadInputError("--folder", "only a Local archive has a folder")
        if not args.by_hand:
            raise BadInputError(
                "--by-hand",
                f"this version cannot sign in to {network.display_name}; add the account with "
                "--by-hand to be reminded to publish it yourself",
            )
        method = PublishMethod.MANUAL
    workspace = open_cli_workspace()
    try:
        conn = workspace.writable_connection()
        try:
            with transaction(conn):
                return account_rows.add_account(
                    conn,
                    network,
                    name,
                    display_name=args.display_name,
                    instance_url=args.instance,
                    publish_method=method,
                    options=options,
                )
        except sqlite3.IntegrityError as exc:
            raise BadInputError(
                "NAME", f"a {network.display_name} account named {name!r} already exists"
            ) from exc
    finally:
        workspace.close()


def _list(as_json: bool) -> None:
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        accounts = account_rows.list_accounts(workspace.connection())
    finally:
        workspace.close()
    if as_json:
        say(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "network": a.network.value,
                        "name": a.handle,
                        "display_name": a.display_name,
                        "publish_method": a.publish_method.value,
                        "folder": a.options.get("folder"),
                    }
                    for a in accounts
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    say(f"{'ID':>4}  {'NETWORK':<10} {'METHOD':<7} NAME")
    for a in accounts:
        where = f"  → {a.options['folder']}" if "folder" in a.options else ""
        say(f"{a.id:>4}  {a.network.value:<10} {a.publish_method.value:<7} {a.label}{where}")
