"""somestudio inbox: the community inbox from scripts.

``inbox list [--unread] [--all] [--json]`` lists the stored entries newest first (open ones;
--all adds those marked done), with --refresh reading the networks first. ``inbox reply ID
--text TEXT`` (or ``--file FILE``, '-' for stdin) answers an entry through its channel's
checks, exactly once. ``inbox done ID`` marks it done (``--undo``: not done again).

Exit status: 0 done, 1 the answer could not be sent or the data folder is unusable,
2 bad input (no such entry, an entry that takes no answer, text the channel refuses).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

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
    text_option,
)

if TYPE_CHECKING:
    from somestudio.app.inbox.service import InboxService
    from somestudio.app.workspace import Workspace
    from somestudio.domain.inbox.items import InboxItem

NAME = "inbox"
HELP = "list the community inbox, answer an entry or mark it done"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list entries, newest first")
    listing.add_argument("--unread", action="store_true", help="only entries not yet read")
    listing.add_argument("--all", action="store_true", help="also entries marked done")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--refresh", action="store_true", help="read the networks first")
    listing.add_argument("--limit", type=int, default=200, metavar="N", help="at most N")
    reply = actions.add_parser("reply", help="answer an entry (exactly once)")
    reply.add_argument("id", metavar="ID", help="the entry's id (see: inbox list)")
    reply.add_argument("--text", metavar="TEXT", help="the answer")
    reply.add_argument("--file", metavar="FILE", help="read the answer from a UTF-8 file")
    done = actions.add_parser("done", help="mark an entry done")
    done.add_argument("id", metavar="ID", help="the entry's id")
    done.add_argument("--undo", action="store_true", help="mark it not done again")


def run(args: argparse.Namespace) -> int:
    try:
        workspace = open_cli_workspace()
        try:
            return _run(args, workspace)
        finally:
            workspace.close()
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    except database_errors() as exc:
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM


def _service(workspace: Workspace) -> InboxService:
    from somestudio.app.inbox.service import open_inbox  # noqa: PLC0415

    return open_inbox(workspace.writable_connection)


def _id(raw: str) -> int:
    if not raw.strip().isdigit():
        raise BadInputError("ID", f"{raw!r} is not an inbox entry id")
    return int(raw)


def _run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.action == "list":
        _list(_service(workspace), args)
        return EXIT_OK
    if args.action == "done":
        item_id = _id(args.id)
        if not _service(workspace).set_done(item_id, not args.undo):
            raise BadInputError("ID", f"there is no inbox entry {item_id}")
        complain(NAME, f"entry {item_id} marked {'not done' if args.undo else 'done'}")
        return EXIT_OK
    return _reply(_service(workspace), _id(args.id), text_option(args, "the reply is empty"))


def _reply(service: InboxService, item_id: int, text: str) -> int:
    from somestudio.app.inbox.service import InboxError  # noqa: PLC0415
    from somestudio.domain.first_comment import CommentState  # noqa: PLC0415

    try:
        outcome = service.reply(item_id, text)
    except InboxError as exc:
        raise BadInputError("--text" if exc.code == "reply.checks" else "ID", str(exc)) from exc
    if outcome.state is CommentState.SENT:
        complain(NAME, f"entry {item_id}: answered {outcome.remote_url}".rstrip())
        return EXIT_OK
    complain(NAME, f"entry {item_id}: {outcome.state.value} {outcome.reason}")
    return EXIT_PROBLEM


def _as_json(item: InboxItem) -> dict[str, Any]:
    incoming = item.incoming
    return {
        "id": item.id,
        "account_id": item.account_id,
        "network": item.network.value,
        "kind": item.kind.value,
        "author": {"handle": item.author.handle, "name": item.author.name},
        "text": item.text,
        "created_at": item.created_at.isoformat().replace("+00:00", "Z"),
        "unread": item.unread,
        "done": item.done,
        "label": item.label,
        "url": incoming.item_post.url if incoming.item_post else "",
        "about": incoming.subject.remote_id if incoming.subject else "",
        "delivery_id": item.delivery_id,
        "reply": item.reply_state,
        "liked": item.liked_at is not None,
        "hidden": item.hidden_at is not None,
        "problem": item.problem,  # what went wrong acting on it (domain.inbox.problems)
    }


def _list(service: InboxService, args: argparse.Namespace) -> None:
    from somestudio.domain.inbox.queries import InboxQuery  # noqa: PLC0415

    if args.limit < 1:
        raise BadInputError("--limit", "give a number of 1 or more")
    if args.refresh:
        for problem in service.refresh().errors:
            complain(NAME, problem)
    query = InboxQuery(unread_only=args.unread, done=None if args.all else False, limit=args.limit)
    items = service.items(query)
    if args.json:
        say(json.dumps([_as_json(i) for i in items], indent=2, ensure_ascii=False))
        return
    say(f"{'ID':>6}  {'WHEN (UTC)':<17} {'NETWORK':<10} {'KIND':<8} {'':<2} WHO: TEXT")
    for item in items:
        marks = ("•" if item.unread else " ") + ("✓" if item.done else " ")
        first = item.text.splitlines()[0] if item.text else ""
        shown = terminal_safe(f"{item.author.handle}: {first[:80]}".rstrip(": "))
        say(
            f"{item.id:>6}  {item.created_at:%Y-%m-%d %H:%M}  {item.network.value:<10}"
            f" {item.kind.value:<8} {marks} {shown}"
        )
