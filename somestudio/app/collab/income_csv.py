"""Income for bookkeeping: one CSV row per invoice, payment and cost of a year, amounts as
plain decimals with a dot ("1200.50"), so any spreadsheet or bookkeeping program reads them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from somestudio.domain.collab.money import plain, vat_of
from somestudio.domain.collab.records import Collaboration, Cost

COLUMNS = ("date", "kind", "partner", "description", "net", "vat_rate", "vat", "gross")


def income_csv(collabs: Iterable[Collaboration], costs: Iterable[Cost], year: int) -> str:
    collabs = list(collabs)
    names = {c.id: c.partner.company for c in collabs}
    lines: list[tuple[str, ...]] = []
    for c in collabs:
        for kind, day in (("invoiced", c.invoiced_on), ("paid", c.paid_on)):
            if day is not None and day.year == year:
                lines.append(
                    (
                        day.isoformat(),
                        kind,
                        c.partner.company,
                        c.title,
                        plain(c.fee),
                        f"{c.vat_rate.normalize():f}",
                        plain(c.vat),
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
                )
            )
    lines.sort()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(lines)
    return out.getvalue()
