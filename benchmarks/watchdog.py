"""GUI-thread watchdog: every time the real window stops answering input for 50 ms or more,
and the Python stack that kept it busy.

    .venv/bin/python benchmarks/watchdog.py [--posts 100000] [--snapshots 1000000] [--xvfb]
                                            [--report blocks.json] [--chars 20000]

Builds a demo-like data folder with --posts posts (``app.demo.build_demo_home``) and adds
--snapshots metric snapshots over its published deliveries (plus follower counts every 6
hours for two years), then starts the app in this process, the way ``python -m somestudio``
does, with the watchdog on (``SOMESTUDIO_WATCHDOG``, see ``somestudio/ui/watchdog.py``). Once
the window shows, a driver goes through what a person does:

- every page in turn, then every calendar view (month, week, agenda);
- the calendar on the month with the most posts, and the agenda there;
- a --chars character post in the composer, then typing 40 characters into it, one key
  press per event-loop turn (as a person types);
- Metrics: the first open, then the 90-day and one-year views and a reload.

The window then quits and every block of 50 ms or more is printed with what the driver was
doing and the stack sampled most often during it. Goal: none. Exits 0 either way (a
benchmark reports); 1 only when the app could not run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _startup_benchmark() -> Any:
    """benchmarks/startup.py (its private Xvfb), loaded by path: benchmarks is no package."""
    spec = importlib.util.spec_from_file_location(
        "startup_benchmark", Path(__file__).with_name("startup.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_startup = _startup_benchmark()
BenchmarkError = _startup.BenchmarkError
xvfb = _startup.xvfb

STEP_SETTLE_MS = 700  # after each step: the work it started (workers, repaints) comes back
KEYS = 40


def build(home: Path, posts: int, snapshots: int) -> None:
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.domain.utc import parse_utc, utc_text  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    build_demo_home(home, post_count=posts)
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    rng = random.Random(15)
    published = conn.execute(
        "SELECT id, published_at FROM deliveries WHERE state = 'published'"
        " AND published_at IS NOT NULL ORDER BY id"
    ).fetchall()
    per = max(1, -(-snapshots // max(1, len(published))))
    rows: list[tuple[object, ...]] = []
    for delivery_id, at in published:
        when = parse_utc(at)
        final = rng.lognormvariate(3, 0.8)
        for s in range(per):
            if len(rows) >= snapshots:
                break
            hours = 0.25 * 1.6 ** min(s, 20) + s
            likes = int(final * (1 - 0.5 ** (hours / 10)))
            rows.append(
                (delivery_id, utc_text(when + timedelta(hours=hours)), likes, likes // 6,
                 likes // 9, None, None, likes * 30)
            )  # fmt: skip
    accounts = [r[0] for r in conn.execute("SELECT id FROM accounts")]
    now = datetime.now(UTC).replace(microsecond=0)
    followers = []
    for account_id in accounts:
        count = 1000 * account_id
        for step in range(730 * 4):
            count += rng.randint(-2, 6)
            at = now - timedelta(hours=6 * (730 * 4 - step))
            followers.append((account_id, utc_text(at), count, 100, step))
    with transaction(conn):
        conn.executemany(
            "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts, replies,"
            " quotes, bookmarks, views) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO account_snapshots (account_id, fetched_at, followers, following,"
            " posts_count) VALUES (?, ?, ?, ?, ?)",
            followers,
        )
    workspace.close()


def busiest_month(home: Path) -> date:
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        row = (
            workspace.connection()
            .execute(
                "SELECT substr(scheduled_at, 1, 7) AS month, count(*) FROM deliveries"
                " WHERE scheduled_at IS NOT NULL GROUP BY month ORDER BY count(*) DESC LIMIT 1"
            )
            .fetchone()
        )
    finally:
        workspace.close()
    year, month = (int(part) for part in row[0].split("-"))
    return date(year, month, 15)


Step = tuple[str, Callable[[], None]]


def steps(window: object, busiest: date, chars: int) -> Iterator[Step]:
    """(label, action) pairs; each action runs in its own event-loop turn."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    from somestudio.ui.main_window import PAGES, MainWindow  # noqa: PLC0415

    assert isinstance(window, MainWindow)
    for key in PAGES:
        yield f"open page {key}", partial(window.show_page, key)
    yield "back to the calendar", lambda: window.show_page("calendar")
    for mode in ("week", "agenda", "month"):
        yield f"calendar {mode} view", partial(window.calendar.set_mode, mode)
    yield (
        f"month with the most posts ({busiest:%Y-%m})",
        lambda: window.calendar.set_anchor(busiest),
    )
    yield "agenda of that month", lambda: window.calendar.set_mode("agenda")
    yield "month view again", lambda: window.calendar.set_mode("month")
    yield "next month", lambda: window.calendar.shift(1)
    yield "previous month", lambda: window.calendar.shift(-1)
    yield "open the composer", lambda: window.show_page("compose")
    words = ("Kahvila Aurinko #lounas https://example.org/menu @kahvila tänään ☕ ") * (
        chars // 60 + 1
    )
    text = words[:chars]
    yield (
        f"a {chars:,}-character text in the composer",
        lambda: window.compose.editor.setPlainText(text),
    )
    for index in range(KEYS):
        yield (
            f"typing into the {chars:,}-character post",
            partial(
                QTest.keyClick,
                window.compose.editor,
                Qt.Key.Key_Space if index % 6 == 5 else Qt.Key.Key_A,
            ),
        )
    yield "Metrics (open)", lambda: window.show_page("metrics")
    for preset, label in (("90", "Metrics, 90 days"), ("30", "Metrics, 30 days")):
        yield label, partial(_preset, window, preset)
    year_first = date.today() - timedelta(days=364)
    yield "Metrics, one year", lambda: _range(window, year_first, date.today())
    yield "Metrics reload", window.metrics.reload
    yield "calendar after metrics", lambda: window.show_page("calendar")


def _preset(window: object, key: str) -> None:
    filters = window.metrics.filters  # type: ignore[attr-defined]
    filters.preset.setCurrentIndex(filters.preset.findData(key))


def _range(window: object, first: date, last: date) -> None:
    filters = window.metrics.filters  # type: ignore[attr-defined]
    filters.preset.setCurrentIndex(filters.preset.findData("custom"))
    filters.set_range(first, last)
    window.metrics.reload()  # type: ignore[attr-defined]


def drive(window: object, busiest: date, chars: int, quit_app: Callable[[], None]) -> None:
    """Run the steps one per event-loop turn, waiting for each one's work to settle."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    from somestudio.ui import watchdog as watch  # noqa: PLC0415

    pending = steps(window, busiest, chars)

    def settled() -> bool:
        metrics = getattr(window, "_pages", {}).get("metrics")
        return metrics is None or not metrics.tasks.busy()

    def next_step() -> None:
        if not settled():
            QTimer.singleShot(50, next_step)
            return
        step = next(pending, None)
        if step is None:
            if watch.running is not None:
                watch.running.label = "quitting"
            quit_app()
            return
        label, action = step
        if watch.running is not None:
            watch.running.label = label
        action()
        typing = label.startswith("typing")
        QTimer.singleShot(40 if typing else STEP_SETTLE_MS, next_step)

    if watch.running is not None:
        watch.running.label = "after start-up"
    QTimer.singleShot(3000, next_step)  # the engine attaches and start-up settles first


def run_app(home: Path, report: Path, busiest: date, chars: int) -> None:
    """The app as ``python -m somestudio`` runs it, with the driver started once shown."""
    from somestudio.ui import launch  # noqa: PLC0415

    os.environ["SOMESTUDIO_HOME"] = str(home)
    os.environ[launch.ENV_WATCHDOG] = str(report)
    original = launch._after_shown

    def after_shown(app, guard, window, folder) -> None:  # type: ignore[no-untyped-def]
        original(app, guard, window, folder)
        window.save_state = lambda: None  # the folder is thrown away anyway
        drive(window, busiest, chars, window.quit_requested.emit)

    launch._after_shown = after_shown
    code = launch.launch(demo=False)
    if code != 0:
        raise BenchmarkError(f"the app exited with {code}")


_SHARED_FRAMES = ("benchmarks/watchdog.py", "somestudio/ui/launch.py", "<frozen ")


def describe(report: Path) -> int:
    blocks = json.loads(report.read_text(encoding="utf-8"))["blocks"]
    print(f"GUI-thread blocks of 50 ms or more: {len(blocks)} (goal: none)")
    for block in blocks:
        label = block["label"] or "start-up"
        cpu = block.get("cpu_seconds", -1)
        cpu_note = f", GUI thread's CPU {cpu * 1000:.0f} ms" if cpu >= 0 else ""
        print(
            f"  {block['seconds'] * 1000:6.0f} ms  {label}  ({block['samples']} samples{cpu_note})"
        )
        # The frames every block shares (this script, the launch, the event loop) say nothing.
        own = [line for line in block["stack"] if not any(p in line for p in _SHARED_FRAMES)]
        for line in own[-6:] or ["(in Qt's own code: no Python frame)"]:
            print(f"      {line}")
    return len(blocks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--snapshots", type=int, default=1_000_000)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--xvfb", action="store_true", help="a private Xvfb, not offscreen")
    parser.add_argument("--report", type=Path, help="keep the JSON report here")
    parser.add_argument("--home", type=Path, help="reuse (or build once into) this folder")
    args = parser.parse_args()
    if not _startup.compile_app():  # bytecode first, as an installed app has it
        return 1
    with tempfile.TemporaryDirectory(prefix="somestudio-bench-watchdog-") as tmp:
        home = args.home or Path(tmp) / "home"
        if not (home / "somestudio.db").exists():
            home.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            build(home, args.posts, args.snapshots)
            print(
                f"data folder: {args.posts:,} posts, {args.snapshots:,} snapshots, built in "
                f"{time.perf_counter() - started:.0f} s"
            )
        report = args.report or Path(tmp) / "blocks.json"
        busiest = busiest_month(home)
        try:
            if args.xvfb:
                with xvfb() as display:
                    os.environ["DISPLAY"] = display
                    os.environ["QT_QPA_PLATFORM"] = "xcb"
                    run_app(home, report, busiest, args.chars)
            else:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                run_app(home, report, busiest, args.chars)
        except BenchmarkError as exc:
            print(f"the benchmark could not run: {exc}")
            return 1
        describe(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
