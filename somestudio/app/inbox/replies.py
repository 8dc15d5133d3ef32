"""Answering an inbox entry, exactly once: the first comment's sender
(``scheduling.first_comments.CommentSender``) over the inbox's own rows
(``store.inbox.replies``: own idempotency key, claim and attempts), with its own words.

``send`` runs on the caller's thread (the Inbox page runs it as a task, the CLI directly).
Attached to an engine, its start recovers answers a crash left 'sending' (reconciled by
their key, or left for the user) and a periodic job sends retries whose time came.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Protocol

from somestudio.app.metrics import Periodic
from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.first_comment import CommentState, OutgoingComment
from somestudio.scheduling.clock import SYSTEM_CLOCK, Clock
from somestudio.scheduling.events import EngineEvent, InboxReplyChanged
from somestudio.scheduling.first_comments import CommentSender, Wording
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store.inbox import items as item_rows
from somestudio.store.inbox import replies as reply_rows
from somestudio.store.sql import Conn, write

log = logging.getLogger(__name__)

JOB_KEY = "inbox-replies"


class Recovering(Periodic, Protocol):
    def add_recovery(self, action: Callable[[datetime | None], object]) -> None: ...


SWEEP_SECONDS = 60

WORDING = Wording(
    what="inbox reply",
    crash=(
        "The app stopped while the reply was being sent, and the network could not confirm "
        "whether it went out. Check the conversation, then answer by hand if it is missing."
    ),
    unknown=(
        "The network did not confirm the reply ({detail}) and no reply with its key was "
        "found. Check the conversation, then answer by hand if it is missing."
    ),
    unsupported="Some Studio cannot answer on this network; answer in the network's own app.",
    handed_off="This entry has no post to answer (a like, a repost or a follow).",
)


def _reply_event(
    outgoing: OutgoingComment, state: CommentState, reason: str, remote_url: str
) -> EngineEvent:
    return InboxReplyChanged(outgoing.delivery_id, state, reason, remote_url)


class InboxReplies:
    def __init__(
        self,
        connection: Callable[[], Conn],
        publishers: PublisherRegistry,
        *,
        clock: Clock = SYSTEM_CLOCK,
        policy: RetryPolicy | None = None,
        rng: random.Random | None = None,
        announce: Callable[[EngineEvent], None] | None = None,
        may_send: Callable[[int], bool] | None = None,
    ) -> None:
        self._connection = connection
        self._clock = clock
        self._may_send = may_send
        self._lock = threading.Lock()
        self.sender = CommentSender(
            connection,
            publishers,
            clock,
            announce or (lambda _event: None),
            write=self._write,
            record=self._record,
            policy=policy or RetryPolicy(),
            rng=rng or random.Random(),  # noqa: S311 - jitter, not a secret
            rows=reply_rows,
            wording=WORDING,
            event=_reply_event,
        )

    @contextlib.contextmanager
    def _write(self, conn: Conn) -> Iterator[Conn]:
        with self._lock, write(conn):
            yield conn

    def _record(self, write: Callable[[Conn], None]) -> None:
        conn = self._connection()
        with self._write(conn):
            write(conn)

    def send(self, item_id: int) -> CommentState | None:
        """Claim and send the entry's pending answer (None: there is none to take)."""
        return self.sender.send(item_id)

    def recover(self, before: datetime | None = None) -> int:
        """Answers a crash left 'sending' (see ``Engine.add_recovery`` for ``before``)."""
        return self.sender.recover(before, self._may_send)

    def sweep(self) -> int:
        """Send the answers whose retry time came. With ``may_send`` (a shared workspace's
        ``SendGate``) only those of accounts this machine can sign in for: the others are
        left to a machine that holds the token instead of failing here."""
        if self._may_send is None:
            return self.sender.sweep()
        sent = 0
        conn = self._connection()
        for item_id in reply_rows.due(conn, self._clock.now()):
            item = item_rows.get(conn, item_id)
            if item is None or not self._may_send(item.account_id):
                continue
            try:
                if self.sender.send(item_id) is not None:
                    sent += 1
            except Exception:
                log.exception("sending the inbox reply of %s failed", item_id)
        return sent

    def attach_to(self, engine: Recovering, seconds: float = SWEEP_SECONDS) -> None:
        engine.add_recovery(self.recover)
        engine.add_periodic(JOB_KEY, seconds, self._periodic)

    def _periodic(self) -> None:
        self.sweep()
