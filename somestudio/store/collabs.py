"""Rows of the paid collaborations: partners, agreements, files, deliverables, costs."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from typing import Any

from somestudio.domain.collab.money import from_cents, to_cents
from somestudio.domain.collab.records import Collaboration, Cost, Deliverable, Partner
from somestudio.domain.collab.states import CollabState
from somestudio.domain.utc import utc_now, utc_text


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _rate_bp(rate: Decimal) -> int:
    return int((rate * 100).to_integral_value())


def partner_by_company(conn: sqlite3.Connection, company: str) -> Partner | None:
    row = conn.execute(
        "SELECT id, company, contact, language FROM partners WHERE lower(company) = lower(?)",
        (company.strip(),),
    ).fetchone()
    return None if row is None else Partner(int(row[0]), row[1], row[2], row[3])


def save_partner(conn: sqlite3.Connection, company: str, contact: str, language: str) -> int:
    """The partner called ``company`` (any case), created or its contact and language updated."""
    found = partner_by_company(conn, company)
    if found is not None:
        conn.execute(
            "UPDATE partners SET contact = ?, language = ? WHERE id = ?",
            (contact, language, found.id),
        )
        return found.id
    cursor = conn.execute(
        "INSERT INTO partners (company, contact, language, created_at) VALUES (?, ?, ?, ?)",
        (company.strip(), contact, language, utc_text(utc_now())),
    )
    return int(cursor.lastrowid or 0)


def add_collaboration(
    conn: sqlite3.Connection,
    partner_id: int,
    *,
    title: str,
    fee: Decimal,
    vat_rate: Decimal,
    agreed_on: date,
    payment_due: date | None,
    terms: str,
) -> int:
    now = utc_text(utc_now())
    cursor = conn.execute(
        "INSERT INTO collaborations (partner_id, title, fee_cents, vat_bp, agreed_on,"
        " payment_due, terms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            partner_id,
            title,
            to_cents(fee),
            _rate_bp(vat_rate),
            agreed_on.isoformat(),
            payment_due.isoformat() if payment_due else None,
            terms,
            now,
            now,
        ),
    )
    return int(cursor.lastrowid or 0)


def move_state(
    conn: sqlite3.Connection, collab_id: int, current: CollabState, wanted: CollabState, on: date
) -> bool:
    """Guarded: only from ``current`` (another writer's move is not overwritten). Invoicing
    and paying note the day; a step back forgets it."""
    extra = ""
    args: list[object] = [wanted.value, utc_text(utc_now())]
    if wanted is CollabState.DELIVERED and current is CollabState.AGREED:
        extra = ", delivered_on = ?"
        args.append(on.isoformat())
    elif wanted is CollabState.AGREED and current is CollabState.DELIVERED:
        extra = ", delivered_on = NULL"
    elif wanted is CollabState.INVOICED and current is CollabState.DELIVERED:
        extra = ", invoiced_on = ?"
        args.append(on.isoformat())
    elif wanted is CollabState.PAID:
        extra = ", paid_on = ?"
        args.append(on.isoformat())
    elif current is CollabState.PAID:
        extra = ", paid_on = NULL"
    elif current is CollabState.INVOICED and wanted is CollabState.DELIVERED:
        extra = ", invoiced_on = NULL"
    args += [collab_id, current.value]
    cursor = conn.execute(
        f"UPDATE collaborations SET state = ?, updated_at = ?{extra} WHERE id = ? AND state = ?",  # noqa: S608
        args,
    )
    return cursor.rowcount == 1


def delete_collaboration(conn: sqlite3.Connection, collab_id: int) -> bool:
    """The collaboration, its file paths and deliverables go; its posts stay (as posts), its
    costs stay as costs of no collaboration, and a partner left with none goes too."""
    row = conn.execute(
        "SELECT partner_id FROM collaborations WHERE id = ?", (collab_id,)
    ).fetchone()
    if row is None:
        return False
    conn.execute("DELETE FROM collaborations WHERE id = ?", (collab_id,))
    conn.execute(
        "DELETE FROM partners WHERE id = ? AND NOT EXISTS"
        " (SELECT 1 FROM collaborations WHERE partner_id = ?)",
        (row[0], row[0]),
    )
    return True


def add_file(conn: sqlite3.Connection, collab_id: int, path: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO collab_files (collab_id, path) VALUES (?, ?)", (collab_id, path)
    )


def remove_file(conn: sqlite3.Connection, collab_id: int, path: str) -> None:
    conn.execute("DELETE FROM collab_files WHERE collab_id = ? AND path = ?", (collab_id, path))


def add_deliverable(
    conn: sqlite3.Connection, collab_id: int, network: str, due: date, post_id: int, *, note: str
) -> int:
    cursor = conn.execute(
        "INSERT INTO collab_deliverables (collab_id, network, due, post_id, note)"
        " VALUES (?, ?, ?, ?, ?)",
        (collab_id, network, due.isoformat(), post_id, note),
    )
    return int(cursor.lastrowid or 0)


def add_cost(
    conn: sqlite3.Connection, day: date, amount: Decimal, note: str, collab_id: int | None
) -> int:
    cursor = conn.execute(
        "INSERT INTO collab_costs (collab_id, day, amount_cents, note) VALUES (?, ?, ?, ?)",
        (collab_id, day.isoformat(), to_cents(amount), note),
    )
    return int(cursor.lastrowid or 0)


def costs(conn: sqlite3.Connection) -> list[Cost]:
    rows = conn.execute(
        "SELECT id, day, amount_cents, note, collab_id FROM collab_costs ORDER BY day, id"
    )
    return [
        Cost(int(r[0]), date.fromisoformat(r[1]), from_cents(int(r[2])), r[3], r[4]) for r in rows
    ]


_COLLAB = (
    "SELECT c.id, p.id, p.company, p.contact, p.language, c.title, c.fee_cents, c.vat_bp,"
    " c.state, c.agreed_on, c.payment_due, c.terms, c.invoiced_on, c.paid_on, c.delivered_on"
    " FROM collaborations c JOIN partners p ON p.id = c.partner_id"
)


def _deliverables(conn: sqlite3.Connection, collab_id: int) -> tuple[Deliverable, ...]:
    rows = conn.execute(
        "SELECT cd.id, cd.network, cd.due, cd.post_id, cd.note,"
        " EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = cd.post_id"
        "         AND d.state = 'published')"
        " FROM collab_deliverables cd LEFT JOIN posts p ON p.id = cd.post_id"
        " WHERE cd.collab_id = ? AND (cd.post_id IS NULL OR p.deleted_at IS NULL)"
        " ORDER BY cd.due, cd.id",
        (collab_id,),
    )
    return tuple(
        Deliverable(int(r[0]), r[1], date.fromisoformat(r[2]), r[3], bool(r[5]), r[4]) for r in rows
    )


def _collab(conn: sqlite3.Connection, r: tuple[Any, ...]) -> Collaboration:
    files = tuple(
        str(f[0])
        for f in conn.execute(
            "SELECT path FROM collab_files WHERE collab_id = ? ORDER BY id", (r[0],)
        )
    )
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


def collaborations(conn: sqlite3.Connection) -> list[Collaboration]:
    rows = conn.execute(_COLLAB + " ORDER BY c.agreed_on DESC, c.id DESC").fetchall()
    return [_collab(conn, r) for r in rows]


def collaboration(conn: sqlite3.Connection, collab_id: int) -> Collaboration | None:
    row = conn.execute(_COLLAB + " WHERE c.id = ?", (collab_id,)).fetchone()
    return None if row is None else _collab(conn, row)


def partner_of_post(conn: sqlite3.Connection, post_id: int) -> str | None:
    """The partner company whose collaboration this post is a deliverable of."""
    row = conn.execute(
        "SELECT p.company FROM collab_deliverables cd"
        " JOIN collaborations c ON c.id = cd.collab_id JOIN partners p ON p.id = c.partner_id"
        " WHERE cd.post_id = ? ORDER BY cd.id LIMIT 1",
        (post_id,),
    ).fetchone()
    return None if row is None else str(row[0])


def partner_names(conn: sqlite3.Connection, states: tuple[str, ...]) -> list[str]:
    marks = ",".join("?" * len(states))
    rows = conn.execute(
        "SELECT DISTINCT p.company FROM partners p JOIN collaborations c ON c.partner_id = p.id"  # noqa: S608 - placeholders only
        f" WHERE c.state IN ({marks}) ORDER BY lower(p.company)",
        states,
    )
    return [str(r[0]) for r in rows]
