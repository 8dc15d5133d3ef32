"""Two threads making PySide's types of one module at once crash the process (seen at
start-up: the start-up worker importing the calendar while the window's loop ran). The GUI
thread now makes every type of the modules Some Studio uses before any thread imports
(``somestudio/ui/pyside_types.py``). Each check runs in a fresh interpreter, where no type is
made yet."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from somestudio.ui.pyside_names import NAMES
from somestudio.ui.pyside_names_scan import scan

pytestmark = pytest.mark.slow

# A worker importing Some Studio's modules asks for the names they import (``NAMES``) while
# the GUI thread makes others (an event of a new kind, a first dialog), in turns of 50 µs:
# with ``NAMES`` made beforehand the worker makes no type. With ``every``, no thread makes
# any (pyqtgraph's loader). Without either, about one run in seven of two threads making
# types of QtCore, QtGui and QtWidgets dies of SIGSEGV on this machine (3 of 20 by hand; this
# test without the making beforehand failed 3 times in 3).
RACE = """
import sys, threading
from PySide6.QtWidgets import QApplication
app = QApplication([])
from somestudio.ui.pyside_names import NAMES
from somestudio.ui.pyside_types import make_all_now, all_made, types_left
EVERY = {every}
assert len(types_left(EVERY)) > 100, len(types_left(EVERY))  # a fresh interpreter
make_all_now(EVERY)
assert all_made(EVERY)
sys.setswitchinterval(0.00005)
import PySide6.QtCore as C, PySide6.QtGui as G, PySide6.QtWidgets as W
ours = [(m, n) for m in (C, G, W) for n in NAMES[m.__name__]]
others = [(m, n) for m in (C, G, W) for n in dir(m) if n not in NAMES[m.__name__]]
if EVERY:  # both threads ask for everything
    ours, others = ours + others[::2], others[1::2] + ours
def ask(items):
    for module, name in items:
        getattr(module, name)
worker = threading.Thread(target=ask, args=(ours,))
worker.start()
ask(others)
worker.join()
print("whole")
"""

SLICED = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from somestudio.ui import pyside_types
from somestudio.ui.start_steps import Warmup
turns = []
QTimer.singleShot(0, lambda: None)
def then():
    turns.append("then")
    # A warm-up started now finds every type made; one started early makes them first.
    Warmup(None).start(["json"])
    assert pyside_types.all_made({every})
    app.quit()
original = pyside_types._make
def counted(module, name):
    if not turns or turns[-1] != "made":
        turns.append("made")
    original(module, name)
pyside_types._make = counted
def turn():
    turns.append("turn")
    if "then" not in turns:
        QTimer.singleShot(0, turn)
QTimer.singleShot(0, turn)
pyside_types.make_types_then(then, app, every={every})
app.exec()
made_in = turns.count("made")
assert made_in > 3, turns  # in slices, with the event loop's turns between
assert turns.count("then") == 1 and pyside_types.all_made({every})
print("sliced", made_in)
"""

EARLY = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from somestudio.ui import pyside_types
from somestudio.ui.start_steps import Warmup
assert not pyside_types.all_made()
Warmup(None).start(["json"])  # started before the slices ran: it makes them itself first
assert pyside_types.all_made()
print("early")
"""


def _run(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("every", [False, True])
def test_types_made_beforehand_leave_a_worker_nothing_to_race_for(every: bool) -> None:
    for _ in range(8):
        done = _run(RACE.replace("{every}", str(every)))
        assert (done.returncode, done.stdout.strip()) == (0, "whole"), done.stderr[-2000:]


def test_the_names_made_beforehand_are_those_the_modules_import() -> None:
    """``pyside_names`` is current: a new ``from PySide6.QtX import Y`` is in it (else a
    worker would make that type itself). Run ``python -m somestudio.ui.pyside_names_scan``."""
    assert scan() == NAMES


@pytest.mark.parametrize("every", [False, True])  # True: before pyqtgraph's worker
def test_the_types_are_made_in_slices_between_events_then_the_rest_goes_on(every: bool) -> None:
    done = _run(SLICED.replace("{every}", str(every)))
    assert done.returncode == 0 and done.stdout.startswith("sliced"), done.stderr[-2000:]


def test_a_thread_started_before_the_slices_finds_every_type_made() -> None:
    done = _run(EARLY)
    assert (done.returncode, done.stdout.strip()) == (0, "early"), done.stderr[-2000:]
