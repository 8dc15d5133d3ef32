"""Money as ``Decimal`` euros: parsed from what a person types, kept as integer cents.

Never a float: 0.1 + 0.2 is not 0.3 in binary, and a bookkeeper's sums must be exact.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
# "1,500", "12.000", "1,500,000": thousands grouped by one kind of separator
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?:\.\d{3})+")


class MoneyError(ValueError):
    """What was typed is not an amount of money."""


def parse_money(text: str) -> Decimal:
    """ "1 200,50", "1200.5", "1 200 €" → Decimal("1200.50"). Raises MoneyError."""
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    cleaned = cleaned.replace("€", "").replace("EUR", "").replace("eur", "")
    if "," in cleaned and "." in cleaned:  # "1,200.50" or "1.200,50": the last one is decimal
        thousands = "," if cleaned.rfind(".") > cleaned.rfind(",") else "."
        cleaned = cleaned.replace(thousands, "").replace(",", ".")
    elif _GROUPED.fullmatch(cleaned):
        # "1,500" or "12.000": one separator before three digits groups thousands, in every
        # convention (money has two decimals); it was read as 1.50 €, though the app itself
        # writes 1,500.00 €. ("0,105" is no group: a decimal.)
        cleaned = cleaned.replace(",", "").replace(".", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(text) from None
    if not value.is_finite() or value < 0:
        raise MoneyError(text)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_rate(text: str) -> Decimal:
    """A VAT rate in per cent ("25,5", "25.5 %", "0") → Decimal("25.5"). Raises MoneyError."""
    cleaned = text.replace("%", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(text) from None
    if not value.is_finite() or value < 0 or value > 100:
        raise MoneyError(text)
    return value


def to_cents(amount: Decimal) -> int:
    return int((amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def vat_of(net: Decimal, rate: Decimal) -> Decimal:
    """The VAT on a net amount, rounded to the cent (half up, as invoices do)."""
    return (net * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def plain(amount: Decimal) -> str:
    """For CSV: a dot, two decimals, no thousands separator ("1200.50")."""
    return f"{amount.quantize(CENT):f}"
