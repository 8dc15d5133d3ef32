"""Building the scheduling engine for a workspace (the window and ``run-scheduler`` share it)."""

from __future__ import annotations

from datetime import timedelta

from somestudio.app.workspace import Workspace
from somestudio.domain.backoff import RetryPolicy
from somestudio.scheduling.alarms import Alarms
from somestudio.scheduling.clock import SYSTEM_CLOCK, Clock
from somestudio.scheduling.engine import Engine
from somestudio.scheduling.publishers import (
    PublisherRegistry,
    default_publishers,
    register_network_publishers,
)

__all__ = ["Engine", "abort_network_requests", "create_engine", "start_engine"]

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
    if publishers is None:
        from somestudio.app.accounts import secret_store  # noqa: PLC0415 - keyring on demand

        publishers = register_network_publishers(
            default_publishers(now=clock.now), secret_store(), now=clock.now
        )
    engine = Engine(
        workspace.writable_store_connection,
        publishers,
        clock=clock,
        alarms=alarms,
        catch_up_minutes=lambda: workspace.settings.value.catch_up_minutes,
        policy=policy,
        recover_after=SHARED_RECOVER_AFTER if workspace.is_shared else None,
    )
    from somestudio.app.handoff import HandOff  # noqa: PLC0415

    HandOff(workspace.writable_connection, now=clock.now).attach_to(engine)
    if collect_metrics and workspace.is_shared:
        # The inbox's tables are not yet reached through ``store.sql`` (issue 17): on a
        # shared workspace the engine publishes and measures, the inbox waits for that.
        from somestudio.app.metrics import MetricsCollector  # noqa: PLC0415 - requests on demand

        MetricsCollector(workspace.writable_connection, now=clock.now).attach_to(engine)
    elif collect_metrics:
        from somestudio.app.inbox.collector import InboxCollector  # noqa: PLC0415
        from somestudio.app.inbox.replies import InboxReplies  # noqa: PLC0415
        from somestudio.app.metrics import MetricsCollector  # noqa: PLC0415 - requests on demand

        MetricsCollector(workspace.writable_connection, now=clock.now).attach_to(engine)
        # The inbox reads and answers through the engine's own publishers (one client per
        # account renews its sign-in).
        connection = workspace.writable_connection
        InboxCollector(connection, publishers, now=clock.now, announce=engine.announce).attach_to(
            engine
        )
        InboxReplies(connection, publishers, clock=clock, announce=engine.announce).attach_to(
            engine
        )
    return engine


# The name the window was promised; it builds the engine, the caller starts it.
start_engine = create_engine
