"""What the app sets up in its process before any page is made, in one place: the command
line's start runs it (``launch``), and the benchmarks that build the app's pages in a process
of their own run it too (``as_in_the_app``), so that they measure what a user gets.

- The interpreter is handed from thread to thread every 0.5 ms rather than Python's 5 ms:
  every call from Qt into Python (a paint, a style hint, a key) waits for it while a worker
  runs Python (a month read, the composer's checks, a Metrics load), so a paint of a hundred
  such calls is not held up for up to half a second.
- Python's cyclic garbage is collected on the GUI thread only (``gui_gc``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from somestudio.ui import gui_gc

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from somestudio.ui.theme.scheme import ThemeFollower

SWITCH_INTERVAL_S = 0.0005  # how often a thread hands the interpreter over, for life


def interpreter_for_gui() -> None:
    """The interpreter as the app runs it; on the GUI thread, once the application exists and
    before any worker runs."""
    gui_gc.install()
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def as_in_the_app(app: QApplication) -> ThemeFollower:
    """For a benchmark: the interpreter as the app runs it, the app's style and the system's
    scheme (the window's theme once its first frame is up); and, as the app does once a page's
    modules are in, what is loaded moved out of the collector's way (call it again after
    importing the pages measured)."""
    from somestudio.ui.heap import freeze_what_is_loaded  # noqa: PLC0415
    from somestudio.ui.theme import ThemeFollower  # noqa: PLC0415

    interpreter_for_gui()
    theme = ThemeFollower(app)
    theme.install_style()
    theme.follow()
    freeze_what_is_loaded()
    return theme
