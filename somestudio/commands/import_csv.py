"""somestudio import: schedule many posts at once from a CSV file, all of them or none.

The file has a heading row naming its columns: text, accounts, date, time, zone, media,
alt_text, labels, draft (or the Finnish teksti, tilit, päivä, aika, aikavyöhyke, kuvat,
vaihtoehtoinen teksti, tunnisteet, luonnos). Buffer's bulk-upload file (Text, Image URL,
Tags, Posting Time) and Hootsuite's (no headings: date and time, message, link) are read
too; their posts go to the accounts named with --to.

Every row is checked first — dates, times (a time the clocks skip or repeat is refused),
accounts, media files, and each account's channel limits. Any error imports nothing and
exits 2, listing each problem as ROW:COLUMN (heading): message. --dry-run checks and lists
what would be imported without writing anything.
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
    database_errors,
    open_cli_workspace,
    say,
    storage_problem,
    system_zone_name,
    terminal_safe,
)

NAME = "import"
HELP = "schedule posts from a CSV file (all or nothing); --dry-run only checks"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file")
    parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    parser.add_argument(
        "--to",
        action="append",
        metavar="ACCOUNT",
        help="account (name or id) for rows that name none (repeatable)",
    )
    parser.add_argument("--tz", metavar="ZONE", help="zone for rows without one (default: system)")
    parser.add_argument(
        "--encoding",
        choices=("utf-8", "cp1252"),
        default="utf-8",
        help="utf-8 (default; a BOM and UTF-16 are recognised) or cp1252 (Windows-1252)",
    )
    parser.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="how to read 03/04/2026: day first (dmy) or month first (mdy); never guessed",
    )
    parser.add_argument("--lang", choices=("en", "fi"), default="en", help="message language")


def run(args: argparse.Namespace) -> int:
    try:
        return _import(args)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    except database_errors() as exc:  # e.g. "database or disk is full"
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM


def _import(args: argparse.Namespace) -> int:
    from somestudio.app.csv_import import CsvImporter, ImportRefusedError  # noqa: PLC0415
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.domain.csv_rows import ambiguity_hint, match_account  # noqa: PLC0415
    from somestudio.domain.csv_table import TextEncoding  # noqa: PLC0415
    from somestudio.domain.csv_values import DateOrder  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    source = Path(args.file)
    zone = args.tz if args.tz is not None else system_zone_name()
    workspace = open_cli_workspace()
    try:
        known = account_rows.list_accounts(workspace.connection())
        chosen: list[int] = []
        for name in args.to or ():
            found = match_account(name, known)
            if not found:
                raise BadInputError("--to", f"no account {name!r} (see: somestudio account list)")
            if len(found) > 1:
                raise BadInputError("--to", ambiguity_hint(name, found))
            chosen.append(found[0].id)
        library = PlanLibrary(workspace)
        importer = CsvImporter(workspace, Planner(workspace), extra_check=library.csv_check)
        try:
            preview = importer.preview(
                source,
                zone=zone,
                accounts=chosen,
                encoding=TextEncoding(args.encoding),
                date_order=DateOrder(args.date_order) if args.date_order else None,
                lang=args.lang,
            )
        except FileNotFoundError as exc:
            raise BadInputError("FILE", str(exc)) from exc
        for found_problem in preview.problems:
            kind = "" if found_problem.severity.value == "error" else "warning: "
            complain(NAME, f"{source}:{found_problem.where(args.lang)}: {kind}"
                     f"{found_problem.message(args.lang)}")  # fmt: skip
        if not preview.ok:
            errors = len(preview.errors)
            complain(NAME, f"nothing imported: {errors} problem{'s' * (errors != 1)}")
            return EXIT_BAD_INPUT
        for row in preview.rows:
            planned = row.planned
            when = (
                "draft, no date"
                if planned.at is None
                else f"{planned.at:%Y-%m-%d %H:%M} UTC" + (" (draft)" if planned.draft else "")
            )
            first = planned.text.strip().splitlines()[0][:50] if planned.text.strip() else ""
            shown = terminal_safe(f"{', '.join(row.accounts)}: {first}")  # a file's escapes
            say(f"row {planned.row}: {when} → {shown}")
        if args.dry_run:
            complain(NAME, f"dry run: {len(preview.rows)} posts would be imported")
            return EXIT_OK
        try:
            ids = importer.apply(preview)
        except ImportRefusedError as exc:
            for found_problem in exc.problems:
                complain(NAME, f"{source}:{found_problem.line(args.lang)}")
            return EXIT_BAD_INPUT
        complain(NAME, f"imported {len(ids)} posts")
        return EXIT_OK
    finally:
        workspace.close()
