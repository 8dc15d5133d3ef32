"""The inbox list's queries on 10,000 entries: the open list, filters, search, the next
page and the counts (what the Inbox page asks as a person scrolls and filters).

    .venv/bin/python benchmarks/inbox.py [--items 10000] [--runs 25] [--profile]

Builds 10,000 entries on 6 accounts (Mastodon, Bluesky, Threads) over 60 days, a third of
them about 3,000 published posts of ours, then prints the median and worst of each query
and of the real Inbox page filtering, searching and scrolling (goal: median <= 16 ms, one
frame at 60 Hz) with PASS/MISS, beside a bare QListView of the same rows for reference.
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


def _wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the GUI thread sleep in its event loop (no busy wait, which would take a core from
    the worker) until ``condition``."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    deadline = time.perf_counter() + seconds
    tick = QTimer()  # wakes the loop now and then, should nothing else
    tick.start(50)
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the inbox list was not shown in time")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


def _report(
    name: str, times: list[float], cpu: list[float], gui: list[float] | None = None
) -> bool:
    """Wall time (what the user waits at this load) and the GUI thread's CPU time (the view's
    own cost, which the machine's load hardly changes)."""
    median, slowest = statistics.median(times), max(times)
    verdict = "PASS" if median <= GOAL_MS else "MISS"
    extra = f"  GUI CPU {statistics.median(cpu):6.2f} ms"
    if gui is not None:
        extra += f", GUI busy {statistics.median(gui):6.2f} ms"
    print(f"{name:<44} median {median:7.2f} ms  worst {slowest:7.2f} ms  {verdict}{extra}")
    return verdict == "PASS"


def view_benchmarks(workspace: Workspace, runs: int, *, profile: bool) -> bool:  # noqa: PLR0915
    """The Inbox page itself (offscreen) as the window makes it: the app's style and palette,
    its own worker for the list. A filter or search is timed from the change until the new
    rows are painted (the query runs on the worker meanwhile; the GUI thread's own share is
    printed beside it); scrolling paints the next screenful (reading the next page at the end
    of what is loaded). A bare ``QListView`` of the same rows' texts is the reference: what
    Qt itself costs on this machine at this load."""
    import cProfile  # noqa: PLC0415
    import os  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from PySide6.QtCore import QStringListModel  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QListView  # noqa: PLC0415

    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.ui.inbox.page import InboxPage  # noqa: PLC0415
    from somestudio.ui.process_setup import as_in_the_app  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    as_in_the_app(app)  # the app's switch interval, collection, style and scheme
    page = InboxPage(Studio(workspace), ZoneInfo("Europe/Helsinki"))  # as the window makes it
    page.resize(1366, 850)
    page.show()
    page.reload()
    _wait_until(lambda: not page.model.loading)
    app.processEvents()
    viewport = page.list.viewport()
    bar = page.list.verticalScrollBar()
    kinds = page.filters.kind
    search = page.filters.search

    def shown(change: Callable[[], None], gui: list[float], cpu: list[float]) -> None:
        """``change`` a filter, wait for the new rows (read on the worker), paint them; the
        GUI thread's share is the change and the swap with its paint, not the wait."""
        start, start_cpu = time.perf_counter(), time.thread_time()
        change()
        busy, busy_cpu = time.perf_counter() - start, time.thread_time() - start_cpu
        _wait_until(lambda: not page.model.loading)
        swapped, swapped_cpu = time.perf_counter(), time.thread_time()
        viewport.repaint()
        gui.append((busy + time.perf_counter() - swapped) * 1000)
        cpu.append((busy_cpu + time.thread_time() - swapped_cpu) * 1000)

    def next_kind() -> None:
        kinds.setCurrentIndex((kinds.currentIndex() + 1) % kinds.count())

    def toggle(word: str) -> Callable[[], None]:
        def change() -> None:
            search.setText(word if search.text() != word else "")
            page.filters.apply_now()

        return change

    def cold(change: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            page.delegate.forget_layouts()
            change()

        return run

    def scroll() -> None:
        bar.setValue(bar.value() + viewport.height())
        viewport.repaint()

    filtering: dict[str, Callable[[], None]] = {
        "view: filter by kind → painted": next_kind,
        "view: filter by kind → painted, rows new": cold(next_kind),
        "view: search 'kahvi' → painted": toggle("kahvi"),
        "view: search, no match (reads all) → painted": toggle("zzz"),
    }
    ok = True
    profiler = cProfile.Profile() if profile else None
    for name, change in filtering.items():
        kinds.setCurrentIndex(0)
        search.setText("")
        page.filters.apply_now()
        _wait_until(lambda: not page.model.loading)
        times: list[float] = []
        cpu: list[float] = []
        gui: list[float] = []
        for _ in range(runs):
            start = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            shown(change, gui, cpu)
            if profiler is not None:
                profiler.disable()
            times.append((time.perf_counter() - start) * 1000)
        ok = _report(name, times, cpu, gui) and ok
    kinds.setCurrentIndex(0)
    search.setText("")
    page.filters.apply_now()
    _wait_until(lambda: not page.model.loading)
    page.delegate.forget_layouts()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.thread_time()
        if profiler is not None:
            profiler.enable()
        scroll()
        if profiler is not None:
            profiler.disable()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    ok = _report("view: scroll a screen + paint", times, cpu) and ok
    print(f"(rows loaded after scrolling: {page.model.rowCount()})")

    # The reference: a bare QListView (default delegate) of the same rows as 3-line texts.
    texts = [
        "\n".join((item.author.label, item.kind.value, " ".join(item.text.split())))
        for item in (page.model.item_at(r) for r in range(page.model.rowCount()))
        if item is not None
    ]
    bare = QListView()
    bare.setUniformItemSizes(True)
    model = QStringListModel(texts)
    bare.setModel(model)
    bare.resize(page.list.size())
    bare.show()
    app.processEvents()
    bare_bar, bare_port = bare.verticalScrollBar(), bare.viewport()
    halves = (texts[::2], texts[1::2])

    def bare_filter() -> None:
        model.setStringList(halves[0] if model.rowCount() != len(halves[0]) else halves[1])
        bare_port.repaint()

    def bare_scroll() -> None:
        if bare_bar.value() >= bare_bar.maximum():
            bare_bar.setValue(0)
        bare_bar.setValue(bare_bar.value() + bare_port.height())
        bare_port.repaint()

    for name, action in {
        "reference: bare QListView, new rows + paint": bare_filter,
        "reference: bare QListView, scroll + paint": bare_scroll,
    }.items():
        times, cpu = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.thread_time()
            action()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
        print(
            f"{name:<44} median {statistics.median(times):7.2f} ms  worst {max(times):7.2f} ms"
            f"        GUI CPU {statistics.median(cpu):6.2f} ms"
        )
    bare.close()
    page.close()
    if profiler is not None:
        print("\ncProfile of the view runs above (own time, top 15):")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--profile", action="store_true", help="cProfile the view's runs")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="somestudio-inbox-bench-"))
    try:
        import os  # noqa: PLC0415

        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
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
        worst = view_benchmarks(workspace, args.runs, profile=args.profile) and worst
        workspace.close()
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        return 0 if worst else 1
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
