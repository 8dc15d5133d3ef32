"""Before quitting with posts due soon: keep running in the tray, quit anyway, or cancel.

Nothing publishes while the app is closed (unless ``somestudio run-scheduler`` holds the data
folder, which ``app.quit_guard`` checks), so Ctrl+Q, File → Quit, the tray's Quit and
closing the window ask first when posts are due in the next hour. The question goes through
the prompt service: a real QMessageBox in the app, a scripted answer in tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject


class _Prompts(Protocol):
    def choose(
        self,
        title: str,
        text: str,
        options: list[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None: ...


class QuitQuestion(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open = False  # asked and not answered yet: a second Ctrl+Q does not ask again

    def ask(
        self,
        prompts: _Prompts,
        due: int,
        *,
        tray: bool,
        keep_running: Callable[[], None],
        quit_now: Callable[[], None],
    ) -> None:
        """Ask about ``due`` posts; Cancel leaves everything as it was."""
        options = [self.tr("Keep running in the tray")] if tray else []
        options.append(self.tr("Quit anyway"))

        def answered(choice: int | None) -> None:
            self.open = False
            if choice is None:
                return
            if tray and choice == 0:
                keep_running()
            else:
                quit_now()

        self.open = True
        prompts.choose(
            self.tr("Quit Some Studio?"),
            self.tr(
                "%n posts are due in the next hour. Nothing will publish them while "
                "Some Studio is closed.",
                "",
                due,
            ),
            options,
            answered,
            # Enter must never quit with posts due: it keeps running in the tray, or cancels.
            default=0 if tray else None,
        )
