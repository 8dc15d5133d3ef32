"""somestudio account: add, list and remove the accounts posts go to.

  account add local NAME --folder PATH         a Local archive (each post: a new subfolder)
  account add NETWORK --handle H --by-hand     you publish yourself; the app reminds you
  account add bluesky --handle me.bsky.social [--service https://pds.example]
                                               app password on standard input
  account add mastodon --service https://mastodon.social
                                               access token on standard input
  account add mastodon --service URL --browser sign in with the system browser
  account add x --client-id ID --browser [--port N]
                                               sign in with your own X app (PKCE)
  account add linkedin|facebook|instagram|threads|pinterest [options]
                                               access token on standard input
  account list [--json]
  account remove ID                            also removes its sign-in from the keyring

Secrets (app passwords, tokens) are read from standard input only, never from the command
line, and kept only in the system keyring: without a secure keyring nothing is connected.
An account's name is its handle unless --name is given. TikTok and YouTube are publish by
hand. Posts to these accounts are planned with `somestudio post add`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sqlite3
import sys
from typing import Any

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    open_cli_workspace,
    say,
    storage_problem,
    terminal_safe,
)
from somestudio.domain.networks.catalogue import DESCRIPTORS, by_hand_only

NAME = "account"
HELP = "add, list or remove accounts (networks, a Local archive folder, or by hand)"

# From the networks' descriptors (domain/networks/catalogue.py).
NETWORKS = tuple(network.value for network in DESCRIPTORS)
BY_HAND_ONLY = tuple(network.value for network in by_hand_only())


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add (or reconnect) an account; prints its id")
    add.add_argument("network", metavar="NETWORK", help=f"one of {', '.join(NETWORKS)}")
    add.add_argument("handle_arg", nargs="?", metavar="HANDLE", help="same as --handle")
    add.add_argument("--handle", default="", help="the account's handle (local: its name)")
    add.add_argument("--name", "--display-name", dest="name", default="", help="a friendlier name")
    add.add_argument(
        "--service",
        "--instance",
        dest="service",
        default="",
        metavar="URL",
        help="Mastodon instance or Bluesky PDS (default https://bsky.social)",
    )
    add.add_argument("--folder", metavar="PATH", help="local: the existing archive folder")
    add.add_argument("--by-hand", action="store_true", help="publish by hand: be reminded")
    add.add_argument("--browser", action="store_true", help="sign in with the system browser")
    add.add_argument("--client-id", default="", help="your own app's client id (X)")
    add.add_argument("--port", type=int, default=0, help="loopback port for --browser (X)")
    add.add_argument("--board", default="", metavar="ID", help="Pinterest: the board to pin to")
    add.add_argument("--page-id", default="", help="Facebook: the Page id")
    add.add_argument("--organization-id", default="", help="LinkedIn: post as this page")
    add.add_argument(
        "--person-id",
        default="",
        metavar="ID",
        help="LinkedIn: your member id (urn:li:person:…), for a token without openid profile",
    )
    add.add_argument(
        "--sandbox",
        action="store_true",
        help="Pinterest: pin to the API Sandbox (an app with Trial access; a sandbox token)",
    )
    add.add_argument("--ig-user-id", default="", help="Instagram: the business account id")
    add.add_argument(
        "--media-base-url",
        default="",
        metavar="URL",
        help="Instagram/Threads: the public folder where the post's images are",
    )
    add.add_argument(
        "--server-scheduling",
        action="store_true",
        help="Mastodon/Facebook: hand scheduled posts to the server",
    )
    add.add_argument(
        "--valid-days",
        type=float,
        default=None,
        metavar="N",
        help="days the token is still valid (for the expiry warning)",
    )
    listing = actions.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="remove an account and its keyring entries")
    remove.add_argument("id", type=int, metavar="ID")
    remove.add_argument(
        "--force", action="store_true", help="even when scheduled posts still go to it"
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            say(str(_add(args)))
        elif args.action == "remove":
            _remove(args.id, force=args.force)
        else:
            _list(args.json)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    except sqlite3.OperationalError as exc:  # e.g. "database or disk is full"
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM
    return EXIT_OK


MAX_SECRET_CHARS = 65_536  # 64 KiB: far above any token; README "Input limits"


def read_secret(what: str) -> str:
    """A secret from standard input (a hidden prompt on a terminal), never from argv; at
    most ``MAX_SECRET_CHARS`` characters (more is refused, not read to the end)."""
    if sys.stdin is None:
        raise BadInputError("stdin", f"give the {what} on standard input")
    if sys.stdin.isatty():
        value = getpass.getpass(f"{what}: ")
    else:
        value = sys.stdin.read(MAX_SECRET_CHARS + 1)
    if len(value) > MAX_SECRET_CHARS:
        raise BadInputError(
            "stdin",
            f"the {what} on standard input is longer than {MAX_SECRET_CHARS:,} characters "
            "(64 KiB), the most Some Studio reads there; give only the token",
        )
    value = value.removesuffix("\n").removesuffix("\r").strip()
    if not value:
        raise BadInputError("stdin", f"the {what} is read from standard input, which was empty")
    return value


def _add(args: argparse.Namespace) -> int:
    from somestudio.domain.networks import Network  # noqa: PLC0415

    network_name = args.network.strip().lower()
    if network_name not in NETWORKS:
        raise BadInputError("NETWORK", f"{args.network!r} is not one of {', '.join(NETWORKS)}")
    handle = (args.handle or args.handle_arg or "").strip()
    network = Network(network_name)
    if network is Network.LOCAL or args.by_hand:
        return _add_offline(args, network, handle)
    if network_name in BY_HAND_ONLY:
        raise BadInputError(
            "--by-hand", f"{network.display_name} is published by hand: add it with --by-hand"
        )
    if args.folder:
        raise BadInputError("--folder", "only a Local archive has a folder")
    return _connect(args, network, handle)


def _add_offline(args: argparse.Namespace, network: Any, handle: str) -> int:
    from pathlib import Path  # noqa: PLC0415

    from somestudio.app.offline_accounts import (  # noqa: PLC0415
        OfflineAccountError,
        add_offline_account,
    )
    from somestudio.domain.networks import Network, PublishMethod  # noqa: PLC0415

    if not handle:
        raise BadInputError("NAME", "the account needs a name (--handle)")
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
        method = PublishMethod.MANUAL
    workspace = open_cli_workspace()
    try:
        try:  # the same use case as the window's (a removed account of that name comes back)
            return add_offline_account(
                workspace.writable_connection(),
                network,
                handle,
                method,
                display_name=args.name,
                instance_url=args.service,
                options=options,
            )
        except OfflineAccountError as exc:
            raise BadInputError("NAME", str(exc)) from exc
    finally:
        workspace.close()


def _options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    for key, value in (
        ("client_id", args.client_id),
        ("board_id", args.board),
        ("page_id", args.page_id),
        ("organization_id", args.organization_id),
        ("person_id", args.person_id),
        ("ig_user_id", args.ig_user_id),
        ("media_base_url", args.media_base_url),
    ):
        if value:
            options[key] = value.strip()
    if args.server_scheduling:
        options["server_scheduling"] = True
    if args.sandbox:
        options["sandbox"] = True
    return options


def _connect(args: argparse.Namespace, network: Any, handle: str) -> int:
    from somestudio.app.accounts import AccountError, Accounts  # noqa: PLC0415
    from somestudio.domain.networks import Network  # noqa: PLC0415

    if network is Network.MASTODON and not args.service:
        raise BadInputError(
            "--service",
            "a Mastodon account needs its instance (--service https://mastodon.example), "
            "or add it with --by-hand to publish it yourself",
        )
    if network is Network.BLUESKY and not handle:
        raise BadInputError("--handle", "a Bluesky account needs --handle (e.g. me.bsky.social)")
    if network is Network.PINTEREST and not args.board:
        raise BadInputError("--board", "choose the board to pin to: --board ID")
    workspace = open_cli_workspace()
    try:
        accounts = Accounts(workspace)
        try:
            if args.browser:
                connected: int = _browser(accounts, args, network).id
                return connected
            if network is Network.X and not args.browser:
                secret = read_secret("X access token")
            elif network is Network.BLUESKY:
                secret = read_secret("Bluesky app password")
            else:
                secret = read_secret(f"{network.display_name} access token")
            if network is Network.BLUESKY:
                account = accounts.connect_bluesky(
                    handle, secret, service=args.service, name=args.name, options=_options(args)
                )
            elif network is Network.MASTODON:
                account = accounts.connect_mastodon(
                    args.service, secret, name=args.name, options=_options(args)
                )
            else:
                account = accounts.connect_token(
                    network,
                    secret,
                    handle=handle,
                    name=args.name,
                    options=_options(args),
                    valid_days=args.valid_days,
                )
        except AccountError as exc:
            raise ProblemError(str(exc)) from exc
        return account.id
    finally:
        workspace.close()


def _browser(accounts: Any, args: argparse.Namespace, network: Any) -> Any:
    import webbrowser  # noqa: PLC0415

    from somestudio.domain.networks import Network  # noqa: PLC0415

    if network is Network.MASTODON:
        sign_in = accounts.begin_mastodon_sign_in(
            args.service, name=args.name, options=_options(args)
        )
    elif network is Network.X:
        sign_in = accounts.begin_x_sign_in(
            args.client_id, port=args.port, name=args.name, options=_options(args)
        )
    else:
        raise BadInputError("--browser", "browser sign-in is for Mastodon and X")
    print(f"Open this address to sign in:\n  {sign_in.url}", file=sys.stderr, flush=True)  # noqa: T201
    webbrowser.open(sign_in.url)
    return sign_in.finish()


def _remove(account_id: int, *, force: bool) -> None:
    from somestudio.app.accounts import AccountError, Accounts  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        try:
            Accounts(workspace).disconnect(account_id, force=force)
        except AccountError as exc:
            raise ProblemError(str(exc)) from exc
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
                        "handle": a.handle,
                        "display_name": a.display_name,
                        "service": a.instance_url,
                        "publish_method": a.publish_method.value,
                        "folder": a.options.get("folder"),
                        "options": {k: v for k, v in a.options.items() if k != "folder"},
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
        where = where or (f"  ({a.instance_url})" if a.instance_url else "")
        name = terminal_safe(a.label + where)  # a name may hold escape sequences or newlines
        say(f"{a.id:>4}  {a.network.value:<10} {a.publish_method.value:<7} {name}")
