"""somestudio post: schedule, list, edit and delete posts from scripts.

``post add --text TEXT --to ACCOUNT --at WHEN`` schedules a post and prints its id. ACCOUNT
is an account's name or id (repeat --to for several); when a name is also another account's
id, say which: --to id:1 or --to name:1. WHEN is ISO 8601: with an offset or Z
it is that instant; without one it is a wall time in --tz (default: the system's zone), and
a time the clocks skip or repeat there is refused with the choices spelled out. ``--now``
publishes at once: through the running window or run-scheduler when one is running,
otherwise right here (the result is reported and decides the exit status).

``post edit ID --text TEXT`` gives a post new text and prints its new version; with
``--if-version N`` it writes only while the post is still at version N (a window or another
machine that saved it since wins, and nothing is written: exit status 1).

Exit status: 0 done, 1 a publish failed or the data folder is unusable, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

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
    system_zone_name,
    terminal_safe,
    text_option,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TextIO

    from somestudio.app.workspace import Workspace
    from somestudio.store.post_overview import PostLine
    from somestudio.store.sql import Conn

NAME = "post"
HELP = "schedule (post add), list, edit or delete posts from scripts"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="schedule a new post; prints its id")
    add.add_argument("--text", metavar="TEXT", help="the post's text")
    add.add_argument("--file", metavar="FILE", help="read the text from a UTF-8 file ('-': stdin)")
    add.add_argument(
        "--to", action="append", metavar="ACCOUNT", help="an account's name or id (repeatable)"
    )
    add.add_argument("--at", metavar="WHEN", help="ISO 8601 time, e.g. 2026-11-21T09:00")
    add.add_argument("--tz", metavar="ZONE", help="IANA zone for --at (default: the system's)")
    add.add_argument("--now", action="store_true", help="publish at once")
    listing = actions.add_parser("list", help="list posts and their deliveries")
    listing.add_argument("--json", action="store_true", help="print JSON")
    edit = actions.add_parser("edit", help="give a post new text; prints its new version")
    edit.add_argument("id", metavar="ID", help="the post's id")
    edit.add_argument("--text", metavar="TEXT", help="the post's new text")
    edit.add_argument("--file", metavar="FILE", help="read the text from a UTF-8 file ('-': stdin)")
    edit.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        help="write only if the post is still at version N (else refuse: someone saved it)",
    )
    delete = actions.add_parser("delete", help="delete a post (it is never published)")
    delete.add_argument("id", metavar="ID", help="the post's id")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            return _add(args)
        if args.action == "list":
            _list(args.json)
        elif args.action == "edit":
            _edit(args)
        else:
            _delete(args.id)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    except Exception as exc:
        from somestudio.store.transient import operational  # noqa: PLC0415

        if not operational(exc):  # e.g. "database or disk is full", a server gone away
            raise
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM
    return EXIT_OK


# ---------------------------------------------------------------------- add


def _text(args: argparse.Namespace) -> str:
    return text_option(args, "the post is empty")


def _when(args: argparse.Namespace) -> tuple[datetime | None, str]:
    from somestudio.domain.timeplan import (  # noqa: PLC0415
        AmbiguousLocalTimeError,
        NonexistentLocalTimeError,
        UnknownZoneError,
        parse_when,
        zone_for,
    )

    if args.now == (args.at is not None):
        raise BadInputError("--at/--now", "give exactly one of --at WHEN or --now")
    zone = args.tz if args.tz is not None else system_zone_name()
    try:
        zone_for(zone)
    except UnknownZoneError as exc:
        raise BadInputError("--tz", str(exc)) from exc
    if args.now:
        return None, zone
    try:
        at = parse_when(args.at, zone)
    except AmbiguousLocalTimeError as exc:
        wall = f"{exc.wall:%Y-%m-%dT%H:%M}"
        raise BadInputError(
            "--at",
            f"{exc} Write {wall}{exc.offsets[0]} for the first or {wall}{exc.offsets[1]} "
            "for the second.",
        ) from exc
    except NonexistentLocalTimeError as exc:
        raise BadInputError(
            "--at", f"{exc} (e.g. {exc.gap_end:%Y-%m-%dT%H:%M}, when the clocks have moved)"
        ) from exc
    except ValueError as exc:
        raise BadInputError("--at", str(exc)) from exc
    return at, zone


def _accounts(conn: Conn, wanted: list[str] | None) -> list[int]:
    from somestudio.domain.csv_rows import ambiguity_hint, match_account  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    if not wanted:
        raise BadInputError("--to", "name at least one account (see: somestudio account list)")
    accounts = account_rows.list_accounts(conn)
    ids: list[int] = []
    for raw in wanted:
        matches = match_account(raw, accounts)
        if not matches:
            raise BadInputError("--to", f"no account {raw!r} (see: somestudio account list)")
        if len(matches) > 1:
            raise BadInputError("--to", ambiguity_hint(raw, matches))
        if matches[0].id not in ids:
            ids.append(matches[0].id)
    return ids


def _add(args: argparse.Namespace) -> int:
    from somestudio.app.planning import (  # noqa: PLC0415
        BlockedByProblemsError,
        Planner,
        PlanningError,
    )
    from somestudio.domain.utc import utc_now  # noqa: PLC0415

    text = _text(args)
    at, zone = _when(args)
    now = utc_now()
    if at is not None and at < now:
        raise BadInputError(
            "--at", f"{args.at} is in the past ({at:%Y-%m-%d %H:%M:%S} UTC); use --now"
        )
    workspace = open_cli_workspace()
    try:
        account_ids = _accounts(workspace.store_connection(), args.to)
        try:
            post_id = Planner(workspace).schedule_post(text, account_ids, at=at or now, zone=zone)
        except BlockedByProblemsError as exc:
            raise BadInputError("--file" if args.file else "--text", str(exc)) from exc
        except PlanningError as exc:
            raise BadInputError("--to", str(exc)) from exc
        say(str(post_id))
        if not args.now:
            _warn_about_sign_ins(workspace, post_id)
            _warn_if_nothing_runs(workspace)
            return EXIT_OK
        return _publish_now(workspace, post_id)
    finally:
        workspace.close()


def _warn_about_sign_ins(workspace: Workspace, post_id: int) -> None:
    """On stderr, as the window's schedule dialog says it: each account of the post nothing
    can publish to (its sign-in missing or refused here, or held by no computer of a shared
    workspace). A warning: the post is scheduled, the exit code stays 0."""
    from somestudio.app.accounts import Accounts  # noqa: PLC0415
    from somestudio.app.sign_in_check import sign_in_problems  # noqa: PLC0415

    try:
        found = sign_in_problems(Accounts(workspace), post_id)
    except Exception as exc:  # only a warning could not be given; the post is scheduled
        complain(NAME, f"warning: the accounts' sign-ins could not be checked ({exc})")
        return
    for account in found:
        for problem in account.problems:
            label = f"{account.network.display_name} · {account.label}"
            complain(NAME, f"warning: {label}: {problem.message_in('en')}")


def _warn_if_nothing_runs(workspace: Workspace) -> None:
    """On stderr: nothing holds the data folder, so nothing publishes the post at its time
    unless the window or run-scheduler runs then (a user trusted it to go out by itself)."""
    from somestudio.app.instance_lock import InstanceLock  # noqa: PLC0415

    lock = InstanceLock(workspace.home)
    if lock.acquire():
        lock.release()
        complain(
            NAME,
            "note: nothing is running to publish it now: it goes out at its time if the "
            "Some Studio window or `somestudio run-scheduler` is running then",
        )


def _publish_now(workspace: Workspace, post_id: int) -> int:
    from somestudio.app.instance_lock import InstanceLock  # noqa: PLC0415
    from somestudio.app.scheduler import create_engine  # noqa: PLC0415
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.store import deliveries as delivery_rows  # noqa: PLC0415

    lock = InstanceLock(workspace.home)
    if not lock.acquire():
        if lock.owner_kind() == "post":  # it publishes its own post only, then lets go
            complain(
                NAME,
                f"queued, not published yet: {lock.describe_owner()} has the data folder "
                "and publishes only its own post; the window or run-scheduler publishes "
                "this one when one of them runs",
            )
            return EXIT_PROBLEM
        complain(NAME, f"queued; {lock.describe_owner()} publishes it within a minute")
        return EXIT_OK
    try:
        from somestudio.app.logs import setup_logging  # noqa: PLC0415

        setup_logging(workspace.home)
        engine = create_engine(workspace)  # never started: dispatch runs right here
        conn = workspace.store_connection()
        ids = [row.id for row in delivery_rows.of_post(conn, post_id)]
        worst = EXIT_OK
        for delivery_id in ids:
            state = engine.dispatch(delivery_id)
            row = delivery_rows.get(conn, delivery_id)
            assert row is not None
            where = delivery_rows.remote_where(conn, delivery_id)
            detail = where if state is DeliveryState.PUBLISHED else row.last_error
            complain(NAME, f"delivery {delivery_id}: {state.value if state else '?'} {detail}")
            if state not in (DeliveryState.PUBLISHED, DeliveryState.NEEDS_ATTENTION) or (
                state is DeliveryState.NEEDS_ATTENTION and "by hand" not in row.last_error
            ):
                worst = EXIT_PROBLEM
        return worst
    finally:
        lock.release()


# ---------------------------------------------------------------------- list, delete


def _list(as_json: bool) -> None:
    from somestudio.domain.redaction import redact  # noqa: PLC0415
    from somestudio.store.post_overview import iter_posts  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        posts = iter_posts(workspace.store_connection())
        if as_json:
            write_json_list((post_json(p, redact) for p in posts), sys.stdout)
        else:
            _print_table(posts, redact)
    except BrokenPipeError:  # `post list | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush must not fail again
    finally:
        workspace.close()


_FIELDS = (
    "id", "account_id", "account", "network", "publish_method", "scheduled_at", "time_zone",
    "state", "remote_id", "remote_url", "published_at", "last_error",
)  # fmt: skip  # DeliveryLine's fields, in order (a test holds them equal)
_KEYS = tuple(f'      "{name}": ' for name in _FIELDS)
_ERROR = _FIELDS.index("last_error")


def post_json(post: PostLine, redact: Callable[[str], str]) -> str:
    """``json.dumps(asdict(post), indent=2, ensure_ascii=False)`` with each delivery's error
    redacted, written out directly: the same text, several times faster than the general
    encoder (which cannot use its C speed-up with an indent)."""
    lines = [
        "{",
        f'  "id": {_scalar(post.id)},',
        f'  "text": {_scalar(post.text)},',
        f'  "deleted_at": {_scalar(post.deleted_at)},',
    ]
    if not post.deliveries:
        lines.append('  "deliveries": []')
    else:
        lines.append('  "deliveries": [')
        last = len(post.deliveries) - 1
        for index, delivery in enumerate(post.deliveries):
            lines.append("    {")
            values = [getattr(delivery, name) for name in _FIELDS]
            if values[_ERROR]:
                values[_ERROR] = redact(values[_ERROR])
            lines.append(
                ",\n".join(key + _scalar(value) for key, value in zip(_KEYS, values, strict=True))
            )
            lines.append("    }," if index < last else "    }")
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines)


def _scalar(value: object) -> str:
    """One JSON value as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value)


def write_json_list(items: Iterable[str], out: TextIO) -> None:
    """``json.dumps(list_of_items, indent=2, ensure_ascii=False)`` and a newline, written
    one item at a time; each of ``items`` is one item's ``json.dumps(..., indent=2)`` (a
    JSON string holds no raw newline, so its lines are indented as the whole list would
    indent them)."""
    first = True
    for text in items:
        out.write("[\n  " if first else ",\n  ")
        first = False
        out.write(text.replace("\n", "\n  "))
    out.write("[]\n" if first else "\n]\n")
    out.flush()


def _print_table(posts: Iterable[PostLine], redact: Callable[[str], str]) -> None:
    say(f"{'POST':>5} {'DELIVERY':>8}  {'WHEN (UTC)':<20} {'ZONE':<18} {'STATE':<15} ACCOUNT")
    for post in posts:
        first_line = post.text.splitlines()[0] if post.text else ""
        say(f"{post.id:>5} {'':>8}  {terminal_safe(first_line[:60])}")
        for d in post.deliveries:
            # Error text passes the one redaction (a row written before it existed may not
            # have); names and texts are shown without their control characters.
            where = redact(d.remote_url or d.remote_id or d.last_error or "")
            shown = terminal_safe(d.account + ("  " + where if where else ""))
            say(
                f"{'':>5} {d.id:>8}  {d.scheduled_at or '-':<20} {d.time_zone or '-':<18} "
                f"{d.state:<15} {shown}"
            )


def _edit(args: argparse.Namespace) -> None:
    from somestudio.app.planning import Planner, PlanningError, PostChangedError  # noqa: PLC0415

    raw = str(args.id)
    if not raw.strip().isdigit():
        raise BadInputError("ID", f"{raw!r} is not a post id")
    text = _text(args)
    workspace = open_cli_workspace()
    try:
        try:
            version = Planner(workspace).update_text(int(raw), text, version=args.if_version)
        except PostChangedError as exc:
            raise ProblemError(str(exc)) from exc
        except PlanningError as exc:
            raise BadInputError("ID", str(exc)) from exc
    finally:
        workspace.close()
    say(str(version))


def _delete(raw: str) -> None:
    from somestudio.app.planning import Planner, PlanningError  # noqa: PLC0415

    if not raw.strip().isdigit():
        raise BadInputError("ID", f"{raw!r} is not a post id")
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        published = any(
            d.state is DeliveryState.PUBLISHED for d in Studio(workspace).post_deliveries(int(raw))
        )
        try:
            Planner(workspace).delete_post(int(raw))
        except PlanningError as exc:
            raise BadInputError("ID", str(exc)) from exc
    finally:
        workspace.close()
    if published:  # "it will not be published" was said of a post already out
        complain(NAME, f"deleted post {int(raw)}; what was published stays on the network")
    else:
        complain(NAME, f"deleted post {int(raw)}; it will not be published")
