"""Two ``run-scheduler`` processes, each with its own data folder (two machines), on one real
PostgreSQL workspace chosen with ``workspace use``: every delivery of a burst is published
exactly once, whichever engine claims it (issue 17, docs/workspace-backends.md section 5)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.app.workspace import open_workspace
from somestudio.commands.run_scheduler import READY
from somestudio.store.engines import make_engine
from somestudio.store.workspace_url import WorkspaceUrl
from tests.e2e.conftest import AppProcess, LaunchApp, isolated_environ
from tests.e2e.schedulers import SCHEDULER, plan_archive_bursts, ready
from tests.postgres_server import PostgresServer
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow

# The first burst is due this long after its planning began (the engines already running):
# both must have armed it by then from the change feed, or nothing is contended.
LEAD_S = 8.0


def _use(env: dict[str, str], url: WorkspaceUrl, password: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "somestudio", "workspace", "use", url.display(), "--password-stdin"],
        input=password + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert password not in done.stdout + done.stderr


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "somestudio", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _prepare(
    home: Path, password: str, archive: Path, *, clusters: int, size: int, lead: float
) -> None:
    """A Local archive account and ``clusters`` bursts of ``size`` posts, one second apart,
    written through the app's own workspace (the PostgreSQL one its settings name)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: password
        )
        workspace = open_workspace(home)
    assert workspace.is_shared
    try:
        plan_archive_bursts(
            workspace, archive, clusters=clusters, size=size, lead_s=lead, zone="Europe/Helsinki"
        )
    finally:
        workspace.close()


def _start_together(launch: LaunchApp, machines: list[dict[str, str]]) -> list[AppProcess]:
    """One engine per machine, all launched before any is waited for: started one after the
    other, the first could be armed and claiming while the last still loads (on a busy CI
    machine the first once published the whole burst alone)."""
    return [ready(app) for app in [launch(SCHEDULER, env) for env in machines]]


def test_two_machines_publish_every_delivery_exactly_once(
    tmp_path: Path, launch: LaunchApp, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    clusters, size = 4, 25
    archive = tmp_path / "archive"
    reader = make_engine(pg_url, lambda: postgres.password)

    def pending() -> int:
        with reader.connect() as conn:
            return int(
                conn.execute(
                    sa.text(
                        "SELECT count(*) FROM deliveries WHERE state IN ('scheduled', 'publishing')"
                    )
                ).scalar_one()
            )

    with secret_service(tmp_path / "kr") as service:
        machines = []
        for name in ("laptop", "server"):
            env = {**isolated_environ(tmp_path / name), **service.environ}
            _use(env, pg_url, postgres.password)
            machines.append(env)
        # Both engines first, then the posts: each engine arms them from the workspace's
        # change feed as they are planned (started after planning, one took 7.7 s to be up on
        # a loaded CI machine and missed the first burst it was to contend for).
        engines = _start_together(launch, machines)
        started = time.monotonic()
        _prepare(
            Path(machines[0]["SOMESTUDIO_HOME"]),
            postgres.password,
            archive,
            clusters=clusters,
            size=size,
            lead=LEAD_S,
        )
        planning_s = time.monotonic() - started
        deadline = time.monotonic() + 90
        while pending():
            for app in engines:
                assert app.proc.poll() is None, app.describe()
            assert time.monotonic() < deadline, [app.describe() for app in engines]
            time.sleep(0.2)
        for app in engines:
            app.proc.send_signal(signal.SIGTERM)
        for app in engines:
            assert app.wait(timeout=30) == 0, app.describe()
            assert app.stderr() == "", app.describe()
            assert postgres.password not in app.stdout()

        # The scripting commands on the shared workspace, from the other machine.
        listed = _cli(machines[1], "post", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert {d["state"] for p in json.loads(listed.stdout) for d in p["deliveries"]} == {
            "published"
        }
        now = _cli(machines[1], "post", "add", "--text", "one more", "--to", "archive", "--now")
        assert now.returncode == 0, now.stderr
        assert ": published " in now.stderr

    with reader.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, state, idempotency_key FROM deliveries ORDER BY id")
        ).all()
        published = Counter(
            delivery_id
            for (delivery_id,) in conn.execute(
                sa.text(
                    "SELECT delivery_id FROM attempts WHERE outcome IN ('published', 'reconciled')"
                )
            )
        )
        claims = int(
            conn.execute(sa.text("SELECT sum(attempt_count) FROM deliveries")).scalar_one()
        )
    reader.dispose()
    assert len(rows) == clusters * size + 1
    folders = list(archive.iterdir())
    assert not [p.name for p in folders if p.name.startswith(".")]
    written = Counter(
        json.loads((p / "metadata.json").read_text(encoding="utf-8"))["idempotency_key"]
        for p in folders
    )
    assert len(folders) == clusters * size + 1
    assert max(written.values()) == 1, "a post was written twice"
    for delivery_id, state, key in rows:
        assert state == "published", (delivery_id, state)
        assert written[key] == 1 and published[delivery_id] == 1, delivery_id
    assert claims == clusters * size + 1  # each claimed once: no second claim ever won
    # Both machines contended for every delivery: each was armed in time and its alarm rang
    # for each one (the first to claim sends it). Which machine sends a cluster is chance: the
    # first claim takes a whole cluster (the Local archive claims 32 at once, more than a
    # cluster), so one engine sending all four clusters is a one-in-eight event, not a fault.
    logs = [
        (Path(env["SOMESTUDIO_HOME"]) / "logs" / "somestudio.log").read_text(encoding="utf-8")
        for env in machines
    ]
    rang = [_alarms_rang(log) for log in logs]
    assert all(count >= clusters * size for count in rang), (
        f"alarms rang {rang} times, fewer than the {clusters * size} deliveries (planning "
        f"took {planning_s:.1f} s, the first due {LEAD_S} s after it began)"
    )
    sent = [log.count(" published ") for log in logs]
    assert sum(sent) == clusters * size + 1, sent  # with the one sent from the command line


def _alarms_rang(log: str) -> int:
    """How many alarms a ``run-scheduler`` said had rung when it stopped."""
    found = re.search(r"run-scheduler stopped \((\d+) alarms rang", log)
    assert found is not None, log[-2000:]
    return int(found.group(1))


def test_a_server_restart_mid_burst_loses_and_doubles_nothing(
    tmp_path: Path, launch: LaunchApp, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    """``pg_ctl restart`` while two engines publish a burst: every connection is cut; the
    engines reconnect and carry on, and every delivery goes out once (or, when a send's
    outcome could not be recorded before the cut, is reconciled from the archive)."""
    clusters, size = 6, 20
    archive = tmp_path / "archive"
    reader = make_engine(pg_url, lambda: postgres.password)

    def states() -> Counter[str]:
        with reader.connect() as conn:
            return Counter(
                str(state) for (state,) in conn.execute(sa.text("SELECT state FROM deliveries"))
            )

    with secret_service(tmp_path / "kr") as service:
        machines = []
        for name in ("laptop", "server"):
            env = {**isolated_environ(tmp_path / name), **service.environ}
            _use(env, pg_url, postgres.password)
            machines.append(env)
        home = Path(machines[0]["SOMESTUDIO_HOME"])
        _prepare(home, postgres.password, archive, clusters=clusters, size=size, lead=5.0)
        engines = _start_together(launch, machines)
        while not any(p.name[0] != "." for p in archive.iterdir()):
            time.sleep(0.05)  # the burst has begun
        postgres.restart()
        deadline = time.monotonic() + 150
        while (left := states())["scheduled"] + left["publishing"]:
            for app in engines:
                assert app.proc.poll() is None, app.describe()
            assert time.monotonic() < deadline, (left, [app.describe() for app in engines])
            time.sleep(0.5)
        for app in engines:
            app.proc.send_signal(signal.SIGTERM)
        for app in engines:
            assert app.wait(timeout=30) == 0, app.describe()

    with reader.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, state, idempotency_key FROM deliveries")).all()
        published = Counter(
            delivery_id
            for (delivery_id,) in conn.execute(
                sa.text(
                    "SELECT delivery_id FROM attempts WHERE outcome IN ('published', 'reconciled')"
                )
            )
        )
    reader.dispose()
    folders = [p for p in archive.iterdir() if not p.name.startswith(".")]
    written = Counter(
        json.loads((p / "metadata.json").read_text(encoding="utf-8"))["idempotency_key"]
        for p in folders
    )
    assert len(rows) == clusters * size
    assert max(written.values()) == 1, "a post was written twice"
    for delivery_id, state, key in rows:
        assert state == "published", (delivery_id, state)
        assert written[key] == 1 and published[delivery_id] == 1, delivery_id


def test_run_scheduler_says_why_it_cannot_open_the_workspace(
    tmp_path: Path, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    """The settings name the shared workspace, but this machine's keyring has no password
    for it (or the server is gone): a clear message, exit 1, no engine."""
    with secret_service(tmp_path / "kr") as service:
        env = {**isolated_environ(tmp_path / "box"), **service.environ}
        _use(env, pg_url, postgres.password)
    with secret_service(tmp_path / "kr2") as other:  # another machine's (empty) keyring
        env = {**env, **other.environ}
        done = subprocess.run(
            SCHEDULER, env=env, capture_output=True, text=True, timeout=120, check=False
        )
    assert done.returncode == 1, done.stdout
    assert f"The server of {pg_url.display()} refused the password of studio" in done.stderr
    assert READY not in done.stdout
