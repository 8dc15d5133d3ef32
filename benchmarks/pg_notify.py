"""Change feed latency on a shared (PostgreSQL) workspace: a write committed by one process
until another process's ``data_version`` feed (``store/pg_notify.PgChangeFeed``, LISTEN)
has moved. Goal (issue 17): <= 1 s.

    .venv/bin/python benchmarks/pg_notify.py [--writes 200] [--gap 0.05]

Starts a throw-away PostgreSQL (Debian's binaries, as the tests do: tests/postgres_server.py)
with a database at the newest schema, a listening child process (its own engine and feed),
then commits ``--writes`` posts one at a time (``store.posts.create_post``: a transaction with
its NOTIFY), ``--gap`` seconds apart. Each latency is the child's wall-clock time of the
notification minus the parent's time just before the write began (same machine, same
clock), so it includes the write's own round trips. Prints p50/p95/max and PASS/MISS;
always exits 0 (a benchmark reports).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from somestudio.store.engines import make_engine
from somestudio.store.pg_connections import PgConnections
from somestudio.store.pg_notify import PgChangeFeed
from somestudio.store.posts import create_post
from somestudio.store.workspace_url import parse
from tests.postgres_server import fresh_database, migrated_template, postgres_server

GOAL_S = 1.0
PASSWORD_ENV = "SOMESTUDIO_BENCH_PG_PASSWORD"  # the throw-away server's, child's env only


def listen(url: str, count: int) -> None:
    """The child: print the wall-clock time of each change until ``count`` were seen."""
    password = os.environ[PASSWORD_ENV]
    feed = PgChangeFeed(make_engine(parse(url), lambda: password))

    def heard(what: str) -> None:
        if what:  # "" is the catch-up once listening, not a write
            print(f"{time.time():.6f} {what}", flush=True)

    feed.listeners.append(heard)
    if not feed.listening.wait(30):
        raise SystemExit("the feed did not listen")
    print("ready", flush=True)
    while feed.version() < count + 1:  # the writes and the catch-up
        feed.wait_for(feed.version(), 1.0)
    feed.close()


def measure(writes: int, gap: float) -> None:
    with postgres_server() as server, fresh_database(server, migrated_template(server)) as url:
        child = subprocess.Popen(
            [sys.executable, __file__, "--listen", url.display(), "--writes", str(writes)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, PASSWORD_ENV: server.password},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        connections = PgConnections(make_engine(url, lambda: server.password))
        conn = connections.connection()
        started: list[float] = []
        for i in range(writes):
            started.append(time.time())
            create_post(conn, f"benchmark post {i}")
            time.sleep(gap)
        seen = [float(line.split()[0]) for line in child.stdout.read().splitlines()]
        child.wait(timeout=30)
        connections.close()
    lags = sorted(s - b for s, b in zip(seen, started, strict=False))
    p50 = statistics.median(lags)
    p95 = lags[int(0.95 * (len(lags) - 1))]
    verdict = "PASS" if lags[-1] <= GOAL_S else "MISS"
    print(f"change feed, {len(lags)} of {writes} writes seen by another process")
    print(
        f"  latency p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max {lags[-1] * 1000:.1f} ms"
    )
    print(f"  goal <= {GOAL_S:.0f} s: {verdict}")
    with contextlib.suppress(OSError):
        print(f"  load average (1 min): {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--gap", type=float, default=0.05)
    parser.add_argument("--listen", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.listen:
        listen(args.listen, args.writes)
    else:
        measure(args.writes, args.gap)


if __name__ == "__main__":
    main()
