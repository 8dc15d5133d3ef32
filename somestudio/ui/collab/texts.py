"""The Collaborations page's words: states, reminders, errors, money and days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from somestudio.app.collab.service import CollabError
from somestudio.domain.collab.reminders import CollabReminder, ReminderKind
from somestudio.domain.collab.states import CollabState
from somestudio.domain.networks import Network
from somestudio.ui.network_names import network_name


def state_word(state: CollabState) -> str:
    return {
        CollabState.OFFERED: QCoreApplication.translate("Collaborations", "Offered"),
        CollabState.AGREED: QCoreApplication.translate("Collaborations", "Agreed"),
        CollabState.DELIVERED: QCoreApplication.translate("Collaborations", "Delivered"),
        CollabState.INVOICED: QCoreApplication.translate("Collaborations", "Invoiced"),
        CollabState.PAID: QCoreApplication.translate("Collaborations", "Paid"),
    }[state]


def money_text(amount: Decimal, locale: QLocale | None = None) -> str:
    """ "1 200,50 €" in Finnish, "1,200.50 €" in English: exact, from the Decimal."""
    locale = locale or QLocale()
    whole, _, cents = f"{amount:.2f}".partition(".")
    sign = "−" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return f"{sign}{locale.groupSeparator().join(groups)}{locale.decimalPoint()}{cents} €"


def rate_text(rate: Decimal, locale: QLocale | None = None) -> str:
    """A VAT rate as typed in the user's language: "25,5" in Finnish, "25.5" in English."""
    return f"{rate.normalize():f}".replace(".", (locale or QLocale()).decimalPoint())


def day_text(day: date | None, locale: QLocale | None = None) -> str:
    if day is None:
        return "–"
    qdate = QDate(day.year, day.month, day.day)
    return (locale or QLocale()).toString(qdate, QLocale.FormatType.ShortFormat)


def reminder_text(reminder: CollabReminder) -> str:
    day = day_text(reminder.day)
    if reminder.kind is ReminderKind.PAYMENT_OVERDUE:
        return (
            QCoreApplication.translate("Collaborations", "%1: payment overdue since %2")
            .replace("%1", reminder.partner)
            .replace("%2", day)
        )
    channel = network_name(Network(reminder.network))
    text = (
        QCoreApplication.translate("Collaborations", "%1: the %2 post was due %3")
        if reminder.kind is ReminderKind.POST_LATE
        else QCoreApplication.translate("Collaborations", "%1: the %2 post is due %3")
    )
    return text.replace("%1", reminder.partner).replace("%2", channel).replace("%3", day)


def error_text(error: CollabError) -> str:
    params = error.params
    if error.code == "collab.company_missing":
        return QCoreApplication.translate("Collaborations", "Name the partner company.")
    if error.code == "collab.no_account":
        network = network_name(Network(params.get("network", "x")))
        return QCoreApplication.translate(
            "Collaborations", "There is no %1 account: add one on the Accounts page first."
        ).replace("%1", network)
    if error.code == "collab.post_taken":
        return QCoreApplication.translate(
            "Collaborations",
            "That post has gone out or belongs to another collaboration meanwhile; choose another.",
        )
    if error.code == "collab.bad_move":
        return QCoreApplication.translate(
            "Collaborations", "A collaboration moves one step at a time."
        )
    if error.code == "collab.changed_meanwhile":
        return QCoreApplication.translate(
            "Collaborations", "The collaboration was changed meanwhile; look again."
        )
    return QCoreApplication.translate("Collaborations", "The collaboration was not found.")
