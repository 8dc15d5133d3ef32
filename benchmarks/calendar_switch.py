"""Calendar month switch on a 10,000-post database: query, model reset and a full repaint.

    .venv/bin/python benchmarks/calendar_switch.py [--posts 10000] [--switches 60]

Run by ``benchmarks/scheduler.py`` too. Goal: median <= 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from somestudio.app.demo import build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.calendar.calendar_page import CalendarPage

GOAL_MEDIAN_MS = 16.0


def month_switch(posts: int, switches: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="somestudio-bench-calendar-"))
    app = QApplication.instance() or QApplication([])
    try:
        build_demo_home(home, post_count=posts)
        workspace = open_workspace(home)
        page = CalendarPage(Studio(workspace), ZoneInfo("Europe/Helsinki"))
        page.resize(1200, 760)
        page.show()
        app.processEvents()
        first: list[float] = []  # months never shown before
        again: list[float] = []  # months seen earlier in the run (elided labels remembered)
        seen: set[tuple[int, int]] = set()
        shown = 0
        for step in range(switches):
            start = time.perf_counter()
            page.shift(1 if (step // 6) % 2 == 0 else -1)  # wander forward and back
            page.grid.viewport().repaint()  # paint now, as the next frame would
            elapsed = (time.perf_counter() - start) * 1000
            month = (page.model.year, page.model.month)
            (again if month in seen else first).append(elapsed)
            seen.add(month)
            shown += sum(len(page.model.entries_on(d)) for d in page.model.days)
        times = first + again
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"Calendar month switch ({posts} posts, {switches} switches, "
            f"{shown / switches:.0f} deliveries per month grid)"
        )
        print(f"  median {median:.1f} ms, p95 {p95:.1f} ms")
        print(
            f"  first visit to a month: median {statistics.median(first):.1f} ms "
            f"({len(first)}); back to one: median {statistics.median(again):.1f} ms "
            f"({len(again)})"
        )
        verdict = "PASS" if median <= GOAL_MEDIAN_MS else "MISS"
        print(f"  goal median <= {GOAL_MEDIAN_MS:.0f} ms: {verdict}")
        workspace.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--switches", type=int, default=60)
    args = parser.parse_args()
    month_switch(args.posts, args.switches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
