"""The scheduler behind the engine's alarms quits without a traceback.

APScheduler 3.11 marks itself stopped before it takes its job-store lock; its thread, still
inside ``_process_jobs``, then fails to remove a finished one-shot job and prints
``JobLookupError`` from the scheduler thread (seen on stderr when the window quit right after
start-up). The state is set here exactly as ``shutdown()`` leaves it, then the removal that
thread makes is repeated.
"""

from __future__ import annotations

import pytest
from apscheduler.jobstores.base import JobLookupError

from somestudio.scheduling.alarms import stop_safe_scheduler_class


def test_a_job_missing_after_shutdown_is_not_an_error() -> None:
    scheduler = stop_safe_scheduler_class()(timezone="UTC", daemon=True)
    scheduler.start(paused=True)
    with pytest.raises(JobLookupError):  # while running, a wrong id is still a mistake
        scheduler.remove_job("task-0", "default")
    scheduler.shutdown(wait=True)
    scheduler.remove_job("task-0", "default")  # what the scheduler thread does in the race


def test_the_plain_scheduler_has_the_race() -> None:
    """If APScheduler fixes this, the subclass can go: this test then fails and says so."""
    from apscheduler.schedulers.background import BackgroundScheduler  # noqa: PLC0415

    scheduler = BackgroundScheduler(timezone="UTC", daemon=True)
    scheduler.start(paused=True)
    scheduler.shutdown(wait=True)
    with pytest.raises(JobLookupError):
        scheduler.remove_job("task-0", "default")
