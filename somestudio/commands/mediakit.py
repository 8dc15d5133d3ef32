"""somestudio mediakit: write the media kit as PDF (and a PNG of its first page).

``mediakit --pdf FILE [--png FILE] [--language fi|en] [--partners | --no-partners]`` uses
the name, audience notes and rates kept from the window's Media kit dialog; the language and
whether past partners are shown default to what was chosen there.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime
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

NAME = "mediakit"
HELP = "write the media kit (PDF, optionally PNG)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    parser.add_argument("--png", type=Path, metavar="FILE", help="also the first page as PNG")
    parser.add_argument("--language", choices=("fi", "en"))
    parser.add_argument(
        "--partners",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show past partners (default: as chosen in the window)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _write(args.pdf, args.png, args.language, args.partners)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM


def _write(pdf: Path, png: Path | None, language: str | None, partners: bool | None) -> int:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.collab.files import save_drawn  # noqa: PLC0415
    from somestudio.app.collab.media_kit import build_media_kit, load_settings  # noqa: PLC0415
    from somestudio.app.paths import resolve_home  # noqa: PLC0415
    from somestudio.commands.collab import check_target, qt_for_documents  # noqa: PLC0415

    check_target("--pdf", pdf)
    if png is not None:
        check_target("--png", png)
    zone = ZoneInfo(system_zone_name())
    workspace = open_cli_workspace()
    try:
        settings = load_settings(workspace)
        if language is not None:
            settings = replace(settings, language=language)
        if partners is not None:
            settings = replace(settings, show_partners=partners)
        kit = build_media_kit(workspace, datetime.now(UTC), settings)
    finally:
        workspace.close()
    app = qt_for_documents()
    from somestudio.ui.collab.media_kit_pdf import (  # noqa: PLC0415
        write_media_kit_pdf,
        write_media_kit_png,
    )

    try:
        save_drawn(pdf, resolve_home().path, lambda t: write_media_kit_pdf(kit, t, zone))
        say(f"wrote {pdf}")
        if png is not None:
            save_drawn(png, resolve_home().path, lambda t: write_media_kit_png(kit, t, zone))
            say(f"wrote {png}")
    except OSError as exc:
        raise ProblemError(f"could not write the media kit: {exc}") from exc
    del app
    return EXIT_OK
