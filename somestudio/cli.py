"""The `somestudio` command: no subcommand opens the window; each capability adds a subcommand.

A subcommand is a module in ``somestudio.commands`` named in ``COMMANDS`` that defines
``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``. Only the chosen command's
module is imported, so starting the window pays for none of them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from somestudio import APP_ID, __version__

COMMANDS: tuple[str, ...] = (
    "doctor",
    "check",
    "run-scheduler",
    "account",
    "post",
    "import",
    "export",
    "metrics",
    "goals",
    "inbox",
    "workspace",
    "collab",
    "mediakit",
    "qt-probe",
)
# A command whose name is a Python keyword lives in a module of another name.
_MODULES = {"import": "import_csv"}

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def _module(name: str) -> ModuleType:
    module = _MODULES.get(name, name.replace("-", "_"))
    return importlib.import_module(f"somestudio.commands.{module}")


def _chosen(argv: Sequence[str]) -> str | None:
    for token in argv:
        if token in COMMANDS:
            return token
        if not token.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description="Some Studio: draft, schedule, publish and measure social media posts. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on a temporary data folder filled with a month of sample posts",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen(argv)
    wants_help = chosen is None and any(t in ("-h", "--help") for t in argv)
    for name in COMMANDS:
        if name == chosen or wants_help:
            module = _module(name)
            kwargs = {} if module.HELP == argparse.SUPPRESS else {"help": module.HELP}
            command = sub.add_parser(name, **kwargs)
            module.configure(command)
            command.set_defaults(run=module.run)
        else:
            sub.add_parser(name)
    return parser


# Options whose value is a file name: a name in another encoding is still a valid path.
_PATH_OPTIONS = ("--csv", "--ics", "--pdf", "--folder", "--file")


def undecodable_argument(args: Sequence[str]) -> str:
    """A message naming the first argument that holds bytes the system's encoding could not
    decode (Python keeps them as lone surrogates, which no text can hold), or ""."""
    import os  # noqa: PLC0415

    for index, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            option = args[index - 1] if index and args[index - 1].startswith("-") else ""
            if option.split("=")[0] in _PATH_OPTIONS or os.path.lexists(arg):
                continue  # a file's name in another encoding: it still opens
            name, _, _ = arg.partition("=") if arg.startswith("--") else ("", "", "")
            where = (
                f"the value of {option}"
                if option
                else (f"the value of {name}" if name else f"argument {index + 1}")
            )
            raw = arg[exc.start].encode("utf-8", "surrogateescape")
            return (
                f"{where} is not valid text: it holds the byte 0x{raw.hex().upper()}, which "
                "is not UTF-8. Write it in UTF-8 (or put the text in a UTF-8 file and use "
                "--file)."
            )
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # a real process (not a test calling main): the window or any command
        from somestudio.app.hardening import harden_process  # noqa: PLC0415

        harden_process()
        # A file name in another encoding (kept by Python as surrogates) is printed as the
        # bytes it was given, not a UnicodeEncodeError.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="surrogateescape")
    args_in = list(sys.argv[1:] if argv is None else argv)
    problem = undecodable_argument(args_in)
    if problem:
        print(f"{APP_ID}: {problem}", file=sys.stderr)  # noqa: T201 - before any command
        return EXIT_USAGE
    demo = False
    if args_in:  # no arguments, the window: argparse and its parser cost 5 ms before it
        args = build_parser(args_in).parse_args(args_in)
        if args.command is not None:
            code: int = args.run(args)
            return code
        demo = args.demo
    import gc  # noqa: PLC0415

    # The window's start-up collects no garbage before its first frame, which then freezes
    # what start-up loaded (ui/gui_gc.py: about 10 ms of collections saved before it).
    gc.disable()
    from somestudio.ui.launch import launch  # noqa: PLC0415 - Qt only when a window is wanted

    return launch(demo=demo)


if __name__ == "__main__":
    sys.exit(main())
