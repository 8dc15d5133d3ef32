"""Rows of the paid collaborations: partners, agreements, files, deliverables, costs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from somestudio.domain.collab.money import from_cents, to_cents
from somestudio.domain.collab.records import Collaboration, Cost, Deliverable, Partner
from somestudio.domain.collab.states import CollabState
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run

_PARTNER = Sql(
    "SELECT id, company, contact, language FROM partners WHERE lower(company) = lower(:company)"
)
_UPDATE_PARTNER = Sql("UPDATE partners SET contact = :contact, language = :language WHERE id = :id")
_ADD_PARTNER = Sql(
    "INSERT INTO partners (company, contact, language, created_at)"
    " VALUES (:company, :contact, :language, :now) RETURNING id"
)
_ADD_COLLAB = Sql(
    "INSERT INTO collaborations (partner_id, title, fee_cents, vat_bp, agreed_on,"
    " payment_due, terms, created_at, updated_at) VALUES (:partner, :title, :fee, :vat,"
    " :agreed_on, :payment_due, :terms, :now, :now) RETURNING id"
)
_PARTNER_OF = Sql("SELECT partner_id FROM collaborations WHERE id = :id")
_UPDATE_COLLAB = Sql(
    "UPDATE collaborations SET partner_id = :partner, title = :title, fee_cents = :fee,"
    " vat_bp = :vat, agreed_on = :agreed_on, payment_due = :payment_due, terms = :terms,"
    " updated_at = :now WHERE id = :id"
)
_DROP_LONE_PARTNER = Sql(
    "DELETE FROM partners WHERE id = :id AND NOT EXISTS"
    " (SELECT 1 FROM collaborations WHERE partner_id = :id)"
)
_DELETE_COLLAB = Sql("DELETE FROM collaborations WHERE id = :id")
_ADD_FILE = Sql(
    "INSERT INTO collab_files (collab_id, path) VALUES (:collab, :path) ON CONFLICT DO NOTHING"
)
_REMOVE_FILE = Sql("DELETE FROM collab_files WHERE collab_id = :collab AND path = :path")
_ADD_DELIVERABLE = Sql(
    "INSERT INTO collab_deliverables (collab_id, network, due, post_id, note)"
    " VALUES (:collab, :network, :due, :post, :note) RETURNING id"
)
_ADD_COST = Sql(
    "INSERT INTO collab_costs (collab_id, day, amount_cents, note)"
    " VALUES (:collab, :day, :amount, :note) RETURNING id"
)
_DELETE_COST = Sql("DELETE FROM collab_costs WHERE id = :id RETURNING id")
_COSTS = Sql("SELECT id, day, amount_cents, note, collab_id FROM collab_costs ORDER BY day, id")
_COLLAB_SELECT = (
    "SELECT c.id, p.id, p.company, p.contact, p.language, c.title, c.fee_cents, c.vat_bp,"
    " c.state, c.agreed_on, c.payment_due, c.terms, c.invoiced_on, c.paid_on, c.delivered_on"
    " FROM collaborations c JOIN partners p ON p.id = c.partner_id"
)
_COLLABS = Sql(_COLLAB_SELECT + " ORDER BY c.agreed_on DESC, c.id DESC")
_COLLAB = Sql(_COLLAB_SELECT + " WHERE c.id = :id")
_DELIVERABLES = Sql(
    "SELECT cd.id, cd.network, cd.due, cd.post_id, cd.note,"
    " CASE WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = cd.post_id"
    "         AND d.state = 'published') THEN 1 ELSE 0 END,"
    " CASE WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = cd.post_id"
    "         AND d.state = 'scheduled') THEN 1 ELSE 0 END"
    " FROM collab_deliverables cd LEFT JOIN posts p ON p.id = cd.post_id"
    " WHERE cd.collab_id = :id AND (cd.post_id IS NULL OR p.deleted_at IS NULL)"
    " ORDER BY cd.due, cd.id"
)
_FILES = Sql("SELECT path FROM collab_files WHERE collab_id = :id ORDER BY id")
_PARTNER_OF_POST = Sql(
    "SELECT p.company FROM collab_deliverables cd"
    " JOIN collaborations c ON c.id = cd.collab_id JOIN partners p ON p.id = c.partner_id"
    " WHERE cd.post_id = :post ORDER BY cd.id LIMIT 1"
)
_DUE_OF_POST = Sql("SELECT due FROM collab_deliverables WHERE post_id = :post ORDER BY due LIMIT 1")
_PARTNER_NAMES = Sql(
    "SELECT DISTINCT p.company, lower(p.company) FROM partners p"
    " JOIN collaborations c ON c.partner_id = p.id"
    " WHERE c.state IN :states ORDER BY lower(p.company)",
    expanding=("states",),
)
_PUBLISHED_DELIVERIES = Sql(
    "SELECT id FROM deliveries WHERE post_id IN :posts AND state = 'published'"
    " ORDER BY published_at, id",
    expanding=("posts",),
)

# What a move sets besides the state: a day noted (:on) or forgotten.
_NOTE = {
    "": "",
    "delivered": ", delivered_on = :on",
    "undelivered": ", delivered_on = NULL",
    "invoiced": ", invoiced_on = :on",
    "paid": ", paid_on = :on",
    "unpaid": ", paid_on = NULL",
    "uninvoiced": ", invoiced_on = NULL",
}
_MOVE = {
    key: Sql(
        "UPDATE collaborations SET state = :wanted, updated_at = :now"  # noqa: S608 - fixed texts
        + extra
        + " WHERE id = :id AND state = :current RETURNING id"
    )
    for key, extra in _NOTE.items()
}


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _rate_bp(rate: Decimal) -> int:
    return int((rate * 100).to_integral_value())


def _terms(
    partner_id: int,
    *,
    title: str,
    fee: Decimal,
    vat_rate: Decimal,
    agreed_on: date,
    payment_due: date | None,
    terms: str,
) -> dict[str, object]:
    return {
        "partner": partner_id,
        "title": title,
        "fee": to_cents(fee),
        "vat": _rate_bp(vat_rate),
        "agreed_on": agreed_on.isoformat(),
        "payment_due": payment_due.isoformat() if payment_due else None,
        "terms": terms,
        "now": utc_text(utc_now()),
    }


def partner_by_company(conn: Conn, company: str) -> Partner | None:
    row = run(conn, _PARTNER, {"company": company.strip()}).fetchone()
    return None if row is None else Partner(int(row[0]), row[1], row[2], row[3])


def save_partner(conn: Conn, company: str, contact: str, language: str) -> int:
    """The partner called ``company`` (any case), created or its contact and language updated."""
    found = partner_by_company(conn, company)
    if found is not None:
        run(conn, _UPDATE_PARTNER, {"contact": contact, "language": language, "id": found.id})
        return found.id
    params = {
        "company": company.strip(),
        "contact": contact,
        "language": language,
        "now": utc_text(utc_now()),
    }
    return one_id(run(conn, _ADD_PARTNER, params))


def add_collaboration(
    conn: Conn,
    partner_id: int,
    *,
    title: str,
    fee: Decimal,
    vat_rate: Decimal,
    agreed_on: date,
    payment_due: date | None,
    terms: str,
) -> int:
    params = _terms(
        partner_id,
        title=title,
        fee=fee,
        vat_rate=vat_rate,
        agreed_on=agreed_on,
        payment_due=payment_due,
        terms=terms,
    )
    return one_id(run(conn, _ADD_COLLAB, params))


def update_collaboration(
    conn: Conn,
    collab_id: int,
    partner_id: int,
    *,
    title: str,
    fee: Decimal,
    vat_rate: Decimal,
    agreed_on: date,
    payment_due: date | None,
    terms: str,
) -> bool:
    """The agreement's terms as edited (its state and days noted by moves stay); a partner
    it no longer belongs to and left with none goes."""
    row = run(conn, _PARTNER_OF, {"id": collab_id}).fetchone()
    if row is None:
        return False
    params = _terms(
        partner_id,
        title=title,
        fee=fee,
        vat_rate=vat_rate,
        agreed_on=agreed_on,
        payment_due=payment_due,
        terms=terms,
    )
    run(conn, _UPDATE_COLLAB, {**params, "id": collab_id})
    run(conn, _DROP_LONE_PARTNER, {"id": int(row[0])})
    return True


def move_state(
    conn: Conn, collab_id: int, current: CollabState, wanted: CollabState, on: date
) -> bool:
    """Guarded: only from ``current`` (another writer's move is not overwritten). Invoicing
    and paying note the day; a step back forgets it."""
    note = ""
    if wanted is CollabState.DELIVERED and current is CollabState.AGREED:
        note = "delivered"
    elif wanted is CollabState.AGREED and current is CollabState.DELIVERED:
        note = "undelivered"
    elif wanted is CollabState.INVOICED and current is CollabState.DELIVERED:
        note = "invoiced"
    elif wanted is CollabState.PAID:
        note = "paid"
    elif current is CollabState.PAID:
        note = "unpaid"
    elif current is CollabState.INVOICED and wanted is CollabState.DELIVERED:
        note = "uninvoiced"
    params: dict[str, object] = {
        "wanted": wanted.value,
        "now": utc_text(utc_now()),
        "id": collab_id,
        "current": current.value,
    }
    if ":on" in _NOTE[note]:
        params["on"] = on.isoformat()
    return changed(run(conn, _MOVE[note], params)) == 1


def delete_collaboration(conn: Conn, collab_id: int) -> bool:
    """The collaboration, its file paths and deliverables go; its posts stay (as posts), its
    costs stay as costs of no collaboration, and a partner left with none goes too."""
    row = run(conn, _PARTNER_OF, {"id": collab_id}).fetchone()
    if row is None:
        return False
    run(conn, _DELETE_COLLAB, {"id": collab_id})
    run(conn, _DROP_LONE_PARTNER, {"id": int(row[0])})
    return True


def add_file(conn: Conn, collab_id: int, path: str) -> None:
    run(conn, _ADD_FILE, {"collab": collab_id, "path": path})


def remove_file(conn: Conn, collab_id: int, path: str) -> None:
    run(conn, _REMOVE_FILE, {"collab": collab_id, "path": path})


def add_deliverable(
    conn: Conn, collab_id: int, network: str, due: date, post_id: int, *, note: str
) -> int:
    params = {
        "collab": collab_id,
        "network": network,
        "due": due.isoformat(),
        "post": post_id,
        "note": note,
    }
    return one_id(run(conn, _ADD_DELIVERABLE, params))


# A post a collaboration can take as its deliverable: live, not yet out, tied to none.
_UNLINKED = (
    " FROM posts p WHERE p.deleted_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM collab_deliverables cd WHERE cd.post_id = p.id)"
    " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = p.id"
    " AND d.state IN ('draft', 'scheduled', 'failed', 'missed'))"
)
_UNLINKED_POSTS = Sql(
    "SELECT p.id, substr(p.base_text, 1, 80)" + _UNLINKED + " ORDER BY p.id DESC LIMIT :limit"
)
_IS_UNLINKED = Sql("SELECT 1" + _UNLINKED + " AND p.id = :post")


def unlinked_posts(conn: Conn, limit: int = 100) -> list[tuple[int, str]]:
    """(id, opening) of the newest posts not yet out and tied to no collaboration: the ones
    a collaboration can take as its deliverable."""
    return [(int(r[0]), str(r[1])) for r in run(conn, _UNLINKED_POSTS, {"limit": limit})]


def is_unlinked(conn: Conn, post_id: int) -> bool:
    """Whether ``post_id`` is one of ``unlinked_posts`` (however old)."""
    return run(conn, _IS_UNLINKED, {"post": post_id}).fetchone() is not None


def add_cost(conn: Conn, day: date, amount: Decimal, note: str, collab_id: int | None) -> int:
    params = {
        "collab": collab_id,
        "day": day.isoformat(),
        "amount": to_cents(amount),
        "note": note,
    }
    return one_id(run(conn, _ADD_COST, params))


def delete_cost(conn: Conn, cost_id: int) -> bool:
    return changed(run(conn, _DELETE_COST, {"id": cost_id})) == 1


def costs(conn: Conn) -> list[Cost]:
    rows = run(conn, _COSTS)
    return [
        Cost(int(r[0]), date.fromisoformat(r[1]), from_cents(int(r[2])), r[3], r[4]) for r in rows
    ]


def _deliverables(conn: Conn, collab_id: int) -> tuple[Deliverable, ...]:
    rows = run(conn, _DELIVERABLES, {"id": collab_id})
    return tuple(
        Deliverable(int(r[0]), r[1], date.fromisoformat(r[2]), r[3], bool(r[5]), r[4], bool(r[6]))
        for r in rows
    )


def _collab(conn: Conn, r: tuple[Any, ...]) -> Collaboration:
    files = tuple(str(f[0]) for f in run(conn, _FILES, {"id": int(r[0])}))
    return Collaboration(
        id=int(r[0]),
        partner=Partner(int(r[1]), r[2], r[3], r[4]),
        title=r[5],
        fee=from_cents(int(r[6])),
        vat_rate=Decimal(int(r[7])) / 100,
        state=CollabState(r[8]),
        agreed_on=date.fromisoformat(r[9]),
        payment_due=_day(r[10]),
        terms=r[11],
        invoiced_on=_day(r[12]),
        paid_on=_day(r[13]),
        delivered_on=_day(r[14]),
        deliverables=_deliverables(conn, int(r[0])),
        files=files,
    )


def collaborations(conn: Conn) -> list[Collaboration]:
    rows = run(conn, _COLLABS).fetchall()
    return [_collab(conn, r) for r in rows]


def collaboration(conn: Conn, collab_id: int) -> Collaboration | None:
    row = run(conn, _COLLAB, {"id": collab_id}).fetchone()
    return None if row is None else _collab(conn, row)


def partner_of_post(conn: Conn, post_id: int) -> str | None:
    """The partner company whose collaboration this post is a deliverable of."""
    row = run(conn, _PARTNER_OF_POST, {"post": post_id}).fetchone()
    return None if row is None else str(row[0])


def due_of_post(conn: Conn, post_id: int) -> date | None:
    """The day the post is owed by, when it is a collaboration's deliverable."""
    row = run(conn, _DUE_OF_POST, {"post": post_id}).fetchone()
    return None if row is None else date.fromisoformat(str(row[0]))


def partner_names(conn: Conn, states: tuple[str, ...]) -> list[str]:
    if not states:
        return []
    rows = run(conn, _PARTNER_NAMES, {"states": list(states)})
    return [str(r[0]) for r in rows]


def published_deliveries(conn: Conn, post_ids: list[int]) -> list[int]:
    """The published deliveries of ``post_ids`` (a collaboration's posts), first out first."""
    if not post_ids:
        return []
    return [int(r[0]) for r in run(conn, _PUBLISHED_DELIVERIES, {"posts": post_ids})]
