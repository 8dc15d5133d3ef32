"""somestudio collab: paid collaborations from the command line.

``collab list [--json]`` shows each collaboration: id, partner, fee, state, payment due.
``collab add --company NAME --fee 650,00 [--vat 25.5] [--contact TEXT] [--language fi|en]
[--title TEXT] [--agreed YYYY-MM-DD] [--due YYYY-MM-DD] [--terms TEXT] [--file PATH ...]``
enters one (files are kept by path, not copied). ``collab report ID --pdf FILE
[--language fi|en]`` writes the partner report, in the partner's language unless told.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    open_cli_workspace,
    say,
    system_zone_name,
)

NAME = "collab"
HELP = "list or add paid collaborations, or write a partner report (PDF)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show the collaborations")
    listing.add_argument("--json", action="store_true", help="as JSON")
    add = actions.add_parser("add", help="enter a collaboration")
    add.add_argument("--company", required=True)
    add.add_argument("--fee", required=True, help="without VAT, e.g. 650,00")
    add.add_argument("--vat", default="25.5", help="VAT per cent (default 25.5)")
    add.add_argument("--contact", default="")
    add.add_argument("--language", choices=("fi", "en"), default="fi", help="of its report")
    add.add_argument("--title", default="")
    add.add_argument("--agreed", metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--due", metavar="YYYY-MM-DD", help="payment due")
    add.add_argument("--terms", default="")
    add.add_argument("--file", action="append", default=[], metavar="PATH")
    report = actions.add_parser("report", help="write the partner report")
    report.add_argument("id", type=int, metavar="ID")
    report.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    report.add_argument("--language", choices=("fi", "en"), help="default: the partner's")


def run(args: argparse.Namespace) -> int:
    from somestudio.app.collab.service import CollabError  # noqa: PLC0415

    try:
        if args.action == "list":
            return _list(as_json=args.json)
        if args.action == "add":
            return _add(args)
        return _report(args.id, args.pdf, args.language)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except CollabError as exc:
        complain(NAME, _say_error(exc))
        return EXIT_PROBLEM
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM


def _say_error(exc: object) -> str:
    from somestudio.app.collab.service import CollabError  # noqa: PLC0415

    assert isinstance(exc, CollabError)
    if exc.code == "collab.not_found":
        return f"no collaboration {exc.params.get('id', '')}"
    if exc.code == "collab.company_missing":
        return "name the partner company (--company)"
    return exc.code


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadInputError(option, f"{text!r} is not a date YYYY-MM-DD") from exc


def _today() -> date:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return datetime.now(UTC).astimezone(ZoneInfo(system_zone_name())).date()


def _list(*, as_json: bool) -> int:
    from somestudio.app.collab.service import Collaborations  # noqa: PLC0415
    from somestudio.domain.collab.money import plain  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        collabs = Collaborations(workspace).all()
    finally:
        workspace.close()
    rows = [
        {
            "id": c.id,
            "partner": c.partner.company,
            "title": c.title,
            "fee": plain(c.fee),
            "vat_rate": f"{c.vat_rate.normalize():f}",
            "gross": plain(c.gross),
            "state": c.state.value,
            "payment_due": c.payment_due.isoformat() if c.payment_due else None,
            "posts": [
                {"network": d.network, "due": d.due.isoformat(), "post_id": d.post_id}
                for d in c.deliverables
            ],
            "files": list(c.files),
        }
        for c in collabs
    ]
    if as_json:
        say(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        say("no collaborations")
    for row in rows:
        due = row["payment_due"] or "-"
        title = f" · {row['title']}" if row["title"] else ""
        say(f"{row['id']}  {row['partner']}{title}  {row['fee']} €  {row['state']}  due {due}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from somestudio.app.collab.service import Collaborations, NewCollaboration  # noqa: PLC0415
    from somestudio.domain.collab.money import MoneyError, parse_money, parse_rate  # noqa: PLC0415

    try:
        fee = parse_money(args.fee)
    except MoneyError as exc:
        raise BadInputError("--fee", f"{args.fee!r} is not an amount of money") from exc
    try:
        vat = parse_rate(args.vat)
    except MoneyError as exc:
        raise BadInputError("--vat", f"{args.vat!r} is not a per cent 0-100") from exc
    new = NewCollaboration(
        company=args.company,
        fee=fee,
        vat_rate=vat,
        agreed_on=_day("--agreed", args.agreed) or _today(),
        contact=args.contact,
        language=args.language,
        title=args.title,
        payment_due=_day("--due", args.due),
        terms=args.terms,
        files=[str(Path(f).expanduser().absolute()) for f in args.file],
    )
    workspace = open_cli_workspace()
    try:
        collab_id = Collaborations(workspace).add(new)
    finally:
        workspace.close()
    say(f"added collaboration {collab_id}")
    return EXIT_OK


def check_target(option: str, target: Path) -> None:
    """The folder exists and the file is not inside the data folder (else BadInputError)."""
    from somestudio.app.export_targets import (  # noqa: PLC0415
        InsideDataFolderError,
        refuse_inside_data_folder,
    )
    from somestudio.app.paths import resolve_home  # noqa: PLC0415

    if not target.parent.resolve().is_dir():
        raise BadInputError(str(target), "its folder does not exist")
    try:
        refuse_inside_data_folder(target, resolve_home().path)
    except InsideDataFolderError as exc:
        raise BadInputError(option, str(exc)) from exc


def qt_for_documents() -> object:
    """An offscreen QApplication for drawing a document (nothing is shown)."""
    import os  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    return QApplication.instance() or QApplication(["somestudio"])


def _report(collab_id: int, pdf: Path, language: str | None) -> int:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.collab.files import save_drawn  # noqa: PLC0415
    from somestudio.app.collab.partner_report import build_partner_report  # noqa: PLC0415
    from somestudio.app.paths import resolve_home  # noqa: PLC0415

    check_target("--pdf", pdf)
    zone = ZoneInfo(system_zone_name())
    workspace = open_cli_workspace()
    try:
        report = build_partner_report(workspace, collab_id, datetime.now(UTC), language)
    finally:
        workspace.close()
    app = qt_for_documents()
    from somestudio.ui.collab.partner_pdf import write_partner_pdf  # noqa: PLC0415

    try:
        save_drawn(pdf, resolve_home().path, lambda t: write_partner_pdf(report, t, zone))
    except OSError as exc:
        raise ProblemError(f"could not write the report: {exc}") from exc
    del app
    say(f"wrote {pdf}")
    return EXIT_OK
