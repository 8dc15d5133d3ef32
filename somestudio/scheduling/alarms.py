"""Alarms: the engine's only view of APScheduler (and the seam tests replace).

APScheduler 3.11's ``BackgroundScheduler`` with its in-memory job store: nothing is pickled
or persisted, a job's id is derived from the delivery it wakes, and every job is rebuilt
from the database at start. Not ``QtScheduler``: with PySide6 its timers cannot be
cancelled and fire after shutdown.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

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

        # One line per job run would drown the log when a thousand posts go out at once.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        self._scheduler = stop_safe_scheduler_class()(
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


@functools.cache
def stop_safe_scheduler_class() -> type[BackgroundScheduler]:
    """``BackgroundScheduler`` without its shutdown race.

    APScheduler 3.11's ``shutdown()`` marks the scheduler stopped before it takes the job-store
    lock, while its thread may be inside ``_process_jobs`` holding that lock. When that thread
    then removes a one-shot job it has just handed to a worker, ``remove_job`` sees the stopped
    state, looks only among the jobs pending a start, and raises ``JobLookupError`` — a
    traceback on stderr at quit (seen when the window quits right after start-up). The job
    store is in memory and dropped with the scheduler, so a job that cannot be found once the
    scheduler is stopped is already gone: nothing to report.
    """
    from apscheduler.jobstores.base import JobLookupError  # noqa: PLC0415
    from apscheduler.schedulers.background import BackgroundScheduler  # noqa: PLC0415
    from apscheduler.schedulers.base import STATE_STOPPED  # noqa: PLC0415

    class StopSafeScheduler(BackgroundScheduler):  # type: ignore[misc]
        def remove_job(self, job_id: str, jobstore: str | None = None) -> None:
            try:
                super().remove_job(job_id, jobstore)
            except JobLookupError:
                if self.state != STATE_STOPPED:
                    raise

    return StopSafeScheduler
