"""Account rows. Tokens are never here: they live in the OS keyring, keyed by account id."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run, run_many

_ADD = Sql(
    "INSERT INTO accounts (network, handle, display_name, instance_url, publish_method,"
    " options_json, created_at) VALUES (:network, :handle, :display_name, :instance_url,"
    " :publish_method, :options, :now) RETURNING id"
)


def add_account(
    conn: Conn,
    network: Network,
    handle: str,
    *,
    display_name: str = "",
    instance_url: str = "",
    publish_method: PublishMethod = PublishMethod.API,
    options: dict[str, object] | None = None,
) -> int:
    params = {
        "network": network.value,
        "handle": handle,
        "display_name": display_name,
        "instance_url": instance_url,
        "publish_method": publish_method.value,
        "options": json.dumps(options or {}, ensure_ascii=False),
        "now": utc_text(utc_now()),
    }
    return one_id(run(conn, _ADD, params))


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


_COLUMNS = "id, network, handle, display_name, instance_url, publish_method, options_json"
_LIST = Sql(
    f"SELECT {_COLUMNS} FROM accounts WHERE removed_at IS NULL"  # noqa: S608 - fixed names
    " ORDER BY network, lower(handle)"
)
_GET = Sql(f"SELECT {_COLUMNS} FROM accounts WHERE id = :id AND removed_at IS NULL")  # noqa: S608


def list_accounts(conn: Conn) -> list[Account]:
    return [account_of(r) for r in run(conn, _LIST).fetchall()]


def get_account(conn: Conn, account_id: int) -> Account | None:
    row = run(conn, _GET, {"id": account_id}).fetchone()
    if row is None:
        return None
    return account_of(row)


_SET_OPTIONS = Sql(
    "UPDATE accounts SET options_json = :options WHERE id = :id AND removed_at IS NULL RETURNING id"
)


def set_options(conn: Conn, account_id: int, options: dict[str, object]) -> bool:
    params = {"options": json.dumps(options, ensure_ascii=False), "id": account_id}
    return changed(run(conn, _SET_OPTIONS, params)) == 1


_FIND = Sql(
    "SELECT id, removed_at IS NOT NULL FROM accounts"
    " WHERE network = :network AND handle = :handle AND instance_url = :instance_url"
)


_BY_ID = Sql("SELECT id FROM accounts WHERE id = :id")
_BY_HANDLE = Sql(
    "SELECT id FROM accounts WHERE lower(handle) = lower(:handle) OR lower(handle) = lower(:at)"
    " ORDER BY id LIMIT 1"
)


def account_by_ref(conn: Conn, ref: str) -> int | None:
    """The account a person named: by its number, or by its handle in any case, with or
    without its leading @ (removed accounts too: their numbers stay theirs)."""
    if ref.isdigit():
        row = run(conn, _BY_ID, {"id": int(ref)}).fetchone()
    else:
        row = run(conn, _BY_HANDLE, {"handle": ref, "at": "@" + ref.lstrip("@")}).fetchone()
    return None if row is None else int(row[0])


def find_account(
    conn: Conn, network: Network, handle: str, instance_url: str = ""
) -> tuple[int, bool] | None:
    """(id, removed) of the row with this network, handle and instance, live or removed."""
    params = {"network": network.value, "handle": handle, "instance_url": instance_url}
    row = run(conn, _FIND, params).fetchone()
    return (int(row[0]), bool(row[1])) if row else None


_REVIVE = Sql(
    "UPDATE accounts SET display_name = :display_name, publish_method = :publish_method,"
    " options_json = :options, removed_at = NULL WHERE id = :id"
)


def update_account(
    conn: Conn,
    account_id: int,
    *,
    display_name: str,
    publish_method: PublishMethod,
    options: dict[str, object],
) -> None:
    """Bring a (possibly removed) row back to life with new details (a reconnect)."""
    params = {
        "display_name": display_name,
        "publish_method": publish_method.value,
        "options": json.dumps(options, ensure_ascii=False),
        "id": account_id,
    }
    run(conn, _REVIVE, params)


_REMOVE = Sql(
    "UPDATE accounts SET removed_at = :now WHERE id = :id AND removed_at IS NULL RETURNING id"
)
_DELETE_UNUSED = Sql(
    "DELETE FROM accounts WHERE id = :id AND NOT EXISTS"
    " (SELECT 1 FROM deliveries WHERE account_id = accounts.id)"
)
_SET_LIMITS = Sql("UPDATE accounts SET limits_json = :limits WHERE id = :id")
_SET_IDENTITY = Sql(
    "UPDATE accounts SET handle = :handle, instance_url = :instance_url"
    " WHERE id = :id AND removed_at IS NULL"
)


def remove_account(conn: Conn, account_id: int) -> bool:
    """Soft-remove: the row stays for the posts that went to it."""
    return changed(run(conn, _REMOVE, {"now": utc_text(utc_now()), "id": account_id})) == 1


def delete_unused_account(conn: Conn, account_id: int) -> None:
    """Undo an account just added (its sign-in could not be stored); nothing refers to it."""
    run(conn, _DELETE_UNUSED, {"id": account_id})


def set_identity(conn: Conn, account_id: int, handle: str, instance_url: str) -> None:
    """Who the account is on its network, as its first sign-in found (an account published
    by hand until then was named by the user)."""
    run(conn, _SET_IDENTITY, {"handle": handle, "instance_url": instance_url, "id": account_id})


def set_limits(conn: Conn, account_id: int, limits: dict[str, int]) -> None:
    run(conn, _SET_LIMITS, {"limits": json.dumps(limits), "id": account_id})


_PENDING = Sql(
    "SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE d.account_id = :account AND d.state IN ('scheduled', 'publishing')"
    " AND p.deleted_at IS NULL"
)


def pending_deliveries(conn: Conn, account_id: int) -> int:
    """Deliveries still to go out (or being sent) to the account."""
    return int(run(conn, _PENDING, {"account": account_id}).fetchone()[0])


_HAND_OFF = Sql(
    "SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE d.account_id = :account AND d.state = 'scheduled' AND d.next_attempt_at IS NULL"
    " AND d.scheduled_at >= :earliest AND d.scheduled_at <= :latest AND p.deleted_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM thread_parts t WHERE t.delivery_id = d.id)"
    " AND NOT EXISTS (SELECT 1 FROM first_comments c WHERE c.delivery_id = d.id)"
    " ORDER BY d.id"
)


def hand_off_candidates(conn: Conn, account_id: int, earliest: str, latest: str) -> list[int]:
    """Scheduled single posts (no thread parts, no first comment, no retry pending) of live
    posts for the account, due between ``earliest`` and ``latest`` (stored UTC text). A post
    with a first comment stays with this app: the server's scheduler would post it alone."""
    params = {"account": account_id, "earliest": earliest, "latest": latest}
    return [int(r[0]) for r in run(conn, _HAND_OFF, params).fetchall()]


_MAKE_DUE = Sql(
    "UPDATE deliveries SET next_attempt_at = :now WHERE id = :id AND state = 'scheduled'"
)


def make_due(conn: Conn, delivery_ids: list[int], now: str) -> None:
    """Let the engine send these now (their scheduled time stays: the server keeps it)."""
    run_many(conn, _MAKE_DUE, [{"now": now, "id": delivery_id} for delivery_id in delivery_ids])
