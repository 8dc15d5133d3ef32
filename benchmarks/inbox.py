"""The inbox list's queries on 10,000 entries: the open list, filters, search, the next
page and the counts (what the Inbox page asks as a person scrolls and filters).

    .venv/bin/python benchmarks/inbox.py [--items 10000] [--runs 25]

Builds 10,000 entries on 6 accounts (Mastodon, Bluesky, Threads) over 60 days, a third of
them about 3,000 published posts of ours, then prints the median and worst of each query
(goal: median <= 16 ms, one frame at 60 Hz) with PASS/MISS.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_text
from somestudio.store.database import transaction
from somestudio.store.inbox import items as rows

GOAL_MS = 16.0
NOW = datetime(2026, 6, 1, tzinfo=UTC)
NETWORKS = (Network.MASTODON, Network.BLUESKY, Network.THREADS)
WORDS = ("kahvi", "aukiolo", "kiitos", "milloin", "hinta", "tapahtuma", "kirja", "lippu")


def build(home: Path, count: int) -> None:
    rng = random.Random(1)
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    created = utc_text(NOW)
    with transaction(conn):
        for a in range(1, 7):
            conn.execute(
                "INSERT INTO accounts (id, network, handle, created_at) VALUES (?, ?, ?, ?)",
                (a, NETWORKS[a % 3].value, f"account{a}", created),
            )
        for p in range(1, 3001):
            conn.execute(
                "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (p, f"Post {p}", created, created),
            )
            conn.execute(
                "INSERT INTO deliveries (post_id, account_id, scheduled_at, time_zone, state,"
                " idempotency_key, remote_id, updated_at)"
                " VALUES (?, ?, ?, 'UTC', 'published', ?, ?, ?)",
                (p, p % 6 + 1, created, f"k{p}", f"remote-{p}", created),
            )
        kinds = list(InboxKind)
        for n in range(count):
            kind = kinds[rng.randrange(len(kinds))]
            account = n % 6 + 1
            subject = f"remote-{rng.randrange(1, 3001)}" if n % 3 == 0 else f"other-{n}"
            text = " ".join(rng.choice(WORDS) for _ in range(8)) if kind.answerable else ""
            entry = Incoming(
                network_item_id=f"n{n}",
                kind=kind,
                author=Author(f"@person{n % 700}", f"Person {n % 700}"),
                created_at=NOW - timedelta(seconds=rng.randrange(60 * 86400)),
                text=text,
                item_post=PostRef(f"post-{n}") if kind.answerable else None,
                subject=PostRef(subject),
            )
            rows.add(conn, account, [entry], NOW)
        conn.execute("UPDATE inbox_items SET read_at = fetched_at WHERE id % 3 = 0")
        conn.execute("UPDATE inbox_items SET done_at = fetched_at WHERE id % 5 = 0")
    workspace.close()


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def view_benchmarks(workspace: Workspace, runs: int) -> bool:
    """The Inbox page itself (offscreen): filtering reloads its model and paints the
    screenful; scrolling paints the next screenful (fetching the next page when it gets to
    the end of what is loaded)."""
    import os  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.ui.inbox.page import InboxPage  # noqa: PLC0415
    from somestudio.ui.tasks import Tasks  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    page = InboxPage(Studio(workspace), ZoneInfo("Europe/Helsinki"), tasks=Tasks(synchronous=True))
    page.resize(1366, 850)
    page.show()
    page.reload()
    app.processEvents()
    viewport = page.list.viewport()
    bar = page.list.verticalScrollBar()
    kinds = page.filters.kind

    def filter_and_paint() -> None:
        kinds.setCurrentIndex((kinds.currentIndex() + 1) % kinds.count())
        viewport.repaint()

    def scroll_and_paint() -> None:
        bar.setValue(bar.value() + viewport.height())
        viewport.repaint()

    def search_and_paint() -> None:
        page.filters.search.setText("kahvi" if page.filters.search.text() != "kahvi" else "")
        page.filters.apply_now()
        viewport.repaint()

    ok = True
    for name, action in {
        "view: filter by kind + paint": filter_and_paint,
        "view: search + paint": search_and_paint,
        "view: scroll a screen + paint": scroll_and_paint,
    }.items():
        kinds.setCurrentIndex(0)
        page.filters.search.setText("")
        page.filters.apply_now()
        median, slowest = timed(action, runs)
        verdict = "PASS" if median <= GOAL_MS else "MISS"
        ok = ok and verdict == "PASS"
        print(f"{name:<32} median {median:7.2f} ms  worst {slowest:7.2f} ms  {verdict}")
    rows_loaded = page.model.rowCount()
    print(f"(rows loaded after scrolling: {rows_loaded})")
    page.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="somestudio-inbox-bench-"))
    try:
        started = time.perf_counter()
        build(home, args.items)
        print(f"built {args.items} entries in {time.perf_counter() - started:.1f} s")
        workspace = open_workspace(home)
        conn = workspace.connection()
        first = rows.find(conn, InboxQuery())
        last = first[-1]
        queries: dict[str, Callable[[], object]] = {
            "open list (200)": lambda: rows.find(conn, InboxQuery()),
            "next page": lambda: rows.find(
                conn, InboxQuery(before=(utc_text(last.created_at), last.id))
            ),
            "Bluesky replies and mentions": lambda: rows.find(
                conn,
                InboxQuery(
                    networks=frozenset({Network.BLUESKY}),
                    kinds=frozenset({InboxKind.REPLY, InboxKind.MENTION}),
                ),
            ),
            "one account, unread": lambda: rows.find(
                conn, InboxQuery(account_ids=frozenset({2}), unread_only=True)
            ),
            "search 'milloin'": lambda: rows.find(conn, InboxQuery(search="milloin")),
            "search, all incl. done": lambda: rows.find(
                conn, InboxQuery(search="hinta", done=None)
            ),
            "counts": lambda: rows.counts(conn),
        }
        worst = True
        for name, action in queries.items():
            median, slowest = timed(action, args.runs)
            verdict = "PASS" if median <= GOAL_MS else "MISS"
            worst = worst and verdict == "PASS"
            print(f"{name:<32} median {median:7.2f} ms  worst {slowest:7.2f} ms  {verdict}")
        worst = view_benchmarks(workspace, args.runs) and worst
        workspace.close()
        return 0 if worst else 1
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
