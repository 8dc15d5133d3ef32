"""Run every benchmark in benchmarks/ and print one table: figure | goal | measured | reference
| PASS/MISS.

    .venv/bin/python benchmarks/run_all.py [--quick] [--only startup,metrics] [--list]

Each benchmark runs as its own process, as a user's app would: with the app's own database
settings (no statistics the app does not keep itself) and bytecode compiled first
(``compileall`` of somestudio/ and benchmarks/, as an installed app has it). Its output is
shown as it runs; the figures are then read from that output. Where the goal is a ratio (start
time against a bare PySide6 window), the reference is measured in the same run, side by side.
The machine's load is printed with the table: on a shared machine the figures are only as good
as the quiet they were measured in. Exits 0 either way (a benchmark reports; it does not judge
a slow machine), 1 only if a benchmark could not run at all.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bytecode_first import compile_app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VERDICT = re.compile(r"\b(PASS|MISS)\b")


@dataclass(frozen=True)
class Row:
    figure: str
    goal: str
    measured: str
    verdict: str  # PASS, MISS, or "-" (a figure without a goal)
    reference: str = ""


Reader = Callable[[str], list[Row]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    args: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()
    read: Reader | None = None
    timeout: float = 1800.0
    window: bool = False  # about the real window: on a private Xvfb when there is one


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def read_startup(out: str) -> list[Row]:
    rows = []
    for what, figure in (
        ("first frame", "start -> first frame, ratio to a bare PySide6 window"),
        ("responsive", "start -> responsive (answers input), ratio to a bare PySide6 window"),
    ):
        times = re.search(rf"median time to {what}: app ([\d.]+) s, bare ([\d.]+) s", out)
        ratio = re.search(
            rf"{what} ratio app / bare: ([\d.]+) \(goal <= ([\d.]+)\)\s*(PASS|MISS)", out
        )
        if times and ratio:
            rows.append(
                Row(
                    figure,
                    f"<= {ratio[2]}",
                    f"{ratio[1]} (app {times[1]} s)",
                    ratio[3],
                    f"bare window {times[2]} s",
                )
            )
    rss = re.search(
        r"idle RSS of the app: ([\d.]+) MiB \(goal <= ([\d.]+) MiB\)\s*(PASS|MISS)", out
    )
    if rss:
        rows.append(Row("idle RSS", f"<= {rss[2]} MiB", f"{rss[1]} MiB", rss[3]))
    return rows


def read_calendar(out: str) -> list[Row]:
    head = re.search(
        r"Calendar (?:month )?switch \((\d+) posts(?:, density x(\d+))?.*?(; postgresql)?\)$",
        out,
        re.M,
    )
    if not head:
        return []
    density = f", {head[2]}x density" if head[2] and head[2] != "1" else ""
    where = f"{int(head[1]):,} posts{density}{', PostgreSQL' if head[3] else ''}"
    rows = []
    # Each view's figures, then its verdict: "month: median …" … "goal median <= 16 ms: PASS".
    for view, median, p95, goal, verdict in re.findall(
        r"^\s*(month|agenda): median ([\d.]+) ms, p95 ([\d.]+) ms$.*?"
        r"goal median <= ([\d.]+) ms: (PASS|MISS)",
        out,
        re.M | re.S,
    ):
        rows.append(
            Row(
                f"{view} switch, {where} (median; p95 {p95} ms)",
                f"<= {goal} ms",
                f"{median} ms",
                verdict,
            )
        )
    return rows


def read_keystroke(out: str) -> list[Row]:
    rows = []
    for size, shape, goal, painted, cpu, worst, verdict, bare in re.findall(
        r"keystroke → counters, ([\d,]+) chars \(([^)]+)\), \d+ accounts \| ([^|]*) \| "
        r"([\d.]+) ms painted \(counted [\d.]+ ms, GUI CPU ([\d.]+) ms\), worst ([\d.]+) ms"
        r"[^|]*\| ?(PASS|MISS)?\s*\n\s*reference: bare [^|]*\| [^|]*\| ([\d.]+) ms painted",
        out,
    ):
        rows.append(
            Row(
                f"keystroke -> counters, real composer, {size} chars ({shape}) (median; worst "
                f"{worst} ms; GUI CPU {cpu} ms)",
                goal.replace("≤", "<=").strip().replace("—", ""),
                f"{painted} ms",
                verdict or "-",
                f"bare QPlainTextEdit {bare} ms",
            )
        )
    return rows


def read_compose(out: str) -> list[Row]:
    found = re.search(
        r"keystroke, all ten channels: median ([\d.]+) ms, p99 ([\d.]+) ms.*?\((PASS|MISS): "
        r"goal median <= ([\d.]+) ms, p99 <= ([\d.]+) ms\)",
        out,
    )
    if not found:
        return []
    return [
        Row(
            "text checks of every channel per keystroke (median / p99)",
            f"<= {found[4]} / {found[5]} ms",
            f"{found[1]} / {found[2]} ms",
            found[3],
        )
    ]


def read_scheduler(out: str) -> list[Row]:
    rows = []
    late = re.search(r"lateness, (\d+) deliveries", out)
    p99 = re.search(r"p50 ([\d.]+) s\s+p99 ([\d.]+) s\s+max ([\d.]+) s", out)
    goal = re.search(r"goal p99 <= ([\d.]+) s: (PASS|MISS)", out)
    if late and p99 and goal:
        rows.append(
            Row(
                f"lateness of {int(late[1]):,} deliveries due at once, Local archive (p99; "
                f"p50 {p99[1]} s)",
                f"<= {goal[1]} s",
                f"{p99[2]} s",
                goal[2],
            )
        )
    wake = re.search(r"scheduler wake-ups \d+ \(([\d.]+)/min\)", out)
    idle = re.search(r"goal <= ([\d.]+) per idle minute: (PASS|MISS)", out)
    if wake and idle:
        rows.append(Row("idle wake-ups", f"<= {idle[1]}/min", f"{wake[1]}/min", idle[2]))
    return rows


def read_metrics(out: str, prefix: str = "metrics: ", goal: str = "") -> list[Row]:
    """Lines "name  median X ms  worst Y ms  [cpu Z ms]  PASS", under a heading naming the
    goal (metrics.py), or with ``goal`` given (inbox.py's ``GOAL_MS``, which it does not
    print)."""
    rows = []
    for line in out.splitlines():
        section = re.search(r"goal: median <= ([\d.]+) ms", line)
        if section:
            goal = f"<= {section[1]} ms"
            continue
        found = re.match(
            r"^\s*(.+?)\s+median\s+([\d.]+) ms\s+worst\s+([\d.]+) ms"
            r"(?:\s+cpu\s+([\d.]+) ms)?\s+(PASS|MISS)",
            line,
        )
        if found:
            cpu = f"; CPU {found[4]} ms" if found[4] else ""
            rows.append(
                Row(
                    f"{prefix}{found[1]} (median; worst {found[3]} ms{cpu})",
                    goal,
                    f"{found[2]} ms",
                    found[5],
                )
            )
    return rows


def read_inbox(out: str) -> list[Row]:
    return read_metrics(out, prefix="inbox, 10,000 entries: ", goal="<= 16 ms")


def read_post_list(out: str) -> list[Row]:
    found = re.search(
        r"post list --json, ([\d,]+) posts: median ([\d.]+) s, peak RSS ([\d.]+) MiB "
        r"\(goal <= ([\d.]+) MiB\) (PASS|MISS)",
        out,
    )
    if not found:
        return []
    return [
        Row(
            f"`post list --json`, {found[1]} posts: peak memory (median time {found[2]} s)",
            f"<= {found[4]} MiB",
            f"{found[3]} MiB",
            found[5],
        )
    ]


def read_watchdog(out: str) -> list[Row]:
    found = re.search(r"GUI-thread blocks of 50 ms or more: (\d+) \(goal: none\)", out)
    if not found:
        return []
    blocks = re.findall(r"^\s+(\d+) ms  (.+?)  \(", out, re.M)
    said = "; ".join(f"{ms} ms {label}" for ms, label in blocks)
    return [
        Row(
            "GUI-thread blocks >= 50 ms driving the real window (100k posts, 1M snapshots)",
            "none",
            found[1] + (f" ({said})" if said else ""),
            _verdict(found[1] == "0"),
        )
    ]


BENCHMARKS = (
    Benchmark("startup", "startup.py", quick=("--runs", "3"), read=read_startup, window=True),
    Benchmark("calendar", "calendar_switch.py", read=read_calendar),
    # issue 15: "month and agenda switch <= 16 ms at 10x density" (a month holding ten times
    # the posts: 140 a day)
    Benchmark("calendar-dense", "calendar_switch.py", ("--density", "10"), read=read_calendar),
    Benchmark("calendar-pg", "calendar_switch.py", ("--backend", "postgresql"), read=read_calendar),
    Benchmark("composer", "composer_keystroke.py", read=read_keystroke),
    Benchmark("checks", "compose.py", ("--no-compare",), read=read_compose),
    Benchmark(
        "scheduler",
        "scheduler.py",
        ("--skip-calendar",),
        quick=("--idle-seconds", "65"),
        read=read_scheduler,
    ),
    Benchmark("metrics", "metrics.py", quick=("--runs", "5"), read=read_metrics),
    Benchmark("inbox", "inbox.py", read=read_inbox),
    Benchmark("post-list", "post_list.py", quick=("--posts", "10000"), read=read_post_list),
    Benchmark(
        "watchdog",
        "watchdog.py",
        quick=("--posts", "10000", "--snapshots", "100000"),
        read=read_watchdog,
        window=True,
    ),
)


def leftover_rows(name: str, out: str, rows: list[Row]) -> list[Row]:
    """A benchmark whose output its reader did not understand (changed since) still shows
    its verdict lines, whole, so nothing is silently dropped from the table."""
    if rows:
        return []
    return [
        Row(f"{name}: {line.strip()}", "", "", match[1])
        for line in out.splitlines()
        if (match := VERDICT.search(line))
    ]


def run(benchmark: Benchmark, *, quick: bool) -> tuple[list[Row], float, int]:
    command = [sys.executable, str(HERE / benchmark.script), *benchmark.args]
    if quick:
        command += benchmark.quick
    if benchmark.window:
        if shutil.which("Xvfb"):
            command.append("--xvfb")  # the window as a user's display shows it
        else:
            print(f"(no Xvfb here: {benchmark.name} runs offscreen, not in a real window)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    print(f"\n=== {benchmark.name}: {' '.join(command[1:])}", flush=True)
    started = time.monotonic()
    lines: list[str] = []
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(f"  {line}", end="", flush=True)
            lines.append(line)
            if time.monotonic() - started > benchmark.timeout:
                proc.kill()
                break
        code = proc.wait()
    out = "".join(lines)
    rows = benchmark.read(out) if benchmark.read else []
    rows += leftover_rows(benchmark.name, out, rows)
    if code != 0 and not rows:
        rows = [Row(f"{benchmark.name}: did not run (exit {code})", "", "", "MISS")]
    return rows, time.monotonic() - started, code


def table(rows: list[Row]) -> str:
    header = Row("figure", "goal", "measured", "PASS/MISS", "reference")
    cells = [(r.figure, r.goal, r.measured, r.reference, r.verdict) for r in [header, *rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(5)]
    lines = [" | ".join(c[i].ljust(widths[i]) for i in range(5)).rstrip() for c in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def load() -> str:
    try:
        one, five, fifteen = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        return "load average unknown"
    return f"load average {one} {five} {fifteen} on {os.cpu_count()} CPUs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs, a shorter idle wait")
    parser.add_argument("--only", default="", help="comma-separated names (see --list)")
    parser.add_argument("--list", action="store_true", help="name the benchmarks and stop")
    args = parser.parse_args()
    if args.list:
        for benchmark in BENCHMARKS:
            print(f"{benchmark.name:<10} {benchmark.script} {' '.join(benchmark.args)}")
        return 0
    chosen = [b for b in BENCHMARKS if not args.only or b.name in args.only.split(",")]
    if not compile_app():  # bytecode first, as an installed app has it
        return 1
    print(f"before: {load()}")
    rows: list[Row] = []
    failed = False
    for benchmark in chosen:
        found, seconds, code = run(benchmark, quick=args.quick)
        rows += found
        failed |= code != 0
        print(f"=== {benchmark.name} done in {seconds:.0f} s (exit {code}); {load()}")
    print(f"\nafter: {load()}\n")
    print(table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
