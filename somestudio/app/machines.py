"""Which machines can publish each account of a shared workspace (issue 17, point 3).

A machine is a data folder: its id is chosen once and kept in the folder's ``machine-id``
file (a random UUID; two data folders on one computer are two machines, as they run two
engines), its name is the host name. At the engine's start (the window's or
``run-scheduler``'s) the machine records the accounts it can publish — an API account whose
token is in this keyring, a Local archive whose folder exists here, as ``SendGate`` judges
— and connecting or disconnecting an account here updates that. The Accounts page reads it
back. Nothing is recorded on a solo SQLite workspace: there, this computer is the only one.
"""

from __future__ import annotations

import logging
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from somestudio.app.atomic_files import create_bytes_atomically, write_bytes_atomically
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import machines as machine_rows
from somestudio.store.sql import write

log = logging.getLogger(__name__)

MACHINE_FILE = "machine-id"


@dataclass(frozen=True, slots=True)
class ThisMachine:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Publisher:
    """A machine that can publish an account, as the Accounts page shows it."""

    name: str
    seen_at: datetime
    here: bool  # this computer
    age: timedelta = timedelta(0)  # how long ago it was last seen


_FIRST_USE = threading.Lock()


def this_machine(home: Path) -> ThisMachine:
    """This data folder's machine: its id (made and kept on first use) and the host name.

    The first use can come from two threads at once (the engine recording this machine, the
    Accounts page reading the publishers) or from two processes (the window and a command):
    one id is made and every one of them reads it."""
    path = home / MACHINE_FILE
    with _FIRST_USE:
        found = _read_id(path)
        if not found:
            made = uuid.uuid4().hex
            data = (made + "\n").encode("ascii")
            if create_bytes_atomically(path, data):
                found = made
            else:  # another process made it first, or an empty or damaged file is there
                found = _read_id(path)
                if not found:
                    write_bytes_atomically(path, data)
                    found = made
    name = socket.gethostname().strip() or "?"
    return ThisMachine(found, name[:200])


def _read_id(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


class Machines:
    """Records this machine's publishable accounts and reads every machine's."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        machine: ThisMachine | None = None,
    ) -> None:
        self.workspace = workspace
        self._now = now
        self._machine = machine

    @property
    def machine(self) -> ThisMachine:
        if self._machine is None:
            self._machine = this_machine(self.workspace.home)
        return self._machine

    @property
    def shared(self) -> bool:
        return self.workspace.is_shared

    def record(self, can_publish: Callable[[int], bool]) -> list[int]:
        """Ask ``can_publish`` (e.g. ``SendGate``) about each API and Local archive account
        and record the answer as this machine's list, seen now; the ids recorded. By-hand
        accounts are published by a person on any computer: no machine holds them."""
        conn = self.workspace.store_connection()
        held = [
            a.id
            for a in account_rows.list_accounts(conn)
            if a.publish_method is not PublishMethod.MANUAL and can_publish(a.id)
        ]
        here = self.machine
        target = self.workspace.writable_store_connection()
        with write(target):
            machine_rows.record(target, here.id, here.name, held, self._now())
        return held

    def hold(self, account_id: int, holds: bool) -> None:
        """An account was connected here (``holds``) or its token removed from here."""
        here = self.machine
        conn = self.workspace.writable_store_connection()
        with write(conn):
            machine_rows.hold(conn, here.id, here.name, account_id, holds=holds, now=self._now())

    def publishers(self) -> dict[int, list[Publisher]]:
        """The machines that can publish each account (this computer first)."""
        here = self.machine.id
        now = self._now()
        found: dict[int, list[Publisher]] = {}
        for account_id, machines in machine_rows.publishers(
            self.workspace.store_connection()
        ).items():
            entries = [
                Publisher(m.name, m.seen_at, m.id == here, max(now - m.seen_at, timedelta(0)))
                for m in machines
            ]
            entries.sort(key=lambda p: not p.here)  # stable: then the most recently seen
            found[account_id] = entries
        return found
