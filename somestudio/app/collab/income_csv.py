"""Income for bookkeeping: one CSV row per invoice, payment and cost of a year, amounts as
plain decimals with a dot ("1200.50"), so any spreadsheet or bookkeeping program reads them.

An invoice is the sale: its row has the net, VAT and gross. A payment settles an invoice and
is no income of its own: its row names the invoice's date (``invoice_date``) and says what
came in (``received``), with net, VAT and gross left empty, so summing the net column
(invoices less costs) never counts a fee twice. Costs are negative."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from somestudio.domain.collab.money import plain, vat_of
from somestudio.domain.collab.records import Collaboration, Cost

COLUMNS = (
    "date",
    "kind",
    "partner",
    "description",
    "net",
    "vat_rate",
    "vat",
    "gross",
    "invoice_date",
    "received",
)


def income_csv(collabs: Iterable[Collaboration], costs: Iterable[Cost], year: int) -> str:
    collabs = list(collabs)
    names = {c.id: c.partner.company for c in collabs}
    lines: list[tuple[str, ...]] = []
    for c in collabs:
        invoiced = c.invoiced_on.isoformat() if c.invoiced_on else ""
        if c.invoiced_on is not None and c.invoiced_on.year == year:
            lines.append(
                (
                    invoiced,
                    "invoiced",
                    c.partner.company,
                    c.title,
                    plain(c.fee),
                    f"{c.vat_rate.normalize():f}",
                    plain(c.vat),
                    plain(c.gross),
                    invoiced,
                    "",
                )
            )
        if c.paid_on is not None and c.paid_on.year == year:
            lines.append(
                (
                    c.paid_on.isoformat(),
                    "paid",
                    c.partner.company,
                    c.title,
                    "",
                    "",
                    "",
                    "",
                    invoiced,
                    plain(c.gross),
                )
            )
    for cost in costs:
        if cost.day.year == year:
            zero = Decimal(0)
            lines.append(
                (
                    cost.day.isoformat(),
                    "cost",
                    names.get(cost.collab_id or -1, ""),
                    cost.note,
                    plain(-cost.amount),
                    "0",
                    plain(vat_of(zero, zero)),
                    plain(-cost.amount),
                    "",
                    "",
                )
            )
    lines.sort()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(lines)
    return out.getvalue()
