"""Income from collaborations by month and partner: expected against paid, costs beside,
and what is left. Amounts are net of VAT (VAT is not income) and Decimal throughout.

A fee is *expected* in the month its payment is due (or, without a due date, the month it
was agreed), once agreed; it is *paid* in the month it was paid. An offer not yet agreed is
not expected income.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from somestudio.domain.collab.records import Collaboration, Cost
from somestudio.domain.collab.states import CollabState

ZERO = Decimal("0.00")


@dataclass(slots=True)
class Figures:
    expected: Decimal = ZERO
    paid: Decimal = ZERO
    costs: Decimal = ZERO

    @property
    def profit(self) -> Decimal:
        """Paid less costs: what the work has brought in so far."""
        return self.paid - self.costs

    @property
    def expected_profit(self) -> Decimal:
        return self.expected - self.costs

    @property
    def outstanding(self) -> Decimal:
        return self.expected - self.paid


@dataclass(slots=True)
class YearIncome:
    year: int
    months: dict[int, Figures] = field(default_factory=dict)  # 1..12
    partners: dict[str, Figures] = field(default_factory=dict)
    total: Figures = field(default_factory=Figures)


def expected_month(collab: Collaboration) -> date:
    return collab.payment_due or collab.agreed_on


def year_income(collabs: Iterable[Collaboration], costs: Iterable[Cost], year: int) -> YearIncome:
    collabs = list(collabs)
    out = YearIncome(year, {m: Figures() for m in range(1, 13)})

    def add(day: date, partner: str | None, what: str, amount: Decimal) -> None:
        if day.year != year:
            return
        for figures in (
            out.months[day.month],
            out.total,
            *([out.partners.setdefault(partner, Figures())] if partner else []),
        ):
            setattr(figures, what, getattr(figures, what) + amount)

    for collab in collabs:
        name = collab.partner.company
        if collab.state is not CollabState.OFFERED:
            add(expected_month(collab), name, "expected", collab.fee)
        if collab.state is CollabState.PAID and collab.paid_on is not None:
            add(collab.paid_on, name, "paid", collab.fee)
    names = {c.id: c.partner.company for c in collabs}
    for cost in costs:
        add(cost.day, names.get(cost.collab_id or -1), "costs", cost.amount)
    return out
