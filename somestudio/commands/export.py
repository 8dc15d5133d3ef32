"""somestudio export: the plan as a CSV file (which `somestudio import` reads back to the
same posts) or as an iCalendar file for a calendar app.

--csv FILE writes every post not yet published (drafts included) in the import's own
layout, UTF-8 with a byte order mark; --delimiter ';' suits a Finnish spreadsheet. --ics
FILE writes every dated post, published ones too, as an event with the text in its
description. --account limits either to one account.

export review-pack (--month YYYY-MM | --week YYYY-Www) --format html|pdf --out FILE writes
the period's posts, each with its preview per account and the composer's checks, as one
self-contained HTML page (no script, nothing fetched: pictures inside) or a PDF, for a
reviewer outside the app. --language fi|en (default: the window's), times in --zone
(default: this computer's).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    open_cli_workspace,
)

NAME = "export"
HELP = "write the plan as CSV (--csv FILE) or iCalendar (--ics FILE), or a review pack"
REVIEW_PACK = "review-pack"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "what",
        nargs="?",
        choices=(REVIEW_PACK,),
        help="review-pack: a week or a month as one HTML page or a PDF for a reviewer",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--csv", metavar="FILE", help="write CSV to FILE")
    target.add_argument("--ics", metavar="FILE", help="write iCalendar to FILE")
    pack = parser.add_argument_group("review-pack")
    period = pack.add_mutually_exclusive_group()
    period.add_argument("--month", metavar="YYYY-MM", help="the month, e.g. 2026-12")
    period.add_argument("--week", metavar="YYYY-Www", help="the ISO week, e.g. 2026-W49")
    pack.add_argument("--format", choices=("html", "pdf"), default="html", help="default html")
    pack.add_argument("--out", metavar="FILE", type=Path, help="the file to write")
    pack.add_argument("--language", choices=("fi", "en"), help="default: the window's")
    pack.add_argument("--zone", metavar="ZONE", help="IANA time zone (default: this computer's)")
    parser.add_argument("--account", metavar="ACCOUNT", help="only this account (name or id)")
    parser.add_argument(
        "--delimiter", choices=(",", ";", "tab"), default=",", help="CSV separator (default ,)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.what == REVIEW_PACK:
            from somestudio.commands.review_pack_export import write_review_pack  # noqa: PLC0415

            write_review_pack(NAME, args)
        else:
            _export(args)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    return EXIT_OK


def _export(args: argparse.Namespace) -> None:
    from somestudio.app.calendar_feed import export_ics  # noqa: PLC0415
    from somestudio.app.csv_export import export_csv  # noqa: PLC0415
    from somestudio.app.export_targets import (  # noqa: PLC0415
        InsideDataFolderError,
        refuse_inside_data_folder,
    )
    from somestudio.app.paths import resolve_home  # noqa: PLC0415
    from somestudio.domain.csv_rows import ambiguity_hint, match_account  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    if not (args.csv or args.ics):
        raise BadInputError("export", "say where: --csv FILE, --ics FILE or review-pack")
    for option in ("month", "week", "out", "language", "zone"):
        if getattr(args, option) is not None:
            raise BadInputError(f"--{option}", "is for export review-pack")
    field = "--csv" if args.csv else "--ics"
    target = Path(args.csv or args.ics)
    if not target.parent.is_dir():
        raise BadInputError(field, f"the folder {target.parent} does not exist")
    try:
        refuse_inside_data_folder(target, resolve_home().path)
    except InsideDataFolderError as exc:
        raise BadInputError(field, str(exc)) from exc
    workspace = open_cli_workspace()
    try:
        account_id: int | None = None
        if args.account is not None:
            found = match_account(args.account, account_rows.list_accounts(workspace.connection()))
            if not found:
                raise BadInputError("--account", f"no account {args.account!r}")
            if len(found) > 1:
                raise BadInputError("--account", ambiguity_hint(args.account, found))
            account_id = found[0].id
        try:
            if args.csv:
                delimiter = "\t" if args.delimiter == "tab" else args.delimiter
                count = export_csv(workspace, target, account_id=account_id, delimiter=delimiter)
                complain(NAME, f"wrote {count} rows to {target}")
            else:
                count = export_ics(workspace, target, account_id=account_id)
                complain(NAME, f"wrote {count} events to {target}")
        except OSError as exc:
            raise ProblemError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        workspace.close()
