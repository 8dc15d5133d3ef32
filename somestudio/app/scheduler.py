"""Building the scheduling engine for a workspace (the window and ``run-scheduler`` share it)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from somestudio.app.shared_media import shared_media
from somestudio.app.workspace import Workspace
from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.networks import PublishMethod
from somestudio.scheduling.alarms import Alarms
from somestudio.scheduling.clock import SYSTEM_CLOCK, Clock
from somestudio.scheduling.engine import Engine
from somestudio.scheduling.publishers import (
    PublisherRegistry,
    default_publishers,
    register_network_publishers,
)
from somestudio.store import accounts as account_rows

if TYPE_CHECKING:
    from somestudio.networks.publishing import CredentialStore
    from somestudio.store.sql import Conn

log = logging.getLogger(__name__)

__all__ = ["Engine", "SendGate", "abort_network_requests", "create_engine", "start_engine"]

# On a shared workspace a delivery left 'publishing' is reconciled once it was claimed this
# long ago: far beyond any send's deadline, and beyond the clocks of two machines differing.
SHARED_RECOVER_AFTER = timedelta(minutes=15)


def abort_network_requests() -> int:
    """Cut every request still in flight (the window is closing: other work such as a
    metrics refresh must not hold the exit up); how many were cut."""
    from somestudio.networks.deadline import abort_requests  # noqa: PLC0415

    return abort_requests()


def create_engine(
    workspace: Workspace,
    *,
    clock: Clock = SYSTEM_CLOCK,
    publishers: PublisherRegistry | None = None,
    alarms: Alarms | None = None,
    policy: RetryPolicy | None = None,
    collect_metrics: bool = True,
) -> Engine:
    """An engine over ``workspace``'s database and settings; call ``start()`` to run it.

    Every write goes through ``workspace.writable_connection()``, so nothing is written
    before the background integrity check has passed. The catch-up window is read from the
    settings at each sweep.
    With ``collect_metrics`` the engine also fetches metrics of the connected accounts on
    its scheduler (``app.metrics``), collects their inbox and sends inbox answers waiting for
    a retry (``app.inbox``).
    """
    gate: SendGate | None = None
    if publishers is None or workspace.is_shared:
        from somestudio.app.accounts import secret_store  # noqa: PLC0415 - keyring on demand

        credentials = secret_store()
        if publishers is None:
            publishers = register_network_publishers(
                default_publishers(now=clock.now), credentials, now=clock.now
            )
        if workspace.is_shared:
            gate = SendGate(workspace.store_connection, credentials)
    engine = Engine(
        workspace.writable_store_connection,
        publishers,
        clock=clock,
        alarms=alarms,
        catch_up_minutes=lambda: workspace.settings.value.catch_up_minutes,
        policy=policy,
        recover_after=SHARED_RECOVER_AFTER if workspace.is_shared else None,
        may_send=gate,
        media=shared_media(workspace).localize,
    )
    if gate is not None:
        _record_machine(workspace, gate, engine, clock)
    # What other machines schedule is armed at once, not at the next whole-minute sweep (a
    # shared workspace's change feed; nothing on SQLite, which only this machine changes).
    workspace.on_remote_change(engine.remote_change)
    from somestudio.app.handoff import HandOff  # noqa: PLC0415

    HandOff(workspace.writable_connection, now=clock.now).attach_to(engine)
    if collect_metrics:
        from somestudio.app.inbox.collector import InboxCollector  # noqa: PLC0415
        from somestudio.app.inbox.replies import InboxReplies  # noqa: PLC0415
        from somestudio.app.metrics import MetricsCollector  # noqa: PLC0415 - requests on demand

        MetricsCollector(workspace.writable_connection, now=clock.now).attach_to(engine)
        # The inbox reads and answers through the engine's own publishers (one client per
        # account renews its sign-in). On a shared workspace a machine reads only the
        # accounts it can publish for (the same gate): one without the token would only
        # record failures and push the shared cursor's next read back for everyone.
        connection = workspace.writable_store_connection
        InboxCollector(
            connection, publishers, now=clock.now, announce=engine.announce, may_read=gate
        ).attach_to(engine)
        InboxReplies(
            connection, publishers, clock=clock, announce=engine.announce, may_send=gate
        ).attach_to(engine)
    return engine


class SendGate:
    """Whether this machine can publish for an account of a shared workspace (issue 17:
    "a machine sends only for accounts whose token is in its own keyring"): an API account
    when the keyring here holds its token, a Local archive account when its folder exists
    here, by-hand accounts anywhere. Asked at each arming; a verdict is kept for
    ``ttl`` seconds (the keyring is a D-Bus round trip)."""

    def __init__(
        self,
        connection: Callable[[], Conn],
        credentials: CredentialStore,
        *,
        ttl: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connection = connection
        self._credentials = credentials
        self._ttl = ttl
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._known: dict[int, tuple[float, bool]] = {}

    def __call__(self, account_id: int) -> bool:
        now = self._monotonic()
        with self._lock:
            found = self._known.get(account_id)
        if found is not None and now - found[0] < self._ttl:
            return found[1]
        verdict = self._judge(account_id)
        with self._lock:
            before = self._known.get(account_id)
            self._known[account_id] = (now, verdict)
        if not verdict and (before is None or before[1]):
            log.info(
                "account %s cannot publish from this machine (no token or folder here); "
                "its posts are left to a machine that can",
                account_id,
            )
        return verdict

    def _judge(self, account_id: int) -> bool:
        account = account_rows.get_account(self._connection(), account_id)
        if account is None:
            return False
        if account.publish_method is PublishMethod.API:
            try:
                return self._credentials.load(account_id) is not None
            except Exception:  # no keyring here: nothing to send with
                log.warning("reading account %s's token failed", account_id, exc_info=True)
                return False
        if account.publish_method is PublishMethod.FOLDER:
            folder = account.options.get("folder")
            return isinstance(folder, str) and bool(folder) and Path(folder).is_dir()
        return True


MACHINE_ROUND_SECONDS = 600  # how often a running engine says again that it is here
_MACHINE_JOB = "machine-seen"


def _record_machine(workspace: Workspace, gate: SendGate, engine: Engine, clock: Clock) -> None:
    """Record which accounts this machine can publish (the Accounts page shows it), now and
    every few minutes while the engine runs (its "last seen"). A failure costs only that
    line of the page: it is logged, never in the way of publishing."""
    from somestudio.app.machines import Machines  # noqa: PLC0415

    machines = Machines(workspace, now=clock.now)

    def round_() -> None:
        try:
            machines.record(gate)
        except Exception:
            log.info("recording this machine's accounts failed", exc_info=True)

    round_()
    engine.add_periodic(_MACHINE_JOB, MACHINE_ROUND_SECONDS, round_)


# The name the window was promised; it builds the engine, the caller starts it.
start_engine = create_engine
