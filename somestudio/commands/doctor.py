"""somestudio doctor: print the facts support would ask for; exit 1 if any is a problem."""

from __future__ import annotations

import argparse

NAME = "doctor"
HELP = (
    "check the data folder, database, keyring, Qt, time zone and the networks' API versions; "
    "exit 1 on a problem"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = HELP


def run(args: argparse.Namespace) -> int:
    from somestudio.app.doctor import format_report, is_healthy, run_checks  # noqa: PLC0415
    from somestudio.app.paths import resolve_home  # noqa: PLC0415

    del args
    checks = run_checks(resolve_home())
    print(format_report(checks))  # noqa: T201 - this command's output is its report
    return 0 if is_healthy(checks) else 1
