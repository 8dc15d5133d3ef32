"""Paid collaborations, pure parts: money in Decimal, the state steps, reminders on a given
day, and income sums by month and partner."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from somestudio.domain.collab.income import year_income
from somestudio.domain.collab.money import (
    MoneyError,
    from_cents,
    parse_money,
    parse_rate,
    to_cents,
    vat_of,
)
from somestudio.domain.collab.records import Collaboration, Cost, Deliverable, Partner
from somestudio.domain.collab.reminders import ReminderKind, collab_reminders
from somestudio.domain.collab.states import CollabState, StateError, check_move, next_state

TODAY = date(2027, 3, 10)


def _collab(
    collab_id: int,
    company: str,
    fee: str,
    state: CollabState,
    *,
    agreed: date = date(2027, 1, 5),
    due: date | None = None,
    paid: date | None = None,
    deliverables: tuple[Deliverable, ...] = (),
) -> Collaboration:
    return Collaboration(
        id=collab_id,
        partner=Partner(collab_id, company),
        title="",
        fee=Decimal(fee),
        vat_rate=Decimal("25.5"),
        state=state,
        agreed_on=agreed,
        payment_due=due,
        paid_on=paid,
        deliverables=deliverables,
    )


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1 200,50", "1200.50"),
        ("1200.5", "1200.50"),
        ("450 €", "450.00"),
        ("0,105", "0.11"),  # half up, as an invoice rounds
        ("1\u00a0000", "1000.00"),
        ("1,200.50", "1200.50"),  # as an English speaker types it
        ("1.200,50", "1200.50"),
        # One separator before three digits groups thousands: money has two decimals ("1,500"
        # was saved as 1.50 €, as the app writes 1,500.00 €: a new user's finding).
        ("1,500", "1500.00"),
        ("12,000", "12000.00"),
        ("1.500", "1500.00"),
        ("1,5", "1.50"),
        ("1,50", "1.50"),
        ("1500,5", "1500.50"),
        ("1,500,000", "1500000.00"),
    ],
)
def test_money_as_typed_is_an_exact_decimal(typed: str, amount: str) -> None:
    value = parse_money(typed)
    assert value == Decimal(amount)
    assert from_cents(to_cents(value)) == value


@pytest.mark.parametrize("typed", ["", "abc", "-5", "1,2,3", "NaN", "inf", "1,2.3.4"])
def test_what_is_not_money_is_refused(typed: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(typed)


def test_vat_is_rounded_to_the_cent_half_up() -> None:
    assert parse_rate("25,5 %") == Decimal("25.5")
    assert vat_of(Decimal("0.10"), Decimal("25.5")) == Decimal("0.03")  # 0.0255
    assert vat_of(Decimal("1000.00"), Decimal("25.5")) == Decimal("255.00")
    assert vat_of(Decimal("33.33"), Decimal("14")) == Decimal("4.67")  # 4.6662
    with pytest.raises(MoneyError):
        parse_rate("101")


def test_states_go_one_step_at_a_time_forward_or_back() -> None:
    assert next_state(CollabState.OFFERED) is CollabState.AGREED
    assert next_state(CollabState.PAID) is None
    check_move(CollabState.AGREED, CollabState.DELIVERED)
    check_move(CollabState.INVOICED, CollabState.DELIVERED)
    for current, wanted in [
        (CollabState.OFFERED, CollabState.INVOICED),
        (CollabState.AGREED, CollabState.PAID),
        (CollabState.PAID, CollabState.PAID),
    ]:
        with pytest.raises(StateError):
            check_move(current, wanted)


def test_reminders_for_posts_due_soon_late_and_payments_overdue() -> None:
    soon = Deliverable(1, "instagram", date(2027, 3, 12), 11)  # in two days
    later = Deliverable(2, "instagram", date(2027, 3, 20), 12)  # not yet
    late = Deliverable(3, "linkedin", date(2027, 3, 8), 13)
    done = Deliverable(4, "linkedin", date(2027, 3, 9), 14, published=True)
    collabs = [
        _collab(1, "Kahvila Aurinko", "500", CollabState.AGREED, deliverables=(soon, later)),
        _collab(2, "Pyöräpaja", "300", CollabState.AGREED, deliverables=(late, done)),
        _collab(3, "Kirjakauppa", "200", CollabState.INVOICED, due=date(2027, 3, 9)),
        _collab(4, "Leipomo", "200", CollabState.INVOICED, due=date(2027, 3, 10)),  # due today
        _collab(5, "Sauna", "900", CollabState.PAID, due=date(2027, 1, 1)),
        # delivered (or invoiced) with a post never out: still reminded; paid: done with
        _collab(6, "Kukka", "100", CollabState.DELIVERED, deliverables=(late,)),
        _collab(7, "Sävel", "100", CollabState.PAID, deliverables=(late,)),
    ]
    found = collab_reminders(collabs, TODAY)
    assert [(r.kind, r.partner, r.post_id) for r in found] == [
        (ReminderKind.POST_LATE, "Pyöräpaja", 13),
        (ReminderKind.POST_LATE, "Kukka", 13),
        (ReminderKind.PAYMENT_OVERDUE, "Kirjakauppa", None),
        (ReminderKind.POST_DUE, "Kahvila Aurinko", 11),
    ]


def test_income_by_month_and_partner_expected_against_paid_with_costs() -> None:
    collabs = [
        _collab(
            1,
            "Kahvila Aurinko",
            "500.10",
            CollabState.PAID,
            due=date(2027, 2, 28),
            paid=date(2027, 3, 2),
        ),
        _collab(2, "Kahvila Aurinko", "0.20", CollabState.INVOICED, due=date(2027, 3, 31)),
        _collab(3, "Pyöräpaja", "300.00", CollabState.AGREED, agreed=date(2027, 4, 1)),
        _collab(4, "Offer only", "999.00", CollabState.OFFERED, agreed=date(2027, 4, 1)),
        _collab(
            5, "Last year", "100.00", CollabState.PAID, due=date(2026, 12, 1), paid=date(2027, 1, 3)
        ),
    ]
    costs = [
        Cost(1, date(2027, 3, 5), Decimal("0.10"), "props", 1),
        Cost(2, date(2027, 4, 9), Decimal("49.90"), "ring light"),
    ]
    income = year_income(collabs, costs, 2027)
    assert income.months[2].expected == Decimal("500.10")
    assert income.months[3].paid == Decimal("500.10")
    assert income.months[3].expected == Decimal("0.20")
    assert income.months[3].costs == Decimal("0.10")
    assert income.months[3].profit == Decimal("500.00")
    assert income.months[4].expected == Decimal("300.00")  # the offer is not counted
    assert income.months[1].paid == Decimal("100.00")  # paid this year, expected last year
    assert income.months[1].expected == Decimal("0.00")
    assert income.total.expected == Decimal("800.30")
    assert income.total.paid == Decimal("600.10")
    assert income.total.costs == Decimal("50.00")
    assert income.total.profit == Decimal("550.10")
    assert income.total.outstanding == Decimal("200.20")
    aurinko = income.partners["Kahvila Aurinko"]
    assert (aurinko.expected, aurinko.paid, aurinko.costs) == (
        Decimal("500.30"),
        Decimal("500.10"),
        Decimal("0.10"),
    )
    assert all(
        isinstance(v, Decimal)
        for f in income.months.values()
        for v in (f.expected, f.paid, f.costs, f.profit)
    )
