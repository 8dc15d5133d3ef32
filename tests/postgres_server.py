"""A throw-away PostgreSQL server for the workspace tests: Debian's binaries, a cluster made by
initdb in a temporary folder, listening on 127.0.0.1 at a free port only, with password
(SCRAM) authentication over TCP so the keyring path is the one tested.

Missing binaries fail the test with a message that names the package: a backend that is not
tested must not look tested. As root, PostgreSQL runs as the ``postgres`` user (it refuses
to run as root), in a folder that user owns.
"""

from __future__ import annotations

import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from somestudio.store import history
from somestudio.store.engines import make_engine
from somestudio.store.workspace_url import WorkspaceUrl, parse

USER = "studio"


def pg_bin() -> Path:
    """Debian's postgresql package: /usr/lib/postgresql/<major>/bin, the newest there."""
    found = [
        p
        for p in Path("/usr/lib/postgresql").glob("*/bin")
        if p.parent.name.isdigit() and (p / "initdb").is_file()
    ]
    if not found:
        pytest.fail(
            "PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb): install Debian's "
            "postgresql package (apt-get install postgresql); the workspace tests need it."
        )
    return max(found, key=lambda p: int(p.parent.name))


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    password: str
    folder: Path
    bin: Path
    run_as: tuple[str, ...]

    def url(self, database: str) -> str:
        """The workspace URL of ``database`` (no password: that is the keyring's)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def restart(self) -> None:
        """A fast restart, as an administrator's (or a crash's) would cut every connection.
        The server's output goes to its log: inherited pipes would keep pg_ctl's caller
        waiting for an end of file that never comes."""
        log = self.folder / "postgres.log"
        self.pg_ctl("restart", "-m", "fast", "-w", "-t", "60", "-l", str(log))

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), *args],
            check=True,
            capture_output=True,
            timeout=90,
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    binaries = pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="somestudio-pg-"))
    folder.chmod(0o755)
    run_as: tuple[str, ...] = ()
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        run_as = ("runuser", "-u", "postgres", "--")
    password = secrets.token_urlsafe(18)
    password_file = folder / "password"
    password_file.write_text(password + "\n", encoding="utf-8")
    if owner is not None:
        os.chown(password_file, owner.pw_uid, owner.pw_gid)
    password_file.chmod(0o600)
    data, log = folder / "data", folder / "postgres.log"
    port = _free_port()
    server = PostgresServer("127.0.0.1", port, USER, password, folder, binaries, run_as)
    try:
        made = subprocess.run(
            [*run_as, str(binaries / "initdb"), "-D", str(data), "-U", USER,
             f"--pwfile={password_file}", "--auth-local=trust", "--auth-host=scram-sha-256",
             "--encoding=UTF8", "--locale=C.UTF-8"],
            capture_output=True,
            timeout=120,
            check=False,
        )  # fmt: skip
        if made.returncode != 0:
            pytest.fail(f"initdb failed:\n{made.stderr.decode(errors='replace')}")
        password_file.unlink()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        started = subprocess.run(
            [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
             "-w", "-t", "60", "start"],
            capture_output=True,
            timeout=90,
            check=False,
        )  # fmt: skip
        if started.returncode != 0:
            text = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"PostgreSQL did not start on 127.0.0.1:{port}:\n{text}")
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                 "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


TEMPLATE = "somestudio_template"
_names = itertools.count(1)


def admin_engine(server: PostgresServer) -> sa.Engine:
    """An engine on the server's maintenance database, for CREATE/DROP DATABASE."""
    url = parse(server.url("postgres"))
    return make_engine(url, lambda: server.password).execution_options(isolation_level="AUTOCOMMIT")


def migrated_template(server: PostgresServer) -> str:
    """A database at the newest schema, made by the schema history (Alembic)."""
    admin = admin_engine(server)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {TEMPLATE}")
    admin.dispose()
    engine = make_engine(parse(server.url(TEMPLATE)), lambda: server.password)
    with engine.connect() as conn:
        history.upgrade(conn)
    engine.dispose()  # a template must have no connections when it is copied
    return TEMPLATE


@contextmanager
def fresh_database(server: PostgresServer, template: str | None) -> Iterator[WorkspaceUrl]:
    """A new database (a copy of ``template``, or empty), dropped afterwards."""
    name = f"test_{next(_names)}"
    admin = admin_engine(server)
    copy = f" TEMPLATE {template}" if template else ""
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}{copy}")
    try:
        yield parse(server.url(name))
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
        admin.dispose()
