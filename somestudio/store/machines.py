"""Which machines can publish each account (issue 17): each machine that opens a shared
workspace records itself (a stable id, a readable name, when it was last seen) and the
accounts whose token is in its own keyring (or whose archive folder is there). Ids, names
and times only: never a secret."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, run, run_many


@dataclass(frozen=True, slots=True)
class Machine:
    id: str
    name: str
    seen_at: datetime


_SEEN = Sql(
    "INSERT INTO machines (id, name, seen_at) VALUES (:id, :name, :now)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at"
)
_CLEAR = Sql("DELETE FROM machine_accounts WHERE machine_id = :id")
_HOLD = Sql(
    "INSERT INTO machine_accounts (machine_id, account_id) VALUES (:id, :account)"
    " ON CONFLICT DO NOTHING"
)
_LET_GO = Sql("DELETE FROM machine_accounts WHERE machine_id = :id AND account_id = :account")
_FORGET = Sql("DELETE FROM machine_accounts WHERE account_id = :account")
_PUBLISHERS = Sql(
    "SELECT ma.account_id, m.id, m.name, m.seen_at FROM machine_accounts ma"
    " JOIN machines m ON m.id = ma.machine_id JOIN accounts a ON a.id = ma.account_id"
    " WHERE a.removed_at IS NULL ORDER BY ma.account_id, m.seen_at DESC, m.id"
)


def record(
    conn: Conn, machine_id: str, name: str, account_ids: Iterable[int], now: datetime
) -> None:
    """This machine is here now and can publish exactly ``account_ids`` (in the caller's
    transaction: the old list is replaced whole)."""
    params = {"id": machine_id, "name": name, "now": utc_text(now)}
    run(conn, _SEEN, params)
    run(conn, _CLEAR, {"id": machine_id})
    run_many(conn, _HOLD, [{"id": machine_id, "account": a} for a in sorted(set(account_ids))])


def hold(
    conn: Conn, machine_id: str, name: str, account_id: int, *, holds: bool, now: datetime
) -> None:
    """This machine now can (an account connected here) or cannot publish ``account_id``."""
    run(conn, _SEEN, {"id": machine_id, "name": name, "now": utc_text(now)})
    params = {"id": machine_id, "account": account_id}
    run(conn, _HOLD if holds else _LET_GO, params)


def forget_account(conn: Conn, account_id: int) -> None:
    """The account was removed from the workspace: no machine publishes it any more."""
    run(conn, _FORGET, {"account": account_id})


def publishers(conn: Conn) -> dict[int, list[Machine]]:
    """The machines that can publish each live account, the most recently seen first."""
    found: dict[int, list[Machine]] = {}
    for account_id, machine_id, name, seen_at in run(conn, _PUBLISHERS).fetchall():
        machine = Machine(str(machine_id), str(name), parse_utc(str(seen_at)))
        found.setdefault(int(account_id), []).append(machine)
    return found
