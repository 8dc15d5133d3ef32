"""The real Bluesky PDS from npm (@atproto/dev-env) on 127.0.0.1, for end-to-end tests.

Node 22 and the PDS are installed by ``scripts/lib/tools.sh`` (``./scripts/run-tests`` runs
it; this module runs it too when the tools are missing). Each server gets its own TMPDIR,
where the PDS keeps its SQLite files and blobs.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@dataclass(frozen=True)
class Pds:
    url: str
    plc: str


@dataclass(frozen=True)
class PdsAccount:
    handle: str
    did: str
    password: str  # the account's own password (the tests sign in with an app password)
    app_password: str


def tools() -> tuple[Path, Path]:
    node = os.environ.get("SOMESTUDIO_PDS_NODE")
    folder = os.environ.get("SOMESTUDIO_PDS_DIR")
    if node and folder and Path(node).is_file():
        return Path(node), Path(folder)
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "lib" / "tools.sh"), "pds"],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"installing the test PDS failed:\n{done.stderr}")
    node_path, folder_path = done.stdout.strip().splitlines()[-2:]
    return Path(node_path), Path(folder_path)


@contextmanager
def running_pds(base: Path) -> Iterator[Pds]:
    with node_server(HERE / "serve.mjs", base, "pds", {}, start_timeout=60) as (_proc, info):
        yield Pds(url=info["pds"], plc=info["plc"])


@contextmanager
def node_server(
    script: Path,
    base: Path,
    name: str,
    extra_env: dict[str, str],
    *,
    start_timeout: float,
    stop_timeout: float = 15,
) -> Iterator[tuple[subprocess.Popen[bytes], dict[str, str]]]:
    """Run a dev-env script with Node 22, every server bound to 127.0.0.1 (loopback.cjs).

    The script prints one JSON line of addresses when it is up and stops when its standard
    input closes. Yields the process and those addresses; its log is ``base/<name>.log``.
    """
    node, folder = tools()
    target = f"serve-{name}.mjs"
    shutil.copyfile(script, folder / target)  # beside dev-env's node_modules
    tmp = base / f"{name}-tmp"
    tmp.mkdir(parents=True)
    env = {
        "PATH": f"{node.parent}:{os.environ.get('PATH', '')}",
        "HOME": str(base),
        "TMPDIR": str(tmp),
        "NODE_ENV": "development",
        "LOG_ENABLED": "false",
        **extra_env,
    }
    log_path = base / f"{name}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [str(node), "--require", str(HERE / "loopback.cjs"), target],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
        )
        try:
            line = _first_line(proc, timeout=start_timeout)
            if not line:
                pytest.fail(
                    f"the {name} server did not start:\n"
                    + log_path.read_text(errors="replace")[-4000:]
                )
            yield proc, json.loads(line)
        finally:
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                proc.wait(timeout=stop_timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()


def _first_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    return data.decode().strip()


def create_account(pds: Pds, name: str) -> PdsAccount:
    """A new account on the PDS and an app password for it."""
    handle = f"{name}.test"
    password = f"{name}-own-password-1"
    created = requests.post(
        f"{pds.url}/xrpc/com.atproto.server.createAccount",
        json={"email": f"{name}@example.com", "handle": handle, "password": password},
        timeout=30,
    )
    created.raise_for_status()
    body = created.json()
    app = requests.post(
        f"{pds.url}/xrpc/com.atproto.server.createAppPassword",
        json={"name": "Some Studio"},
        headers={"Authorization": f"Bearer {body['accessJwt']}"},
        timeout=30,
    )
    app.raise_for_status()
    return PdsAccount(handle, body["did"], password, app.json()["password"])


def list_posts(pds: Pds, did: str) -> list[dict[str, object]]:
    response = requests.get(
        f"{pds.url}/xrpc/com.atproto.repo.listRecords",
        params={"repo": did, "collection": "app.bsky.feed.post", "limit": "100"},
        timeout=30,
    )
    response.raise_for_status()
    records: list[dict[str, object]] = response.json()["records"]
    return records
