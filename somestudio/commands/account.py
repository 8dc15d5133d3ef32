"""somestudio account: add, list and remove the accounts posts go to.

  account add local NAME --folder PATH         a Local archive (each post: a new subfolder)
  account add NETWORK --handle H --by-hand     you publish yourself; the app reminds you
  account add NETWORK [options]                a network's sign-in (its options are below)
  account add NETWORK [options] --browser      sign in with the system browser, where offered
  account list [--json]
  account remove ID                            also removes its sign-in from the keyring

Secrets (app passwords, tokens) are read from standard input only, never from the command
line, and kept only in the system keyring: without a secure keyring nothing is connected.
An account's name is its handle unless --name is given. Posts to these accounts are planned
with `somestudio post add`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

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
    terminal_safe,
)
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.networks.connect_form import ConnectField, FieldKind
from somestudio.domain.networks.descriptor import SignInKind

NAME = "account"
HELP = "add, list or remove accounts (networks, a Local archive folder, or by hand)"
# Older spellings of a derived option, still taken.
ALIASES = {"--service": ("--instance",)}


# Everything network-specific below is read from the networks' descriptors
# (domain/networks/<name>.py, ``connect=``): a network added there is offered here too.


def networks() -> tuple[str, ...]:
    return tuple(network.value for network in DESCRIPTORS)


def cli_fields(network: Network) -> tuple[ConnectField, ...]:
    """The options ``account add NETWORK`` takes (secrets come on standard input)."""
    return tuple(
        f
        for f in network.descriptor.connect.fields
        if f.in_cli and not f.secret and f.key != "handle"
    )


def _option_help() -> dict[str, tuple[ConnectField, str]]:
    """Each derived option's first field and its help, naming the networks it is for."""
    found: dict[str, tuple[ConnectField, dict[str, list[str]]]] = {}
    for network in DESCRIPTORS:
        for f in cli_fields(network):
            _first, helps = found.setdefault(f.flag, (f, {}))
            helps.setdefault(f.cli_help or f.label, []).append(network.display_name)
    return {
        flag: (f, "; ".join(f"{'/'.join(names)}: {text}" for text, names in helps.items()))
        for flag, (f, helps) in found.items()
    }


def _network_lines() -> str:
    lines = ["networks and their options:"]
    for network, d in DESCRIPTORS.items():
        if d.by_hand_only:
            how = "by hand only (--by-hand)"
        elif SignInKind.FOLDER in d.sign_in:
            how = "NAME --folder PATH"
        else:
            flags = [f.flag for f in cli_fields(network)]
            if d.connect.field("handle") is not None:
                flags.insert(0, "--handle")
            ways = []
            if any(f.secret and f.required for f in d.connect.fields):
                ways.append(f"{d.connect.secret_name} on standard input")
            if SignInKind.OAUTH_BROWSER in d.sign_in:
                ways.append("or --browser")
            how = " ".join([*flags, "—", *ways]) if flags else " ".join(ways)
        lines.append(f"  {network.value:<10} {how}")
    return "\n".join(lines)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add (or reconnect) an account; prints its id",
        epilog=_network_lines(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("network", metavar="NETWORK", help=f"one of {', '.join(networks())}")
    add.add_argument("handle_arg", nargs="?", metavar="HANDLE", help="same as --handle")
    add.add_argument("--handle", default="", help="the account's handle (local: its name)")
    add.add_argument("--name", "--display-name", dest="name", default="", help="a friendlier name")
    add.add_argument("--folder", metavar="PATH", help="local: the existing archive folder")
    add.add_argument("--by-hand", action="store_true", help="publish by hand: be reminded")
    add.add_argument("--browser", action="store_true", help="sign in with the system browser")
    for flag, (f, text) in _option_help().items():
        _add_option(add, flag, f, text)
    listing = actions.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="remove an account and its keyring entries")
    remove.add_argument("id", type=int, metavar="ID")
    remove.add_argument(
        "--force", action="store_true", help="even when scheduled posts still go to it"
    )


def _add_option(parser: argparse.ArgumentParser, flag: str, f: ConnectField, text: str) -> None:
    names = (flag, *ALIASES.get(flag, ()))
    if f.kind is FieldKind.CHECK:
        parser.add_argument(*names, dest=f.key, action="store_true", help=text)
    elif f.kind is FieldKind.DAYS:
        parser.add_argument(*names, dest=f.key, type=float, default=None, metavar="N", help=text)
    elif f.kind is FieldKind.PORT:
        parser.add_argument(*names, dest=f.key, type=int, default=0, metavar="N", help=text)
    elif f.kind is FieldKind.CHOICE:
        values = [c.value for c in f.choices]
        parser.add_argument(*names, dest=f.key, choices=values, default=None, help=text)
    else:
        metavar = "URL" if f.kind is FieldKind.ADDRESS or "url" in f.key else "ID"
        parser.add_argument(*names, dest=f.key, default="", metavar=metavar, help=text)


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
    except database_errors() as exc:  # e.g. "database or disk is full"
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
    network_name = args.network.strip().lower()
    if network_name not in networks():
        raise BadInputError("NETWORK", f"{args.network!r} is not one of {', '.join(networks())}")
    handle = (args.handle or args.handle_arg or "").strip()
    network = Network(network_name)
    if SignInKind.FOLDER in network.descriptor.sign_in or args.by_hand:
        return _add_offline(args, network, handle)
    if network.descriptor.by_hand_only:
        raise BadInputError(
            "--by-hand", f"{network.display_name} is published by hand: add it with --by-hand"
        )
    if args.folder:
        raise BadInputError("--folder", "only a Local archive has a folder")
    return _connect(args, network, handle)


def _add_offline(args: argparse.Namespace, network: Network, handle: str) -> int:
    from pathlib import Path  # noqa: PLC0415

    from somestudio.app.offline_accounts import (  # noqa: PLC0415
        OfflineAccountError,
        add_offline_account,
    )
    from somestudio.domain.networks import PublishMethod  # noqa: PLC0415

    if not handle:
        raise BadInputError("NAME", "the account needs a name (--handle)")
    options: dict[str, object] = {}
    if SignInKind.FOLDER in network.descriptor.sign_in:
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
                instance_url=getattr(args, "service", "") or "",
                options=options,
            )
        except OfflineAccountError as exc:
            raise BadInputError("NAME", str(exc)) from exc
    finally:
        workspace.close()


def _values(args: argparse.Namespace, network: Network) -> dict[str, object]:
    """The network's form as the options fill it in; an option for another network is an
    error (it would be silently lost)."""
    mine = {f.key for f in cli_fields(network)}
    for flag, (f, _text) in _option_help().items():
        given = getattr(args, f.key, None)
        if f.key not in mine and given not in (None, "", False, 0):
            raise BadInputError(flag, f"{flag} is not an option of {network.display_name}")
    values: dict[str, object] = {}
    for f in cli_fields(network):
        given = getattr(args, f.key, None)
        if given not in (None, "", False, 0):
            values[f.key] = given.strip() if isinstance(given, str) else given
    return values


def _require(network: Network, values: dict[str, object], *, browser: bool) -> None:
    for f in network.descriptor.connect.fields:
        needed = f.for_browser if browser else f.required
        if not needed or f.secret or not f.shown(values) or values.get(f.key):
            continue
        flag = "--handle" if f.key == "handle" else f.flag
        raise BadInputError(flag, f.cli_missing or f"a {network.display_name} account needs {flag}")


def _connect(args: argparse.Namespace, network: Network, handle: str) -> int:
    from somestudio.app.accounts import AccountError, Accounts  # noqa: PLC0415

    form = network.descriptor.connect
    values = _values(args, network)
    asks_handle = form.field("handle") is not None
    if asks_handle and handle:
        values["handle"] = handle
    _require(network, values, browser=args.browser)
    secret = next((f for f in form.fields if f.secret and f.required), None)
    if args.browser and SignInKind.OAUTH_BROWSER not in network.descriptor.sign_in:
        offering = [d.name for d in DESCRIPTORS.values() if SignInKind.OAUTH_BROWSER in d.sign_in]
        raise BadInputError("--browser", f"browser sign-in is for {' and '.join(offering)}")
    if not args.browser and secret is None:
        raise BadInputError("--browser", f"{network.display_name} signs in with --browser")
    workspace = open_cli_workspace()
    try:
        accounts = Accounts(workspace)
        try:
            if args.browser:
                connected: int = _browser(accounts, args, network, values).id
                return connected
            assert secret is not None
            values[secret.key] = read_secret(f"{network.display_name} {form.secret_name}")
            account = accounts.connect(
                network, values, name=args.name, handle="" if asks_handle else handle
            )
        except AccountError as exc:
            raise ProblemError(str(exc)) from exc
        return account.id
    finally:
        workspace.close()


def _browser(
    accounts: Any, args: argparse.Namespace, network: Network, values: dict[str, object]
) -> Any:
    import webbrowser  # noqa: PLC0415

    sign_in = accounts.begin_browser_sign_in(network, values, name=args.name)
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
