"""A data folder's machine id is made once, whoever asks first (issue 17, point 3), and a
file written in one step stays whole when two threads of one process write it at once.

Found in CI: the window's engine recorded this machine while the Accounts page read the
publishers; both made an id, both wrote ``.machine-id.PID.tmp`` (one name for both threads),
and one write failed with FileNotFoundError: the other had already renamed the temporary.
Real files in a temporary folder, real threads and real processes."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from somestudio.app.atomic_files import (
    create_bytes_atomically,
    remove_dead_leftovers,
    write_bytes_atomically,
)
from somestudio.app.machines import MACHINE_FILE, this_machine

T = TypeVar("T")


def _all_at_once(count: int, work: Callable[[int], T]) -> list[T | BaseException]:
    """Run ``work(i)`` on ``count`` threads released together; each result or error."""
    start = threading.Barrier(count)
    results: list[T | BaseException] = [RuntimeError("did not run")] * count

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = work(index)
        except BaseException as exc:  # reported by the test
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _machine_id(home: Path, _index: int) -> str:
    return this_machine(home).id


def test_threads_asking_first_all_get_the_one_id_kept(tmp_path: Path) -> None:
    for round_ in range(20):
        home = tmp_path / f"home-{round_}"
        home.mkdir()
        found = _all_at_once(8, partial(_machine_id, home))
        errors = [r for r in found if isinstance(r, BaseException)]
        assert errors == [], errors
        assert len(set(found)) == 1, found
        assert (home / MACHINE_FILE).read_text(encoding="ascii").strip() == found[0]
        assert [p.name for p in home.iterdir()] == [MACHINE_FILE]  # no temporary left


def test_processes_asking_first_all_get_the_one_id_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    go = tmp_path / "go"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from somestudio.app.machines import this_machine\n"
        "while not Path(sys.argv[2]).exists(): time.sleep(0.001)\n"
        "print(this_machine(Path(sys.argv[1])).id)\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(home), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    go.touch()
    outputs = [p.communicate(timeout=60) for p in processes]
    assert [err for _, err in outputs] == [""] * 4
    ids = {out.strip() for out, _ in outputs}
    assert ids == {(home / MACHINE_FILE).read_text(encoding="ascii").strip()}


def test_an_empty_or_damaged_id_file_is_replaced_once(tmp_path: Path) -> None:
    for content in (b"", b"\xff\xfe not ascii"):
        home = tmp_path / f"home-{len(content)}"
        home.mkdir()
        (home / MACHINE_FILE).write_bytes(content)
        first = this_machine(home).id
        assert len(first) == 32
        assert this_machine(home).id == first


def test_of_two_makers_of_a_file_exactly_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "made"
    won = _all_at_once(8, lambda i: create_bytes_atomically(target, f"maker {i}".encode()))
    assert sorted(won, key=repr) == [False] * 7 + [True], won
    winner = won.index(True)
    assert target.read_bytes() == f"maker {winner}".encode()
    assert not create_bytes_atomically(target, b"late")
    assert [p.name for p in tmp_path.iterdir()] == ["made"]


def test_threads_rewriting_one_file_each_write_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    texts = [f"writer {i} ".encode() * 5_000 for i in range(8)]

    def rewrite(index: int) -> None:
        for _ in range(20):
            write_bytes_atomically(target, texts[index])

    results = _all_at_once(8, rewrite)
    assert [r for r in results if r is not None] == []
    assert target.read_bytes() in texts
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_dead_writers_temporaries_of_either_naming_are_removed(tmp_path: Path) -> None:
    done = subprocess.Popen(["true"])
    done.wait()
    target = tmp_path / "plan.csv"
    old = tmp_path / f".plan.csv.{done.pid}.tmp"
    new = tmp_path / f".plan.csv.{done.pid}-7.tmp"
    mine = tmp_path / ".plan.csv.1-3.tmp"  # process 1 runs: a live writer's, left alone
    for path in (old, new, mine):
        path.write_bytes(b"half")
    assert sorted(p.name for p in remove_dead_leftovers(target)) == sorted([old.name, new.name])
    assert mine.exists()
