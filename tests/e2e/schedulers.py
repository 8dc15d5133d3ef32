"""What the ``run-scheduler`` end-to-end tests share: starting one and waiting until it runs,
and a Local archive account with bursts of posts planned through the app's own planner (on
whichever backend the workspace is)."""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from somestudio.app.planning import Planner
from somestudio.app.workspace import Workspace
from somestudio.commands.run_scheduler import READY
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store.sql import write
from tests.e2e.conftest import AppProcess, LaunchApp

SCHEDULER = [sys.executable, "-m", "somestudio", "run-scheduler"]


def ready(app: AppProcess, timeout_s: float = 60.0) -> AppProcess:
    """``app`` once it says it runs (a SIGTERM before Python has even loaded it kills it
    outright); fails the test if it exits first or takes longer than ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not app.stdout().startswith(READY):
        if app.proc.poll() is not None:
            pytest.fail(f"run-scheduler exited early\n{app.describe()}")
        assert time.monotonic() < deadline, app.describe()
        time.sleep(0.01)
    return app


def start_scheduler(launch: LaunchApp, env: dict[str, str], timeout_s: float = 60.0) -> AppProcess:
    return ready(launch(SCHEDULER, env), timeout_s)


def plan_archive_bursts(
    workspace: Workspace,
    archive: Path,
    *,
    clusters: int,
    size: int,
    lead_s: float,
    zone: str,
    text: str = "cluster {cluster} post {i}",
    account_name: str = "archive",
    whole_second: bool = False,
) -> int:
    """A Local archive account writing into ``archive`` (made here) and ``clusters`` bursts
    of ``size`` posts, one second apart, the first ``lead_s`` from now (on a whole second
    with ``whole_second``); ``text`` is formatted with ``cluster`` and ``i``. The account's
    id."""
    archive.mkdir()
    conn = workspace.writable_store_connection()
    with write(conn):
        account = account_rows.add_account(
            conn,
            Network.LOCAL,
            account_name,
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(archive)},
        )
    planner = Planner(workspace)
    base = utc_now() + timedelta(seconds=lead_s)
    if whole_second:
        base = base.replace(microsecond=0)
    for cluster in range(clusters):
        for i in range(size):
            planner.schedule_post(
                text.format(cluster=cluster, i=i),
                [account],
                at=base + timedelta(seconds=cluster),
                zone=zone,
            )
    return account
