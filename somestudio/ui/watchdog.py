"""A GUI-thread watchdog for benchmarks: which work kept the window from answering input.

A thread posts a ping event to an object on the GUI thread and waits for the answer. A ping
unanswered for ``threshold`` seconds means the GUI thread is busy with one long piece of work
(a *block*): while it lasts, the watchdog samples the GUI thread's Python stack every
``interval`` seconds with ``sys._current_frames()``. When the answer comes the block ends; a
block of ``threshold`` or longer is kept with the stack seen most often during it.

Off unless asked for (``SOMESTUDIO_WATCHDOG=report.json`` in ``ui.launch``): the pings wake
the GUI thread every few milliseconds.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from somestudio.ui.thread_cpu import cpu_now, thread_clock

THRESHOLD_S = 0.050
INTERVAL_S = 0.005
_PING = QEvent.Type(QEvent.registerEventType())
running: Watchdog | None = None  # the started watchdog (a benchmark driving the window labels it)


@dataclass
class Block:
    """The GUI thread did not answer for ``seconds``, from ``started`` (a perf_counter time)."""

    started: float
    seconds: float
    stack: list[str]  # the stack sampled most often, outermost first
    samples: int
    label: str = ""  # what the benchmark was doing at the time
    # The GUI thread's own CPU time during the block: much less than ``seconds`` means it
    # waited (for the interpreter lock, the disk, or a loaded machine's other processes).
    cpu_seconds: float = -1.0
    # What the other threads were running meanwhile (thread name: innermost frame, the most
    # often seen first): a block with little CPU of its own waited for one of them.
    others: list[str] = field(default_factory=list)

    def describe(self) -> str:
        where = "\n".join(f"      {line}" for line in self.stack[-12:])
        label = f" during {self.label}" if self.label else ""
        return f"  {self.seconds * 1000:7.0f} ms{label} ({self.samples} samples)\n{where}"


@dataclass
class _Pending:
    sent: float
    sent_cpu: float = -1.0  # the GUI thread's CPU clock then (-1: not available)
    samples: list[tuple[str, ...]] = field(default_factory=list)
    others: Counter[str] = field(default_factory=Counter)


class _Receiver(QObject):
    def __init__(self, answered: Callable[[], None]) -> None:
        super().__init__()
        self._answered = answered

    def event(self, event: QEvent) -> bool:
        if event.type() == _PING:
            self._answered()
            return True
        return super().event(event)


def format_stack(frame: FrameType | None, limit: int = 40) -> tuple[str, ...]:
    """``frame``'s stack as 'file:line in function' lines, outermost first. Without reading
    the source lines: a sample taken while the GUI thread is blocked must take as little of
    the interpreter as it can, or it lengthens the very block it describes."""
    lines: list[str] = []
    while frame is not None and len(lines) < limit:
        code = frame.f_code
        lines.append(f"{code.co_filename}:{frame.f_lineno} in {code.co_name}")
        frame = frame.f_back
    return tuple(reversed(lines))


class Watchdog:
    """Created and started on the GUI thread; ``stop()`` before the application goes."""

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD_S,
        interval: float = INTERVAL_S,
        sample: Callable[[int], FrameType | None] | None = None,
    ) -> None:
        self.threshold = threshold
        self.interval = interval
        self.blocks: list[Block] = []
        self.label = ""
        self.first_answer: float | None = None  # when the first ping was answered
        self._gui_thread = threading.get_ident()
        self._gui_clock = thread_clock(self._gui_thread)
        self._sample = sample or (lambda ident: sys._current_frames().get(ident))
        self._lock = threading.Lock()
        self._pending: _Pending | None = None
        self._stop = threading.Event()
        self._receiver = _Receiver(self._answered)
        self._thread = threading.Thread(target=self._run, name="gui-watchdog", daemon=True)

    def start(self) -> None:
        """Start watching; the first ping is posted now, as a key pressed at this moment
        would be (the thread posts the next ones every ``interval``)."""
        global running  # noqa: PLW0603 - the one watchdog a benchmark labels
        running = self
        with self._lock:
            self._pending = _Pending(time.perf_counter(), cpu_now(self._gui_clock))
        QCoreApplication.postEvent(self._receiver, QEvent(_PING))
        self._thread.start()

    def stop(self) -> None:
        global running  # noqa: PLW0603
        if running is self:
            running = None
        self._stop.set()
        self._thread.join(1.0)

    def last_block_end(self) -> float | None:
        """When the latest block ended (a perf_counter time), or None."""
        with self._lock:
            if not self.blocks:
                return None
            last = self.blocks[-1]
            return last.started + last.seconds

    def busy_since(self) -> float | None:
        """When the unanswered ping was sent, if one has waited ``threshold`` or longer."""
        with self._lock:
            pending = self._pending
        if pending is None or time.perf_counter() - pending.sent < self.threshold:
            return None
        return pending.sent

    def write(self, path: Path) -> None:
        report = {"threshold_ms": self.threshold * 1000, "blocks": [asdict(b) for b in self.blocks]}
        path.write_text(json.dumps(report, indent=1), encoding="utf-8")

    # -- the GUI thread
    def _answered(self) -> None:
        now = time.perf_counter()
        with self._lock:
            pending, self._pending = self._pending, None
            if self.first_answer is None:
                self.first_answer = now
        if pending is None:
            return
        seconds = now - pending.sent
        if seconds >= self.threshold:
            stack, count = _most_common(pending.samples)
            # The same clock as at the ping (libfaketime shifts the two calls differently).
            now_cpu = cpu_now(self._gui_clock)
            cpu = now_cpu - pending.sent_cpu if min(now_cpu, pending.sent_cpu) >= 0 else -1.0
            others = [f"{where} ({seen}x)" for where, seen in pending.others.most_common(4)]
            block = Block(pending.sent, seconds, list(stack), count, self.label, cpu, others)
            with self._lock:
                self.blocks.append(block)

    # -- the watchdog's thread
    def _run(self) -> None:
        # time.sleep, not Event.wait(timeout): a timed wait on a condition never returns under
        # libfaketime (the suite's runs at other dates), a sleep does.
        while not self._stop.is_set():
            time.sleep(self.interval)
            if self._stop.is_set():
                break
            with self._lock:
                pending = self._pending
                if pending is None:
                    pending = self._pending = _Pending(
                        time.perf_counter(), cpu_now(self._gui_clock)
                    )
                    QCoreApplication.postEvent(self._receiver, QEvent(_PING))
                    continue
            if time.perf_counter() - pending.sent >= self.threshold:
                frame = self._sample(self._gui_thread)
                stack = format_stack(frame)
                del frame
                others = _other_threads(self._gui_thread)
                with self._lock:
                    pending.samples.append(stack)
                    pending.others.update(others)


def _other_threads(gui: int) -> list[str]:
    """Each other running thread's name and innermost frame (this watchdog's left out)."""
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    me = threading.get_ident()
    seen = []
    for ident, frame in sys._current_frames().items():
        if ident in (gui, me):
            continue
        code = frame.f_code
        seen.append(
            f"{names.get(ident, ident)}: {code.co_filename}:{frame.f_lineno} in {code.co_name}"
        )
    return seen


def app_part(stack: tuple[str, ...]) -> tuple[str, ...]:
    """``stack`` down to the app's own innermost frame and the one call it made from there
    (the library's frames below it differ from sample to sample of one block)."""
    own = [i for i, line in enumerate(stack) if "somestudio" in line.split(":", 1)[0]]
    return stack[: own[-1] + 2] if own else stack


def _most_common(samples: list[tuple[str, ...]]) -> tuple[tuple[str, ...], int]:
    """The app's part of the stack sampled most often; ties go to the first seen.
    ((), 0) without samples."""
    if not samples:
        return (), 0
    samples = [app_part(s) for s in samples]
    counts = Counter(samples)
    best = max(counts.values())
    return next(s for s in samples if counts[s] == best), len(samples)
