"""A collaboration as the app holds it: the partner, the agreement, the deliverables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from somestudio.domain.collab.money import vat_of
from somestudio.domain.collab.states import CollabState


@dataclass(frozen=True, slots=True)
class Partner:
    id: int
    company: str
    contact: str = ""  # a person, an e-mail address: as typed
    language: str = "fi"  # of the partner report: "fi" or "en"


@dataclass(frozen=True, slots=True)
class Deliverable:
    """A post owed on a network by a date; ``post_id`` is its draft (None once removed)."""

    id: int
    network: str
    due: date
    post_id: int | None
    published: bool = False  # some delivery of the post went out
    note: str = ""


@dataclass(frozen=True, slots=True)
class Collaboration:
    id: int
    partner: Partner
    title: str
    fee: Decimal  # net of VAT
    vat_rate: Decimal  # per cent
    state: CollabState
    agreed_on: date  # the day it was entered or agreed: income is expected from then
    payment_due: date | None = None
    terms: str = ""
    invoiced_on: date | None = None
    paid_on: date | None = None
    delivered_on: date | None = None  # an action the goals' timeline can show
    deliverables: tuple[Deliverable, ...] = ()
    files: tuple[str, ...] = ()  # paths as given; the files stay where they are

    @property
    def vat(self) -> Decimal:
        return vat_of(self.fee, self.vat_rate)

    @property
    def gross(self) -> Decimal:
        return self.fee + self.vat


@dataclass(frozen=True, slots=True)
class Cost:
    id: int
    day: date
    amount: Decimal
    note: str
    collab_id: int | None = None
