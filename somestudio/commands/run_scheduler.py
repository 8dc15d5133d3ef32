"""somestudio run-scheduler: publish scheduled posts with no window (e.g. a systemd service).

Takes the data folder's lock (the window's), so the window and this never both dispatch;
logs to the data folder's rotating log; SIGTERM or SIGINT stop it cleanly with exit 0 within
5 s: sends in flight are recorded, or aborted and recorded as unknown (reconciled, never
resent blindly). Exit 1 when the folder is locked or unusable.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

NAME = "run-scheduler"
HELP = "publish scheduled posts without a window until SIGTERM/SIGINT (for a systemd service)"
READY = "somestudio run-scheduler: running"

EXIT_OK = 0
EXIT_PROBLEM = 1


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


def _hold_stop_signals(held: bool) -> None:
    """Hold SIGTERM and SIGINT back from the threads started meanwhile (they inherit it).

    Python runs a signal's handler on the main thread, which waits on an Event; when the
    kernel gave the signal to one of the engine's threads instead, the main thread was not
    woken and the handler waited for the wait's end (an hour): a SIGTERM then went unheard
    (found under load: run-scheduler still running 30 s after it). Held back in every thread
    but the main one, the signal wakes the main thread's wait at once. A signal that comes
    while held is handled when released."""
    if hasattr(signal, "pthread_sigmask"):  # POSIX only: Windows has no signal masks
        signal.pthread_sigmask(signal.SIG_BLOCK if held else signal.SIG_UNBLOCK, STOP_SIGNALS)


def _say(text: str, *, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def run(args: argparse.Namespace) -> int:
    import logging  # noqa: PLC0415 - only when the command runs, as its other imports

    del args
    log = logging.getLogger("somestudio.run_scheduler")
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        log.info("received %s; stopping", signal.Signals(signum).name)
        stop.set()

    # Before anything slow: a SIGTERM during start-up must still end in a clean exit.
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    _hold_stop_signals(True)  # every thread started from here on never takes them
    try:
        return _run(log, stop)
    finally:
        _hold_stop_signals(False)


def _run(log: logging.Logger, stop: threading.Event) -> int:
    from somestudio.app.instance_lock import InstanceLock  # noqa: PLC0415
    from somestudio.app.logs import setup_logging  # noqa: PLC0415
    from somestudio.app.paths import prepare_home, resolve_home  # noqa: PLC0415
    from somestudio.app.scheduler import create_engine  # noqa: PLC0415
    from somestudio.app.workspace import StorageError, open_workspace  # noqa: PLC0415

    try:
        home = prepare_home(resolve_home())
    except StorageError as exc:
        _say(f"somestudio run-scheduler: {exc}", error=True)
        return EXIT_PROBLEM
    lock = InstanceLock(home)
    if not lock.acquire():
        _say(
            f"somestudio run-scheduler: {lock.describe_owner()} is already using the data "
            f"folder {home} and publishes its scheduled posts; not starting a second one.",
            error=True,
        )
        return EXIT_PROBLEM
    clean = True
    try:
        setup_logging(home)
        try:
            workspace = open_workspace(home)
        except StorageError as exc:
            log.error("%s", exc)
            _say(f"somestudio run-scheduler: {exc}", error=True)
            return EXIT_PROBLEM
        try:
            engine = create_engine(workspace)
            engine.start()
            shown = workspace.url.display() if workspace.url is not None else "its own file"
            log.info("run-scheduler running on %s, workspace %s (pid %s)", home, shown, os.getpid())
            _say(f"{READY} on {home} (pid {os.getpid()})")
            _hold_stop_signals(False)  # the main thread's own: its wait wakes for them
            while not stop.wait(3600):
                pass
            clean = engine.shutdown(wait=True)  # within 5 s whatever the network does
            stats = engine.stats
        finally:
            workspace.close()
    finally:
        lock.release()
    # What it did, for whoever runs it on a server: on a shared workspace every machine's
    # alarm rings for a delivery it may send, and the first to claim it publishes it.
    log.info("run-scheduler stopped (%s alarms rang, %s sweeps)", stats.alarms_fired, stats.sweeps)
    _say("somestudio run-scheduler: stopped")
    if not clean:
        # A worker is stuck where no abort reaches (a name lookup): Python would join it at
        # exit. Everything is recorded and the lock released, so leave now.
        logging.shutdown()
        os._exit(EXIT_OK)
    return EXIT_OK
