"""What the scripting commands (account, post) share: input errors, the workspace, the zone."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from somestudio.app.workspace import Workspace

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_BAD_INPUT = 2


class BadInputError(Exception):
    """Bad input (exit 2); the message starts with the option or argument at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class ProblemError(Exception):
    """Something other than the input is wrong (exit 1)."""


def database_errors() -> tuple[type[Exception], ...]:
    """The errors of a database failing to do its work (a full disk, a lock held too long, a
    lost server): sqlite3's ``OperationalError``, and SQLAlchemy's once a PostgreSQL
    workspace has loaded it. For ``except database_errors() as exc:``."""
    sa = sys.modules.get("sqlalchemy")
    if sa is None:
        return (sqlite3.OperationalError,)
    return (sqlite3.OperationalError, sa.exc.OperationalError)


def storage_problem(exc: Exception) -> str:
    """What to tell the user when writing the workspace failed (no traceback)."""
    orig = getattr(exc, "orig", None)  # SQLAlchemy's: the server's own words
    if orig is not None:
        said = (str(orig).splitlines() or [type(orig).__name__])[0]
        return (
            f"the workspace's database server could not do it (it said: {said}); nothing was "
            "saved. Try again; if it goes on, check the server and the connection to it."
        )
    text = str(exc)
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:  # ENOSPC
        return (
            "the disk that holds the data folder is full (the database said: "
            f"{text}); nothing was saved. Free some space, then try again."
        )
    return f"the data folder could not be written ({text}); nothing was saved."


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - command output


def complain(command: str, text: str) -> None:
    """An error or a report on stderr: redacted (the one redaction step) and with no control
    sequence a name or a server could have smuggled in."""
    from somestudio.domain.redaction import redact  # noqa: PLC0415

    cleaned = terminal_safe(redact(text), keep_newlines=True)
    print(f"somestudio {command}: {cleaned}", file=sys.stderr, flush=True)  # noqa: T201


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` for a terminal: control characters (escape sequences, carriage returns, line
    breaks inside a name) shown as ``\\x1b``-style escapes instead of acting on the screen.
    The stored value is untouched; only what is printed changes."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if keep_newlines and char == "\n":
            out.append(char)
        elif code < 0x20 or 0x7F <= code < 0xA0 or char in "\u2028\u2029":
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def text_option(args: argparse.Namespace, empty: str) -> str:
    """The text of ``--text TEXT`` or ``--file FILE`` (UTF-8; '-' reads stdin), exactly one of
    them; ``empty`` is the complaint for a blank text."""
    if (args.text is None) == (args.file is None):
        raise BadInputError("--text/--file", "give the text with exactly one of --text or --file")
    if args.text is not None:
        text = str(args.text)
        field = "--text"
    else:
        field = "--file"
        from somestudio.app.input_files import (  # noqa: PLC0415
            CHECK_LIMIT,
            InputError,
            read_file,
            read_stream,
        )

        try:
            if args.file == "-":
                data = read_stream(sys.stdin.buffer, CHECK_LIMIT)
            else:
                data = read_file(Path(args.file), CHECK_LIMIT)
        except InputError as exc:
            raise BadInputError("--file", str(exc)) from exc
        except OSError as exc:
            raise BadInputError("--file", f"cannot read {args.file}: {exc.strerror}") from exc
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise BadInputError("--file", f"not valid UTF-8 at byte {exc.start}") from exc
        text = text.removesuffix("\n").removesuffix("\r")
    if not text.strip():
        raise BadInputError(field, empty)
    return text


def open_cli_workspace() -> Workspace:
    """The user's data folder, checked and migrated (raises ``ProblemError``)."""
    from somestudio.app.paths import prepare_home, resolve_home  # noqa: PLC0415
    from somestudio.app.workspace import StorageError, open_workspace  # noqa: PLC0415

    try:
        return open_workspace(prepare_home(resolve_home()))
    except StorageError as exc:
        raise ProblemError(str(exc)) from exc


def system_zone_name() -> str:
    """The system's IANA zone (TZ wins), or raise: a guess would shift the user's posts."""
    from somestudio.domain.timeplan import UnknownZoneError, zone_for  # noqa: PLC0415

    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        import tzlocal  # noqa: PLC0415 - APScheduler depends on it already

        try:
            name = tzlocal.get_localzone_name() or ""
        except (ValueError, LookupError):
            name = ""
    try:
        zone_for(name)
    except UnknownZoneError as exc:
        raise BadInputError(
            "--tz", "the system's time zone is not known; give one, e.g. --tz Europe/Helsinki"
        ) from exc
    return name
