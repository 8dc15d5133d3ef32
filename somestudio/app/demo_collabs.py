"""The demo's paid collaborations: the roastery whose "#mainos" posts the demo already has
(invoiced, its payment due soon), a bakery's offer, a bookshop paid last month, a cost."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise

from somestudio.domain.collab.states import ORDER, CollabState
from somestudio.store import collabs as rows

ROASTERY = "Paahtimo Pohjoinen"


def add_demo_collabs(conn: sqlite3.Connection, now: datetime) -> None:
    """Inside the demo's transaction; ``now`` is the demo's (aware) now."""
    today = now.date()
    roastery = rows.save_partner(conn, ROASTERY, "Aino Pohjoinen, aino@example.com", "fi")
    collab = rows.add_collaboration(
        conn,
        roastery,
        title="Joulukahvit",
        fee=Decimal("450.00"),
        vat_rate=Decimal("25.5"),
        agreed_on=today - timedelta(days=30),
        payment_due=today + timedelta(days=5),
        terms="Kaksi julkaisua joulukuussa; kuvat käyttöön 6 kk.",
    )
    for post_id, published in conn.execute(
        "SELECT p.id, min(d.published_at) FROM posts p JOIN deliveries d ON d.post_id = p.id"
        " WHERE p.base_text LIKE '#mainos Yhteistyössä Paahtimo%' GROUP BY p.id ORDER BY p.id"
    ).fetchall():
        due = datetime.fromisoformat(published).date() if published else today
        network = conn.execute(
            "SELECT a.network FROM deliveries d JOIN accounts a ON a.id = d.account_id"
            " WHERE d.post_id = ? ORDER BY d.id LIMIT 1",
            (post_id,),
        ).fetchone()[0]
        rows.add_deliverable(conn, collab, network, due, int(post_id), note="")
    _walk(conn, collab, CollabState.INVOICED, today - timedelta(days=2))

    bakery = rows.save_partner(conn, "Leipomo Lumo", "hello@lumo.example", "en")
    rows.add_collaboration(
        conn,
        bakery,
        title="Spring buns",
        fee=Decimal("300.00"),
        vat_rate=Decimal("25.5"),
        agreed_on=today,
        payment_due=None,
        terms="",
    )
    books = rows.save_partner(conn, "Kirjakauppa Sivu", "", "fi")
    paid = rows.add_collaboration(
        conn,
        books,
        title="Lukupiiri",
        fee=Decimal("250.00"),
        vat_rate=Decimal("25.5"),
        agreed_on=today - timedelta(days=60),
        payment_due=today - timedelta(days=20),
        terms="",
    )
    _walk(conn, paid, CollabState.PAID, today - timedelta(days=25))
    rows.add_cost(conn, today - timedelta(days=26), Decimal("39.90"), "Kirjat kuvauksiin", paid)


def _walk(conn: sqlite3.Connection, collab_id: int, until: CollabState, on: date) -> None:
    for current, wanted in pairwise(ORDER):
        rows.move_state(conn, collab_id, current, wanted, on)
        if wanted is until:
            return
