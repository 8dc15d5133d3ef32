"""Hidden helper for doctor: start Qt's GUI platform in a child process and name it."""

from __future__ import annotations

import argparse
import sys

NAME = "qt-probe"
HELP = argparse.SUPPRESS


def configure(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import qVersion  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    del args
    app = QGuiApplication(sys.argv[:1])
    print(f"{app.platformName()} (Qt {qVersion()})")  # noqa: T201 - read by doctor
    return 0
