"""Paid collaborations' rows on both backends: partners by name in any case, guarded state
moves with their days, files, deliverables with their posts' states, and costs."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from somestudio.domain.collab.records import Cost, Deliverable, Partner
from somestudio.domain.collab.states import CollabState
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import collabs, deliveries
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn

NOW = datetime(2028, 2, 29, 10, 0, tzinfo=UTC)
DAY = date(2028, 2, 29)


def _agreement(conn: Conn, partner: int, title: str, agreed_on: date = DAY) -> int:
    return collabs.add_collaboration(
        conn, partner, title=title, fee=Decimal("450.00"), vat_rate=Decimal("25.5"),
        agreed_on=agreed_on, payment_due=date(2028, 3, 31), terms="Kuvat 6 kk",
    )  # fmt: skip


def test_partners_are_one_per_company_in_any_case(conn: Conn) -> None:
    roastery = collabs.save_partner(conn, " Paahtimo ", "Aino", "fi")
    assert collabs.save_partner(conn, "PAAHTIMO", "Aino P.", "en") == roastery
    assert collabs.partner_by_company(conn, "paahtimo") == Partner(
        roastery, "Paahtimo", "Aino P.", "en"
    )
    assert collabs.partner_by_company(conn, "Leipomo") is None


def test_an_agreement_keeps_its_terms_files_and_moves_with_its_days(conn: Conn) -> None:
    roastery = collabs.save_partner(conn, "Paahtimo", "Aino", "fi")
    collab = _agreement(conn, roastery, "Syksyn kahvit")
    collabs.add_file(conn, collab, "/docs/sopimus.pdf")
    collabs.add_file(conn, collab, "/docs/sopimus.pdf")
    collabs.add_file(conn, collab, "/docs/lasku.pdf")
    collabs.remove_file(conn, collab, "/docs/lasku.pdf")
    found = collabs.collaboration(conn, collab)
    assert found is not None
    assert (found.partner, found.title, found.fee, found.vat_rate, found.state) == (
        Partner(roastery, "Paahtimo", "Aino", "fi"),
        "Syksyn kahvit",
        Decimal("450.00"),
        Decimal("25.5"),
        CollabState.OFFERED,
    )
    assert (found.agreed_on, found.payment_due, found.terms, found.files) == (
        DAY, date(2028, 3, 31), "Kuvat 6 kk", ("/docs/sopimus.pdf",),
    )  # fmt: skip
    # Guarded: a move from a state the row is not in changes nothing.
    assert not collabs.move_state(conn, collab, CollabState.AGREED, CollabState.DELIVERED, DAY)
    steps = [
        (CollabState.OFFERED, CollabState.AGREED, date(2028, 3, 1)),
        (CollabState.AGREED, CollabState.DELIVERED, date(2028, 3, 2)),
        (CollabState.DELIVERED, CollabState.INVOICED, date(2028, 3, 3)),
        (CollabState.INVOICED, CollabState.PAID, date(2028, 3, 4)),
    ]
    for current, wanted, on in steps:
        assert collabs.move_state(conn, collab, current, wanted, on)
    paid = collabs.collaboration(conn, collab)
    assert paid is not None
    assert (paid.state, paid.delivered_on, paid.invoiced_on, paid.paid_on) == (
        CollabState.PAID, date(2028, 3, 2), date(2028, 3, 3), date(2028, 3, 4),
    )  # fmt: skip
    # Steps back forget the days they noted.
    assert collabs.move_state(conn, collab, CollabState.PAID, CollabState.INVOICED, DAY)
    assert collabs.move_state(conn, collab, CollabState.INVOICED, CollabState.DELIVERED, DAY)
    assert collabs.move_state(conn, collab, CollabState.DELIVERED, CollabState.AGREED, DAY)
    back = collabs.collaboration(conn, collab)
    assert back is not None
    assert (back.state, back.delivered_on, back.invoiced_on, back.paid_on) == (
        CollabState.AGREED, None, None, None,
    )  # fmt: skip
    assert collabs.collaboration(conn, 10_000) is None


def test_editing_and_deleting_take_a_partner_left_with_none(conn: Conn) -> None:
    roastery = collabs.save_partner(conn, "Paahtimo", "", "fi")
    bakery = collabs.save_partner(conn, "Leipomo Lumo", "", "en")
    collab = _agreement(conn, roastery, "Kahvit", date(2028, 1, 1))
    other = _agreement(conn, bakery, "Pullat", date(2028, 2, 1))
    assert collabs.update_collaboration(
        conn, collab, bakery, title="Kahvit ja pullat", fee=Decimal("99.99"),
        vat_rate=Decimal(14), agreed_on=date(2028, 1, 2), payment_due=None, terms="",
    )  # fmt: skip
    assert collabs.partner_by_company(conn, "Paahtimo") is None
    assert not collabs.update_collaboration(
        conn, 10_000, bakery, title="", fee=Decimal(1), vat_rate=Decimal(0),
        agreed_on=DAY, payment_due=None, terms="",
    )  # fmt: skip
    listed = collabs.collaborations(conn)
    assert [(c.id, c.title, c.fee, c.vat_rate, c.payment_due) for c in listed] == [
        (other, "Pullat", Decimal("450.00"), Decimal("25.5"), date(2028, 3, 31)),
        (collab, "Kahvit ja pullat", Decimal("99.99"), Decimal(14), None),
    ]
    assert collabs.delete_collaboration(conn, collab)
    assert collabs.partner_by_company(conn, "Leipomo Lumo") is not None
    assert collabs.delete_collaboration(conn, other)
    assert collabs.partner_by_company(conn, "Leipomo Lumo") is None
    assert not collabs.delete_collaboration(conn, other)


def test_deliverables_follow_their_posts(conn: Conn) -> None:
    account = add_account(conn, Network.MASTODON, "me")
    roastery = collabs.save_partner(conn, "Paahtimo", "", "fi")
    bakery = collabs.save_partner(conn, "leipomo", "", "fi")
    collab = _agreement(conn, roastery, "Kahvit")
    _agreement(conn, bakery, "Pullat")
    out, planned, draft = (create_post(conn, f"#mainos {n}") for n in range(3))
    delivery = add_delivery(
        conn, out, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, NOW, remote_id="r", published_at=NOW
    )
    add_delivery(
        conn, planned, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    first = collabs.add_deliverable(conn, collab, "mastodon", date(2028, 3, 2), out, note="")
    second = collabs.add_deliverable(conn, collab, "mastodon", date(2028, 3, 1), planned, note="a")
    third = collabs.add_deliverable(conn, collab, "bluesky", date(2028, 3, 3), draft, note="")
    found = collabs.collaboration(conn, collab)
    assert found is not None
    assert found.deliverables == (
        Deliverable(second, "mastodon", date(2028, 3, 1), planned, False, "a", True),
        Deliverable(first, "mastodon", date(2028, 3, 2), out, True, "", False),
        Deliverable(third, "bluesky", date(2028, 3, 3), draft, False, "", False),
    )
    assert type(found.deliverables[0].scheduled) is bool
    assert collabs.partner_of_post(conn, out) == "Paahtimo"
    assert collabs.partner_of_post(conn, 10_000) is None
    assert collabs.due_of_post(conn, planned) == date(2028, 3, 1)
    assert collabs.due_of_post(conn, 10_000) is None
    assert collabs.published_deliveries(conn, [out, planned, draft]) == [delivery]
    assert collabs.published_deliveries(conn, []) == []
    assert collabs.partner_names(conn, ("offered",)) == ["leipomo", "Paahtimo"]
    assert collabs.partner_names(conn, ("paid", "invoiced")) == []


def test_costs_are_kept_in_cents(conn: Conn) -> None:
    roastery = collabs.save_partner(conn, "Paahtimo", "", "fi")
    collab = _agreement(conn, roastery, "Kahvit")
    later = collabs.add_cost(conn, date(2028, 3, 1), Decimal("12.34"), "kahvit", collab)
    first = collabs.add_cost(conn, date(2028, 2, 29), Decimal("0.10"), "posti", None)
    assert collabs.costs(conn) == [
        Cost(first, date(2028, 2, 29), Decimal("0.10"), "posti", None),
        Cost(later, date(2028, 3, 1), Decimal("12.34"), "kahvit", collab),
    ]
    assert collabs.delete_collaboration(conn, collab)
    assert [c.collab_id for c in collabs.costs(conn)] == [None, None]
    assert collabs.delete_cost(conn, first) and not collabs.delete_cost(conn, first)
