"""The network's own unread mark follows what the user reads in the Inbox page, where the
network keeps one an app may set (Bluesky ``updateSeen``).

Reading entries one after another with j/k would ask the network at every key, so each
account is told at most once per ``pause``: the first read at once, the reads during the
pause once when it ends. The telling runs as a background task; a failure is only logged
(the entries stay read here, and the next read tells again).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from somestudio.domain.networks import Network
from somestudio.domain.redaction import redact
from somestudio.ui.tasks import Tasks

log = logging.getLogger(__name__)

# Networks whose own unread mark an app may move (Mastodon's marker takes an id, Meta's and
# X's inboxes keep none).
SEEN_MARK_NETWORKS = frozenset({Network.BLUESKY})
PAUSE_SECONDS = 30.0


class SeenTeller(QObject):
    def __init__(
        self,
        tell: Callable[[int], object],
        tasks: Tasks,
        parent: QObject | None = None,
        *,
        pause: float = PAUSE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._tell = tell
        self._tasks = tasks
        self._pause = pause
        self._clock = clock
        self._told: dict[int, float] = {}  # account id -> when last told
        self._waiting: dict[int, QTimer] = {}  # account id -> the pause's end

    def read(self, account_id: int, network: Network) -> None:
        """Entries of ``account_id`` were read in the page."""
        if network not in SEEN_MARK_NETWORKS or account_id in self._waiting:
            return
        since = self._clock() - self._told.get(account_id, float("-inf"))
        if since >= self._pause:
            self._send(account_id)
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._pause_ended(account_id))
        self._waiting[account_id] = timer
        timer.start(max(0, int((self._pause - since) * 1000)))

    def _pause_ended(self, account_id: int) -> None:
        timer = self._waiting.pop(account_id, None)
        if timer is not None:
            timer.deleteLater()
        self._send(account_id)

    def _send(self, account_id: int) -> None:
        self._told[account_id] = self._clock()
        tell = self._tell
        self._tasks.run(
            lambda: tell(account_id),
            on_done=lambda _told: None,
            on_error=lambda exc: log.info("inbox: telling what was read: %s", redact(str(exc))),
        )
