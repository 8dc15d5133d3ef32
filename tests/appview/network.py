"""The full Bluesky test network with its AppView on 127.0.0.1: PostgreSQL and Redis from
Debian's packages, each started in a temporary folder for the test and stopped after it,
and @atproto/dev-env's TestNetwork (PLC, PDS, AppView) on Node 22.

Node and dev-env come from ``scripts/lib/tools.sh`` (shared with the PDS-only tests in
``tests/pds``); PostgreSQL refuses to run as root, so as root it runs as the ``postgres``
user in a folder that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pds.server import _first_line, node_server

HERE = Path(__file__).resolve().parent
# Debian's postgresql package: /usr/lib/postgresql/<major>/bin (15 on Debian 12).
PG_BIN = max(
    Path("/usr/lib/postgresql").glob("*/bin"),
    key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    default=Path("/usr/lib/postgresql/15/bin"),
)


@dataclass
class AppViewNetwork:
    pds: str
    plc: str
    appview: str
    proc: subprocess.Popen[bytes]

    def process(self, timeout: float = 30.0) -> None:
        """Let the AppView index everything the PDS has sequenced so far."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"process\n")
        self.proc.stdin.flush()
        line = _first_line(self.proc, timeout)
        if line != "processed":
            pytest.fail(f"the AppView did not finish indexing: {line!r}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_port(port: int, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"{what} did not start on 127.0.0.1:{port}:\n{log.read_text(errors='replace')}")


@contextmanager
def postgres() -> Iterator[str]:
    """A throw-away PostgreSQL cluster on 127.0.0.1; yields its URL."""
    if not (PG_BIN / "initdb").is_file():
        pytest.fail("PostgreSQL is missing: ./scripts/run-tests installs Debian's postgresql")
    folder = Path(tempfile.mkdtemp(prefix="somestudio-pg-"))
    folder.chmod(0o755)
    run_as: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "postgres.log"
    port = _free_port()
    try:
        subprocess.run(
            [*run_as, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "pg"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        subprocess.run(
            [*run_as, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
             "-w", "-t", "60", "start"],
            check=True,
            capture_output=True,
            timeout=90,
        )  # fmt: skip
        yield f"postgresql://pg@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*run_as, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis(base: Path) -> Iterator[str]:
    """A Redis server on 127.0.0.1 that keeps nothing on disk; yields ``host:port``."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: ./scripts/run-tests installs Debian's redis-server")
    port = _free_port()
    folder = base / "redis"
    folder.mkdir()
    log = folder / "redis.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--protected-mode", "yes"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            _wait_port(port, 20, "Redis", log)
            yield f"127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@contextmanager
def running_appview(base: Path) -> Iterator[AppViewNetwork]:
    with (
        postgres() as database,
        redis(base) as redis_host,
        node_server(
            HERE / "serve.mjs",
            base,
            "appview",
            {"DB_POSTGRES_URL": database, "REDIS_HOST": redis_host},
            start_timeout=120,
            stop_timeout=30,
        ) as (proc, info),
    ):
        yield AppViewNetwork(info["pds"], info["plc"], info["appview"], proc)
