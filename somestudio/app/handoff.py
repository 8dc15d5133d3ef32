"""Handing scheduled posts to the network's own scheduler, so they go out while this
computer is off.

For accounts with the option ``server_scheduling`` (Mastodon's ``scheduled_at``, Facebook's
``scheduled_publish_time``), each scheduled single post far enough ahead is made due now;
the engine claims it as usual and the publisher, seeing its time still ahead, queues it on
the server. The delivery is then *published* with the time the server will publish it.
Changes made afterwards in Some Studio do not reach the server's copy. The engine runs this
every few minutes (``attach_to``); ``run`` does it at once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store import accounts as rows
from somestudio.store.database import transaction

log = logging.getLogger(__name__)

JOB_KEY = "hand-off"
ROUND_SECONDS = 300.0
# (earliest, latest) lead each network's scheduler accepts, with a margin for the send.
# From the networks' descriptors (``server_scheduling``).
WINDOWS: dict[Network, tuple[timedelta, timedelta]] = {
    n: (d.server_scheduling.earliest, d.server_scheduling.latest)
    for n, d in DESCRIPTORS.items()
    if d.server_scheduling is not None
}


class _Engine(Protocol):
    def refresh(self, delivery_ids: list[int]) -> None: ...

    def add_periodic(self, key: str, seconds: float, action: Callable[[], None]) -> None: ...


class HandOff:
    def __init__(
        self,
        connection: Callable[[], sqlite3.Connection],
        engine: _Engine | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._connection = connection
        self._engine = engine
        self._now = now

    def attach_to(self, engine: _Engine, seconds: float = ROUND_SECONDS) -> None:
        self._engine = engine
        engine.add_periodic(JOB_KEY, seconds, self._round)

    def _round(self) -> None:
        self.run()

    def run(self) -> list[int]:
        """Make every eligible delivery due now; their ids."""
        now = self._now().replace(microsecond=0)
        conn = self._connection()
        chosen: list[int] = []
        with transaction(conn):
            for account in rows.list_accounts(conn):
                window = WINDOWS.get(account.network)
                wanted = account.options.get("server_scheduling") is True
                if window is None or not wanted or account.publish_method is not PublishMethod.API:
                    continue
                ids = rows.hand_off_candidates(
                    conn, account.id, utc_text(now + window[0]), utc_text(now + window[1])
                )
                rows.make_due(conn, ids, utc_text(now))
                chosen += ids
        if chosen:
            log.info("handing %s scheduled posts to the networks' schedulers", len(chosen))
            if self._engine is not None:
                self._engine.refresh(chosen)
        return chosen
