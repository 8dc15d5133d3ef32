"""Before the window quits: would scheduled posts then go out with nothing to publish them?

The window and ``somestudio run-scheduler`` take the same lock file in the data folder
(``somestudio.lock``, a QLockFile), so only one of them publishes. While the window runs it
holds that lock itself, so a headless scheduler cannot be holding the folder at the same
time; the check still asks the lock, so it stays right should that ever change. A scheduler
waiting to start (e.g. a systemd service retrying every minute) is not something the lock
can show, and is not counted on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from somestudio.app.instance_lock import InstanceLock
from somestudio.app.workspace import Workspace
from somestudio.domain.utc import utc_now

HORIZON = timedelta(hours=1)
_SCHEDULER_ARGUMENT = b"run-scheduler"


def headless_scheduler_holds(home: Path) -> bool:
    """Whether another process, started as ``somestudio run-scheduler``, holds the lock."""
    pid = InstanceLock(home).owner_pid()
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return _SCHEDULER_ARGUMENT in arguments


class QuitGuard:
    def __init__(
        self,
        workspace: Workspace,
        *,
        now: Callable[[], datetime] = utc_now,
        horizon: timedelta = HORIZON,
        scheduler_elsewhere: Callable[[Path], bool] = headless_scheduler_holds,
    ) -> None:
        self.workspace = workspace
        self._now = now
        self._horizon = horizon
        self._scheduler_elsewhere = scheduler_elsewhere

    def posts_left_unpublished(self) -> int:
        """Posts due within the horizon (or overdue and still scheduled) that nothing would
        publish once the window is gone; 0 when a headless scheduler holds the folder."""
        # Imported here: the window builds its guard before its first frame.
        from somestudio.store import posts as post_rows  # noqa: PLC0415

        due = post_rows.count_posts_due_by(self.workspace.connection(), self._now() + self._horizon)
        if due and self._scheduler_elsewhere(self.workspace.home):
            return 0
        return due
