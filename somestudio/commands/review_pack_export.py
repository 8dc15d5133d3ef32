"""somestudio export review-pack: a week or a month as the window's File → Export review
pack… writes it (one self-contained HTML page or a PDF), drawn offscreen."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from somestudio.commands.cli_support import (
    BadInputError,
    ProblemError,
    open_cli_workspace,
    say,
    system_zone_name,
)


def write_review_pack(command: str, args: argparse.Namespace) -> None:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.collab.files import save_drawn, save_text  # noqa: PLC0415
    from somestudio.app.paths import resolve_home  # noqa: PLC0415
    from somestudio.app.review_pack import (  # noqa: PLC0415
        build_review_pack,
        parse_month,
        parse_week,
    )
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.commands.collab import check_target, qt_for_documents  # noqa: PLC0415
    from somestudio.domain.timeplan import UnknownZoneError, zone_for  # noqa: PLC0415

    if args.csv or args.ics:
        raise BadInputError(command, "review-pack writes to --out FILE, not --csv or --ics")
    if args.month is None and args.week is None:
        raise BadInputError("review-pack", "say which period: --month YYYY-MM or --week YYYY-Www")
    if args.out is None:
        raise BadInputError("--out", "say where to write the review pack")
    try:
        period = parse_month(args.month) if args.month is not None else parse_week(args.week)
    except ValueError as exc:
        raise BadInputError("--month" if args.month is not None else "--week", str(exc)) from exc
    try:
        zone: ZoneInfo = zone_for(args.zone or system_zone_name())
    except UnknownZoneError as exc:
        raise BadInputError("--zone", str(exc)) from exc
    target: Path = args.out.expanduser()
    check_target("--out", target)
    home = resolve_home().path
    app = qt_for_documents()
    from somestudio.ui.i18n import install_language, resolve_language, saved_language  # noqa: PLC0415

    installed = install_language(args.language or resolve_language(saved_language(home)))
    workspace = open_cli_workspace()
    try:
        pack = build_review_pack(
            Studio(workspace), period, zone, language=installed.language, now=datetime.now(UTC)
        )
    finally:
        workspace.close()
    from somestudio.ui.review_pack.pack_html import review_html  # noqa: PLC0415
    from somestudio.ui.review_pack.pack_pdf import write_review_pdf  # noqa: PLC0415

    try:
        if args.format == "pdf":
            save_drawn(target, home, lambda temporary: write_review_pdf(pack, temporary))
        else:
            save_text(target, home, review_html(pack))
    except OSError as exc:
        raise ProblemError(f"could not write {target}: {exc.strerror or exc}") from exc
    finally:
        installed.remove()
    del app
    say(f"wrote {len(pack.posts)} posts to {target}")
