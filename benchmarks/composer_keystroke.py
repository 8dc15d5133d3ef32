"""Keystroke to counter in the composer: insert one character into a 3,000-character post
ticked for every demo account, then check and show the result (all on this thread, as the
synchronous task runner does). Prints figures; fails on nothing.

    QT_QPA_PLATFORM=offscreen python benchmarks/composer_keystroke.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from somestudio.app.demo import build_demo_home
from somestudio.app.draft_checks import check_draft
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.tasks import Tasks

SAMPLE = (
    "Tervetuloa Kahvila Aurinkoon! ☀️ Tänään uunista tulee korvapuusteja 🥐 ja kardemummaa. "
    "Lue lisää: https://kahvila-aurinko.fi/blogi #kahvila @aurinko@mastodon.example 👩‍👩‍👧‍👦 𝒜 "
)


def measure(page: ComposePage, text: str, rounds: int = 40) -> tuple[float, float, float]:
    page.editor.setPlainText(text)
    page.run_checks()
    total, checks = [], []
    draft_targets = None
    for _ in range(rounds):
        cursor = page.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        start = time.perf_counter()
        cursor.insertText("x")
        page.run_checks()
        QApplication.processEvents()
        total.append(time.perf_counter() - start)
        draft = page.current_draft()
        draft_targets = [page._targets[a] for a in draft.account_ids]
        start = time.perf_counter()
        check_draft(draft, draft_targets, lang="en", media=page._media_cache)
        checks.append(time.perf_counter() - start)
    return statistics.median(total) * 1000, statistics.median(checks) * 1000, max(total) * 1000


def main() -> None:
    app = QApplication([])
    home = Path(tempfile.mkdtemp(prefix="somestudio-bench-"))
    build_demo_home(home)
    workspace = open_workspace(home)
    page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
    page.resize(1280, 800)
    page.show()
    for row in range(page.accounts.count()):
        page.accounts.item(row).setCheckState(Qt.CheckState.Checked)
    for size in (3000, 20_000, 65_536):
        text = (SAMPLE * (size // len(SAMPLE) + 1))[:size]
        median, check, worst = measure(page, text)
        print(
            f"{size:>6} chars, {page.accounts.count()} accounts: keystroke to counter "
            f"median {median:.1f} ms (checks {check:.1f} ms), worst {worst:.1f} ms"
        )
    workspace.close()
    del app


if __name__ == "__main__":
    main()
