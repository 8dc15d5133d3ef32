"""somestudio metrics: fetch the newest numbers now, import numbers, export a monthly report.

``metrics refresh [--account ID]`` asks the networks for every post's numbers that are not
final yet (and the accounts' followers), within each network's request budget, and prints
what changed. ``metrics export --month YYYY-MM [--csv FILE] [--pdf FILE]`` writes that
month's report (times in the system's zone, or --tz). ``metrics import FILE.csv`` reads
numbers no API gives (see the README for the columns); nothing is written on any problem.
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
    say,
    system_zone_name,
)

NAME = "metrics"
HELP = "fetch metrics now, import numbers from CSV, or export a monthly report (PDF, CSV)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    refresh = actions.add_parser("refresh", help="fetch the newest numbers now")
    refresh.add_argument("--account", type=int, metavar="ID", help="only this account")
    export = actions.add_parser("export", help="write a month's report")
    export.add_argument("--month", required=True, metavar="YYYY-MM")
    export.add_argument("--csv", type=Path, metavar="FILE", help="write the report as CSV")
    export.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as PDF")
    export.add_argument("--tz", metavar="ZONE", help="IANA time zone (default: the system's)")
    imports = actions.add_parser("import", help="import numbers from a CSV file")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--tz", metavar="ZONE", help="zone of times without an offset")
    imports.add_argument("--dry-run", action="store_true", help="check only, write nothing")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "refresh":
            return _refresh(args.account)
        if args.action == "import":
            return _import(args.file, args.tz, dry_run=args.dry_run)
        return _export(args.month, args.csv, args.pdf, args.tz)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM


def _zone(name: str | None) -> object:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.domain.timeplan import UnknownZoneError, zone_for  # noqa: PLC0415

    chosen = name or system_zone_name()
    try:
        zone_for(chosen)
    except UnknownZoneError as exc:
        raise BadInputError("--tz", f"unknown time zone {chosen!r}") from exc
    return ZoneInfo(chosen)


def _refresh(account_id: int | None) -> int:
    from somestudio.app.metrics import MetricsCollector  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        conn = workspace.writable_connection()
        if account_id is not None and account_rows.get_account(conn, account_id) is None:
            raise BadInputError("--account", f"no account with id {account_id}")
        report = MetricsCollector(workspace.writable_connection).refresh(account_id)
    finally:
        workspace.close()
    for outcome in report.outcomes:
        if outcome.skipped:
            say(f"{outcome.label} ({outcome.network.value}): skipped, {outcome.skipped}")
            continue
        parts = [f"{outcome.posts_updated} posts updated"]
        if outcome.posts_gone:
            parts.append(f"{outcome.posts_gone} gone from the network")
        if outcome.posts_waiting:
            parts.append(f"{outcome.posts_waiting} wait for the rate limit")
        if outcome.followers is not None:
            parts.append(f"{outcome.followers} followers")
        say(f"{outcome.label} ({outcome.network.value}): " + ", ".join(parts))
        for error in outcome.errors:
            say(f"  problem: {error}")
    return EXIT_PROBLEM if report.errors else EXIT_OK


def _import(path: Path, tz: str | None, *, dry_run: bool) -> int:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.metric_entry import import_metric_csv  # noqa: PLC0415

    zone = _zone(tz)
    assert isinstance(zone, ZoneInfo)
    workspace = open_cli_workspace()
    try:
        result = import_metric_csv(workspace.writable_connection, path, zone, dry_run=dry_run)
    finally:
        workspace.close()
    if not result.ok:
        for problem in result.problems:
            complain(NAME, f"{path}:{problem.line}: {problem.column}: {problem.message}")
        return EXIT_BAD_INPUT
    verb = "would import" if dry_run else "imported"
    say(
        f"{verb} {result.posts} post rows, {result.accounts} account rows, "
        f"{result.series} series values"
    )
    return EXIT_OK


def _export(month_text: str, csv_path: Path | None, pdf_path: Path | None, tz: str | None) -> int:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.metrics_report import (  # noqa: PLC0415
        build_report,
        parse_month,
        write_report_csv,
    )

    if csv_path is None and pdf_path is None:
        raise BadInputError("--csv/--pdf", "name at least one file to write")
    try:
        month = parse_month(month_text)
    except ValueError as exc:
        raise BadInputError("--month", str(exc)) from exc
    from somestudio.app.export_targets import (  # noqa: PLC0415
        InsideDataFolderError,
        refuse_inside_data_folder,
    )
    from somestudio.app.paths import resolve_home  # noqa: PLC0415

    for option, target in (("--csv", csv_path), ("--pdf", pdf_path)):
        if target is not None and not target.parent.resolve().is_dir():
            raise BadInputError(str(target), "its folder does not exist")
        try:
            if target is not None:
                refuse_inside_data_folder(target, resolve_home().path)
        except InsideDataFolderError as exc:
            raise BadInputError(option, str(exc)) from exc
    zone = _zone(tz)
    assert isinstance(zone, ZoneInfo)
    workspace = open_cli_workspace()
    try:
        report = build_report(workspace.connection, month, zone)
    finally:
        workspace.close()
    try:
        if csv_path is not None:
            write_report_csv(report, csv_path)
            say(f"wrote {csv_path}")
        if pdf_path is not None:
            _write_pdf(report, pdf_path)
            say(f"wrote {pdf_path}")
    except OSError as exc:
        raise ProblemError(f"could not write the report: {exc}") from exc
    return EXIT_OK


def _write_pdf(report: object, path: Path) -> None:
    import os  # noqa: PLC0415

    # Nothing is shown: an offscreen platform works with or without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.app.atomic_files import write_atomically_with  # noqa: PLC0415
    from somestudio.app.metrics_report import MonthlyReport  # noqa: PLC0415
    from somestudio.ui.i18n import iso_dates_under_c_locale  # noqa: PLC0415
    from somestudio.ui.metrics.report_pdf import write_report_pdf  # noqa: PLC0415

    assert isinstance(report, MonthlyReport)
    # A QApplication rather than a QGuiApplication: the same process may show widgets later.
    app = QApplication.instance() or QApplication(["somestudio"])
    iso_dates_under_c_locale()
    # Drawn beside the target and renamed over it: a kill leaves the old file or the new one.
    write_atomically_with(path, lambda temporary: write_report_pdf(report, temporary))
    del app
