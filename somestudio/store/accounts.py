"""Account rows. Tokens are never here: they live in the OS keyring, keyed by account id."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now, utc_text


def add_account(
    conn: sqlite3.Connection,
    network: Network,
    handle: str,
    *,
    display_name: str = "",
    instance_url: str = "",
    publish_method: PublishMethod = PublishMethod.API,
    options: dict[str, object] | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO accounts (network, handle, display_name, instance_url, publish_method,"
        " options_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            network.value,
            handle,
            display_name,
            instance_url,
            publish_method.value,
            json.dumps(options or {}, ensure_ascii=False),
            utc_text(utc_now()),
        ),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def account_of(row: Sequence[Any]) -> Account:
    """An account from its columns id, network, handle, display_name, instance_url,
    publish_method and options_json, in that order (a slice of a longer row will do)."""
    return Account(
        id=row[0],
        network=Network(row[1]),
        handle=row[2],
        display_name=row[3],
        instance_url=row[4],
        publish_method=PublishMethod(row[5]),
        options=json.loads(row[6]),
    )


def list_accounts(conn: sqlite3.Connection) -> list[Account]:
    rows = conn.execute(
        "SELECT id, network, handle, display_name, instance_url, publish_method, options_json"
        " FROM accounts WHERE removed_at IS NULL ORDER BY network, lower(handle)"
    ).fetchall()
    return [account_of(r) for r in rows]


def get_account(conn: sqlite3.Connection, account_id: int) -> Account | None:
    row = conn.execute(
        "SELECT id, network, handle, display_name, instance_url, publish_method, options_json"
        " FROM accounts WHERE id = ? AND removed_at IS NULL",
        (account_id,),
    ).fetchone()
    if row is None:
        return None
    return account_of(row)


def set_options(conn: sqlite3.Connection, account_id: int, options: dict[str, object]) -> bool:
    cur = conn.execute(
        "UPDATE accounts SET options_json = ? WHERE id = ? AND removed_at IS NULL",
        (json.dumps(options, ensure_ascii=False), account_id),
    )
    return cur.rowcount == 1


def find_account(
    conn: sqlite3.Connection, network: Network, handle: str, instance_url: str = ""
) -> tuple[int, bool] | None:
    """(id, removed) of the row with this network, handle and instance, live or removed."""
    row = conn.execute(
        "SELECT id, removed_at IS NOT NULL FROM accounts"
        " WHERE network = ? AND handle = ? AND instance_url = ?",
        (network.value, handle, instance_url),
    ).fetchone()
    return (int(row[0]), bool(row[1])) if row else None


def update_account(
    conn: sqlite3.Connection,
    account_id: int,
    *,
    display_name: str,
    publish_method: PublishMethod,
    options: dict[str, object],
) -> None:
    """Bring a (possibly removed) row back to life with new details (a reconnect)."""
    conn.execute(
        "UPDATE accounts SET display_name = ?, publish_method = ?, options_json = ?,"
        " removed_at = NULL WHERE id = ?",
        (
            display_name,
            publish_method.value,
            json.dumps(options, ensure_ascii=False),
            account_id,
        ),
    )


def remove_account(conn: sqlite3.Connection, account_id: int) -> bool:
    """Soft-remove: the row stays for the posts that went to it."""
    cur = conn.execute(
        "UPDATE accounts SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
        (utc_text(utc_now()), account_id),
    )
    return cur.rowcount == 1


def delete_unused_account(conn: sqlite3.Connection, account_id: int) -> None:
    """Undo an account just added (its sign-in could not be stored); nothing refers to it."""
    conn.execute(
        "DELETE FROM accounts WHERE id = ? AND NOT EXISTS"
        " (SELECT 1 FROM deliveries WHERE account_id = accounts.id)",
        (account_id,),
    )


def set_limits(conn: sqlite3.Connection, account_id: int, limits: dict[str, int]) -> None:
    conn.execute(
        "UPDATE accounts SET limits_json = ? WHERE id = ?", (json.dumps(limits), account_id)
    )


def pending_deliveries(conn: sqlite3.Connection, account_id: int) -> int:
    """Deliveries still to go out (or being sent) to the account."""
    row = conn.execute(
        "SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"
        " WHERE d.account_id = ? AND d.state IN ('scheduled', 'publishing')"
        " AND p.deleted_at IS NULL",
        (account_id,),
    ).fetchone()
    return int(row[0])


def hand_off_candidates(
    conn: sqlite3.Connection, account_id: int, earliest: str, latest: str
) -> list[int]:
    """Scheduled single posts (no thread parts, no first comment, no retry pending) of live
    posts for the account, due between ``earliest`` and ``latest`` (stored UTC text). A post
    with a first comment stays with this app: the server's scheduler would post it alone."""
    rows = conn.execute(
        "SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"
        " WHERE d.account_id = ? AND d.state = 'scheduled' AND d.next_attempt_at IS NULL"
        " AND d.scheduled_at >= ? AND d.scheduled_at <= ? AND p.deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM thread_parts t WHERE t.delivery_id = d.id)"
        " AND NOT EXISTS (SELECT 1 FROM first_comments c WHERE c.delivery_id = d.id)",
        (account_id, earliest, latest),
    ).fetchall()
    return [int(r[0]) for r in rows]


def make_due(conn: sqlite3.Connection, delivery_ids: list[int], now: str) -> None:
    """Let the engine send these now (their scheduled time stays: the server keeps it)."""
    conn.executemany(
        "UPDATE deliveries SET next_attempt_at = ? WHERE id = ? AND state = 'scheduled'",
        [(now, delivery_id) for delivery_id in delivery_ids],
    )
