"""somestudio check: count a post for each channel the way that network counts it.

Uses the same rules as the composer. The input is UTF-8 text; a leading byte order mark
and one final line break (which editors and ``echo`` add) are not part of the post. For
YouTube and Pinterest the text is checked as the description (titles, alt text and links
have their own rules in ``somestudio.domain.channels``).

At most 1 MB is read (far more than any network accepts in one post); a larger input, a
FIFO, a device or anything else that is not a regular file is refused with a message.

Exit status: 0 when every requested channel accepts the text, 1 when one does not, 2 on bad
input (an unknown channel, an unreadable file, invalid UTF-8, too large).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from somestudio.domain.channels import ChannelCheck

NAME = "check"
HELP = "check a post's length and content for each channel; exit 1 if one would refuse it"

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


class BadInputError(Exception):
    """A problem with the command line or the input file (exit status 2)."""


def configure(parser: argparse.ArgumentParser) -> None:
    from somestudio.domain.channels import CHANNELS  # noqa: PLC0415 - keep the CLI start light

    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--channel",
        action="append",
        metavar="NAME",
        help=f"a channel to check ({', '.join(CHANNELS)}); repeat the option or separate "
        "names with commas; all channels when not given",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--limit",
        action="append",
        metavar="NAME=N",
        help="a per-account limit, e.g. mastodon=1000 for an instance's max_characters",
    )
    parser.add_argument(
        "--lang", default="en", choices=("en", "fi"), help="language of the messages (en)"
    )
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the post text in UTF-8; '-' or nothing reads standard input",
    )


def _channels(values: list[str] | None) -> list[str]:
    from somestudio.domain.channels import CHANNELS  # noqa: PLC0415

    if not values:
        return list(CHANNELS)
    names: list[str] = []
    for value in values:
        for raw in value.split(","):
            name = raw.strip().lower()
            if name not in CHANNELS:
                raise BadInputError(
                    f"unknown channel {raw.strip()!r}; choose from {', '.join(CHANNELS)}"
                )
            if name not in names:
                names.append(name)
    return names


def _limits(values: list[str] | None) -> dict[str, int]:
    from somestudio.domain.channels import CHANNELS  # noqa: PLC0415

    limits: dict[str, int] = {}
    for value in values or []:
        name, sep, number = value.partition("=")
        name = name.strip().lower()
        if not sep or name not in CHANNELS or not number.strip().isdigit():
            raise BadInputError(f"--limit expects NAME=N with a channel name, not {value!r}")
        limits[name] = int(number)
    return limits


def read_text(source: str) -> str:
    """The post text from ``source`` (a path or ``-``), decoded strictly as UTF-8."""
    from somestudio.app.input_files import (  # noqa: PLC0415
        CHECK_LIMIT,
        InputError,
        read_file,
        read_stream,
    )

    label = "standard input" if source == "-" else source
    try:
        if source == "-":
            data = read_stream(sys.stdin.buffer, CHECK_LIMIT)
        else:
            data = read_file(Path(source), CHECK_LIMIT)
    except InputError as exc:
        raise BadInputError(str(exc)) from exc
    except OSError as exc:
        raise BadInputError(f"cannot read {label}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInputError(
            f"{label}: not valid UTF-8 at byte offset {exc.start} ({exc.reason})"
        ) from exc
    text = text.removeprefix("\ufeff")
    if text.endswith("\r\n"):
        return text[:-2]
    return text.removesuffix("\n")


def run(args: argparse.Namespace) -> int:
    from somestudio.domain.channels import check_all  # noqa: PLC0415

    try:
        names = _channels(args.channel)
        limits = _limits(args.limit)
        text = read_text(args.file)
    except BadInputError as exc:
        print(f"somestudio check: {exc}", file=sys.stderr)  # noqa: T201 - CLI output
        return EXIT_BAD_INPUT
    results = check_all(text, names, limit_overrides=limits, lang=args.lang)
    if args.json:
        document = {name: check.as_json() for name, check in results.items()}
        print(json.dumps(document, indent=2))  # noqa: T201 - this command's output
    else:
        print(format_table(results), end="")  # noqa: T201 - this command's output
    return EXIT_OK if all(check.ok for check in results.values()) else EXIT_REFUSED


def format_table(results: Mapping[str, ChannelCheck]) -> str:
    """One line per channel, then one line per finding."""
    lines = [f"{'CHANNEL':<10} {'COUNT':>7} / {'LIMIT':<7} {'UNIT':<19} RESULT"]
    unconfirmed = False
    for name, check in results.items():
        mark = "" if check.limit_confirmed else "*"
        unconfirmed = unconfirmed or bool(mark)
        result = "ok" if check.ok else "REFUSED"
        warnings = sum(1 for f in check.findings if f.severity.value == "warning")
        if warnings:
            result += f" ({warnings} warning{'s' if warnings > 1 else ''})"
        limit = f"{check.limit}{mark}"
        lines.append(f"{name:<10} {check.count:>7} / {limit:<7} {check.unit.value:<19} {result}")
    if unconfirmed:
        lines.append("* limit or unit not confirmed by the network's own documentation")
    shown: set[tuple[str, int, int]] = set()
    for name, check in results.items():
        for finding in check.findings:
            # Findings about the text itself (text.*) are the same for every channel: once.
            where = "text" if finding.code.startswith("text.") else name
            key = (finding.code, finding.start, finding.end)
            if where == "text" and key in shown:
                continue
            shown.add(key)
            lines.append(
                f"{where}: {finding.severity.value} at {finding.start}-{finding.end} "
                f"[{finding.code}] {finding.message}"
            )
    return "\n".join(lines) + "\n"
