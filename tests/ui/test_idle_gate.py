"""Start-up's import threads give way to the GUI thread (``ui/idle_gate.py``).

A module a courteous thread imports is made only while the GUI thread's event loop waits for
events; modules come out as the import system makes them (their own loader, resources
readable); and a GUI thread waiting for a module that thread is importing does not wait for
ever.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.resources
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from pytestqt.qtbot import QtBot

from somestudio.ui.idle_gate import MAX_WAIT_S, gate


@pytest.fixture
def package(tmp_path: Path) -> Iterator[str]:
    """A package of our own on sys.path (a fresh name each test: nothing is imported yet)."""
    name = f"gated_{tmp_path.name.replace('-', '_')}"
    root = tmp_path / "site" / name
    root.mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "data.txt").write_text("kept beside the module")
    (root / "leaf.py").write_text(
        "from tests.ui.test_idle_gate import EVENTS\nEVENTS.append('leaf made')\n"
    )
    sys.path.insert(0, str(tmp_path / "site"))
    try:
        yield name
    finally:
        sys.path.remove(str(tmp_path / "site"))
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]


EVENTS: list[str] = []


@pytest.fixture(autouse=True)
def enabled() -> Iterator[None]:
    """On, as the app's start turns it on (and off again for the tests after these)."""
    gate().enable()
    try:
        yield
    finally:
        gate().enable(False)


def import_courteously(name: str) -> threading.Thread:
    def run() -> None:
        with gate().courteous():
            EVENTS.append("import asked")
            importlib.import_module(name)
            EVENTS.append("import done")

    thread = threading.Thread(target=run, name="test-courteous")
    thread.start()
    return thread


def test_a_module_is_made_only_once_the_gui_thread_is_idle(qtbot: QtBot, package: str) -> None:
    EVENTS.clear()
    gate()  # made on the GUI thread, as start-up does
    importlib.import_module(package)  # the package itself: only its leaf is left to make
    # A courteous thread already running (start-up's warm-up): the gate follows the loop.
    holding = threading.Event()
    warmup = threading.Thread(target=lambda: _courteous_until(holding), name="test-warmup")
    warmup.start()
    qtbot.wait(50)
    threads: list[threading.Thread] = []

    def busy() -> None:
        """A long piece of GUI-thread work (a first paint) begun as the thread starts."""
        EVENTS.append(f"gui busy {gate()._idle.is_set()} {gate()._following}")
        threads.append(import_courteously(f"{package}.leaf"))
        while "import asked" not in EVENTS:  # no event loop in between: the GUI stays busy
            _spin(0.001)
        _spin(MAX_WAIT_S / 4)  # working, as a paint does: shorter than a module may wait
        EVENTS.append("gui idle")

    try:
        QTimer.singleShot(0, busy)
        qtbot.waitUntil(lambda: "import done" in EVENTS, timeout=10_000)
        threads[0].join(5)
    finally:
        holding.set()
        warmup.join(5)
    assert EVENTS.index("leaf made") > EVENTS.index("gui idle"), EVENTS


def _spin(seconds: float) -> None:
    """Work on the CPU for ``seconds`` (time.sleep would let the thread's CPU clock stand)."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        sum(range(200))


def _work_in_c(seconds: float) -> None:
    """Work on the CPU for ``seconds`` without holding the interpreter, as Qt's painting does
    (hashing a large buffer lets the lock go): the other thread runs meanwhile, so only the
    gate can hold its import back."""
    data = bytes(1 << 18)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        hashlib.sha256(data).digest()


def _courteous_until(done: threading.Event) -> None:
    with gate().courteous():
        while not done.is_set():
            time.sleep(0.005)


def test_a_module_made_behind_the_gate_has_its_own_loader(qtbot: QtBot, package: str) -> None:
    EVENTS.clear()
    gate()
    thread = import_courteously(f"{package}.leaf")
    qtbot.waitUntil(lambda: "import done" in EVENTS, timeout=10_000)
    thread.join(5)
    leaf = sys.modules[f"{package}.leaf"]
    assert isinstance(leaf.__loader__, importlib.machinery.SourceFileLoader)
    assert leaf.__spec__ is not None and leaf.__spec__.loader is leaf.__loader__
    parent = sys.modules[package]
    assert isinstance(parent.__loader__, importlib.machinery.SourceFileLoader)
    assert importlib.resources.files(package).joinpath("data.txt").read_text() == (
        "kept beside the module"
    )
    assert gate()._finder not in sys.meta_path  # gone with the last courteous thread


def test_off_a_thread_is_not_held_back(qtbot: QtBot, package: str) -> None:
    EVENTS.clear()
    gate().enable(False)
    threads: list[threading.Thread] = []

    def busy() -> None:
        threads.append(import_courteously(f"{package}.leaf"))
        while "import done" not in EVENTS:  # would never end if the thread waited for idle
            time.sleep(0.001)
        EVENTS.append("gui idle")

    QTimer.singleShot(0, busy)
    qtbot.waitUntil(lambda: "gui idle" in EVENTS, timeout=10_000)
    threads[0].join(5)
    assert EVENTS.index("leaf made") < EVENTS.index("gui idle")


def test_the_gui_thread_importing_what_the_thread_imports_is_not_held_up(
    qtbot: QtBot, package: str, tmp_path: Path
) -> None:
    """The thread holds the package's lock while its body imports the leaf behind the gate;
    the GUI thread, busy importing that package, waits for the lock: the gate sees it and
    lets the leaf through at once rather than after MAX_WAIT_S."""
    EVENTS.clear()
    gate()
    root = tmp_path / "site" / package
    (root / "outer.py").write_text(
        "import time\n"
        "from tests.ui.test_idle_gate import EVENTS\n"
        "EVENTS.append('outer started')\n"
        "time.sleep(0.05)\n"
        f"import {package}.leaf\n"
    )
    importlib.import_module(package)
    waited: list[float] = []
    threads: list[threading.Thread] = []

    def gui_imports_outer() -> None:
        threads.append(import_courteously(f"{package}.outer"))
        while "outer started" not in EVENTS:  # no event loop in between: the GUI stays busy
            _spin(0.001)
        started = time.monotonic()
        importlib.import_module(f"{package}.outer")  # waits for the thread's import of it
        waited.append(time.monotonic() - started)

    QTimer.singleShot(0, gui_imports_outer)
    qtbot.waitUntil(lambda: bool(waited), timeout=10_000)
    threads[0].join(5)
    assert "leaf made" in EVENTS
    assert waited[0] < MAX_WAIT_S, waited


class _Worker(QObject):
    """A GUI-thread object a thread posts work to (a queued signal: a paint the window
    server asked for arrives the same way, handled without the loop saying ``awake``)."""

    work = Signal()


def test_a_gui_thread_woken_by_an_event_is_busy_before_the_loop_says_so(
    qtbot: QtBot, package: str
) -> None:
    """The loop said ``aboutToBlock`` and then handles what woke it before it says anything
    more: only the GUI thread's CPU clock tells the gate it is at work. The thread's module
    is made once that work is over, not during it."""
    EVENTS.clear()
    gate()
    importlib.import_module(package)
    holding = threading.Event()
    warmup = threading.Thread(target=lambda: _courteous_until(holding), name="test-warmup")
    warmup.start()
    qtbot.wait(50)  # the gate follows the loop, which now idles
    at_work = threading.Event()
    worker = _Worker()

    def busy() -> None:
        EVENTS.append("gui busy")
        at_work.set()
        _work_in_c(MAX_WAIT_S / 4)  # shorter than a module may wait
        EVENTS.append("gui idle")

    worker.work.connect(busy, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        with gate().courteous():
            worker.work.emit()  # from this thread: queued to the idle GUI thread
            at_work.wait(5)
            _spin(0.003)  # the GUI thread's clock moves over the gate's first polls
            EVENTS.append("import asked")
            importlib.import_module(f"{package}.leaf")
            EVENTS.append("import done")

    # The app's own kind of loop (exec): it says ``awake`` before no handler of its. A test's
    # processEvents polling says it before each round, and would not show the difference.
    loop = QEventLoop()
    poll = QTimer(interval=5)

    def quit_when_done() -> None:
        if "import done" in EVENTS and "gui idle" in EVENTS:
            loop.quit()

    poll.timeout.connect(quit_when_done)
    thread = threading.Thread(target=run, name="test-courteous")
    try:
        QTimer.singleShot(10_000, loop.quit)
        poll.start()
        QTimer.singleShot(50, thread.start)  # once the loop waits for events
        loop.exec()
        poll.stop()
        thread.join(5)
    finally:
        holding.set()
        warmup.join(5)
    assert "import done" in EVENTS, EVENTS
    assert EVENTS.index("leaf made") > EVENTS.index("gui idle"), EVENTS


def test_a_worker_never_makes_the_gate(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Made on a worker while the GUI thread built a page, the gate (a QObject) crashed a
    test's process; a worker before the app's start made it runs its block as any thread."""
    from somestudio.ui import idle_gate  # noqa: PLC0415

    monkeypatch.setattr(idle_gate, "_gates", [])
    seen: list[object] = []

    def worker() -> None:
        with idle_gate.courteously():
            seen.append(idle_gate.existing_gate())
        try:
            idle_gate.gate()
        except RuntimeError as error:
            seen.append(error)

    thread = threading.Thread(target=worker, name="test-worker")
    thread.start()
    thread.join(5)
    assert seen[0] is None
    assert isinstance(seen[1], RuntimeError)
    assert idle_gate.existing_gate() is None
    made = idle_gate.gate()  # on the GUI thread, as the app's start does
    assert idle_gate.existing_gate() is made
