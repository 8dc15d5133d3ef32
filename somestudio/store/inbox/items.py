"""Inbox entries: stored once per (account, network id), listed newest first with filters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.problems import EntryProblem
from somestudio.domain.inbox.queries import InboxCounts, InboxQuery
from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, changed, run

_ANSWERABLE = tuple(k.value for k in InboxKind if k.answerable)
_HIDDEN_ELSEWHERE = EntryProblem.HIDDEN_ELSEWHERE.value

_ADD = Sql(
    "INSERT INTO inbox_items (account_id, network_item_id, kind, author_handle,"
    " author_name, author_id, text, item_post_id, item_post_cid, item_post_url,"
    " subject_id, subject_cid, root_id, root_cid, created_at, fetched_at, problem)"
    " VALUES (:account, :network_item_id, :kind, :author_handle, :author_name, :author_id,"
    " :text, :item_post_id, :item_post_cid, :item_post_url, :subject_id, :subject_cid,"
    " :root_id, :root_cid, :created_at, :fetched_at, :problem)"
    " ON CONFLICT (account_id, network_item_id) DO NOTHING RETURNING id"
)
_RESEEN = Sql(
    "UPDATE inbox_items SET problem = :state WHERE account_id = :account"
    " AND network_item_id = :network_item_id AND hidden_at IS NULL"
    " AND problem IN ('', :hidden_elsewhere) AND problem != :state RETURNING id"
)

_SHOWN_AGAIN = Sql(
    "UPDATE inbox_items SET hidden_at = NULL WHERE account_id = :account"
    " AND network_item_id = :network_item_id AND hidden_at IS NOT NULL"
    " AND hidden_at < :read_at RETURNING id"
)


def add(conn: Conn, account_id: int, items: Iterable[Incoming], fetched_at: datetime) -> int:
    """Store what is not stored yet; returns how many rows are new. An entry read again
    keeps its row (and what the user made of it); only its hidden state follows the network
    (``reseen``). One the network says is hidden arrives with ``entry.hidden_elsewhere``."""
    added = 0
    for item in items:
        post, subject, root = item.item_post, item.subject, item.root
        params = {
            "account": account_id,
            "network_item_id": item.network_item_id,
            "kind": item.kind.value,
            "author_handle": item.author.handle,
            "author_name": item.author.name,
            "author_id": item.author.remote_id,
            "text": item.text,
            "item_post_id": post.remote_id if post else "",
            "item_post_cid": post.cid if post else "",
            "item_post_url": post.url if post else "",
            "subject_id": subject.remote_id if subject else "",
            "subject_cid": subject.cid if subject else "",
            "root_id": root.remote_id if root else "",
            "root_cid": root.cid if root else "",
            "created_at": utc_text(item.created_at),
            "fetched_at": utc_text(fetched_at),
            "problem": _HIDDEN_ELSEWHERE if item.hidden else "",
        }
        new = changed(run(conn, _ADD, params))
        added += new
        if not new:
            reseen(conn, account_id, (item,), fetched_at)
    return added


def reseen(
    conn: Conn,
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
    count = 0
    for item in items:
        if item.hidden is None:
            continue
        if not item.hidden and read_at is not None:
            shown = {
                "account": account_id,
                "network_item_id": item.network_item_id,
                "read_at": utc_text(read_at),
            }
            count += changed(run(conn, _SHOWN_AGAIN, shown))
        state = _HIDDEN_ELSEWHERE if item.hidden else ""
        params = {
            "state": state,
            "account": account_id,
            "network_item_id": item.network_item_id,
            "hidden_elsewhere": _HIDDEN_ELSEWHERE,
        }
        count += changed(run(conn, _RESEEN, params))
    return count


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


_GET = Sql(_SELECT + " WHERE i.id = :id")
_AROUND = Sql(
    _SELECT + " WHERE i.account_id = :account AND (i.subject_id IN :keys OR i.root_id IN :keys)"
    " AND i.kind IN ('reply', 'mention', 'quote', 'comment')"
    " ORDER BY i.created_at, i.id LIMIT :limit",
    expanding=("keys",),
)
_ID_OF = Sql(
    "SELECT id FROM inbox_items WHERE account_id = :account AND network_item_id = :network_item_id"
)
_OUR_POST = Sql(
    "SELECT COALESCE(d.text_override, p.base_text), COALESCE(d.remote_url, '')"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id = :id"
)
_OUR_POST_TEXTS = Sql(
    "SELECT d.id, COALESCE(d.text_override, p.base_text)"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id IN :ids",
    expanding=("ids",),
)
_COUNTS_SELECT = (
    "SELECT COALESCE(SUM(CASE WHEN i.read_at IS NULL THEN 1 ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN i.done_at IS NULL THEN 1 ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN i.read_at IS NULL AND i.kind IN :answerable THEN 1 ELSE 0 END), 0)"
    " FROM inbox_items i JOIN accounts a ON a.id = i.account_id WHERE a.removed_at IS NULL"
)
_COUNTS = Sql(_COUNTS_SELECT, expanding=("answerable",))
_COUNTS_OF = Sql(_COUNTS_SELECT + " AND i.account_id = :account", expanding=("answerable",))
_OLDEST_UNREAD = Sql(
    "SELECT MIN(created_at) FROM inbox_items WHERE account_id = :account AND read_at IS NULL"
)
_MARK_READ = Sql(
    "UPDATE inbox_items SET read_at = :now WHERE read_at IS NULL AND id IN :ids RETURNING id",
    expanding=("ids",),
)
_DONE = Sql(
    "UPDATE inbox_items SET done_at = COALESCE(done_at, :now),"
    " read_at = COALESCE(read_at, :now) WHERE id = :id RETURNING id"
)
_NOT_DONE = Sql("UPDATE inbox_items SET done_at = NULL WHERE id = :id RETURNING id")
_SET_LABEL = Sql("UPDATE inbox_items SET label = :label WHERE id = :id RETURNING id")
_LABELS = Sql(
    "SELECT DISTINCT label, lower(label) FROM inbox_items WHERE label != ''"
    " ORDER BY lower(label), label"
)
_ACTED = {
    column: Sql(
        f"UPDATE inbox_items SET {column} = :now, problem = ''"  # noqa: S608 - one of two names
        f" WHERE id = :id AND {column} IS NULL RETURNING id"
    )
    for column in ("liked_at", "hidden_at")
}
_SET_PROBLEM = Sql("UPDATE inbox_items SET problem = :code WHERE id = :id RETURNING id")


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


def _needle(search: str) -> str:
    """``search`` as a LIKE pattern matching it anywhere, its wildcards taken literally."""
    needle = "%" + search.strip().lower().replace("\\", "\\\\").replace("%", "\\%")
    return needle.replace("_", "\\_") + "%"


def _where(query: InboxQuery) -> tuple[tuple[object, ...], dict[str, Any]]:
    """The shape of the query's WHERE (which filters it has; one statement per shape, made
    once) and its parameters."""
    params: dict[str, Any] = {
        "networks": sorted(n.value for n in query.networks),
        "accounts": sorted(int(a) for a in query.account_ids),
        "kinds": sorted(k.value for k in query.kinds),
        "label": query.label,
        "needle": _needle(query.search) if query.search.strip() else "",
        "before_at": query.before[0] if query.before else "",
        "before_id": query.before[1] if query.before else 0,
    }
    shape = (
        bool(params["networks"]),
        bool(params["accounts"]),
        bool(params["kinds"]),
        query.unread_only,
        query.done,
        bool(query.label),
        bool(params["needle"]),
        query.before is not None,
    )
    return shape, params


# The search: the entry's text, author and label, and our post the entry is about (the one
# its row and conversation show: the delivery its subject names, else its thread's root's).
# The posts whose text matches are found once (an uncorrelated subquery, not one per entry),
# then the entries pointing at one. ``{low}`` folds the case where LIKE does not:
# PostgreSQL's LIKE is case-sensitive (lower() there); SQLite's already ignores ASCII case,
# all its lower() folds too, so there it is left out (a no-match search reads every open
# entry: the lower() copies were the most of its time).
_SEARCH = (
    "({low}(i.text) LIKE :needle ESCAPE '\\' OR {low}(i.author_handle) LIKE :needle"
    " ESCAPE '\\' OR {low}(i.author_name) LIKE :needle ESCAPE '\\'"
    # The label, shown as #label on the row: "vienti" and "#vienti" both find it.
    " OR (i.label != '' AND {low}('#' || i.label) LIKE :needle ESCAPE '\\')"
    " OR (i.subject_id != '' AND (i.account_id, i.subject_id) IN {ours})"
    " OR (i.root_id != '' AND (i.account_id, i.root_id) IN {ours}"
    " AND NOT EXISTS (SELECT 1 FROM deliveries s WHERE s.account_id = i.account_id"
    "  AND i.subject_id != '' AND s.remote_id = i.subject_id)))"
)
_OURS = (
    "(SELECT d.account_id, d.remote_id FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE d.remote_id IS NOT NULL AND d.remote_id != ''"
    " AND {low}(COALESCE(d.text_override, p.base_text)) LIKE :needle ESCAPE '\\')"
)


def _search(low: str) -> str:
    return _SEARCH.format(low=low, ours=_OURS.format(low=low))


@cache
def _where_text(shape: tuple[object, ...], dialect: str = "sqlite") -> tuple[str, tuple[str, ...]]:
    networks, accounts, kinds, unread_only, done, label, search, before = shape
    clauses = ["a.removed_at IS NULL"]
    lists: list[str] = []
    for on, column, name in (
        (networks, "a.network", "networks"),
        (accounts, "i.account_id", "accounts"),
        (kinds, "i.kind", "kinds"),
    ):
        if on:
            clauses.append(f"{column} IN :{name}")
            lists.append(name)
    if unread_only:
        clauses.append("i.read_at IS NULL")
    if done is True:
        clauses.append("i.done_at IS NOT NULL")
    elif done is False:
        clauses.append("i.done_at IS NULL")
    if label:
        clauses.append("i.label = :label")
    if search:
        clauses.append(_search("lower" if dialect == "postgresql" else ""))
    if before:
        clauses.append(
            "(i.created_at < :before_at OR (i.created_at = :before_at AND i.id < :before_id))"
        )
    return " WHERE " + " AND ".join(clauses), tuple(lists)


@cache
def _find(shape: tuple[object, ...]) -> Sql:
    order = " ORDER BY i.created_at DESC, i.id DESC LIMIT :limit"
    where, lists = _where_text(shape)
    where_pg, _lists = _where_text(shape, "postgresql")
    return Sql(_SELECT + where + order, lists, postgresql=_SELECT + where_pg + order)


def find(conn: Conn, query: InboxQuery) -> list[InboxItem]:
    """Entries matching ``query``, newest first (ties: the later stored first)."""
    shape, params = _where(query)
    rows = run(conn, _find(shape), {**params, "limit": max(1, query.limit)}).fetchall()
    return [_item(r) for r in rows]


def get(conn: Conn, item_id: int) -> InboxItem | None:
    r = run(conn, _GET, {"id": item_id}).fetchone()
    return _item(r) if r else None


def around(conn: Conn, item: InboxItem, limit: int = 50) -> list[InboxItem]:
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
    params = {"account": item.account_id, "keys": sorted(keys), "limit": limit}
    rows = run(conn, _AROUND, params).fetchall()
    found = [_item(r) for r in rows]
    return found if any(f.id == item.id for f in found) else [*found, item]


def id_of(conn: Conn, account_id: int, network_item_id: str) -> int | None:
    """The stored entry's row id, by the account and the network's id for it."""
    params = {"account": account_id, "network_item_id": network_item_id}
    r = run(conn, _ID_OF, params).fetchone()
    return None if r is None else int(r[0])


def our_post(conn: Conn, delivery_id: int) -> tuple[str, str] | None:
    """(text, web address) of our delivery an entry is about."""
    r = run(conn, _OUR_POST, {"id": delivery_id}).fetchone()
    return (str(r[0]), str(r[1])) if r else None


def our_post_texts(conn: Conn, delivery_ids: Iterable[int]) -> dict[int, str]:
    """The text of each of our deliveries named, in one query (the list's "on your post")."""
    wanted = sorted(set(delivery_ids))
    if not wanted:
        return {}
    found = run(conn, _OUR_POST_TEXTS, {"ids": wanted}).fetchall()
    return {int(r[0]): str(r[1]) for r in found}


def counts(conn: Conn, account_id: int | None = None) -> InboxCounts:
    statement = _COUNTS if account_id is None else _COUNTS_OF
    r = run(conn, statement, {"answerable": list(_ANSWERABLE), "account": account_id}).fetchone()
    return InboxCounts(unread=int(r[0]), open=int(r[1]), unread_answerable=int(r[2]))


def oldest_unread(conn: Conn, account_id: int) -> datetime | None:
    """When the account's oldest unread entry came (None: every entry is read)."""
    r = run(conn, _OLDEST_UNREAD, {"account": account_id}).fetchone()
    return _time(r[0]) if r and r[0] else None


def mark_read(conn: Conn, item_ids: Iterable[int], now: datetime) -> int:
    ids = sorted(set(item_ids))
    if not ids:
        return 0
    return changed(run(conn, _MARK_READ, {"now": utc_text(now), "ids": ids}))


def set_done(conn: Conn, item_id: int, done: bool, now: datetime) -> bool:
    """Done also means read; not done again keeps it read. True if the row exists."""
    if done:
        rows = run(conn, _DONE, {"now": utc_text(now), "id": item_id})
    else:
        rows = run(conn, _NOT_DONE, {"id": item_id})
    return changed(rows) == 1


def set_label(conn: Conn, item_id: int, label: str) -> bool:
    return changed(run(conn, _SET_LABEL, {"label": label.strip(), "id": item_id})) == 1


def labels(conn: Conn) -> list[str]:
    return [str(r[0]) for r in run(conn, _LABELS)]


def mark_acted(conn: Conn, item_id: int, column: str, now: datetime) -> bool:
    """Record that the entry was liked (``liked_at``) or hidden (``hidden_at``) and clear its
    problem; False when it already was (the first time stays)."""
    statement = _ACTED.get(column)
    if statement is None:
        raise ValueError(column)
    return changed(run(conn, statement, {"now": utc_text(now), "id": item_id})) == 1


def set_problem(conn: Conn, item_id: int, code: str) -> bool:
    """What went wrong acting on the entry ('' clears it); the entry itself stays."""
    return changed(run(conn, _SET_PROBLEM, {"code": code, "id": item_id})) == 1
