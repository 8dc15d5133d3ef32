"""Fetching metrics: rounds over the connected accounts, posts due by the tapering schedule,
within each network's request budget; snapshots stored, failures backed off.

The engine runs ``MetricsCollector.run_due`` as an interval job on its scheduler (see
``attach_to``); ``somestudio metrics refresh`` calls ``refresh(force=True)``. Only accounts
connected through an API are asked: an account published to by hand has no remote posts,
and its numbers are entered by hand or imported (``app.metric_entry``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol
from urllib.parse import urlsplit

import requests

from somestudio.domain.metric_schedule import (
    BUDGETS,
    FINAL_AGE,
    ROUND_SECONDS,
    Budget,
    Due,
    RequestWindow,
    next_account_fetch,
    next_post_fetch,
    plan_round,
)
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.posts import Account
from somestudio.domain.redaction import redact
from somestudio.domain.utc import utc_now
from somestudio.networks.http import create_session
from somestudio.networks.metrics import (
    AccountRef,
    FetchError,
    FetchErrorKind,
    MetricFetcher,
)
from somestudio.networks.registry import entry as network_entry
from somestudio.store import accounts as account_rows
from somestudio.store import metric_writes as rows
from somestudio.store.database import transaction

log = logging.getLogger(__name__)

JOB_KEY = "metrics"
# Networks whose metric reads need no token (public AppView / public statuses).
_PUBLIC = frozenset(n for n, d in DESCRIPTORS.items() if d.public_metrics)

TokenSource = Callable[[Account], "str | None"]
FetcherFactory = Callable[[Account, requests.Session, str], MetricFetcher]


def default_token(account: Account) -> str | None:
    """The account's access token from the keyring (``somestudio.secrets``), if it has one.

    The networks' sign-in stores tokens there; until an account is signed in there is none.
    """
    from somestudio import secrets  # noqa: PLC0415 - keyring only when a token is wanted

    getter = getattr(secrets, "get_token", None)
    if getter is None:
        return None
    try:
        token = getter(account.id)
    except Exception:  # a locked or missing keyring: no token, said in the round's report
        log.warning("no token for account %s: the keyring could not be read", account.id)
        return None
    return token if isinstance(token, str) and token else None


def new_session() -> requests.Session:
    """The one session factory of publishing and metrics alike (networks/http.py: a deadline
    on every whole request)."""
    return create_session()


def base_url_for(account: Account) -> str:
    options = account.options
    override = options.get("api_base_url")
    if isinstance(override, str) and override:
        return override
    found = network_entry(account.network)
    if found is None:
        return ""
    # A network with no one address (Mastodon) is read on the account's own server.
    return found.metrics_address(options) or account.instance_url


# Names that never resolve (RFC 2606, RFC 6761): no request is worth sending there.
_RESERVED_TLDS = (".example", ".invalid", ".test")


def is_reserved_address(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return any(host.endswith(tld) or host == tld[1:] for tld in _RESERVED_TLDS)


def account_ref(account: Account) -> AccountRef:
    remote = account.options.get("user_id") or account.options.get("did") or ""
    return AccountRef(handle=account.handle, remote_id=str(remote), options=dict(account.options))


class Skip(StrEnum):
    """Why an account was not asked for numbers at all: the command line prints the value,
    the window words each in the user's language (``ui/metrics/page.py``)."""

    BY_HAND = "published by hand"
    NOT_SIGNED_IN = "not signed in"
    NO_SERVER = "no server address"
    EXAMPLE = "example address"  # the demo's; it can never answer
    NO_API = "no metrics API"


@dataclass
class AccountOutcome:
    account_id: int
    label: str
    network: Network
    posts_updated: int = 0
    posts_gone: int = 0
    posts_waiting: int = 0  # due, but over this round's request budget
    followers: int | None = None
    errors: list[str] = field(default_factory=list)
    skipped: str = ""  # why the account was not asked at all (a ``Skip``)


@dataclass
class RefreshReport:
    outcomes: list[AccountOutcome] = field(default_factory=list)

    @property
    def posts_updated(self) -> int:
        return sum(o.posts_updated for o in self.outcomes)

    @property
    def errors(self) -> list[str]:
        return [f"{o.label}: {e}" for o in self.outcomes for e in o.errors]


class Periodic(Protocol):
    def add_periodic(self, key: str, seconds: float, action: Callable[[], None]) -> None: ...


class MetricsCollector:
    """Thread-safe: one round at a time (a round still running makes the next one a no-op)."""

    def __init__(
        self,
        connection: Callable[[], sqlite3.Connection],
        *,
        now: Callable[[], datetime] = utc_now,
        token_for: TokenSource = default_token,
        session_factory: Callable[[], requests.Session] = new_session,
        budgets: dict[Network, Budget] | None = None,
    ) -> None:
        self._connection = connection
        self._now = now
        self._token_for = token_for
        self._session_factory = session_factory
        self._budgets = budgets if budgets is not None else BUDGETS
        self._windows: dict[int, RequestWindow] = {}
        self._round = threading.Lock()

    def attach_to(self, engine: Periodic, seconds: float = ROUND_SECONDS) -> None:
        engine.add_periodic(JOB_KEY, seconds, self._scheduled_round)

    def _scheduled_round(self) -> None:
        self.run_due()

    def run_due(self) -> RefreshReport | None:
        """One scheduled round (None when a round is already running)."""
        if not self._round.acquire(blocking=False):
            return None
        try:
            report = self._refresh(None, force=False)
        finally:
            self._round.release()
        if report.posts_updated or report.errors:
            log.info("metrics: %s posts updated, %s errors", report.posts_updated, report.errors)
        return report

    def refresh(self, account_id: int | None = None, *, force: bool = True) -> RefreshReport:
        """Fetch now: every post not yet final (``force``) or only what is due."""
        with self._round:
            return self._refresh(account_id, force=force)

    # ------------------------------------------------------------------ a round

    def _accounts(self, account_id: int | None) -> list[Account]:
        accounts = account_rows.list_accounts(self._connection())
        return [a for a in accounts if account_id is None or a.id == account_id]

    def _refresh(self, account_id: int | None, *, force: bool) -> RefreshReport:
        report = RefreshReport()
        session: requests.Session | None = None
        try:
            for account in self._accounts(account_id):
                outcome = AccountOutcome(account.id, account.label, account.network)
                report.outcomes.append(outcome)
                why = self._why_not(account, explicit=account_id is not None)
                if why:
                    outcome.skipped = why
                    continue
                token = self._token_for(account)
                if not token and account.network not in _PUBLIC:
                    outcome.skipped = Skip.NOT_SIGNED_IN
                    continue
                base = base_url_for(account)
                if not base:
                    outcome.skipped = Skip.NO_SERVER
                    continue
                if is_reserved_address(base):
                    outcome.skipped = Skip.EXAMPLE
                    continue
                if session is None:
                    session = self._session_factory()
                code = network_entry(account.network)
                if code is None:
                    outcome.skipped = Skip.NO_API
                    continue
                fetcher = code.build_fetcher(session, base, token or "", account_ref(account))
                self._round_for(account, fetcher, outcome, force=force)
        finally:
            if session is not None:
                session.close()
        return report

    def _why_not(self, account: Account, *, explicit: bool) -> str:
        if network_entry(account.network) is None or account.network not in self._budgets:
            return Skip.NO_API
        if account.publish_method is not PublishMethod.API and not explicit:
            return Skip.BY_HAND
        return ""

    def _window(self, account: Account) -> RequestWindow:
        window = self._windows.get(account.id)
        if window is None:
            window = self._windows[account.id] = RequestWindow(self._budgets[account.network])
        return window

    def _round_for(
        self, account: Account, fetcher: MetricFetcher, outcome: AccountOutcome, *, force: bool
    ) -> None:
        now = self._now()
        window = self._window(account)
        conn = self._connection()
        due = rows.due_posts(
            conn, account.id, now + (FINAL_AGE if force else timedelta()), now - FINAL_AGE
        )
        state = rows.account_fetch_state(conn, account.id)
        if (force or state.next_fetch_at is None or state.next_fetch_at <= now) and (
            window.remaining(now) > 0
        ):
            window.spend(now)
            if not self._fetch_account(
                account, fetcher, outcome, state.failures, now=now, window=window
            ):
                return  # auth or a pause: the posts would fail the same way
        batches = plan_round(due, window.budget, window.remaining(now))
        outcome.posts_waiting = len(due) - sum(len(b) for b in batches)
        for batch in batches:
            window.spend(now)
            if not self._fetch_batch(fetcher, batch, outcome, now, window):
                outcome.posts_waiting += sum(len(b) for b in batches[batches.index(batch) + 1 :])
                break

    def _fetch_account(
        self,
        account: Account,
        fetcher: MetricFetcher,
        outcome: AccountOutcome,
        failures: int,
        *,
        now: datetime,
        window: RequestWindow,
    ) -> bool:
        try:
            counts = fetcher.fetch_account(account_ref(account))
        except FetchError as exc:
            self._note_pause(exc, now, window)
            outcome.errors.append(f"account: {exc}")
            with transaction(self._connection()) as conn:
                rows.record_account_fetch(
                    conn,
                    account.id,
                    now,
                    next_account_fetch(now, failures=failures + 1),
                    error=redact(str(exc)),
                )
            return exc.kind is FetchErrorKind.FINAL and exc.retry_after is None
        with transaction(self._connection()) as conn:
            rows.add_account_snapshot(conn, account.id, now, counts)
            rows.record_account_fetch(conn, account.id, now, next_account_fetch(now))
        outcome.followers = counts.followers
        return True

    def _fetch_batch(
        self,
        fetcher: MetricFetcher,
        batch: list[Due],
        outcome: AccountOutcome,
        now: datetime,
        window: RequestWindow,
    ) -> bool:
        try:
            results = fetcher.fetch_posts([d.remote_id for d in batch])
        except FetchError as exc:
            self._note_pause(exc, now, window)
            outcome.errors.append(redact(str(exc)))
            with transaction(self._connection()) as conn:
                for due in batch:
                    failures = rows.post_failures(conn, due.delivery_id) + 1
                    rows.record_post_fetch(
                        conn,
                        due.delivery_id,
                        now,
                        next_post_fetch(due.published_at, now, failures=failures),
                        error=redact(str(exc)),
                    )
            return False
        with transaction(self._connection()) as conn:
            for due in batch:
                if due.remote_id not in results:
                    failures = rows.post_failures(conn, due.delivery_id) + 1
                    rows.record_post_fetch(
                        conn,
                        due.delivery_id,
                        now,
                        next_post_fetch(due.published_at, now, failures=failures),
                        error="not in the network's answer",
                    )
                    continue
                counts = results[due.remote_id]
                if counts is None:
                    rows.record_post_fetch(
                        conn, due.delivery_id, now, None, error="gone from the network", gone=True
                    )
                    outcome.posts_gone += 1
                    continue
                rows.add_post_snapshot(conn, due.delivery_id, now, counts)
                rows.record_post_fetch(
                    conn, due.delivery_id, now, next_post_fetch(due.published_at, now)
                )
                outcome.posts_updated += 1
        return True

    @staticmethod
    def _note_pause(exc: FetchError, now: datetime, window: RequestWindow) -> None:
        if exc.retry_after is not None:
            window.pause(now + timedelta(seconds=exc.retry_after))
        elif exc.kind is FetchErrorKind.AUTH:
            window.pause(now + timedelta(hours=1))
