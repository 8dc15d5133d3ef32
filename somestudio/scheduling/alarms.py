"""Alarms: the engine's only view of APScheduler (and the seam tests replace).

APScheduler 3.11's ``BackgroundScheduler`` with its in-memory job store: nothing is pickled
or persisted, a job's id is derived from the delivery it wakes, and every job is rebuilt
from the database at start. Not ``QtScheduler``: with PySide6 its timers cannot be
cancelled and fire after shutdown.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

Action = Callable[[], None]


class Alarms(Protocol):
    def start(self) -> None: ...

    def shutdown(self, *, wait: bool = True) -> None: ...

    def set(self, key: str, when: datetime, action: Action) -> None:
        """Run ``action`` once at ``when`` (at once if it is past), replacing ``key``'s alarm."""
        ...

    def cancel(self, key: str) -> None: ...

    def every(self, key: str, seconds: float, first: datetime, action: Action) -> None:
        """Run ``action`` at ``first`` and every ``seconds`` after it."""
        ...

    def submit(self, action: Action) -> None:
        """Run ``action`` soon on a worker thread."""
        ...


class SchedulerAlarms:
    """Alarms on a ``BackgroundScheduler``: one scheduler thread plus a small worker pool."""

    def __init__(self, *, workers: int = 4) -> None:
        from apscheduler.executors.pool import ThreadPoolExecutor  # noqa: PLC0415
        from apscheduler.jobstores.memory import MemoryJobStore  # noqa: PLC0415
        from apscheduler.schedulers.background import BackgroundScheduler  # noqa: PLC0415

        # One line per job run would drown the log when a thousand posts go out at once.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        self._scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(max_workers=workers)},
            job_defaults={
                # Lateness is the engine's call (its catch-up window), never APScheduler's.
                "misfire_grace_time": None,
                "coalesce": True,
                # A replaced alarm may fire while its predecessor still runs; the atomic claim
                # makes that harmless, whereas the limit would silently drop the new one.
                "max_instances": 1000,
            },
            timezone="UTC",
            daemon=True,
        )
        self._ids = itertools.count()

    def start(self) -> None:
        self._scheduler.start()

    def shutdown(self, *, wait: bool = True) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=wait)

    def set(self, key: str, when: datetime, action: Action) -> None:
        self._scheduler.add_job(
            action, trigger="date", run_date=when, id=key, replace_existing=True
        )

    def cancel(self, key: str) -> None:
        from apscheduler.jobstores.base import JobLookupError  # noqa: PLC0415

        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(key)

    def every(self, key: str, seconds: float, first: datetime, action: Action) -> None:
        self._scheduler.add_job(
            action,
            trigger="interval",
            seconds=seconds,
            start_date=first,
            id=key,
            replace_existing=True,
        )

    def submit(self, action: Action) -> None:
        self._scheduler.add_job(action, id=f"task-{next(self._ids)}")
