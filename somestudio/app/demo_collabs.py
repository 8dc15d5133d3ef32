"""The demo's paid collaborations: the roastery whose "#mainos" posts the demo already has
(invoiced, its payment due soon), a bakery's offer, a bookshop paid last month, a cost."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise

from somestudio.domain.collab.states import ORDER, CollabState
from somestudio.store import collabs as rows
from somestudio.store import demo_rows
from somestudio.store.sql import Conn

ROASTERY = "Paahtimo Pohjoinen"


def add_demo_collabs(conn: Conn, now: datetime) -> None:
    """Inside the demo's transaction; ``now`` is the demo's (aware) now."""
    today = now.date()
    # The roastery's posts that are out (each owed by the day it went out), agreed two
    # weeks before the first; invoiced once they were all out. (The demo's unpublished
    # "#mainos" draft is a post of its own, not owed: an invoiced agreement owes nothing.)
    published = demo_rows.first_out_days(conn, "#mainos Yhteistyössä Paahtimo")
    first = min((day for _, day in published), default=today - timedelta(days=16))
    last = max((day for _, day in published), default=today - timedelta(days=2))
    roastery = rows.save_partner(conn, ROASTERY, "Aino Pohjoinen, aino@example.com", "fi")
    collab = rows.add_collaboration(
        conn,
        roastery,
        title="Syksyn kahvit",
        fee=Decimal("450.00"),
        vat_rate=Decimal("25.5"),
        agreed_on=first - timedelta(days=14),
        payment_due=today + timedelta(days=5),
        terms="Julkaisuja syksyn mittaan; kuvat käyttöön 6 kk.",
    )
    for post_id, due in published:
        network = demo_rows.first_network(conn, post_id)
        rows.add_deliverable(conn, collab, network, due, post_id, note="")
    _walk(conn, collab, CollabState.INVOICED, max(last, today - timedelta(days=2)))

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


def _walk(conn: Conn, collab_id: int, until: CollabState, on: date) -> None:
    for current, wanted in pairwise(ORDER):
        rows.move_state(conn, collab_id, current, wanted, on)
        if wanted is until:
            return
