"""Keystroke to counter in the real composer: insert one character into a post ticked for
every demo account, then check and show the result (all on this thread, as the synchronous
task runner does; in the window the check runs on a worker at once). Previews are drawn
after a pause in typing and are timed apart. Prints figures; fails on nothing.

Two shapes of text: paragraphs of a few sentences (as posts are written) and one unbroken
paragraph (the worst case: Qt lays out and highlights the whole paragraph on every key).

    QT_QPA_PLATFORM=offscreen python benchmarks/composer_keystroke.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from somestudio.app.demo import build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.tasks import Done, Failed, Tasks

SAMPLE = (
    "Tervetuloa Kahvila Aurinkoon! ☀️ Tänään uunista tulee korvapuusteja 🥐 ja kardemummaa. "
    "Lue lisää: https://kahvila-aurinko.fi/blogi #kahvila @aurinko@mastodon.example 👩‍👩‍👧‍👦 𝒜 "
)
GOALS = {3000: 8.0, 65_536: 16.0}  # ms, issue 15 point 5


class TimedTasks(Tasks):
    """Synchronous, and keeps the CPU time of the work it ran (the checks, which run on a
    worker in the window) apart from the GUI thread's own."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.worker_cpu = 0.0

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        def timed() -> Any:
            start = time.thread_time()
            try:
                return fn()
            finally:
                self.worker_cpu += time.thread_time() - start

        super().run(timed, on_done, on_error)


def text_of(size: int, *, paragraphs: bool) -> str:
    unit = SAMPLE + "\n\n" if paragraphs else SAMPLE
    return (unit * (size // len(unit) + 1))[:size]


def measure(
    page: ComposePage, tasks: TimedTasks, text: str, rounds: int = 40
) -> tuple[float, float, float, float]:
    """Medians of wall time, this thread's CPU time (what a busy shared machine inflates
    less), and of that the part the GUI thread does itself (the checks run on a worker in
    the window), and the worst wall time; in ms."""
    page.editor.setPlainText(text)
    page.run_checks()
    QApplication.processEvents()
    total, cpu, gui = [], [], []
    for _ in range(rounds):
        cursor = page.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        tasks.worker_cpu = 0.0
        start, start_cpu = time.perf_counter(), time.thread_time()
        cursor.insertText("x")
        page.run_checks()
        QApplication.processEvents()
        total.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        gui.append(cpu[-1] - tasks.worker_cpu)
    return (
        statistics.median(total) * 1000,
        statistics.median(cpu) * 1000,
        statistics.median(gui) * 1000,
        max(total) * 1000,
    )


def preview_time(page: ComposePage, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        page.previews.restyle()  # every card drawn again
        start = time.perf_counter()
        page.previews.draw()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    app = QApplication([])
    home = Path(tempfile.mkdtemp(prefix="somestudio-bench-"))
    build_demo_home(home)
    workspace = open_workspace(home)
    tasks = TimedTasks()
    page = ComposePage(Studio(workspace), tasks=tasks)
    page.resize(1280, 800)
    page.show()
    for row in range(page.accounts.count()):
        page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    accounts = page.accounts.count()
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    print("figure | goal | measured (median wall; CPU of this thread; worst) | PASS/MISS (wall)")
    for paragraphs in (True, False):
        shape = "paragraphs" if paragraphs else "one paragraph"
        for size in (3000, 20_000, 65_536):
            median, cpu, gui, worst = measure(page, tasks, text_of(size, paragraphs=paragraphs))
            goal = GOALS.get(size)
            verdict = "" if goal is None else ("PASS" if median <= goal else "MISS")
            goal_text = "—" if goal is None else f"≤ {goal:.0f} ms"
            print(
                f"keystroke → counters, {size:,} chars ({shape}), {accounts} accounts | "
                f"{goal_text} | {median:.1f} ms (CPU {cpu:.1f} ms, of it GUI thread {gui:.1f} ms),"
                f" worst {worst:.1f} ms"
                f" | {verdict}"
            )
    page.editor.setPlainText(text_of(3000, paragraphs=True))
    page.run_checks()
    print(f"previews drawn after a pause, {accounts} cards | — | {preview_time(page):.1f} ms |")
    workspace.close()
    del app


if __name__ == "__main__":
    main()
