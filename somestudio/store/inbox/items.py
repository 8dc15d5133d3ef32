"""Inbox entries: stored once per (account, network id), listed newest first with filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.problems import EntryProblem
from somestudio.domain.inbox.queries import InboxCounts, InboxQuery
from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text

_ANSWERABLE = tuple(k.value for k in InboxKind if k.answerable)
_HIDDEN_ELSEWHERE = EntryProblem.HIDDEN_ELSEWHERE.value


def add(
    conn: sqlite3.Connection, account_id: int, items: Iterable[Incoming], fetched_at: datetime
) -> int:
    """Store what is not stored yet; returns how many rows are new. An entry read again
    keeps its row (and what the user made of it); only its hidden state follows the network
    (``reseen``). One the network says is hidden arrives with ``entry.hidden_elsewhere``."""
    added = 0
    for item in items:
        post, subject, root = item.item_post, item.subject, item.root
        cur = conn.execute(
            "INSERT INTO inbox_items (account_id, network_item_id, kind, author_handle,"
            " author_name, author_id, text, item_post_id, item_post_cid, item_post_url,"
            " subject_id, subject_cid, root_id, root_cid, created_at, fetched_at, problem)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (account_id, network_item_id) DO NOTHING",
            (
                account_id,
                item.network_item_id,
                item.kind.value,
                item.author.handle,
                item.author.name,
                item.author.remote_id,
                item.text,
                post.remote_id if post else "",
                post.cid if post else "",
                post.url if post else "",
                subject.remote_id if subject else "",
                subject.cid if subject else "",
                root.remote_id if root else "",
                root.cid if root else "",
                utc_text(item.created_at),
                utc_text(fetched_at),
                _HIDDEN_ELSEWHERE if item.hidden else "",
            ),
        )
        added += cur.rowcount
        if not cur.rowcount:
            reseen(conn, account_id, (item,), fetched_at)
    return added


def reseen(
    conn: sqlite3.Connection,
    account_id: int,
    items: Iterable[Incoming],
    read_at: datetime | None = None,
) -> int:
    """Entries read again: where the network now says a stored comment is hidden and we did
    not hide it from here (``hidden_at`` is ours), it says ``entry.hidden_elsewhere``; shown
    again, that goes. One we hid that the network now shows (someone showed it again there)
    is no longer hidden here either: ``hidden_at`` goes, if we hid it before the read began
    (``read_at``; a hide made while the page was on its way is newer than what it says).
    Another problem it has, and everything else, stays; nothing is added; an entry whose
    network says nothing of hiding (``hidden`` None) is left as it is.
    Returns how many rows changed."""
    changed = 0
    for item in items:
        if item.hidden is None:
            continue
        if not item.hidden and read_at is not None:
            cur = conn.execute(
                "UPDATE inbox_items SET hidden_at = NULL WHERE account_id = ?"
                " AND network_item_id = ? AND hidden_at IS NOT NULL AND hidden_at < ?",
                (account_id, item.network_item_id, utc_text(read_at)),
            )
            changed += cur.rowcount
        state = _HIDDEN_ELSEWHERE if item.hidden else ""
        cur = conn.execute(
            "UPDATE inbox_items SET problem = ? WHERE account_id = ? AND network_item_id = ?"
            " AND hidden_at IS NULL AND problem IN ('', ?) AND problem != ?",
            (state, account_id, item.network_item_id, _HIDDEN_ELSEWHERE, state),
        )
        changed += cur.rowcount
    return changed


_SELECT = (
    "SELECT i.id, i.account_id, a.network, i.network_item_id, i.kind, i.author_handle,"
    " i.author_name, i.author_id, i.text, i.item_post_id, i.item_post_cid, i.item_post_url,"
    " i.subject_id, i.subject_cid, i.root_id, i.root_cid, i.created_at, i.fetched_at,"
    " i.read_at, i.done_at, i.label,"
    # Our delivery the entry is about: the post it answers or likes, else its thread's root
    # (a reply deep in a thread under our post).
    " COALESCE((SELECT d.id FROM deliveries d WHERE d.account_id = i.account_id"
    "  AND i.subject_id != '' AND d.remote_id = i.subject_id),"
    " (SELECT d.id FROM deliveries d WHERE d.account_id = i.account_id"
    "  AND i.root_id != '' AND d.remote_id = i.root_id)),"
    " COALESCE((SELECT r.state FROM inbox_replies r WHERE r.item_id = i.id), ''),"
    " i.liked_at, i.hidden_at, i.problem"
    " FROM inbox_items i JOIN accounts a ON a.id = i.account_id"
)


def _ref(remote_id: str, cid: str = "", url: str = "") -> PostRef | None:
    return PostRef(remote_id, cid, url) if remote_id else None


def _time(value: Any) -> datetime | None:
    return parse_utc(str(value)) if value else None


def _item(r: Sequence[Any]) -> InboxItem:
    incoming = Incoming(
        network_item_id=r[3],
        kind=InboxKind(r[4]),
        author=Author(r[5], r[6], r[7]),
        text=r[8],
        item_post=_ref(r[9], r[10], r[11]),
        subject=_ref(r[12], r[13]),
        root=_ref(r[14], r[15]),
        created_at=parse_utc(r[16]),
    )
    return InboxItem(
        id=r[0],
        account_id=r[1],
        network=Network(r[2]),
        incoming=incoming,
        fetched_at=parse_utc(r[17]),
        read_at=_time(r[18]),
        done_at=_time(r[19]),
        label=r[20],
        delivery_id=r[21],
        reply_state=r[22],
        liked_at=_time(r[23]),
        hidden_at=_time(r[24]),
        problem=r[25],
    )


def _where(query: InboxQuery) -> tuple[str, list[Any]]:
    clauses = ["a.removed_at IS NULL"]
    params: list[Any] = []

    def among(column: str, values: Iterable[object]) -> None:
        listed = sorted(str(v) for v in values)
        if listed:
            clauses.append(f"{column} IN ({', '.join('?' for _ in listed)})")
            params.extend(listed)

    among("a.network", query.networks)
    among("i.account_id", query.account_ids)
    among("i.kind", query.kinds)
    if query.unread_only:
        clauses.append("i.read_at IS NULL")
    if query.done is True:
        clauses.append("i.done_at IS NOT NULL")
    elif query.done is False:
        clauses.append("i.done_at IS NULL")
    if query.label:
        clauses.append("i.label = ?")
        params.append(query.label)
    if query.search.strip():
        needle = "%" + query.search.strip().lower().replace("\\", "\\\\").replace("%", "\\%")
        needle = needle.replace("_", "\\_") + "%"
        clauses.append(
            "(lower(i.text) LIKE ? ESCAPE '\\' OR lower(i.author_handle) LIKE ? ESCAPE '\\'"
            " OR lower(i.author_name) LIKE ? ESCAPE '\\')"
        )
        params += [needle, needle, needle]
    if query.before is not None:
        clauses.append("(i.created_at < ? OR (i.created_at = ? AND i.id < ?))")
        params += [query.before[0], query.before[0], query.before[1]]
    return " WHERE " + " AND ".join(clauses), params


def find(conn: sqlite3.Connection, query: InboxQuery) -> list[InboxItem]:
    """Entries matching ``query``, newest first (ties: the later stored first)."""
    where, params = _where(query)
    rows = conn.execute(
        _SELECT + where + " ORDER BY i.created_at DESC, i.id DESC LIMIT ?",
        (*params, max(1, query.limit)),
    ).fetchall()
    return [_item(r) for r in rows]


def get(conn: sqlite3.Connection, item_id: int) -> InboxItem | None:
    r = conn.execute(_SELECT + " WHERE i.id = ?", (item_id,)).fetchone()
    return _item(r) if r else None


def around(conn: sqlite3.Connection, item: InboxItem, limit: int = 50) -> list[InboxItem]:
    """The stored entries of the same conversation: about the same post of ours, or in the
    same thread (same root), oldest first."""
    keys = {
        k
        for k in (
            item.incoming.subject.remote_id if item.incoming.subject else "",
            item.incoming.root.remote_id if item.incoming.root else "",
        )
        if k
    }
    if not keys:
        return [item]
    marks = ", ".join("?" for _ in keys)
    rows = conn.execute(
        _SELECT + f" WHERE i.account_id = ? AND (i.subject_id IN ({marks}) OR i.root_id IN"
        f" ({marks})) AND i.kind IN ('reply', 'mention', 'quote', 'comment')"
        " ORDER BY i.created_at, i.id LIMIT ?",
        (item.account_id, *sorted(keys), *sorted(keys), limit),
    ).fetchall()
    found = [_item(r) for r in rows]
    return found if any(f.id == item.id for f in found) else [*found, item]


def our_post(conn: sqlite3.Connection, delivery_id: int) -> tuple[str, str] | None:
    """(text, web address) of our delivery an entry is about."""
    r = conn.execute(
        "SELECT COALESCE(d.text_override, p.base_text), COALESCE(d.remote_url, '')"
        " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id = ?",
        (delivery_id,),
    ).fetchone()
    return (str(r[0]), str(r[1])) if r else None


def our_post_texts(conn: sqlite3.Connection, delivery_ids: Iterable[int]) -> dict[int, str]:
    """The text of each of our deliveries named, in one query (the list's "on your post")."""
    wanted = sorted(set(delivery_ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    found = conn.execute(
        "SELECT d.id, COALESCE(d.text_override, p.base_text)"  # noqa: S608 - only marks
        f" FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id IN ({marks})",
        wanted,
    ).fetchall()
    return {int(r[0]): str(r[1]) for r in found}


def counts(conn: sqlite3.Connection, account_id: int | None = None) -> InboxCounts:
    mine = "" if account_id is None else " AND i.account_id = ?"
    params: tuple[Any, ...] = () if account_id is None else (account_id,)
    marks = ", ".join("?" for _ in _ANSWERABLE)
    r = conn.execute(
        "SELECT COALESCE(SUM(i.read_at IS NULL), 0), COALESCE(SUM(i.done_at IS NULL), 0),"  # noqa: S608 - placeholders only
        f" COALESCE(SUM(i.read_at IS NULL AND i.kind IN ({marks})), 0)"
        " FROM inbox_items i JOIN accounts a ON a.id = i.account_id"
        f" WHERE a.removed_at IS NULL{mine}",
        (*_ANSWERABLE, *params),
    ).fetchone()
    return InboxCounts(unread=int(r[0]), open=int(r[1]), unread_answerable=int(r[2]))


def oldest_unread(conn: sqlite3.Connection, account_id: int) -> datetime | None:
    """When the account's oldest unread entry came (None: every entry is read)."""
    r = conn.execute(
        "SELECT MIN(created_at) FROM inbox_items WHERE account_id = ? AND read_at IS NULL",
        (account_id,),
    ).fetchone()
    return _time(r[0]) if r and r[0] else None


def mark_read(conn: sqlite3.Connection, item_ids: Iterable[int], now: datetime) -> int:
    ids = sorted(set(item_ids))
    if not ids:
        return 0
    cur = conn.execute(
        f"UPDATE inbox_items SET read_at = ? WHERE read_at IS NULL AND id IN ({', '.join('?' for _ in ids)})",  # noqa: E501, S608 - placeholders only
        (utc_text(now), *ids),
    )
    return cur.rowcount


def set_done(conn: sqlite3.Connection, item_id: int, done: bool, now: datetime) -> bool:
    """Done also means read; not done again keeps it read. True if the row exists."""
    if done:
        cur = conn.execute(
            "UPDATE inbox_items SET done_at = COALESCE(done_at, ?),"
            " read_at = COALESCE(read_at, ?) WHERE id = ?",
            (utc_text(now), utc_text(now), item_id),
        )
    else:
        cur = conn.execute("UPDATE inbox_items SET done_at = NULL WHERE id = ?", (item_id,))
    return cur.rowcount == 1


def set_label(conn: sqlite3.Connection, item_id: int, label: str) -> bool:
    cur = conn.execute("UPDATE inbox_items SET label = ? WHERE id = ?", (label.strip(), item_id))
    return cur.rowcount == 1


def labels(conn: sqlite3.Connection) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT DISTINCT label FROM inbox_items WHERE label != '' ORDER BY lower(label)"
        )
    ]


def mark_acted(conn: sqlite3.Connection, item_id: int, column: str, now: datetime) -> bool:
    """Record that the entry was liked (``liked_at``) or hidden (``hidden_at``) and clear its
    problem; False when it already was (the first time stays)."""
    if column not in ("liked_at", "hidden_at"):
        raise ValueError(column)
    cur = conn.execute(
        f"UPDATE inbox_items SET {column} = ?, problem = '' WHERE id = ? AND {column} IS NULL",  # noqa: S608 - one of two names
        (utc_text(now), item_id),
    )
    return cur.rowcount == 1


def set_problem(conn: sqlite3.Connection, item_id: int, code: str) -> bool:
    """What went wrong acting on the entry ('' clears it); the entry itself stays."""
    cur = conn.execute("UPDATE inbox_items SET problem = ? WHERE id = ?", (code, item_id))
    return cur.rowcount == 1
