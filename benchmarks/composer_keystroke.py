"""Keystroke to counters in the real composer, ticked for every demo account: one character
is typed and the strip shows every account's new count (counted from the changed paragraph
on the keystroke itself: ``ui/composer/live_counts.py``) and is painted; the full check
(findings, the overflow mark) runs on the worker thread as in the window and is timed to
when its result is on screen. Cards are drawn after a pause and are timed apart.
Prints figures; fails on nothing.

Two shapes of text: paragraphs of a few sentences (as posts are written) and one unbroken
paragraph (the worst case: Qt lays out the whole paragraph again on every key; the counts and
the link/tag marks are worked out again only for the piece of it the key changed,
``ui/composer/text_pieces.py``).

    QT_QPA_PLATFORM=offscreen python benchmarks/composer_keystroke.py [--sizes 65536 --shape one]

Beside each figure, the same keys in a bare ``QPlainTextEdit`` of the editor's size (no
highlighter, no counters), as Qt ships it: Qt's own share. Qt throws a paragraph's shaped
glyphs away once it has laid it out and shapes the lines it paints again; the app's editor
keeps them (``PostEditor._keep_glyphs``), so in one long paragraph its key can take less than
the bare editor's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from somestudio.app.demo import build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.channels import RULES
from somestudio.ui import gui_gc
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.process_setup import as_in_the_app
from somestudio.ui.tasks import Tasks

SAMPLE = (
    "Tervetuloa Kahvila Aurinkoon! ☀️ Tänään uunista tulee korvapuusteja 🥐 ja kardemummaa. "
    "Lue lisää: https://kahvila-aurinko.fi/blogi #kahvila @aurinko@mastodon.example 👩‍👩‍👧‍👦 𝒜 "
)
GOALS = {3000: 8.0, 65_536: 16.0}  # ms, issue 15 point 5
PACE = 0.12  # s between keys: a brisk typist


def text_of(size: int, *, paragraphs: bool) -> str:
    unit = SAMPLE + "\n\n" if paragraphs else SAMPLE
    return (unit * (size // len(unit) + 1))[:size]


def _to_end(editor: QPlainTextEdit) -> None:
    """The cursor and the view at the end, where the keys go (as when typing)."""
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()


def _checked(page: ComposePage) -> None:
    """Wait until the full check of the editor's text is on screen."""
    text = page.editor.text()
    while page.report is None or page.report.base_text != text or page._checking:
        QApplication.processEvents()
        time.sleep(0.0002)


def _counts_right(page: ComposePage) -> bool:
    text = page.editor.text()
    for account_id, chip in page.counters.chips.items():
        target = page._targets[account_id]
        count = len(text) if target.channel is None else RULES[target.channel].count(text)
        if not chip.counter.replace(",", "").startswith(f"{count}"):
            return False
    return True


def measure(page: ComposePage, text: str, rounds: int = 30) -> dict[str, float]:
    """Keys typed at a brisk pace (one per ``PACE`` s; the checks run on the worker in
    between, the cards wait for a pause that never comes). Medians in ms: to the counts on
    the chips, to the right counts painted, the GUI thread's CPU for the key; the worst to
    painted; and after the last key, to the full check's result on screen."""
    page.editor.setPlainText(text)
    _to_end(page.editor)
    _checked(page)
    counted, painted, cpu = [], [], []
    for _ in range(rounds):
        cursor = page.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        start, start_cpu = time.perf_counter(), time.thread_time()
        cursor.insertText("x")
        counted.append(time.perf_counter() - start)
        QApplication.processEvents()
        shown = time.perf_counter() - start
        cpu.append(time.thread_time() - start_cpu)
        # Too much to count on the keystroke (a long unbroken paragraph): the strip shows
        # the new counts when the full check brings them.
        while not _counts_right(page):
            QApplication.processEvents()
            time.sleep(0.0002)
            shown = time.perf_counter() - start
        painted.append(shown)
        while time.perf_counter() - start < PACE:
            QApplication.processEvents()
            gui_gc.collect_if_due()  # as the app's event loop does when it waits
            time.sleep(0.001)
    start = time.perf_counter()
    _checked(page)
    return {
        "counted": statistics.median(counted) * 1000,
        "painted": statistics.median(painted) * 1000,
        "cpu": statistics.median(cpu) * 1000,
        "worst": max(painted) * 1000,
        "checked": (time.perf_counter() - start + PACE) * 1000,
    }


def reference(text: str, size: tuple[int, int], rounds: int = 30) -> dict[str, float]:
    """The same keys in a bare ``QPlainTextEdit`` of the composer editor's size (no
    highlighter, no counters, Qt's default of throwing shaped glyphs away after layout): what
    Qt's own layout and painting of the text cost."""
    editor = QPlainTextEdit()
    editor.resize(*size)
    editor.show()
    editor.setPlainText(text)
    _to_end(editor)
    QApplication.processEvents()
    painted, cpu = [], []
    for _ in range(rounds):
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        start, start_cpu = time.perf_counter(), time.thread_time()
        cursor.insertText("x")
        QApplication.processEvents()
        painted.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        while time.perf_counter() - start < PACE:
            QApplication.processEvents()
            gui_gc.collect_if_due()
            time.sleep(0.001)
    editor.close()
    editor.deleteLater()
    return {"painted": statistics.median(painted) * 1000, "cpu": statistics.median(cpu) * 1000}


def preview_time(page: ComposePage, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        page.previews._stale.update(page.previews._contents)  # every card drawn again
        start = time.perf_counter()
        page.previews.draw()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3000,20000,65536", help="text lengths, comma-separated")
    parser.add_argument(
        "--shape",
        choices=("both", "paragraphs", "one"),
        default="both",
        help="text in paragraphs, one unbroken paragraph, or both",
    )
    parser.add_argument("--no-reference", action="store_true", help="skip the bare editor")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = {"both": (True, False), "paragraphs": (True,), "one": (False,)}[args.shape]
    app = QApplication([])
    as_in_the_app(app)  # the app's switch interval, collection, style and scheme
    home = Path(tempfile.mkdtemp(prefix="somestudio-bench-"))
    build_demo_home(home)
    workspace = open_workspace(home)
    page = ComposePage(Studio(workspace), tasks=Tasks())  # checks on a worker, as in the window
    page.resize(1280, 800)
    page.show()
    for row in range(page.accounts.count()):
        page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    accounts = page.accounts.count()
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    print("figure | goal | measured (medians; worst) | PASS/MISS")
    for paragraphs in shapes:
        shape = "paragraphs" if paragraphs else "one paragraph"
        for size in sizes:
            text = text_of(size, paragraphs=paragraphs)
            m = measure(page, text)
            goal = GOALS.get(size)
            verdict = "" if goal is None else ("PASS" if m["painted"] <= goal else "MISS")
            goal_text = "—" if goal is None else f"≤ {goal:.0f} ms"
            print(
                f"keystroke → counters, {size:,} chars ({shape}), {accounts} accounts | "
                f"{goal_text} | {m['painted']:.1f} ms painted (counted {m['counted']:.1f} ms, "
                f"GUI CPU {m['cpu']:.1f} ms), worst {m['worst']:.1f} ms; full check on screen "
                f"≤ {m['checked']:.0f} ms after the last key | {verdict}"
            )
            if not args.no_reference:
                editor_size = (page.editor.width(), page.editor.height())
                r = reference(text, editor_size)
                print(
                    f"  reference: bare QPlainTextEdit {editor_size[0]}×{editor_size[1]}, "
                    f"same text and keys | — | {r['painted']:.1f} ms painted "
                    f"(GUI CPU {r['cpu']:.1f} ms) |"
                )
    page.editor.setPlainText(text_of(3000, paragraphs=True))
    _checked(page)
    print(f"previews drawn after a pause, {accounts} cards | — | {preview_time(page):.1f} ms |")
    print(f"load: {os.getloadavg()[0]:.2f} (1 min) at the end")
    page._tasks.wait()
    workspace.close()
    del app


if __name__ == "__main__":
    main()
