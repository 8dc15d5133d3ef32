"""``somestudio post list --json`` on a large data folder: time and peak memory.

    .venv/bin/python benchmarks/post_list.py [--posts 100000] [--runs 3]

Builds a demo-like data folder with --posts posts (``app.demo.build_demo_home``), then runs
``python -m somestudio post list --json`` with its output going to /dev/null and reads the
child's peak resident memory (``os.wait4``). Goal: the listing streams in <= 100 MB. Prints
the median wall time and the worst peak, with PASS/MISS; exits 1 only when the command
fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MIB = 100.0


def run_once(env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one ``post list --json``."""
    started = time.perf_counter()
    with Path(os.devnull).open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "somestudio", "post", "list", "--json"],
            env=env,
            stdout=sink,
            stderr=subprocess.PIPE,
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"post list --json failed: {err}")
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="somestudio-bench-list-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        started = time.perf_counter()
        build_demo_home(home, post_count=args.posts)
        print(
            f"data folder with {args.posts:,} posts built in {time.perf_counter() - started:.0f} s"
        )
        env = {**os.environ, "SOMESTUDIO_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        results = [run_once(env) for _ in range(args.runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    verdict = "PASS" if peak <= GOAL_MIB else "MISS"
    print(
        f"  post list --json, {args.posts:,} posts: median {seconds:.1f} s, "
        f"peak RSS {peak:.0f} MiB (goal <= {GOAL_MIB:.0f} MiB) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
