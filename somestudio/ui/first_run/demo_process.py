"""Starting the demo beside this window: the same program with ``--demo``, in a new process
(the demo has its own throw-away data folder, so both can run at once)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess


def demo_command() -> tuple[str, list[str]]:
    """The program and arguments that start this same Some Studio with ``--demo``."""
    if getattr(sys, "frozen", False):  # the bundle: its executable is the program
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "somestudio", "--demo"]


def start_demo() -> bool:
    """Start the demo; False when the process could not be started."""
    program, arguments = demo_command()
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
