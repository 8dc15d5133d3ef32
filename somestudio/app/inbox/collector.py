"""Collecting the inbox: rounds over the connected accounts whose network has an inbox
(``NetworkDescriptor.inbox``), within its documented request budget, each page stored with
its cursor in one transaction.

The engine runs ``InboxCollector.run_due`` as an interval job (``attach_to``, like the metric
rounds); the Inbox page and ``somestudio inbox list --refresh`` call ``refresh``. A failed
read keeps every stored entry and the cursor where the last stored page left it; the account
is asked again after a back-off.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from somestudio.app.metrics import Periodic, is_reserved_address
from somestudio.domain.inbox.problems import classify
from somestudio.domain.inbox.reading import as_reader, reads_inbox
from somestudio.domain.metric_schedule import RequestWindow
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.redaction import redact
from somestudio.domain.utc import utc_now
from somestudio.scheduling.events import EngineEvent, InboxChanged
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import items as item_rows
from somestudio.store.inbox import reads as read_rows
from somestudio.store.sql import Conn
from somestudio.store.sql import write as transaction

log = logging.getLogger(__name__)

JOB_KEY = "inbox"
ROUND_SECONDS = 2 * 60  # while the app runs; each network's budget caps the requests
PAGES_PER_ROUND = 5
MAX_BACKOFF = timedelta(hours=1)


@dataclass
class InboxOutcome:
    account_id: int
    label: str
    network: Network
    added: int = 0
    pages: int = 0
    error: str = ""  # redacted detail, English (logs, --verbose)
    problem: str = ""  # its code (``domain.inbox.problems.ReadProblem``) for the user
    skipped: str = ""  # why the account was not asked


@dataclass
class InboxReport:
    outcomes: list[InboxOutcome] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(o.added for o in self.outcomes)

    @property
    def errors(self) -> list[str]:
        return [f"{o.label}: {o.error}" for o in self.outcomes if o.error]


def backoff(failures: int) -> timedelta:
    return min(MAX_BACKOFF, timedelta(minutes=2 ** max(0, failures - 1)))


class InboxCollector:
    """Thread-safe: one round at a time (a round still running makes the next a no-op).

    ``publishers`` must be the engine's registry when there is an engine: a Bluesky sign-in
    renews its refresh token, and two clients renewing one token would lock each other out.
    ``may_read`` (a shared workspace's ``SendGate``) leaves accounts this machine cannot
    sign in for to a machine that can, without a request or a recorded failure.
    """

    def __init__(
        self,
        connection: Callable[[], Conn],
        publishers: PublisherRegistry,
        *,
        now: Callable[[], datetime] = utc_now,
        pages: int = PAGES_PER_ROUND,
        announce: Callable[[EngineEvent], None] | None = None,
        may_read: Callable[[int], bool] | None = None,
    ) -> None:
        self._may_read = may_read
        self._announce = announce
        self._connection = connection
        self._publishers = publishers
        self._now = now
        self._pages = pages
        self._windows: dict[int, RequestWindow] = {}
        self._round = threading.Lock()

    def attach_to(self, engine: Periodic, seconds: float = ROUND_SECONDS) -> None:
        engine.add_periodic(JOB_KEY, seconds, self._scheduled_round)

    def _scheduled_round(self) -> None:
        self.run_due()

    def run_due(self) -> InboxReport | None:
        if not self._round.acquire(blocking=False):
            return None
        try:
            report = self._collect(None, force=False)
        finally:
            self._round.release()
        if report.added or report.errors:
            log.info("inbox: %s new entries, errors %s", report.added, report.errors)
        return report

    def refresh(self, account_id: int | None = None) -> InboxReport:
        """Read now, back-off or not (the user asked)."""
        with self._round:
            return self._collect(account_id, force=True)

    def _collect(self, account_id: int | None, *, force: bool) -> InboxReport:
        report = InboxReport()
        for account in account_rows.list_accounts(self._connection()):
            if account_id is not None and account.id != account_id:
                continue
            outcome = InboxOutcome(account.id, account.label, account.network)
            report.outcomes.append(outcome)
            outcome.skipped = self._why_not(account)
            if not outcome.skipped:
                self._read(account, outcome, force=force)
        return report

    def _why_not(self, account: Account) -> str:  # noqa: PLR0911 - one per reason
        if account.network.descriptor.inbox is None:
            return "no inbox"
        if not reads_inbox(account):
            return "not turned on"  # the network bills reads: only when the user says so
        if account.publish_method is not PublishMethod.API:
            return "published by hand"
        if account.instance_url and is_reserved_address(account.instance_url):
            return "example address"  # the demo's; it can never answer
        if as_reader(self._publishers.find(account)) is None:
            return "no inbox"
        if self._may_read is not None and not self._may_read(account.id):
            return "not on this machine"  # a shared workspace: no token in this keyring
        return ""

    def _window(self, account: Account) -> RequestWindow:
        window = self._windows.get(account.id)
        if window is None:
            capability = account.network.descriptor.inbox
            assert capability is not None
            window = self._windows[account.id] = RequestWindow(capability.budget)
        return window

    def _read(self, account: Account, outcome: InboxOutcome, *, force: bool) -> None:
        now = self._now()
        state = cursor_rows.load(self._connection(), account.id)
        if not force and state.next_read_at is not None and state.next_read_at > now:
            outcome.skipped = "waiting after a failure"
            return
        window = self._window(account)
        capability = account.network.descriptor.inbox
        assert capability is not None
        # The budget is counted in the database: every collector (the engine's, the page's,
        # the command line's) spends the same one, also across restarts.
        used = read_rows.spent(self._connection(), account.id, now - capability.budget.window)
        pages = min(self._pages, window.remaining(now), capability.budget.allowance - used)
        if pages <= 0:
            outcome.skipped = "over the request budget"
            return
        reader = as_reader(self._publishers.find(account))
        assert reader is not None
        answerable = 0
        try:
            for page in reader.read_inbox(account, state.cursor, pages):
                window.spend(now)
                talk = [i for i in page.items if i.kind.answerable]
                rest = [i for i in page.items if not i.kind.answerable]
                with transaction(self._connection()) as conn:
                    read_rows.spend(conn, account.id, now)
                    new_talk = item_rows.add(conn, account.id, talk, now)
                    outcome.added += new_talk + item_rows.add(conn, account.id, rest, now)
                    item_rows.reseen(conn, account.id, page.seen, now)
                    cursor_rows.save(conn, page.cursor, now)
                answerable += new_talk
                outcome.pages += 1
            if not outcome.pages:
                with transaction(self._connection()) as conn:
                    cursor_rows.record_success(conn, account.id, state.cursor.source, now)
        except Exception as exc:  # any failure: what is stored stays, the cursor with it
            outcome.error = redact(str(exc)) or type(exc).__name__
            outcome.problem = classify(
                str(getattr(exc, "kind", "")),
                getattr(exc, "error_kind", None),
                getattr(exc, "http_status", None),
            ).value
            wait = backoff(state.failures + 1)
            retry_after = getattr(exc, "retry_after", None)
            if isinstance(retry_after, int | float):
                # The server's own wait holds across restarts too (stored with the cursor).
                window.pause(now + timedelta(seconds=retry_after))
                wait = max(wait, timedelta(seconds=retry_after))
            with transaction(self._connection()) as conn:
                cursor_rows.record_failure(
                    conn,
                    account.id,
                    state.cursor.source,
                    now=now,
                    next_read_at=now + wait,
                    error=outcome.error,
                    problem=outcome.problem,
                )
        finally:
            if outcome.added and self._announce is not None:
                self._announce(InboxChanged(account.id, outcome.added, answerable))
